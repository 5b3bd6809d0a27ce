import json

import pytest

from transforms.warehouse import manifest
from transforms.warehouse.manifest import FileEntry, Manifest, ManifestDamaged


def test_manifest_round_trips_and_is_replaced_atomically(tmp_path):
    m = Manifest(3, None, {"events": [FileEntry("events/month=2025-06/part-000003-ab.parquet", "2025-06", 4, 99)]},
                 [{"doc_id": "d", "month": "2025-06", "inputs": []}])
    path = manifest.save(tmp_path, m)
    assert path.name == "_current.json" and not list(tmp_path.glob(".*.tmp"))
    data = json.loads(path.read_text())
    assert data["commit"] == 3 and data["tables"]["events"][0]["rows"] == 4  # readable by any tool
    back = manifest.load(tmp_path)
    assert back is not None and back.to_json() == m.to_json() and not back.adopted


def test_missing_manifest_is_none_and_a_broken_one_is_reported(tmp_path):
    assert manifest.load(tmp_path) is None
    (tmp_path / "_current.json").write_text('{"commit": 1, "tab')
    with pytest.raises(ManifestDamaged):
        manifest.load(tmp_path)
    (tmp_path / "_current.json").write_text('{"format": 1, "commit": "x", "tables": {}}')
    with pytest.raises(ManifestDamaged):
        manifest.load(tmp_path)


def test_adopt_reads_row_counts_from_footers_and_marks_unreadable_files(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    good = tmp_path / "runs" / "data.parquet"
    good.parent.mkdir(parents=True)
    pq.write_table(pa.table({"run_id": ["r1", "r2"]}), good)
    bad = tmp_path / "events" / "month=2025-06" / "data.parquet"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"PAR1 not really")
    m = manifest.adopt(tmp_path)
    assert m.adopted
    assert [(e.path, e.rows) for e in m.files("runs")] == [("runs/data.parquet", 2)]
    assert [(e.month, e.rows) for e in m.files("events")] == [("2025-06", None)]
