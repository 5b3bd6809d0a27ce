"""One self-contained HTML file: page template, styles, Vega + Vega-Lite, the app and the data inline.

The data goes in a ``<script type="application/json">`` block with ``<``, ``>`` and ``&``
written as JSON escapes, so no article text (``</script>``, ``<img onerror=…>``) can end the
block or be parsed as markup; the page reads it with ``JSON.parse``. A Content-Security-Policy
forbids every request to any host. The file is written beside its destination and renamed over
it, so a reader never sees half a report.
"""

from __future__ import annotations

import html
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from transforms.settings import reference_path

STATIC = Path(__file__).resolve().parent / "static"
VENDOR = ("report", "vendor")
BASEMAP = ("report", "basemap", "countries-110m.json")

_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def embed_json(value) -> str:
    """JSON safe to place inside a ``<script>`` element (no ``<``, ``>``, ``&`` left as such)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def inline_script(source: str, name: str) -> str:
    """A library's code made safe to inline: no source map reference, nothing that ends a script."""
    source = _SOURCE_MAP.sub("", source)
    lowered = source.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise ValueError(f"{name} holds markup that would end an inline <script>")
    return source


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    vendor = reference_path(*VENDOR)
    return {
        "vega": inline_script((vendor / "vega.min.js").read_text(encoding="utf-8"), "vega.min.js"),
        "vegalite": inline_script((vendor / "vega-lite.min.js").read_text(encoding="utf-8"), "vega-lite.min.js"),
        "app": inline_script((STATIC / "report.js").read_text(encoding="utf-8"), "report.js"),
        "css": (STATIC / "report.css").read_text(encoding="utf-8"),
        "template": (STATIC / "report.html").read_text(encoding="utf-8"),
    }


@lru_cache(maxsize=1)
def basemap() -> dict:
    """Natural Earth 1:110m country outlines as TopoJSON (world-atlas)."""
    return json.loads(reference_path(*BASEMAP).read_text(encoding="utf-8"))


def render_html(payload: dict, title: str) -> str:
    """The page; ``payload["details"]`` (the documents' texts) goes in a block of its own that
    the page parses only when a document view is first opened."""
    a = _assets()
    overview = {k: v for k, v in payload.items() if k != "details"}
    parts = {"@@TITLE@@": html.escape(title), "@@CSS@@": a["css"], "@@DATA@@": embed_json(overview),
             "@@DOCS@@": embed_json(payload.get("details", {})),
             "@@VEGA@@": a["vega"], "@@VEGALITE@@": a["vegalite"], "@@APP@@": a["app"]}
    # one pass, so a placeholder-like string inside the data or a library is never replaced
    return re.sub("@@(TITLE|CSS|DATA|DOCS|VEGA|VEGALITE|APP)@@", lambda m: parts[m.group(0)], a["template"])


def write_atomic(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
