"""TimeML I/O and TempEval-3 Task A scoring (time expressions).

* :func:`parse_tml` reads a TempEval-3 style ``.tml`` file: the ``<TEXT>`` content as plain
  (unescaped) text, the DCT, title, docid and the gold TIMEX3 with offsets into that text.
* :func:`annotate_dir` re-annotates every ``.tml`` file of a directory with
  :func:`transforms.temporal.tag`: gold TIMEX3/EVENT/SIGNAL tags inside ``<TEXT>`` are removed,
  ours inserted; everything outside ``<TEXT>`` (DCT, MAKEINSTANCE, TLINK ...) is kept byte for
  byte and the text between tags keeps the source's own escaping.
* :func:`score_dirs` computes strict / relaxed extent F1 and value / type F1 over relaxed
  matches (precision over system expressions, recall over gold ones); the DCT is not scored.
"""

from __future__ import annotations

import datetime as dt
import html
import multiprocessing as mp
import os
import re
from bisect import bisect_left, bisect_right
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

_TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG_RE = re.compile(r"<(/?)([A-Za-z][\w:-]*)([^<>]*?)(/?)>")
_ENT_RE = re.compile(r"&(#x[0-9a-fA-F]+|#\d+|\w+);")
_ATTR_RE = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')
_DCT_RE = re.compile(r"<DCT>(.*?)</DCT>", re.S)
_DOCID_RE = re.compile(r"<DOCID>(.*?)</DOCID>", re.S)
_TITLE_RE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_STRIP_TAGS = {"TIMEX3", "EVENT", "SIGNAL"}


def _read(path_or_text) -> str:
    if isinstance(path_or_text, Path):
        return path_or_text.read_text(encoding="utf-8")
    s = str(path_or_text)
    if "<" not in s and len(s) < 4096 and Path(s).exists():
        return Path(s).read_text(encoding="utf-8")
    return s


def _unescape_segment(raw: str) -> tuple[str, list[int] | None]:
    """Unescaped text and, for each of its chars (plus the end), the offset in ``raw``
    (``None`` when the segment has no entity: offsets are the identity)."""
    if "&" not in raw:
        return raw, None
    out: list[str] = []
    pos: list[int] = []
    i = 0
    for m in _ENT_RE.finditer(raw):
        for j in range(i, m.start()):
            out.append(raw[j])
            pos.append(j)
        rep = html.unescape(m.group(0))
        for ch in rep:
            out.append(ch)
            pos.append(m.start())
        i = m.end()
    for j in range(i, len(raw)):
        out.append(raw[j])
        pos.append(j)
    pos.append(len(raw))
    return "".join(out), pos


def _walk_text(raw: str):
    """Split raw TEXT content into text pieces and tags.

    Returns (plain_text, raw_pieces) where raw_pieces is a list of ("text", raw, plain_start) or
    ("tag", raw, name, attrs, closing)."""
    pieces = []
    plain: list[str] = []
    n = 0
    i = 0
    for m in _TAG_RE.finditer(raw):
        if m.start() > i:
            seg = raw[i:m.start()]
            txt, _ = _unescape_segment(seg)
            pieces.append(("text", seg, n))
            plain.append(txt)
            n += len(txt)
        pieces.append(("tag", m.group(0), m.group(2), m.group(3), m.group(1) == "/", m.group(4) == "/", n))
        i = m.end()
    if i < len(raw):
        seg = raw[i:]
        txt, _ = _unescape_segment(seg)
        pieces.append(("text", seg, n))
        plain.append(txt)
        n += len(txt)
    return "".join(plain), pieces


def _parse_date(value: str) -> dt.date | None:
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value or "")
    if not m:
        m2 = re.match(r"(\d{4})(\d{2})(\d{2})", value or "")
        if not m2:
            return None
        m = m2
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _dct_of(src: str) -> dt.date | None:
    dct = None
    dm = _DCT_RE.search(src)
    if dm:
        for a in _ATTR_RE.finditer(dm.group(1)):
            if a.group(1) == "value":
                dct = _parse_date(a.group(2))
                break
        if dct is None:
            dct = _parse_date(re.sub(r"<[^>]*>", "", dm.group(1)).strip())
    return dct


