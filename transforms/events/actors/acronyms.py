"""Acronyms introduced in the running text, registered in the document memory.

"The Federation of Independent Unions (FIU) called a strike. FIU leaders met ...": a name of
two or more capitalised words followed by an acronym in brackets makes the acronym stand for
that name's actor for the rest of the document (also when the lexicon gives the letters
another reading). Read over the raw token sequence, whatever the parse.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from transforms.core.records import Actor
from transforms.events.actors.lexicon import ActorLexicon, lexicon, lexicon_words
from transforms.events.actors.memory import DocMemory
from transforms.events.actors.phrases import span_text
from transforms.events.actors.resolve import resolve_phrase

_MAX_NAME = 12


def is_acronym(text: str) -> bool:
    """Two to eight capitals (digits and hyphens allowed), as "FIU", "ECOWAS", "M23"."""
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(text) <= 8 and len(letters) >= 1 and all(c.isupper() for c in letters) \
        and all(c.isalnum() or c == "-" for c in text)


def scan_acronyms(sdoc: Doc, memory: DocMemory, lex: ActorLexicon | None = None) -> None:
    """Register every "Name Words (ACR)" of ``sdoc`` whose letters fit the name."""
    lex = lex or lexicon()
    toks = list(sdoc)
    for i in range(2, len(toks) - 1):
        if toks[i - 1].text != "(" or toks[i + 1].text != ")" or not is_acronym(toks[i].text):
            continue
        name = _name_before(toks, i - 1, lex)
        if name and _letters_fit(toks[i].text, name, lex):
            memory.acronyms[toks[i].text] = _actor_of(name, memory, lex)


def _name_before(toks: list[Token], end: int, lex: ActorLexicon) -> list[Token]:
    """The capitalised words before ``toks[end]`` with the function words between them
    ("Economic Community of West African States"); [] for fewer than two capitalised words."""
    glue = lex.words.name_glue_words
    start = end
    while start > 0 and end - start < _MAX_NAME:
        t = toks[start - 1]
        if t.text[:1].isupper() or (t.lower_ in glue and start - 1 > 0 and toks[start - 2].text[:1].isupper()):
            start -= 1
        else:
            break
    name = toks[start:end]
    while name and name[0].lower_ in glue:
        name = name[1:]
    return name if sum(t.text[:1].isupper() for t in name) >= 2 else []


def _letters_fit(acronym: str, name: list[Token], lex: ActorLexicon) -> bool:
    """The initials of the name's content words, in order or in another language's order
    ("Democratic Forces for the Liberation of Rwanda (FDLR)"), are the acronym's letters."""
    initials = [t.text[0].upper() for t in name if t.lower_ not in lex.words.name_glue_words]
    letters = [c for c in acronym if c.isalpha()]
    it = iter(letters)
    in_order = all(any(c == x for x in it) for c in initials)
    return in_order or sorted(initials) == sorted(letters)


def _actor_of(name: list[Token], memory: DocMemory, lex: ActorLexicon) -> Actor:
    """The actor the name resolves to, else an actor known by the name only."""
    span = {t.i for t in name}
    head = next((t for t in name if t.head.i not in span or t.head == t), name[-1])
    text = span_text(name)
    for a in resolve_phrase(head, memory, lex):
        if a.country or a.sector:
            # "Estonian Center of Defence Investments" is of Estonia, not Estonia (nor "Center"):
            # the written name, unless the lexicon's name for it is another ("Hamas")
            own_name = a.name if a.name and a.name != lex.country_name(a.country) \
                and a.name.lower() not in text.lower() else text
            return replace(a, text=text, name=own_name)
    # a name the lexicon does not know: its last word may say the sector ("... Workers' Union")
    sectors = [entry.sector for _s, end, entry in lex.match(lexicon_words(name))
               if entry.kind == "sector" and end == len(name)]
    return Actor(text, text, None, sectors[-1] if sectors else None, None)
