"""False-friend filters (transforms.temporal.filters): the checks made before normalisation."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.temporal.filters import CHECKS, keep
from transforms.temporal.patterns import compiled

DCT = dt.date(2025, 5, 30)


def _keep(rule_name: str, text: str, phrase: str) -> bool:
    (rule,) = [r for r in compiled().rules if r.name == rule_name]
    i = text.index(phrase)
    m = rule.regex.match(text, i)
    assert m is not None and m.group(0) == phrase, (rule_name, text)
    return keep(rule_name, m, text, DCT)


@pytest.mark.parametrize(
    "rule,text,phrase,kept",
    [
        ("date_month_rel", "The fair opens in May.", "May", True),
        ("date_month_rel", "May the ferry be late?", "May", False),  # sentence start
        ("date_month_rel", "Prices May help the farmers.", "May", False),  # before a verb
        ("date_month_rel", "Crowds March on the square.", "March", False),
        ("set_every", "The bus leaves twice a day.", "a day", True),
        ("set_every", "Parking costs $4 a day.", "a day", False),  # a rate
        ("set_adj", "The market closes weekly.", "weekly", True),
        ("set_adj", "The weekly paper sold out.", "weekly", False),  # adjectival
        ("set_adj", "The club meets weekly in the old hall.", "weekly", True),  # an adverb before "in"
        ("set_adj", "Rents are reviewed annually by the board.", "annually", True),
        ("set_adj", "Membership rose 6% annually through the decade.", "annually", False),  # a rate
        ("set_adj", "The orchard yields 300 crates annually.", "annually", False),  # a rate
        ("duration", "The tortoise is 52 years old.", "52 years old", False),
        ("duration", "She gave a second answer.", "a second", False),
        ("duration", "A quarter of the seats stayed empty.", "A quarter", False),
        ("duration", "The bridge took three years.", "three years", True),
        ("date_season", "The wall stood until the fall of the regime.", "the fall", False),
        ("date_season", "The orchard blooms in the spring.", "the spring", True),
        ("date_year", "He scored 1850 goals.", "1850", False),  # not a year: no cue before it
        ("date_year", "The mill was built in 1850.", "1850", True),
        ("future_ref", "Write back as soon as you can.", "soon", False),
        ("future_ref", "The roof will be fixed soon.", "soon", True),
    ],
)
def test_false_friends(rule, text, phrase, kept):
    assert _keep(rule, text, phrase) is kept


def test_filters_exist_only_for_known_rules():
    names = {r.name for r in compiled().rules}
    assert set(CHECKS) <= names