def parse_tml(path_or_text) -> dict:
    """Parse a TimeML document: ``text``, ``dct`` (date), ``title``, ``docid``, ``timexes``."""
    src = _read(path_or_text)
    dct = _dct_of(src)
    docid = _DOCID_RE.search(src)
    title = _TITLE_RE.search(src)
    tm = _TEXT_RE.search(src)
    raw = tm.group(1) if tm else ""
    text, pieces = _walk_text(raw)
    timexes = []
    stack: list[tuple[int, dict]] = []
    for p in pieces:
        if p[0] != "tag" or p[2] != "TIMEX3":
            continue
        _, _, _, attrs, closing, selfclosing, pos = p
        if selfclosing:
            continue
        if not closing:
            stack.append((pos, dict(_ATTR_RE.findall(attrs))))
        elif stack:
            start, a = stack.pop()
            timexes.append({
                "start": start, "end": pos, "text": text[start:pos], "type": a.get("type"),
                "value": a.get("value"), "mod": a.get("mod"), "tid": a.get("tid"),
            })
    timexes.sort(key=lambda t: (t["start"], t["end"]))
    return {
        "text": text,
        "dct": dct,
        "title": html.unescape(re.sub(r"<[^>]*>", "", title.group(1))).strip() if title else None,
        "docid": html.unescape(docid.group(1).strip()) if docid else None,
        "timexes": timexes,
    }


def _timex_open(i: int, t: dict) -> str:
    attrs = [f'tid="t{i}"', f'type="{t["timex_type"]}"', f'value="{html.escape(str(t["value"]), quote=True)}"']
    if t.get("mod"):
        attrs.append(f'mod="{t["mod"]}"')
    return "<TIMEX3 " + " ".join(attrs) + ">"


def annotate_text(src: str) -> str:
    """Return the TimeML document with its TEXT content re-annotated by our tagger."""
    from transforms.temporal import tag

    tm = _TEXT_RE.search(src)
    if not tm:
        return src
    dct = _dct_of(src) or dt.date.today()
    raw = tm.group(1)
    text, pieces = _walk_text(raw)
    timexes = [t for t in tag(text, dct) if t["end"] > t["start"]]
    # Plain text piece list with raw offsets, gold tags dropped.
    segs = []  # (plain_start, raw_seg, posmap)
    out_keep = []  # tags to keep (non-stripped), at plain position
    for p in pieces:
        if p[0] == "text":
            _, seg, start = p
            plain, posmap = _unescape_segment(seg)
            segs.append((start, seg, posmap, len(plain)))
        elif p[2] not in _STRIP_TAGS:
            out_keep.append((p[6], p[1]))
    inserts: dict[int, list[str]] = {}
    for i, t in enumerate(timexes, start=1):
        inserts.setdefault(t["start"], []).append(_timex_open(i, t))
        inserts.setdefault(t["end"], []).insert(0, "</TIMEX3>")
    # closings before openings at the same offset
    for k, v in inserts.items():
        inserts[k] = [x for x in v if x.startswith("</")] + [x for x in v if not x.startswith("</")]
    for pos, tagraw in out_keep:
        inserts.setdefault(pos, []).append(tagraw)
    buf: list[str] = []
    done: set[int] = set()
    keys = sorted(inserts)
    for start, seg, posmap, plain_len in segs:
        cur = 0
        for off in keys[bisect_left(keys, start):bisect_right(keys, start + plain_len)]:
            if off in done:
                continue
            k = off - start
            rp = posmap[k] if posmap is not None else k  # raw position of plain offset k
            buf.append(seg[cur:rp])
            cur = rp
            buf.extend(inserts[off])
            done.add(off)
        buf.append(seg[cur:])
    for off in sorted(set(inserts) - done):
        buf.extend(inserts[off])
    new_raw = "".join(buf)
    return src[:tm.start(1)] + new_raw + src[tm.end(1):]


