"""Status cues, tense, and main-clause events."""

from __future__ import annotations

import pytest

from transforms.events.context import Trigger
from transforms.events.lexicon import load_lexicon
from transforms.events.status import is_main, past_tense, status_of


def _verb(ctx, word):
    return Trigger(next(t for t in ctx.sdoc if t.text == word), "AGREE", "", "verb")


@pytest.mark.parametrize("text, word, status", [
    ("Chile did not sign the treaty.", "sign", "negated"),
    ("Chile might sign the treaty.", "sign", "hypothetical"),
    ("Chile will sign the treaty.", "sign", "future"),
    ("Chile is expected to sign the treaty.", "sign", "future"),
    ("Chile signed the treaty.", "signed", "asserted"),
])
def test_status(parse, text, word, status):
    ctx = parse(text)
    t = _verb(ctx, word)
    assert status_of(t, t.token, load_lexicon()) == status


def test_past_tense_and_main_clause(parse):
    lex = load_lexicon()
    ctx = parse("Chile signed the treaty.")
    t = _verb(ctx, "signed")
    assert past_tense(t, t.token, lex) and is_main(t, t.token, lex)
    ctx = parse("Chile will sign the treaty.")
    t = _verb(ctx, "sign")
    assert not past_tense(t, t.token, lex)
    ctx = parse("The treaty that Chile signed expired last year.")
    t = _verb(ctx, "signed")
    assert not is_main(t, t.token, lex)
