"""Actor resolution: countries, demonyms, seats of government, IGOs, descriptors, coreference."""

from __future__ import annotations

import pytest

from transforms.events.actors.descriptors import scan_descriptors
from transforms.events.actors.lexicon import fix_code, lexicon
from transforms.events.actors.memory import DocMemory
from transforms.events.actors.resolve import resolve_phrase


def _subject(doc):
    return next(t for t in doc if t.dep_ in ("nsubj", "nsubjpass"))


def test_descriptor_resolves_person_after_2014(nlp):
    doc = nlp("Kremlin spokesperson Dmitry Peskov confirmed the plan.")
    (actor,) = resolve_phrase(_subject(doc), DocMemory())
    assert actor.country == "RUS"
    assert actor.sector == "GOV"
    assert actor.name == "Dmitry Peskov"


def test_demonym_descriptor_and_role(nlp):
    doc = nlp("Ukrainian Defence Minister Rustem Umerov said so.")
    (actor,) = resolve_phrase(_subject(doc), DocMemory())
    assert (actor.country, actor.sector) == ("UKR", "GOV")
    assert actor.role == "Defence Minister"


def test_coordinated_demonyms_give_two_actors(nlp):
    doc = nlp("Senior Polish and Czech officials met on Tuesday.")
    codes = {(a.country, a.sector) for a in resolve_phrase(_subject(doc), DocMemory())}
    assert codes == {("POL", "GOV"), ("CZE", "GOV")}


def test_seat_of_government_and_igo(nlp):
    doc = nlp("The White House criticised the plan.")
    (actor,) = resolve_phrase(_subject(doc), DocMemory())
    assert (actor.country, actor.sector) == ("USA", "GOV")
    doc = nlp("The United Nations will provide food aid.")
    assert resolve_phrase(_subject(doc), DocMemory())[0].country == "IGO"


def test_place_in_pp_does_not_make_an_actor(nlp):
    doc = nlp("They resumed negotiations in Istanbul.")
    obj = next(t for t in doc if t.dep_ == "dobj")
    assert resolve_phrase(obj, DocMemory()) == []
    doc = nlp("Security forces in Guinea have tortured refugees.")
    (actor,) = resolve_phrase(_subject(doc), DocMemory())
    assert (actor.country, actor.sector) == ("GIN", "COP")


def test_surname_coreference_within_document(nlp):
    memory = DocMemory()
    scan_descriptors(nlp("Turkish Foreign Minister Hakan Fidan held a call on Friday."), memory)
    doc = nlp("Fidan visited Moscow earlier this week.")
    (actor,) = resolve_phrase(_subject(doc), memory)
    assert (actor.country, actor.sector, actor.name) == ("TUR", "GOV", "Hakan Fidan")
    doc = nlp("He met the minister.")
    assert resolve_phrase(_subject(doc), memory)[0].country == "TUR"


def test_lexicon_longest_match():
    lex = lexicon()
    words = "the united states and the european union".split()
    found = [(s, e, m.country) for s, e, m in lex.match(words) if m.country]
    assert (0, 3, "USA") in found  # "the united states" is itself an entry
    assert any(c == "IGO" for _, _, c in found)


def test_possessive_names_match_as_the_tokenizer_splits_them():
    lex = lexicon()
    for words, code in ((["kurdistan", "workers", "'", "party"], "TUR"),
                        (["democratic", "people", "'s", "republic", "of", "korea"], "PRK")):
        ((s, e, entry),) = lex.match(words)
        assert (s, e, entry.country) == (0, len(words), code)


def test_affiliation_written_before_a_known_name_wins_over_the_2014_dictionary():
    import datetime as dt

    from transforms.events.extractor import EventExtractor
    from transforms.text import split_sentences

    text = "Delegates from both camps met U.N. mediator Diego Cordovez in Vienna."
    doc = {"doc_id": "d", "text": text, "published_date": dt.date(1988, 3, 2),
           "sentences": split_sentences(text), "timexes": []}
    (ev,) = EventExtractor().extract_batch([doc])[0]
    assert [a.country for a in ev.target_actors] == ["IGO"]
    assert ev.target_actors[0].name == "Diego Cordovez"


