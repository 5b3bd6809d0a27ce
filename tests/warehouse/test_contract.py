import datetime as dt

import pyarrow as pa

from transforms import settings
from transforms.warehouse import contract as schema


def test_data_dictionary_matches_contract():
    """docs/data-dictionary.md is generated from warehouse/schema.yml: run `dateline docs` after editing it."""
    assert settings.DICTIONARY_PATH.read_text(encoding="utf-8") == schema.data_dictionary_markdown()


def test_contract_has_the_columns_other_tools_rely_on():
    required = {
        "documents": "doc_id input_path source url title language published_at published_date text content_hash ingested_at pipeline_version",
        "time_expressions": "doc_id sentence_index start_char end_char text timex_type value mod granularity date_start date_end anchor rule pipeline_version",
        "events": "event_id doc_id sentence_index start_char end_char trigger event_type mode status source_actors target_actors location_name location_country latitude longitude geonames_id date_start date_end granularity date_value date_source evidence reported_by confidence pipeline_version",
        "quarantine": "input_path locator reason detail seen_at",
    }
    for name, cols in required.items():
        have = {c.name for c in schema.table(name).columns}
        assert set(cols.split()) <= have, (name, set(cols.split()) - have)


def test_arrow_types_are_bi_friendly():
    s = schema.arrow_schema("documents")
    assert s.field("published_at").type == pa.timestamp("us", tz="UTC")
    assert s.field("published_date").type == pa.date32()
    actors = schema.arrow_schema("events").field("source_actors").type
    assert pa.types.is_list(actors) and pa.types.is_struct(actors.value_type)
    assert "month" not in s.names  # the partition column lives in the directory name


def test_to_arrow_coerces_naive_datetimes_to_utc_and_fills_missing():
    tbl = schema.to_arrow("quarantine", [{"quarantine_id": "q", "input_path": "/x", "reason": "empty text",
                                          "seen_at": dt.datetime(2025, 5, 30, 12),
                                          "pipeline_version": "v"}])
    row = tbl.to_pylist()[0]
    assert row["seen_at"] == dt.datetime(2025, 5, 30, 12, tzinfo=dt.UTC)
    assert row["detail"] is None


def test_checks_cover_keys_required_and_accepted_values():
    names = {(c.table, c.name) for c in schema.checks()}
    assert ("events", "primary_key_unique") in names
    assert ("events", "accepted_values:event_type") in names
    assert ("events", "accepted_values:status") in names
    assert ("time_expressions", "accepted_values:timex_type") in names
    assert ("events", "date_order") in names
    assert ("events", "asserted_not_after_publication") in names
    assert ("events", "doc_exists") in names
    assert ("documents", "not_null:published_at") in names
