import json
import re

import pytest

from transforms.report.render import embed_json, inline_script, render_html, write_atomic

HOSTILE = "</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)> & \u2028"


def test_embedded_json_has_no_markup_and_round_trips():
    text = embed_json({"text": HOSTILE})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"text": HOSTILE}


def test_a_library_that_would_end_its_script_is_refused():
    with pytest.raises(ValueError):
        inline_script("var s = '</script>';", "bad.js")
    assert "sourceMappingURL" not in inline_script("var a = 1;\n//# sourceMappingURL=a.js.map\n", "a.js")


def test_page_is_self_contained_and_forbids_requests():
    page = render_html({"documents": [], "title": HOSTILE}, title=HOSTILE)
    assert "@@" not in re.sub(r"<script type=\"application/json\".*?</script>", "", page, flags=re.S)[:2000]
    assert page.count("<script") == 5  # two data blocks, Vega, Vega-Lite, the app
    assert "default-src 'none'" in page and "connect-src 'none'" in page
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)
    assert "<title>&lt;/script&gt;" in page


def test_placeholders_inside_the_data_are_left_alone():
    page = render_html({"text": "@@APP@@ @@CSS@@"}, title="t")
    assert "@@APP@@ @@CSS@@" in page


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "sub" / "report.html"
    write_atomic(out, "one")
    write_atomic(out, "two")
    assert out.read_text() == "two"
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]
