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
    """``head`` and the heads coordinated with it ("Russia and Ukraine")."""
    out = [head]
    for c in head.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
    return out


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
