from transforms.report.documents import actor_label, actor_spans

TEXT = "Officials said serious talks between us and Turkey resumed. Turkey hosted them."


def test_actor_words_are_found_as_whole_words_in_their_sentence():
    sentence = (0, TEXT.index(".") + 1)
    spans = actor_spans(TEXT, sentence, [{"text": "us"}, {"text": "Turkey"}])
    assert [TEXT[a:b] for a, b in spans] == ["us", "Turkey"]
    assert spans[0][0] == TEXT.index(" us ") + 1  # not the "us" inside "serious"


def test_case_insensitive_fallback_and_missing_actor():
    sentence = (0, len(TEXT))
    assert [TEXT[a:b] for a, b in actor_spans(TEXT, sentence, [{"text": "officials"}])] == ["Officials"]
    assert actor_spans(TEXT, sentence, [{"text": "Russia"}, {"text": ""}, {}]) == []


def test_actor_search_stays_inside_the_sentence():
    second = (TEXT.index("Turkey hosted"), len(TEXT))
    assert actor_spans(TEXT, second, [{"text": "Turkey"}]) == [[second[0], second[0] + 6]]


def test_actor_label():
    assert actor_label({"name": "Hakan Fidan", "country": "TUR"}) == "Hakan Fidan (TUR)"
    assert actor_label({"text": "officials", "country": None}) == "officials"
    assert actor_label({"name": "TUR", "country": "TUR"}) == "TUR"
