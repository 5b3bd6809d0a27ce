"""People introduced by a descriptor in the running text, registered in the document memory.

"[Turkish] [Foreign Minister] Hakan Fidan", "[Kremlin] [spokesperson] Dmitry Peskov": a country,
seat or demonym match, then role words (a sector entry marked ``is_role``), then a proper name.
Read over the raw token sequence, whatever the parse, so a later "Fidan" or "he" resolves.
"""

from __future__ import annotations

from spacy.tokens import Doc

from transforms.core.records import Actor
from transforms.events.actors.lexicon import ActorLexicon, lexicon, lexicon_words
from transforms.events.actors.memory import DocMemory


def scan_descriptors(sdoc: Doc, memory: DocMemory, lex: ActorLexicon | None = None) -> None:
    """Register the people of ``sdoc`` introduced by country + role words."""
    lex = lex or lexicon()
    toks = list(sdoc)
    words = lexicon_words(toks)
    matches = lex.match(words)
    covered = {k for s, e, _ in matches for k in range(s, e)}
    for n, (s, e, entry) in enumerate(matches):
        if entry.kind != "sector" or not entry.is_role:
            continue
        # the country: a country/seat/demonym match just before the role words
        prev = [m for m in matches[:n] if m[1] >= s - 3 and m[2].kind != "sector" and m[2].country]
        if not prev:
            continue
        country_entry = prev[-1][2]
        j = e
        name: list[str] = []
        while j < len(toks) and toks[j].pos_ == "PROPN" and j not in covered and len(name) < 4:
            name.append(toks[j].text)
            j += 1
        if not name:
            continue
        role = " ".join(t.text for t in toks[s:e])
        actor = Actor(" ".join(t.text for t in toks[prev[-1][0]:j]), " ".join(name), country_entry.country,
                      entry.sector, role)
        memory.remember(name, actor)
