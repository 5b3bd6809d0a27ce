"""The warehouse: the table contract, Parquet storage, the lock, DuckDB publishing, checks, clusters.

* :mod:`.contract` — tables declared once in ``warehouse/schema.yml`` → Arrow schemas, the data
  dictionary and the checks' SQL;
* :mod:`.store` — hive-partitioned Parquet with atomic partition replaces;
* :mod:`.lock` — one writer per warehouse folder;
* :mod:`.publish` — the ``dateline.duckdb`` file of views and marts, read-only connections;
* :mod:`.checks` — running the contract's checks;
* :mod:`.clusters` — linking mentions of the same happening across documents.
"""
