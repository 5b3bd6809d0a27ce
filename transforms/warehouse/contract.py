"""The warehouse contract, loaded from ``warehouse/schema.yml`` (declared once).

From the declaration this module generates:

* the pyarrow schema of each table (:func:`arrow_schema`, :func:`to_arrow`),
* the DuckDB column types for typed empty views (:func:`duckdb_type`),
* the data dictionary (:func:`data_dictionary_markdown`, written to ``docs/data-dictionary.md``),
* the checks run after each flow (:func:`checks`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import yaml

from transforms.core.refdata import YAML_LOADER
from transforms.settings import DICTIONARY_PATH, SCHEMA_PATH

ACTOR_FIELDS = ("text", "name", "country", "sector", "role")
_ACTOR_TYPE = pa.list_(pa.struct([(f, pa.string()) for f in ACTOR_FIELDS]))

_ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us", tz="UTC"),
    "actors": _ACTOR_TYPE,
}

_DUCKDB_TYPES: dict[str, str] = {
    "string": "VARCHAR",
    "int32": "INTEGER",
    "int64": "BIGINT",
    "float64": "DOUBLE",
    "bool": "BOOLEAN",
    "date": "DATE",
    "timestamp": "TIMESTAMP WITH TIME ZONE",
    "actors": "STRUCT(" + ", ".join(f'"{f}" VARCHAR' for f in ACTOR_FIELDS) + ")[]",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    required: bool = False
    accepted: tuple[str, ...] | None = None
    partition: bool = False


@dataclass(frozen=True)
class Check:
    """One data check; ``sql`` selects the offending rows (zero rows = pass)."""

    table: str
    name: str
    description: str
    sql: str


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    primary_key: tuple[str, ...]
    columns: tuple[Column, ...]
    partition: str | None = None
    table_checks: tuple[dict, ...] = field(default_factory=tuple)

    @property
    def stored_columns(self) -> tuple[Column, ...]:
        """Columns written inside the Parquet files (the partition column lives in the path)."""
        return tuple(c for c in self.columns if not c.partition)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name}")


@lru_cache(maxsize=1)
def tables() -> dict[str, Table]:
    """All tables of the contract, in declaration order."""
    spec = yaml.load(Path(SCHEMA_PATH).read_text(encoding="utf-8"), Loader=YAML_LOADER)  # noqa: S506 (a safe loader)
    out: dict[str, Table] = {}
    for name, t in spec["tables"].items():
        cols = []
        for c in t["columns"]:
            if c["type"] not in _ARROW_TYPES:
                raise ValueError(f"{name}.{c['name']}: unknown type {c['type']}")
            cols.append(
                Column(
                    name=c["name"],
                    type=c["type"],
                    description=c.get("description", ""),
                    required=bool(c.get("required", False)),
                    accepted=tuple(c["accepted"]) if c.get("accepted") else None,
                    partition=bool(c.get("partition", False)),
                )
            )
        out[name] = Table(
            name=name,
            description=t.get("description", ""),
            primary_key=tuple(t["primary_key"]),
            columns=tuple(cols),
            partition=t.get("partition"),
            table_checks=tuple(t.get("checks", ())),
        )
    return out


def table(name: str) -> Table:
    try:
        return tables()[name]
    except KeyError:
        raise KeyError(f"no table named {name!r} in {SCHEMA_PATH}") from None


def arrow_schema(name: str) -> pa.Schema:
    """pyarrow schema of the columns stored in the Parquet files of ``name``."""
    t = table(name)
    return pa.schema(
        [pa.field(c.name, _ARROW_TYPES[c.type], nullable=not c.required) for c in t.stored_columns]
    )


def duckdb_type(column: Column) -> str:
    return _DUCKDB_TYPES[column.type]


def _coerce(value: Any, type_name: str) -> Any:
    """Normalise Python values to what pyarrow expects for the declared type."""
    if value is None:
        return None
    if type_name == "timestamp":
        if isinstance(value, dt.datetime):
            if value.tzinfo is None:
                value = value.replace(tzinfo=dt.UTC)
            return value.astimezone(dt.UTC)
        if isinstance(value, dt.date):
            return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
        return dt.datetime.fromisoformat(str(value)).astimezone(dt.UTC)
    if type_name == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return dt.date.fromisoformat(str(value))
    if type_name == "actors":
        return [{f: (None if a.get(f) is None else str(a.get(f))) for f in ACTOR_FIELDS} for a in value]
    return value


def to_arrow(name: str, rows: list[dict]) -> pa.Table:
    """Build an Arrow table for ``name`` from row dicts (extra keys ignored, missing = null)."""
    t = table(name)
    schema = arrow_schema(name)
    columns = {}
    for c in t.stored_columns:
        columns[c.name] = pa.array([_coerce(r.get(c.name), c.type) for r in rows], type=_ARROW_TYPES[c.type])
    return pa.Table.from_pydict(columns, schema=schema)


# ---------------------------------------------------------------------------- data dictionary

def data_dictionary_markdown() -> str:
    """The data dictionary, generated from the contract."""
    lines = [
        "# Data dictionary",
        "",
        "<!-- Generated from warehouse/schema.yml by `dateline docs`; do not edit by hand. -->",
        "",
        "Parquet files live under `warehouse/parquet/<table>/` (hive-partitioned by `month=YYYY-MM`",
        "where a table has a partition); `warehouse/parquet/_current.json` lists the files of the committed",
        "snapshot and `warehouse/dateline.duckdb` has one view per table over them.",
        "Timestamps are UTC; dates are calendar dates; actor lists are lists of structs.",
        "",
    ]
    for t in tables().values():
        lines += [f"## `{t.name}`", "", t.description, ""]
        lines.append(f"Primary key: `{', '.join(t.primary_key)}`" + (f"; partitioned by `{t.partition}`." if t.partition else "."))
        lines += ["", "| column | type | required | description |", "|---|---|---|---|"]
        for c in t.columns:
            desc = c.description.replace("|", "\\|")
            if c.accepted:
                desc += " Accepted: " + ", ".join(f"`{v}`" for v in c.accepted) + "."
            lines.append(f"| `{c.name}` | {duckdb_type(c)} | {'yes' if c.required else ''} | {desc} |")
        extra = [ch for ch in checks() if ch.table == t.name]
        if extra:
            lines += ["", "Checks: " + ", ".join(f"`{ch.name}`" for ch in extra) + "."]
        lines.append("")
    return "\n".join(lines)


def write_data_dictionary(path: Path = DICTIONARY_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data_dictionary_markdown(), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------- checks

def sql_literal(value: str) -> str:
    """A SQL string literal (single quotes doubled)."""
    return "'" + value.replace("'", "''") + "'"


def checks() -> list[Check]:
    """Checks generated from the contract: keys, required columns, accepted values, table rules."""
    out: list[Check] = []
    for t in tables().values():
        key = ", ".join(t.primary_key)
        out.append(Check(t.name, "primary_key_unique", f"{key} is unique",
                         f"SELECT {key}, count(*) AS n FROM {t.name} GROUP BY {key} HAVING count(*) > 1"))
        for c in t.columns:
            if c.required:
                out.append(Check(t.name, f"not_null:{c.name}", f"{c.name} is never null",
                                 f"SELECT * FROM {t.name} WHERE {c.name} IS NULL"))
            if c.accepted:
                values = ", ".join(sql_literal(v) for v in c.accepted)
                out.append(Check(t.name, f"accepted_values:{c.name}", f"{c.name} in ({', '.join(c.accepted)})",
                                 f"SELECT * FROM {t.name} WHERE {c.name} IS NOT NULL AND {c.name} NOT IN ({values})"))
        for spec in t.table_checks:
            name = spec["name"]
            if "where_not" in spec:
                cond = spec["where_not"]
                out.append(Check(t.name, name, spec.get("description", cond),
                                 f"SELECT * FROM {t.name} WHERE NOT ({cond})"))
            elif "relationship" in spec:
                col = spec["relationship"]["column"]
                other, other_col = spec["relationship"]["to"].split(".")
                out.append(Check(t.name, name, f"every {col} exists in {other}.{other_col}",
                                 f"SELECT * FROM {t.name} WHERE {col} NOT IN (SELECT {other_col} FROM {other})"))
            else:
                raise ValueError(f"check {t.name}.{name}: needs where_not or relationship")
    return out
