# Dateline: two commands set everything up on a fresh machine with Python 3.11 and make.
#   make run    create .venv, install pinned dependencies, run the flow on seeds/articles,
#               write warehouse/report.html
#   make test   the test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test lint bench bench-scale eval docs clean wheel-check

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	$(BIN)/python -m dateline.prefect_home >/dev/null  # migrated Prefect DB that new warehouses copy
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/dateline run --input seeds/articles --warehouse warehouse
	$(BIN)/dateline report --warehouse warehouse --out warehouse/report.html

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check dateline flows transforms tests bench
	$(BIN)/mypy transforms flows dateline

docs: $(STAMP)
	$(BIN)/dateline docs

# Benchmarks and evaluations read the corpora in ../shared (not needed by the product or tests).
SHARED ?= ../shared
bench: $(STAMP)
	$(BIN)/python bench/bench_temporal.py $(SHARED)/data/corpora/te3-silver
	$(BIN)/python bench/bench_pipeline.py $(SHARED)/data/corpora/te3-silver
	$(BIN)/python bench/bench_language.py $(SHARED)/data/pages/htmldate-eval $(SHARED)/data/timeml/fr-frtimebank $(SHARED)/data/corpora/te3-silver

# Dask scale-out: same tables on every backend, 1 vs 2 workers, per-task overhead (about 40 min on 2 cores)
bench-scale: $(STAMP)
	$(BIN)/python bench/bench_scale.py $(SHARED)/data/corpora/te3-silver

eval: $(STAMP)
	$(BIN)/python bench/eval_all.py --shared $(SHARED)

# The product installed as a wheel (no source tree, no editable install) runs the embedded seed:
# reference data, schema.yml and marts are package data.
wheel-check: $(STAMP)
	rm -rf build/wheel build/wheel-venv build/wheel-wh
	$(BIN)/python -m pip wheel --no-deps --quiet -w build/wheel .
	$(PYTHON) -m venv build/wheel-venv
	build/wheel-venv/bin/python -m pip install --quiet -c requirements.lock build/wheel/*.whl
	cd build && wheel-venv/bin/dateline run --warehouse wheel-wh

clean:
	rm -rf warehouse/parquet warehouse/dateline.duckdb warehouse/.prefect warehouse/report.html
