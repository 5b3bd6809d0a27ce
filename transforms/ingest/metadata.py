"""Metadata beside or above an article: ``NAME.meta.json`` sidecars, YAML front matter, clean values.

The keys a reader understands are documented in ``docs/inputs.md`` (published, title, source, url,
language, id, year).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from transforms.ingest.discover import SIDECAR_SUFFIX
from transforms.ingest.options import FRONT_MATTER_MAX_CHARS
from transforms.ingest.reject import Reject

Meta = dict[str, Any]

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)


def clean_str(value: object) -> str | None:
    """A metadata value as a stripped string (the first of a list), ``None`` when empty."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        value = value[0] if value else None
        if value is None:
            return None
    text = str(value).strip()
    return text or None


def language_code(value: object) -> str | None:
    """The ISO 639-1 part of a language tag (``en-GB`` -> ``en``), ``None`` when empty."""
    text = clean_str(value)
    if not text:
        return None
    return re.split(r"[-_]", text.lower(), maxsplit=1)[0] or None


def sidecar_meta(path: Path) -> Meta | None:
    """Metadata from ``NAME.meta.json`` beside ``NAME.ext`` (``None`` when there is none)."""
    side = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX) if path.suffix else None
    if side is None or not side.is_file():
        return None
    try:
        data = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise Reject("broken metadata", f"sidecar {side.name} is not valid JSON: {exc}") from None
    except RecursionError:
        raise Reject("broken metadata", f"sidecar {side.name} nests deeper than the JSON parser's limit") from None
    if not isinstance(data, dict):
        raise Reject("broken metadata", f"sidecar {side.name} is not a JSON object")
    return data


def split_front_matter(text: str) -> tuple[Meta | None, str]:
    """(metadata, body) for text with a YAML front matter block between ``---`` lines."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return None, text
    end = _FRONT_MATTER_END.search(text, m.end(), m.end() + FRONT_MATTER_MAX_CHARS)
    if not end:
        return None, text
    import yaml

    block = text[m.end():end.start()]
    try:
        data = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        raise Reject("broken metadata", f"front matter is not valid YAML: {str(exc)[:200]}") from None
    except RecursionError:
        raise Reject("broken metadata", "front matter nests deeper than the YAML parser's limit") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise Reject("broken metadata", "front matter is not a mapping of keys to values")
    body = text[end.end():]
    return data, body.lstrip("\r\n")