def _annotate_files(pairs: list[tuple[str, str]]) -> int:
    for src_path, dst_path in pairs:
        src = Path(src_path).read_text(encoding="utf-8")
        Path(dst_path).write_text(annotate_text(src), encoding="utf-8")
    return len(pairs)


def annotate_dir(in_dir, out_dir, workers: int | None = None, min_files_per_worker: int = 50) -> int:
    """Annotate every ``*.tml`` file of ``in_dir`` into ``out_dir``; returns the number of files.

    Uses ``workers`` processes (default: up to 2 CPUs) when there are enough files to pay
    for starting them."""
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    pairs = [(str(p), str(out_dir / p.name)) for p in sorted(in_dir.glob("*.tml"))]
    workers = workers or max(1, min(2, os.cpu_count() or 1))
    if workers <= 1 or len(pairs) < 2 * min_files_per_worker:
        return _annotate_files(pairs)
    size = max(1, -(-len(pairs) // (workers * 4)))
    chunks = [pairs[i:i + size] for i in range(0, len(pairs), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn")) as pool:
        return sum(pool.map(_annotate_files, chunks))


def _prf(correct: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = correct / n_sys if n_sys else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def score_docs(gold: list[dict], system: list[dict]) -> dict:
    """Counts for one document (lists of timex dicts with start, end, type, value)."""
    gold_spans = {(g["start"], g["end"]) for g in gold}
    strict = sum(1 for s in {(s["start"], s["end"]) for s in system} if s in gold_spans)
    # relaxed one-to-one: exact matches first, then largest overlap
    used_s: set[int] = set()
    pairs: list[tuple[int, int]] = []
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if ov > 0:
                exact = g["start"] == s["start"] and g["end"] == s["end"]
                cands.append((not exact, -ov, gi, si))
    cands.sort()
    used_g: set[int] = set()
    for _, _, gi, si in cands:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gi, si))
    value = sum(1 for gi, si in pairs if gold[gi].get("value") == system[si].get("value"))
    typ = sum(1 for gi, si in pairs if gold[gi].get("type") == system[si].get("type"))
    return {"gold": len(gold), "system": len(system), "strict_matches": strict,
            "relaxed_matches": len(pairs), "value_matches": value, "type_matches": typ,
            "pairs": pairs}


def score_dirs(gold_dir, system_dir) -> dict:
    """TempEval-3 Task A metrics over the ``.tml`` files present in ``gold_dir``."""
    gold_dir, system_dir = Path(gold_dir), Path(system_dir)
    tot = {"gold": 0, "system": 0, "strict_matches": 0, "relaxed_matches": 0, "value_matches": 0,
           "type_matches": 0, "documents": 0, "missing_system_files": 0}
    for gp in sorted(gold_dir.glob("*.tml")):
        g = parse_tml(gp)["timexes"]
        sp = system_dir / gp.name
        if sp.exists():
            s = parse_tml(sp)["timexes"]
        else:
            s = []
            tot["missing_system_files"] += 1
        c = score_docs(g, s)
        tot["documents"] += 1
        for k in ("gold", "system", "strict_matches", "relaxed_matches", "value_matches", "type_matches"):
            tot[k] += c[k]
    res = dict(tot)
    for name, key in (("strict", "strict_matches"), ("relaxed", "relaxed_matches"),
                      ("value", "value_matches"), ("type", "type_matches")):
        p, r, f = _prf(tot[key], tot["system"], tot["gold"])
        res[f"{name}_precision"] = round(p, 2)
        res[f"{name}_recall"] = round(r, 2)
        res[f"{name}_f1"] = round(f, 2)
    return res
