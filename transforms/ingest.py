"""Read every input format into documents or quarantine items.

``read_inputs(paths, options)`` walks files and folders (recursively, sorted) and yields one
item per input item: a **document** (``kind == "document"``) or a **quarantine** item
(``kind == "quarantine"``, with a short stable ``reason``, a readable ``detail`` and a
``raw_excerpt``). Nothing is dropped silently; one bad item never stops the others.

Formats: ``.txt`` (+ ``NAME.meta.json`` sidecar or YAML front matter), ``.jsonl``/``.ndjson``,
``.csv``, ``.html``/``.htm``, RSS/Atom (``.xml``/``.rss``/``.atom``), ``.warc``/``.warc.gz``,
``.tml`` (TimeML). See ``docs/inputs.md``.

Publication date: metadata, then a dateline at the start of the text, then (WARC only) the
archive date, then ``options.assume_published``; otherwise quarantine "no publication date".

Everything handed to regexes, language detection and HTML extraction is capped in size, so
pathological inputs (hundreds of KB of digits, huge files) stay bounded in time.
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import functools
import html as html_lib
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from transforms.settings import reference_path
from transforms.text import content_hash, dateline_agency, doc_id, normalise_text

UTC = dt.UTC

EXCERPT_CHARS = 200
LANG_SAMPLE_CHARS = 2000
MIN_LETTERS_FOR_LANGUAGE = 20
LANGUAGE_REJECT_PROBABILITY = 0.80  # detector confidence needed to reject a text as another language
ENGLISH_FAST_PATH_SHARE = 0.30  # share of frequent English words above which a text is English
ENGLISH_FAST_PATH_MIN_WORDS = 40
DATELINE_HEAD_CHARS = 300
HTML_HEAD_CHARS = 2_000_000  # metadata search in pages is limited to this many characters
BINARY_SAMPLE_BYTES = 8192
MIN_YEAR = 1900

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
TIMEML_SUFFIXES = {".tml"}
SIDECAR_SUFFIX = ".meta.json"

METADATA_KEYS = ("published", "title", "source", "url", "language", "id", "year")  # documented in docs/inputs.md


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are read. ``now`` is for tests (default: the current UTC time)."""

    assume_published: dt.date | None = None
    max_bytes: int = 20 * 1024 * 1024
    future_tolerance_days: int = 2
    languages: tuple[str, ...] = ("en",)
    now: dt.datetime | None = field(default=None, compare=False)


class Reject(Exception):
    """An input item that goes to quarantine."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.excerpt = None  # what the quarantine row shows of the item, when the reader sets it


# --------------------------------------------------------------------------- discovery


def _is_hidden(path: Path, root: Path) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = (path.name,)
    return any(p.startswith(".") for p in parts)


def _is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def discover_files(paths: Iterable[Path]) -> list[Path]:
    """Input files under ``paths`` (files and folders, recursively), absolute, sorted per folder.

    Hidden files and folders and ``*.meta.json`` sidecars are skipped. A path that does not
    exist raises ``FileNotFoundError`` (a user error).
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(os.path.abspath(raw))
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {raw}")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not _is_hidden(p, path))
        else:
            found = [path]
        for p in found:
            if _is_sidecar(p) or p in seen:
                continue
            seen.add(p)
            out.append(p)
    return out


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    return path.suffix.lower()


# --------------------------------------------------------------------------- small helpers


def _excerpt(raw) -> str:
    if raw is None:
        return ""
    if isinstance(raw, bytes | bytearray):
        head = bytes(raw[:EXCERPT_CHARS])
        if binary_reason(head) is None:
            for cut in range(4):  # the slice may end inside a multi-byte character
                try:
                    return head[: len(head) - cut].decode("utf-8")
                except UnicodeDecodeError:
                    continue
        return repr(head)[:EXCERPT_CHARS]
    return str(raw)[:EXCERPT_CHARS]


def _quarantine(input_path: str, locator: str, reason: str, detail: str, raw) -> dict:
    return {"kind": "quarantine", "input_path": input_path, "locator": locator, "reason": reason,
            "detail": detail, "raw_excerpt": _excerpt(raw)}


