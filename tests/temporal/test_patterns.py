"""Rule compilation (transforms.temporal.patterns): placeholders, rule table, trigger classes."""

from __future__ import annotations

import re

from transforms.core.refdata import read_yaml
from transforms.temporal.lexicon import load_lexicon
from transforms.temporal.normalise.registry import NORMALISERS
from transforms.temporal.patterns import alternation, compiled, expand, in_order, placeholders


def test_alternation_is_longest_first_and_spaces_are_whitespace():
    rx = re.compile(alternation(["a", "a few", "few"]) + "$")
    assert rx.match("a  few") and rx.match("few") and not rx.match("afew")
    assert alternation(["may"], case_sensitive=True) == "(?-i:May|MAY)"
    assert in_order(["this", "this past"]) == "(?:this|this\\ past)"


def test_placeholders_expand_in_every_rule():
    ph = placeholders(load_lexicon())
    for r in read_yaml("temporal", "en", "rules.yaml")["rules"]:
        assert not re.search(r"%[A-Z_0-9]+%", expand(r["pattern"], ph)), r["name"]


def test_month_placeholder_is_case_sensitive():
    rx = re.compile(expand("%MONTH%", placeholders(load_lexicon())), re.IGNORECASE)
    assert rx.fullmatch("March") and rx.fullmatch("MARCH") and rx.fullmatch("Sept.")
    assert not rx.fullmatch("march") and not rx.fullmatch("may")


def test_every_rule_names_a_known_normaliser_and_trigger():
    cr = compiled()
    data = read_yaml("temporal", "en", "rules.yaml")
    assert [r.name for r in cr.rules] == [r["name"] for r in data["rules"]]
    for rule in cr.rules:
        assert rule.norm in NORMALISERS, rule.name
        assert rule.near and all(rule.index in cr.rules_on[k] for k in rule.near)
        assert (rule.value is not None) == (rule.norm == "fixed")


def test_modifier_prefix_expressions():
    cr = compiled()
    m = cr.prefix_rx.search("sales rose at the end of ")
    assert m and m.group(1) == "the end of"
    m = cr.approx_rx.search("it took more than ")
    assert m and m.group(1) == "more than"
    assert cr.prefix_rx.search("the weekend") is None