def test_dictionary_names_with_a_bracketed_acronym_match_without_it():
    lex = lexicon()
    ((s, e, entry),) = lex.match(["liberation", "tigers", "of", "tamil", "eelam"])
    assert (s, e, entry.country, entry.sector) == (0, 5, "LKA", "REB")
    assert lex.match(["direct", "action"]) == []  # short names keep their qualifier: too generic


@pytest.mark.parametrize("sentence, expected", [
    ("Greek stocks ended higher on Monday, pushing the composite index to its highest close.", []),
    ("The Chinese team beat Japan in the final.", []),
    ("Israeli troops killed two Palestinians in Gaza.", [("ASSAULT", ["ISR"], ["PSE"])]),
])
def test_money_markets_and_teams_are_not_actors(sentence, expected):
    import datetime as dt

    from transforms.events.extractor import EventExtractor
    from transforms.text import split_sentences

    doc = {"doc_id": "d", "text": sentence, "published_date": dt.date(2025, 5, 30),
           "sentences": split_sentences(sentence), "timexes": []}
    got = [(e.event_type, [a.country for a in e.source_actors], [a.country for a in e.target_actors])
           for e in EventExtractor().extract_batch([doc])[0]]
    assert got == expected


def test_cameo_codes_are_fixed_to_iso():
    assert fix_code("ROM") == "ROU" and fix_code("JAP") == "JPN" and fix_code("UK") == "GBR"
    assert fix_code("PER") == "PER" and fix_code(None) is None


def test_memory_keeps_people_with_a_country():
    from transforms.core.records import Actor

    memory = DocMemory()
    memory.remember(["Ana", "Quispe"], Actor("Ana Quispe", "Ana Quispe", "PER", "GOV"))
    memory.remember(["Nobody"], Actor("Nobody", "Nobody", None, "GOV"))
    assert memory.lookup(["Quispe"]).country == "PER"
    assert memory.lookup(["Ana", "Quispe"]) is memory.last_person
    assert memory.lookup(["Nobody"]) is None


def test_transparent_heads_and_pronouns(nlp):
    doc = nlp("Thousands of Chileans marched.")
    (actor,) = resolve_phrase(_subject(doc), DocMemory())
    assert actor.country == "CHL"
    memory = DocMemory()
    doc = nlp("Bolivian President Luis Arce spoke.")
    scan_descriptors(doc, memory)
    doc = nlp("She met him.")
    assert resolve_phrase(next(t for t in doc if t.dep_ == "dobj"), memory)[0].country == "BOL"
    assert resolve_phrase(_subject(nlp("It rained.")), memory) == []


@pytest.mark.parametrize("sentence, codes", [
    # a plain list, a list the parser reads as an apposition, a list with an Oxford comma
    ("Chile, Peru and Bolivia signed the water treaty.", ["CHL", "PER", "BOL"]),
    ("Saudi Arabia, the United Arab Emirates, Bahrain and Egypt cut ties with the emirate.",
     ["SAU", "ARE", "BHR", "EGY"]),
    ("Ghana, Togo, and Benin urged calm.", ["GHA", "TGO", "BEN"]),
])
def test_lists_of_countries_give_one_actor_each(nlp, sentence, codes):
    assert [a.country for a in resolve_phrase(_subject(nlp(sentence)), DocMemory())] == codes


def test_a_description_in_apposition_is_no_list(nlp):
    doc = nlp("Omar Haddad, Jordan's best-known blogger and a former judge, criticised the law.")
    assert [a.country for a in resolve_phrase(_subject(doc), DocMemory())] == ["JOR"]


def test_role_head_with_coordinated_countries_in_its_of_phrase(nlp):
    doc = nlp("Officials from Chile, Peru and Bolivia met in La Paz.")
    actors = resolve_phrase(_subject(doc), DocMemory())
    assert [(a.country, a.sector) for a in actors] == [("CHL", "GOV"), ("PER", "GOV"), ("BOL", "GOV")]
    assert actors[0].text == "Officials from Chile, Peru and Bolivia"
    doc = nlp("The defence ministers of Norway and Finland signed the accord.")
    assert [(a.country, a.sector) for a in resolve_phrase(_subject(doc), DocMemory())] == [
        ("NOR", "GOV"), ("FIN", "GOV")]
