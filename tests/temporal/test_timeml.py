"""TimeML reader and writer (transforms.temporal.timeml) on the TBAQ-cleaned fixtures and small documents."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from transforms.temporal.timeml import TimeMLTimex, annotate_text, parse_tml

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "timeml"

SMALL = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>own_0001</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2003-04-09" functionInDocument="CREATION_TIME">'
    "April 9, 2003</TIMEX3></DCT>\n<TITLE>Harbour &amp; canal</TITLE>\n"
    "<TEXT>The harbour &amp; canal reopened <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2003-04-07\">"
    "on Monday</TIMEX3> after <EVENT eid=\"e1\" class=\"OCCURRENCE\">repairs</EVENT> that lasted "
    '<TIMEX3 tid="t2" type="DURATION" value="P3M">three months</TIMEX3>.</TEXT>\n'
    '<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>\n</TimeML>\n'
)


def test_parse_tml():
    d = parse_tml(FIX / "wsj_0006.tml")
    assert d.docid == "wsj_0006"
    assert d.dct == dt.date(1989, 11, 2)
    assert [(t.text, t.type, t.value) for t in d.timexes] == [("year-end", "DATE", "1989-12-31")]
    t = d.timexes[0]
    assert d.text[t.start:t.end] == "year-end"
    assert "<" not in d.text


def test_parse_unescapes_entities():
    d = parse_tml(FIX / "APW19980809.0700.tml")
    assert "&amp;" not in d.text
    for t in d.timexes:
        assert d.text[t.start:t.end] == t.text


def test_parse_from_string():
    src = (FIX / "wsj_0068.tml").read_text(encoding="utf-8")
    assert parse_tml(src).timexes == parse_tml(FIX / "wsj_0068.tml").timexes


def test_parse_small_document():
    d = parse_tml(SMALL)
    assert d.text == "The harbour & canal reopened on Monday after repairs that lasted three months."
    assert (d.dct, d.dct_value, d.title, d.docid, d.has_text) == (
        dt.date(2003, 4, 9), "2003-04-09", "Harbour & canal", "own_0001", True)
    assert d.timexes == [
        TimeMLTimex(29, 38, "on Monday", "DATE", "2003-04-07", None, "t1"),
        TimeMLTimex(65, 77, "three months", "DURATION", "P3M", None, "t2"),
    ]


def test_parse_without_text_or_dct():
    d = parse_tml("<TimeML><DOCID>x</DOCID></TimeML>")
    assert (d.text, d.has_text, d.dct, d.dct_value, d.timexes) == ("", False, None, None, [])
    # no <DCT>: the creation-time TIMEX3 gives the raw DCT value
    d = parse_tml('<TimeML><TIMEX3 tid="t9" value="1999-01-02" functionInDocument="CREATION_TIME">x</TIMEX3>'
                  "<TEXT>Quiet.</TEXT></TimeML>")
    assert (d.dct, d.dct_value, d.text) == (None, "1999-01-02", "Quiet.")


def _outside_text(src: str) -> str:
    return re.sub(r"<TEXT>.*?</TEXT>", "<TEXT/>", src, flags=re.S)


def test_annotate_small_document():
    out = annotate_text(SMALL)
    assert _outside_text(out) == _outside_text(SMALL)  # DCT, TITLE, TLINK untouched
    inner = re.search(r"<TEXT>(.*?)</TEXT>", out, re.S).group(1)
    assert inner == ('The harbour &amp; canal reopened on <TIMEX3 tid="t1" type="DATE" value="2003-04-07">'
                     'Monday</TIMEX3> after repairs that lasted <TIMEX3 tid="t2" type="DURATION" value="P3M">'
                     "three months</TIMEX3>.")


def test_annotate_without_text_returns_the_source():
    assert annotate_text("<TimeML>nothing</TimeML>") == "<TimeML>nothing</TimeML>"


def test_annotate_text_is_idempotent_on_text():
    src = (FIX / "wsj_0068.tml").read_text(encoding="utf-8")
    once = annotate_text(src)
    assert annotate_text(once) == once


def test_annotate_without_entities_or_kept_tags_matches_the_general_path():
    # the same text written plainly (the fast path) and with an entity and a kept tag (the general
    # path) gets the same TIMEX3 at the same places
    plain = SMALL.replace("harbour &amp; canal reopened", "harbour and canal reopened")
    kept = SMALL.replace("reopened ", 'reopened <s n="1"/>')
    strip = re.compile(r"<TIMEX3[^>]*>|</TIMEX3>")
    out_plain, out_kept = annotate_text(plain), annotate_text(kept)
    assert strip.findall(out_plain) == strip.findall(out_kept) == strip.findall(annotate_text(SMALL))
    inner = re.search(r"<TEXT>(.*?)</TEXT>", out_plain, re.S).group(1)
    assert inner.startswith('The harbour and canal reopened on <TIMEX3 tid="t1" type="DATE" value="2003-04-07">Monday')
    assert '<s n="1"/>on <TIMEX3' in out_kept


def _own_doc(text: str, dct: str = "2003-04-09") -> str:
    return (f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>own_0002</DOCID>\n<DCT><TIMEX3 tid="t0" type="DATE" '
            f'value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n<TEXT>{text}</TEXT>\n</TimeML>\n')


def test_forward_offsets_are_written_as_their_duration():
    # TimeML: "three days later" is the DURATION "three days"; the tagger keeps the anchored DATE
    from transforms.temporal import tag

    text = "The levee failed on April 2. Three days later the town was dry, and ten minutes after, it rained."
    out = parse_tml(annotate_text(_own_doc(text)))
    got = [(t.text, t.type, t.value) for t in out.timexes]
    assert ("Three days", "DURATION", "P3D") in got
    assert ("ten minutes", "DURATION", "PT10M") in got
    (later,) = [t for t in tag(text, dt.date(2003, 4, 9)) if t.text == "Three days later"]
    assert (later.timex_type, later.value) == ("DATE", "2003-04-05")


def test_backward_and_deictic_offsets_stay_dates():
    out = parse_tml(annotate_text(_own_doc("Two weeks ago the mill shut; a year earlier it was sold.")))
    assert [(t.text, t.type) for t in out.timexes] == [("Two weeks ago", "DATE"), ("a year earlier", "DATE")]
