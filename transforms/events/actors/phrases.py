"""Noun-phrase shapes actor resolution reads: the phrase's tokens, its conjuncts, a person's name."""

from __future__ import annotations

from spacy.tokens import Token

from transforms.events.actors.lexicon import actor_words

#: Dependents that start another phrase (clauses, conjuncts, appositions, punctuation).
_SKIP_DEPS = {"relcl", "acl", "punct", "cc", "conj", "appos", "advcl", "parataxis", "ccomp"}


def phrase_tokens(head: Token) -> list[Token]:
    """Tokens of the noun phrase headed by ``head`` (without clauses, conjuncts, most PPs)."""
    keep: list[Token] = []
    keep_preps = actor_words().phrase_preps

    def visit(tok: Token, depth: int) -> None:
        keep.append(tok)
        if depth > 6:
            return
        for child in tok.children:
            if child.dep_ in _SKIP_DEPS and not (child.dep_ in ("conj", "cc") and tok.dep_ in ("amod", "compound")):
                continue
            if child.dep_ == "prep" and child.lower_ not in keep_preps:
                continue
            visit(child, depth + 1)

    visit(head, 0)
    return sorted(keep, key=lambda t: t.i)


def conjuncts(head: Token) -> list[Token]:
    """``head`` and the heads coordinated with it ("Russia and Ukraine"), with two parse
    repairs for lists of names: "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt"
    read as an apposition that continues with conjuncts, and "Egypt, Jordan, and Qatar" whose
    last name hangs on the verb as a second subject."""
    out = [head]
    for c in head.children:
        if c.dep_ == "conj" or (c.dep_ == "appos" and _list_apposition(head, c)):
            out.extend(conjuncts(c))
    stray = _stray_conjunct(head)
    if stray is not None and stray not in out:
        out.extend(conjuncts(stray))
    return out


def _list_apposition(head: Token, appos: Token) -> bool:
    """A name "in apposition" to a name that goes on with "..., C and D": a list, not a
    description ("Sidhoum, Algeria's leading activist" is one person)."""
    if head.pos_ != "PROPN" or appos.pos_ != "PROPN":
        return False
    members = {appos} | {t for t in appos.subtree if t.dep_ == "conj"}
    return any(t.dep_ == "cc" and t.head in members for t in appos.subtree)


def _stray_conjunct(head: Token) -> Token | None:
    """"Egypt, Jordan, and Qatar urged ...": a coordinator on the head with no conjunct after
    it; the name right after it with the head's own function is the last conjunct."""
    cc = [c for c in head.children if c.dep_ == "cc" and c.i > head.i]
    if not cc or any(c.dep_ == "conj" and c.i > cc[-1].i for c in head.children) or head.head == head:
        return None
    nxt = cc[-1].i + 1
    doc = head.doc
    while nxt < len(doc) and doc[nxt].dep_ in ("det", "compound", "amod"):
        nxt += 1
    if nxt >= len(doc):
        return None
    cand = doc[nxt]
    if cand.head == head.head and cand.dep_ == head.dep_ and cand.pos_ == head.pos_ == "PROPN":
        return cand
    return None


def person_tokens(head: Token, covered: set[int]) -> list[str]:
    """The proper-name chain ending at the head, without descriptor words: ["Dmitry", "Peskov"]."""
    if head.pos_ != "PROPN" or head.i in covered:
        return []
    chain = [head]
    i = head.i - 1
    doc = head.doc
    while i >= 0 and head.i - i <= 4 and doc[i].pos_ == "PROPN" and doc[i].i not in covered:
        chain.append(doc[i])
        i -= 1
    return [t.text for t in reversed(chain)]


def span_text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i: tokens[-1].i + 1].text
