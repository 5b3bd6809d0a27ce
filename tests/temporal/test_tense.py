"""Direction from tense (transforms.temporal.tense): cue scanning left and right of an expression."""

from __future__ import annotations

import pytest

from transforms.core.refdata import read_yaml
from transforms.temporal.tense import cues, direction


def _dir(sentence: str, phrase: str) -> str | None:
    i = sentence.index(phrase)
    return direction(sentence, i, i + len(phrase))


def test_direction_detector():
    assert _dir("The delegation will be ready to engage in talks starting Monday morning.", "Monday") == "future"
    assert _dir("Umerov said on Wednesday that it was over.", "Wednesday") == "past"
    assert _dir("Prices, up sharply, are high.", "Prices") is None


@pytest.mark.parametrize(
    "sentence,phrase,expected",
    [
        ("The ferry company will start the new route on Sunday.", "Sunday", "future"),
        ("The ferry company began the new route on Sunday.", "Sunday", "past"),
        ("The bakery is scheduled to reopen in June.", "June", "future"),
        ("The bakery had been scheduled to reopen in June.", "June", None),  # a past plan
        ("The council must decide by October.", "October", "future"),
        ("The fees go up by October.", "October", "future"),  # a deadline preposition
        ("The old mill has closed since March.", "March", "past"),
        ("The painted fence was finished in May.", "May", "past"),
        ("The museum is open in August.", "August", None),  # a present clause
        ("In April, the choir told us.", "April", "past"),  # a cue to the right
        ("In April the boats painted", "April", "past?"),  # only a weak -ed cue
    ],
)
def test_cues_decide_the_direction(sentence, phrase, expected):
    assert _dir(sentence, phrase) == expected


def test_the_scan_stops_at_clause_boundaries_and_sentence_ends():
    # "said" is in the sentence before: the cue to the right ("opens") decides
    assert _dir("The mayor said so. On Tuesday the market opens.", "Tuesday") == "future"
    assert _dir("The mayor spoke; on Tuesday the bridge", "Tuesday") is None


def test_cues_come_from_tense_yaml_only():
    data = read_yaml("temporal", "en", "tense.yaml")
    cs = cues()
    assert cs.words("future") == {c.lower() for c in data["future"]} - {c.lower() for c in data["present"]}
    assert "will" in cs.words("future") and "said" in cs.words("past")
    assert cs.maxlen == max(len(c.split()) for c in data["future"] + data["past"] + data["present"])