def _clean_str(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        value = value[0] if value else None
        if value is None:
            return None
    value = str(value).strip()
    return value or None


def _language_code(value) -> str | None:
    value = _clean_str(value)
    if not value:
        return None
    return re.split(r"[-_]", value.lower(), maxsplit=1)[0] or None


_BINARY_MAGIC = {
    b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image", b"PK\x03\x04": "a ZIP archive (or docx/xlsx)", b"\x1f\x8b": "gzip data",
    b"\x7fELF": "an executable", b"\xd0\xcf\x11\xe0": "an MS Office document",
}
_CONTROL_BYTES = set(range(0, 9)) | {11} | set(range(14, 32)) | {127}


def binary_reason(data: bytes) -> str | None:
    """A readable description when ``data`` looks binary, else ``None``."""
    sample = data[:BINARY_SAMPLE_BYTES]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte order mark: text
    for magic, what in _BINARY_MAGIC.items():
        if sample.startswith(magic):
            return f"looks like {what}"
    if b"\x00" in sample:
        return "contains NUL bytes"
    if sample:
        controls = sum(1 for b in sample if b in _CONTROL_BYTES)
        if controls / len(sample) > 0.05:
            return f"{controls} of the first {len(sample)} bytes are control characters"
    return None


_WESTERN = {"cp1252", "latin_1", "iso8859_15", "iso8859_1", "windows_1252"}


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text: UTF-8 (with or without BOM), UTF-16 with a BOM, else charset detection.

    Returns ``(text, encoding)``; raises ``Reject("undecodable", ...)``.
    """
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        first_error = exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise Reject("undecodable", f"not UTF-8 (byte {first_error.start}: "
                     f"{data[first_error.start:first_error.start + 1]!r}) and no character set fits")
    least_chaos = min(m.chaos for m in matches)
    # Many code pages fit Western text equally well; for news in Latin script prefer the
    # common Windows-1252 / Latin-1 reading when it fits as well as the best candidate.
    for m in matches:
        if m.encoding in _WESTERN and m.chaos <= least_chaos + 0.01:
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                return data.decode("latin-1"), "latin-1"
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    return str(best), best.encoding


# --------------------------------------------------------------------------- dates


_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_ISO_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$")


def _as_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_published(value) -> dt.datetime | None:
    """An ISO 8601 date or datetime (or RFC 2822, as in feeds and mail) as an aware UTC datetime.

    A datetime without a zone is UTC; a date is midnight UTC. ``None`` when it cannot be read.
    Never raises.
    """
    try:
        if isinstance(value, dt.datetime):
            return _as_utc(value)
        if isinstance(value, dt.date):
            return dt.datetime(value.year, value.month, value.day, tzinfo=UTC)
        if not isinstance(value, str):
            return None
        s = value.strip()
        if not s or len(s) > 64:
            return None
        try:
            if len(s) == 10 and s[4] == "-":
                d = dt.date.fromisoformat(s)
                return dt.datetime(d.year, d.month, d.day, tzinfo=UTC)
            return _as_utc(dt.datetime.fromisoformat(s.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", s)
                                                     else s))
        except ValueError:
            pass
        m = _ISO_COMPACT.match(s)
        if m:
            y, mo, d, hh, mi, ss, zone = m.groups()
            base = dt.datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0))
            if zone and zone != "Z":
                sign = 1 if zone[0] == "+" else -1
                digits = zone[1:].replace(":", "")
                base = base.replace(tzinfo=dt.timezone(sign * dt.timedelta(hours=int(digits[:2]),
                                                                           minutes=int(digits[2:]))))
            return _as_utc(base)
        if re.search(r"[A-Za-z]{3},? ?\d|\d{1,2} [A-Za-z]{3} \d{4}", s):
            parsed = email.utils.parsedate_to_datetime(s)
            if parsed is not None:
                return _as_utc(parsed)
    except (ValueError, TypeError, OverflowError, IndexError):
        return None
    return None


_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z\u00C0-\u00DE.'’\- ]{1,40}?(?:,[ \t]*[A-Z][A-Za-z.'’\- ]{1,30}?)?)[ \t]*,[ \t]*"
    + _WEEKDAY
    + r"(?:(?P<month>[A-Z][a-z]{2,8})\.?[ \t]+(?P<day>\d{1,2})|(?P<day2>\d{1,2})[ \t]+(?P<month2>[A-Z][a-z]{2,8})\.?)"
    r"(?:,?[ \t]+(?P<year>\d{4}))?"
    r"[ \t]*(?P<agency>\([^()\n]{1,40}\))?[ \t]*(?P<dash>--?|[–—]|:)?"
)


def parse_dateline(text, year: int | None = None) -> dt.date | None:
    """The date in a news dateline at the start of ``text``, else ``None``. Never raises.

    ``"KYIV, May 30, 2025 (AP) —"`` gives 2025-05-30. ``"MOSCOW, May 30 (Reuters) -"`` has no
    year: it is a date only when ``year`` (from other metadata) is given.
    """
    try:
        if not isinstance(text, str):
            return None
        head = text[:DATELINE_HEAD_CHARS].lstrip("\ufeff \t\r\n").split("\n", 1)[0]
        m = _DATELINE.match(head)
        if not m or not (m.group("agency") or m.group("dash")):
            return None
        month_word = (m.group("month") or m.group("month2") or "").lower()
        month = _MONTHS.get(month_word)
        if month is None:
            return None
        day = int(m.group("day") or m.group("day2"))
        if m.group("year"):
            y = int(m.group("year"))
        elif isinstance(year, int) and not isinstance(year, bool):
            y = year
        else:
            return None
        return dt.date(y, month, day)
    except (ValueError, TypeError, OverflowError):
        return None


def _check_plausible(when: dt.datetime, options: IngestOptions, what: str) -> None:
    now = options.now or dt.datetime.now(UTC)
    now = _as_utc(now)
    if when.year < MIN_YEAR:
        raise Reject("impossible publication date", f"{what} {when.date().isoformat()} is before {MIN_YEAR}")
    limit = now + dt.timedelta(days=options.future_tolerance_days)
    if when > limit:
        raise Reject("impossible publication date",
                     f"{what} {when.isoformat()} is more than {options.future_tolerance_days} days "
                     f"after now ({now.date().isoformat()})")


def _year_hint(meta: dict, context: dict) -> int | None:
    for value in (meta.get("year"), context.get("year")):
        try:
            if value is not None and not isinstance(value, bool):
                y = int(str(value).strip()[:4])
                if MIN_YEAR <= y <= 9999:
                    return y
        except ValueError:
            continue
    return None


def resolve_published(meta: dict, text: str, options: IngestOptions, context: dict | None = None
                      ) -> tuple[dt.datetime, str]:
    """(published_at, published_source) for an item, or ``Reject``.

    Order: metadata ``published``; a dateline at the start of the text (a year-less dateline
    takes its year from ``meta["year"]`` or the container, e.g. the feed); the archive date
    (WARC); ``options.assume_published``.
    """
    context = context or {}
    raw = meta.get("published")
    if raw is not None and not (isinstance(raw, str) and not raw.strip()):
        when = parse_published(raw)
        if when is None:
            raise Reject("unparseable publication date", f"published {str(raw)[:80]!r} is not an ISO 8601 date")
        _check_plausible(when, options, "published")
        return when, "metadata"
    day = parse_dateline(text, _year_hint(meta, context))
    if day is not None:
        when = dt.datetime(day.year, day.month, day.day, tzinfo=UTC)
        _check_plausible(when, options, "dateline date")
        return when, "dateline"
    archive = context.get("archive_date")
    if archive is not None:
        when = parse_published(archive)
        if when is not None:
            _check_plausible(when, options, "archive date")
            return when, "archive"
    if options.assume_published is not None:
        d = options.assume_published
        return dt.datetime(d.year, d.month, d.day, tzinfo=UTC), "assumed"
    raise Reject("no publication date", "no published date in the metadata, no dated dateline at the start "
                 "of the text and no --assume-published")


# --------------------------------------------------------------------------- language

_LANG_READY = False


def detect_language(text: str) -> tuple[str | None, float, dict[str, float]]:
    """(best language, its probability, all probabilities) on the first ~2000 chars; deterministic."""
    global _LANG_READY
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    if not _LANG_READY:
        DetectorFactory.seed = 0
        _LANG_READY = True
    try:
        langs = detect_langs(text[:LANG_SAMPLE_CHARS])
    except LangDetectException:
        return None, 0.0, {}
    probs = {lang.lang.split("-")[0]: lang.prob for lang in langs}
    if not langs:
        return None, 0.0, {}
    return langs[0].lang.split("-")[0], langs[0].prob, probs


_LOWER_WORD = re.compile(r"[a-z]+")
_ENGLISH_WORDS: frozenset[str] | None = None


def looks_english(sample: str) -> bool:
    """Cheap test before the statistical detector: frequent English words make up a large share
    of the words (``seeds/reference/text/english_function_words.txt``). Typical English news
    scores 0.4-0.5; other languages stay far below the threshold."""
    global _ENGLISH_WORDS
    if _ENGLISH_WORDS is None:
        lines = reference_path("text", "english_function_words.txt").read_text(encoding="utf-8").splitlines()
        _ENGLISH_WORDS = frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
    words = _LOWER_WORD.findall(sample.lower())
    if len(words) < ENGLISH_FAST_PATH_MIN_WORDS:
        return False
    return sum(1 for w in words if w in _ENGLISH_WORDS) >= ENGLISH_FAST_PATH_SHARE * len(words)


def _check_language(text: str, meta_language: str | None, options: IngestOptions) -> str | None:
    allowed = tuple(options.languages)
    if meta_language and meta_language not in allowed:
        raise Reject("unsupported language", f"metadata language is {meta_language!r}; supported: "
                     f"{', '.join(allowed)}")
    sample = text[:LANG_SAMPLE_CHARS]
    if sum(1 for c in sample if c.isalpha()) < MIN_LETTERS_FOR_LANGUAGE:
        return meta_language
    if "en" in allowed and looks_english(sample):
        return meta_language or "en"
    letters = [c for c in sample if c.isalpha()]
    if sum(1 for c in letters if c.isupper()) > 0.6 * len(letters):
        sample = sample.lower()  # an all-caps headline confuses the detector
    best, prob, probs = detect_language(sample)
    if best is None:
        return meta_language
    # reject only a confident verdict: lists of names and scores get low, arbitrary guesses
    if best not in allowed and prob >= LANGUAGE_REJECT_PROBABILITY \
            and max((probs.get(a, 0.0) for a in allowed), default=0.0) < 0.2:
        raise Reject("unsupported language", f"text looks like {best!r} (p={prob:.2f}); supported: "
                     f"{', '.join(allowed)}")
    return meta_language or (best if best in allowed else meta_language)


# --------------------------------------------------------------------------- documents


def make_document(raw_text, meta: dict, options: IngestOptions, input_path: str, locator: str = "",
                  context: dict | None = None) -> dict:
    """Validate one item and build the document dict, or raise ``Reject``."""
    if raw_text is None:
        raise Reject("missing text", "the item has no text")
    if not isinstance(raw_text, str):
        raise Reject("missing text", f"text is a {type(raw_text).__name__}, not a string")
    if "\x00" in raw_text[:BINARY_SAMPLE_BYTES]:
        raise Reject("binary content", "text contains NUL characters")
    text = normalise_text(raw_text)
    if not text.strip():
        raise Reject("empty text", "the text is empty or only whitespace")
    meta_language = _language_code(meta.get("language"))
    hint = _language_code(meta.get("language_hint"))
    if meta_language is None and hint in options.languages:
        meta_language = hint  # a page/feed-level language only labels, it never rejects by itself
    language = _check_language(text, meta_language, options)  # before the date: no use dating it
    published_at, published_source = resolve_published(meta, text, options, context)
    title = _clean_str(meta.get("title"))
    source = _clean_str(meta.get("source")) or dateline_agency(text, DATELINE_HEAD_CHARS)
    url = _clean_str(meta.get("url"))
    shaping = {"published_at": published_at.isoformat(), "title": title, "source": source, "url": url,
               "language": language}
    return {
        "kind": "document",
        "doc_id": doc_id(text),
        "input_path": input_path,
        "locator": locator,
        "source": source,
        "url": url,
        "title": title,
        "language": language,
        "published_at": published_at,
        "published_source": published_source,
        "text": text,
        "content_hash": content_hash(text, shaping),
        "external_id": _clean_str(meta.get("id")),
    }


def _item(raw_text, meta, options, input_path, locator, raw_excerpt, context=None) -> dict:
    try:
        return make_document(raw_text, meta, options, input_path, locator, context)
    except Reject as r:
        reason, detail = r.reason, r.detail
    except Exception as exc:  # an unexpected problem with one item must not stop the file
        reason, detail = "reader error", f"{type(exc).__name__}: {str(exc)[:300]}"
    ext = _clean_str(meta.get("id")) if isinstance(meta, dict) else None
    if ext:
        detail = f"{detail} (id {ext})"
    return _quarantine(input_path, locator, reason, detail, raw_excerpt)


# --------------------------------------------------------------------------- metadata sources


def _sidecar_meta(path: Path) -> dict | None:
    """Metadata from ``NAME.meta.json`` beside ``NAME.ext`` (``None`` when there is none)."""
    side = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX) if path.suffix else None
    if side is None or not side.is_file():
        return None
    try:
        data = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise Reject("broken metadata", f"sidecar {side.name} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise Reject("broken metadata", f"sidecar {side.name} is not a JSON object")
    return data


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)


def split_front_matter(text: str) -> tuple[dict | None, str]:
    """(metadata, body) for text with a YAML front matter block between ``---`` lines."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return None, text
    end = _FRONT_MATTER_END.search(text, m.end(), m.end() + 65536)
    if not end:
        return None, text
    import yaml

    block = text[m.end():end.start()]
    try:
        data = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        raise Reject("broken metadata", f"front matter is not valid YAML: {str(exc)[:200]}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise Reject("broken metadata", "front matter is not a mapping of keys to values")
    body = text[end.end():]
    return data, body.lstrip("\r\n")


# --------------------------------------------------------------------------- format readers


def _file_text(path: Path) -> tuple[bytes, str, dict | None]:
    """Raw bytes, decoded text and sidecar metadata of an input file.

    Raises :class:`Reject` for binary content, undecodable bytes or a broken sidecar; its
    ``excerpt`` is the decoded text when there is one (else the quarantine row keeps bytes)."""
    raw = path.read_bytes()
    try:
        why = binary_reason(raw)
        if why:
            raise Reject("binary content", why)
        text = decode_bytes(raw)[0]
    except Reject as exc:
        exc.excerpt = raw
        raise
    try:
        return raw, text, _sidecar_meta(path)
    except Reject as exc:
        exc.excerpt = text
        raise


def _text_reader(read):
    """A reader of a text format: ``read(raw, text, meta, options, ip)`` gets the decoded file and
    its sidecar metadata; binary, undecodable files and broken sidecars are quarantined here."""
    @functools.wraps(read)
    def reader(path: Path, options: IngestOptions, ip: str) -> Iterator[dict]:
        try:
            raw, text, meta = _file_text(path)
        except Reject as r:
            yield _quarantine(ip, "", r.reason, r.detail, r.excerpt)
            return
        yield from read(raw, text, meta, options, ip)
    return reader


@_text_reader
def _read_txt(_raw: bytes, text: str, meta: dict | None, options: IngestOptions, ip: str) -> Iterator[dict]:
    try:
        front, body = split_front_matter(text)
        if front is not None:
            meta = {**front, **(meta or {})}
            text = body
    except Reject as r:
        yield _quarantine(ip, "", r.reason, r.detail, text)
        return
    yield _item(text, meta or {}, options, ip, "", text)




@_text_reader
def _read_jsonl(raw: bytes, text: str, defaults: dict | None, options: IngestOptions, ip: str) -> Iterator[dict]:
    defaults = defaults or {}
    if not text.strip():
        yield _quarantine(ip, "", "empty text", "the JSON lines file has no lines", raw)
        return
    for n, line in enumerate(text.split("\n"), 1):  # not splitlines(): U+2028 is valid inside JSON
        line = line.rstrip("\r")
        if not line.strip():
            continue
        locator = f"line:{n}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield _quarantine(ip, locator, "broken json", f"line {n} is not valid JSON: {str(exc)[:200]}", line)
            continue
        if not isinstance(obj, dict):
            yield _quarantine(ip, locator, "broken json", f"line {n} is a JSON {type(obj).__name__}, "
                              "not an object", line)
            continue
        if "text" not in obj or obj["text"] is None:
            ext = _clean_str(obj.get("id"))
            yield _quarantine(ip, locator, "missing text", f"line {n} has no 'text'"
                              + (f" (id {ext})" if ext else ""), line)
            continue
        yield _item(obj["text"], {**defaults, **obj}, options, ip, locator, line)


@_text_reader
def _read_csv(raw: bytes, text: str, defaults: dict | None, options: IngestOptions, ip: str) -> Iterator[dict]:
    defaults = defaults or {}
    csv.field_size_limit(max(options.max_bytes, 131072))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [(f or "").strip().lower() for f in (reader.fieldnames or [])]
    if not header:
        yield _quarantine(ip, "", "empty text", "the CSV file has no header row and no rows", raw)
        return
    n = 0
    while True:
        n += 1
        locator = f"row:{n}"
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield _quarantine(ip, locator, "broken csv", f"row {n} (line {reader.line_num}): {exc}",
                              text.splitlines()[reader.line_num - 1] if reader.line_num else "")
            if "field larger" in str(exc) or "new-line" in str(exc):
                break  # the reader cannot recover its position
            continue
        fields = {(k or "").strip().lower(): v for k, v in row.items() if k is not None}
        fields = {**defaults, **{k: v for k, v in fields.items() if v not in (None, "") or k == "text"}}
        excerpt = ",".join(str(v) for v in row.values() if v is not None)
        if fields.get("text") is None:
            why = "the file has no 'text' column" if "text" not in header else "the row is too short"
            yield _quarantine(ip, locator, "missing text", f"row {n}: {why}", excerpt)
            continue
        yield _item(fields["text"], fields, options, ip, locator, excerpt)


# TimeML ------------------------------------------------------------------------------

_TAG = re.compile(r"<[^<>]{0,2000}>")
_TIMEX_VALUE = re.compile(r"""\bvalue\s*=\s*["']([^"']{1,64})["']""")
_TIMEX_FUNCTION = re.compile(r"""\bfunctionInDocument\s*=\s*["']CREATION_TIME["']""")


def _between(text: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}(?:\s[^<>]*)?>", text[:HTML_HEAD_CHARS], re.I)
    if not m:
        return None
    end = re.compile(rf"</{tag}\s*>", re.I).search(text, m.end())
    return text[m.end(): end.start() if end else len(text)]


def _strip_tags(fragment: str) -> str:
    return html_lib.unescape(_TAG.sub("", fragment))


def parse_timeml(text: str) -> dict:
    """text, dct (ISO string or None), title, docid of a TimeML document (a small reader)."""
    body = _between(text, "TEXT")
    dct_block = _between(text, "DCT") or ""
    dct = None
    m = _TIMEX_VALUE.search(dct_block)
    if m:
        dct = m.group(1)
    else:
        for tm in re.finditer(r"<TIMEX3\b[^<>]{0,1000}>", text[:HTML_HEAD_CHARS]):
            if _TIMEX_FUNCTION.search(tm.group(0)):
                vm = _TIMEX_VALUE.search(tm.group(0))
                dct = vm.group(1) if vm else None
                break
    title = _between(text, "TITLE")
    docid = _between(text, "DOCID")
    return {"text": None if body is None else _strip_tags(body).strip("\n"),
            "dct": dct, "title": _strip_tags(title).strip() if title else None,
            "docid": _strip_tags(docid).strip() if docid else None}


def _read_timeml_text(text: str, options: IngestOptions, ip: str, meta: dict | None) -> Iterator[dict]:
    parsed = parse_timeml(text)
    if parsed["text"] is None:
        yield _quarantine(ip, "", "missing text", "TimeML file has no <TEXT> element", text)
        return
    tml_meta = {"published": parsed["dct"], "title": parsed["title"], "id": parsed["docid"]}
    merged = {**{k: v for k, v in tml_meta.items() if v}, **(meta or {})}
    yield _item(parsed["text"], merged, options, ip, "", text)


@_text_reader
def _read_timeml(_raw: bytes, text: str, meta: dict | None, options: IngestOptions, ip: str) -> Iterator[dict]:
    yield from _read_timeml_text(text, options, ip, meta)


# HTML --------------------------------------------------------------------------------

_META_DATE_KEYS = ("article:published_time", "og:article:published_time", "datepublished", "date",
                   "pubdate", "publishdate", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date",
                   "parsely-pub-date")


def html_metadata(page: str) -> dict:
    """published, title, url, source, language from a page's metadata (no guessing from text)."""
    from lxml import html as lxml_html

    meta: dict = {}
    head = page[:HTML_HEAD_CHARS]
    head = re.sub(r"^\s*<\?xml[^>]{0,200}\?>", "", head)
    try:
        tree = lxml_html.fromstring(head)
    except Exception:  # lxml raises several types on junk; metadata is then just missing
        return meta
    props: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = el.get("content")
        if key and value and key not in props:
            props[key] = value.strip()
    dates: list = [props[k] for k in _META_DATE_KEYS if props.get(k)]
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for obj in _walk_json(data):
            if obj.get("datePublished"):
                dates.append(obj["datePublished"])
            if not meta.get("ld_title") and obj.get("headline"):
                meta["ld_title"] = _clean_str(obj.get("headline"))
    for el in tree.iter("time"):
        if el.get("datetime") and ("pubdate" in el.attrib or el.get("itemprop") == "datePublished"):
            dates.append(el.get("datetime"))
    for el in tree.iter("time"):
        if el.get("datetime"):
            dates.append(el.get("datetime"))
            break
    for value in dates:  # page metadata is noisy: unreadable values are skipped, not fatal
        if parse_published(value) is not None:
            meta["published"] = value
            break
    title_el = tree.find(".//title")
    meta["title"] = (props.get("og:title") or meta.pop("ld_title", None)
                     or (title_el.text_content().strip() if title_el is not None else None))
    meta.pop("ld_title", None)
    url = props.get("og:url")
    if not url:
        for link in tree.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
                url = link.get("href")
                break
    meta["url"] = url
    meta["source"] = props.get("og:site_name")
    html_el = tree if tree.tag == "html" else tree.getroottree().getroot()
    meta["language_hint"] = html_el.get("lang") if html_el is not None else None
    return {k: v for k, v in meta.items() if v}


def _walk_json(data, depth: int = 0) -> Iterator[dict]:
    if depth > 6:
        return
    if isinstance(data, dict):
        yield data
        for v in data.values():
            if isinstance(v, dict | list):
                yield from _walk_json(v, depth + 1)
    elif isinstance(data, list):
        for v in data[:100]:
            yield from _walk_json(v, depth + 1)


def html_main_text(page: str) -> str | None:
    """The main text of a page (navigation, footers, ads removed), via trafilatura."""
    import trafilatura

    page = re.sub(r"^\s*<\?xml[^>]{0,200}\?>", "", page)
    kwargs = {"include_comments": False, "include_tables": False, "deduplicate": False,
              "output_format": "txt"}
    text = trafilatura.extract(page, **kwargs)
    if not text:
        text = trafilatura.extract(page, favor_recall=True, **kwargs)
    return text


def _html_item(page: str, options: IngestOptions, ip: str, locator: str, extra: dict | None = None,
               context: dict | None = None) -> dict:
    try:
        meta = html_metadata(page)
        if extra:
            meta.update({k: v for k, v in extra.items() if v})
        text = html_main_text(page)
    except Reject as r:
        return _quarantine(ip, locator, r.reason, r.detail, page)
    if not text:
        return _quarantine(ip, locator, "empty text", "no main text found in the HTML page", page)
    return _item(text, meta, options, ip, locator, page, context)


@_text_reader
def _read_html(_raw: bytes, page: str, sidecar: dict | None, options: IngestOptions, ip: str) -> Iterator[dict]:
    yield _html_item(page, options, ip, "", sidecar)


# feeds -------------------------------------------------------------------------------

_BLOCK_END = re.compile(r"(?i)<(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*>")


def html_fragment_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (feed content), paragraph breaks kept."""
    if "<" not in fragment and "&" not in fragment:
        return fragment
    text = _BLOCK_END.sub("\n", fragment)
    text = _TAG.sub("", text)
    return html_lib.unescape(text)


def _struct_to_iso(value) -> str | None:
    if not value:
        return None
    try:
        return dt.datetime(*value[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def _read_feed(path: Path, options: IngestOptions, ip: str) -> Iterator[dict]:
    raw = path.read_bytes()
    why = binary_reason(raw)
    if why:
        yield _quarantine(ip, "", "binary content", why, raw)
        return
    head = raw[:4096].decode("utf-8", "replace")
    if "<TimeML" in head or "<timeml" in head.lower():
        yield from _read_timeml(path, options, ip)
        return
    import feedparser

    parsed = feedparser.parse(raw, resolve_relative_uris=False, sanitize_html=True)
    if not parsed.get("version"):
        detail = "not an RSS or Atom feed"
        if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
            detail += f" ({str(parsed.bozo_exception)[:150]})"
        yield _quarantine(ip, "", "unsupported format" if not parsed.get("bozo") else "broken feed", detail, raw)
        return
    feed = parsed.feed
    feed_date = _struct_to_iso(feed.get("updated_parsed") or feed.get("published_parsed"))
    context = {"year": int(feed_date[:4]) if feed_date else None}
    if not parsed.entries:
        yield _quarantine(ip, "", "empty feed", "the feed has no entries", raw)
        return
    for n, entry in enumerate(parsed.entries, 1):
        locator = f"entry:{n}"
        content = ""
        if entry.get("content"):
            content = max((c.get("value") or "" for c in entry.content), key=len)
        if not content.strip():
            content = entry.get("summary") or entry.get("description") or ""
        published = _struct_to_iso(entry.get("published_parsed") or entry.get("updated_parsed"))
        if published is None:
            published = entry.get("published") or entry.get("updated")  # unparseable: reported
        meta = {"published": published, "title": entry.get("title"), "url": entry.get("link"),
                "source": feed.get("title"), "language_hint": entry.get("language") or feed.get("language"),
                "id": entry.get("id")}
        excerpt = f"{entry.get('id') or entry.get('link') or ''} {entry.get('title') or ''}".strip()
        if not content.strip():
            yield _quarantine(ip, locator, "missing text", f"entry {n} has no content or summary", excerpt)
            continue
        yield _item(html_fragment_text(content), meta, options, ip, locator, excerpt or content, context)


# WARC --------------------------------------------------------------------------------


def _read_warc(path: Path, options: IngestOptions, ip: str) -> Iterator[dict]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    head = _head_bytes(path, 4096)
    if head.startswith(b"\x1f\x8b"):
        import zlib

        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            head = b""
    if not head.lstrip(b"\r\n").startswith(b"WARC/"):
        yield _quarantine(ip, "", "broken archive", "the file does not start with a WARC record", _head_bytes(path))
        return
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        offset = 0
        records = pages = 0
        last = None
        reported = None
        try:
            for record in it:
                offset = it.offset  # start of this record (get_record_offset() would consume it)
                records += 1
                last = record
                locator = f"record:{offset}"
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                status = record.http_headers.get_statuscode() or ""
                if "html" not in ctype or not status.startswith("2"):
                    continue
                pages += 1
                uri = record.rec_headers.get_header("WARC-Target-URI")
                warc_date = record.rec_headers.get_header("WARC-Date")
                body = record.content_stream().read(options.max_bytes + 1)
                if len(body) > options.max_bytes:
                    yield _quarantine(ip, locator, "file too large",
                                      f"record body is over {options.max_bytes} bytes ({uri})", body)
                    continue
                if _warc_missing_bytes(record):
                    reported = offset
                    yield _quarantine(ip, locator, "broken archive",
                                      f"the archive is truncated inside this record ({uri}): "
                                      f"{_warc_missing_bytes(record)} of its declared bytes are missing", body)
                    continue
                try:
                    page = _decode_http_body(body, ctype)
                except Reject as r:
                    yield _quarantine(ip, locator, r.reason, f"{r.detail} ({uri})", body)
                    continue
                context = {"archive_date": warc_date, "year": (warc_date or "")[:4] or None}
                yield _html_item(page, options, ip, locator, {"url": uri}, context)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            at = max(offset, getattr(it, "offset", 0) or 0)  # where reading stopped
            yield _quarantine(ip, f"record:{at}", "broken archive", f"WARC reading stopped: {str(exc)[:200]}",
                              _head_bytes(path))
            return
        # a file cut short ends inside its last record (fewer bytes than its Content-Length) or
        # leaves bytes that never formed a record
        size = path.stat().st_size
        cut_headers = last is not None and last.rec_headers.get_header("Content-Length") is None
        if reported is None and last is not None and (_warc_missing_bytes(last) or it.offset < size or cut_headers):
            yield _quarantine(ip, f"record:{it.offset if it.offset < size else offset}", "broken archive",
                              f"the archive is truncated after byte {it.offset} of {size}; earlier records "
                              "were read", _head_bytes(path))
            return
    if records == 0:
        yield _quarantine(ip, "", "broken archive", "no WARC records found", _head_bytes(path))
    elif pages == 0:
        yield _quarantine(ip, "", "no html records",
                          f"{records} WARC records, none is a successful HTML response", _head_bytes(path))


def _warc_missing_bytes(record) -> int:
    """Bytes a WARC record declares (Content-Length) but the file does not have."""
    left = getattr(getattr(record, "raw_stream", None), "limit", 0)
    return left if isinstance(left, int) and left > 0 else 0


def _decode_http_body(body: bytes, ctype: str) -> str:
    why = binary_reason(body)
    if why:
        raise Reject("binary content", why)
    m = re.search(r"charset=([\w.:-]+)", ctype)
    if m:
        try:
            return body.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(body)[0]


# --------------------------------------------------------------------------- entry point


_READERS = {suffix: reader for suffixes, reader in (
    (TEXT_SUFFIXES, _read_txt), (JSONL_SUFFIXES, _read_jsonl), (CSV_SUFFIXES, _read_csv),
    (HTML_SUFFIXES, _read_html), (FEED_SUFFIXES, _read_feed), (TIMEML_SUFFIXES, _read_timeml),
    ((".warc", ".warc.gz"), _read_warc),
) for suffix in suffixes}
STREAMED = {".warc", ".warc.gz"}  # read record by record: the size limit applies per record


def _head_bytes(path: Path, n: int = EXCERPT_CHARS) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(n)
    except OSError:
        return b""


def read_file(path: Path, options: IngestOptions) -> Iterator[dict]:
    """Items of one input file."""
    ip = os.path.abspath(path)
    suffix = _suffix(path)
    reader = _READERS.get(suffix)
    if reader is None:
        yield _quarantine(ip, "", "unsupported format",
                          f"no reader for {suffix or 'files without an extension'!r} "
                          f"(supported: {', '.join(sorted(_READERS))})", _head_bytes(path))
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield _quarantine(ip, "", "unreadable file", str(exc), b"")
        return
    if suffix not in STREAMED and size > options.max_bytes:
        yield _quarantine(ip, "", "file too large", f"{size} bytes is over the limit of {options.max_bytes} bytes",
                          _head_bytes(path))
        return
    count = 0
    try:
        for item in reader(path, options, ip):
            count += 1
            yield item
    except OSError as exc:
        yield _quarantine(ip, "", "unreadable file", f"{type(exc).__name__}: {exc}", _head_bytes(path))
    except Exception as exc:  # a reader bug or a malformed file must not stop the run
        yield _quarantine(ip, "" if count == 0 else f"after:{count}", "reader error",
                          f"{type(exc).__name__}: {str(exc)[:300]}", _head_bytes(path))


def read_inputs(paths: Iterable[Path], options: IngestOptions | None = None) -> Iterator[dict]:
    """Documents and quarantine items of every input under ``paths`` (see module docstring)."""
    options = options or IngestOptions()
    for path in discover_files([Path(p) for p in paths]):
        yield from read_file(path, options)
