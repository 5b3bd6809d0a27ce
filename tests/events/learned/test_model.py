"""The logistic regression: training is deterministic, files round-trip without pickle."""

from __future__ import annotations

import numpy as np

from transforms.events.learned.model import NONE, Example, load, train

LABELS = ["ACCUSE", "AID", NONE]
DATA = [
    Example(("l=condemn", "obj=PROPN"), "ACCUSE"),
    Example(("l=criticise", "obj=PROPN"), "ACCUSE"),
    Example(("l=send", "obj=food"), "AID"),
    Example(("l=donate", "obj=food"), "AID"),
    Example(("l=hit", "obj=record"), NONE),
    Example(("l=reach", "obj=record"), NONE),
]


def _best(model, feats):
    probs = model.probabilities(feats)
    return max(probs, key=probs.__getitem__)


def test_learns_a_frame_feature_shared_by_lemmas():
    model = train(DATA, LABELS, epochs=200)
    assert _best(model, ("l=condemn", "obj=PROPN")) == "ACCUSE"
    # an unseen verb with a known object takes the object's type
    assert _best(model, ("l=ship", "obj=food")) == "AID"
    assert _best(model, ("l=break", "obj=record")) == NONE
    assert abs(sum(model.probabilities(("l=send",)).values()) - 1.0) < 1e-6


def test_training_is_deterministic():
    a, b = train(DATA, LABELS, epochs=50), train(DATA, LABELS, epochs=50)
    assert a.vocab == b.vocab
    assert np.array_equal(a.weights, b.weights)


def test_example_weights_count():
    heavy = DATA + [Example(("l=hit", "obj=record"), "ASSAULT", 20.0)]
    model = train(heavy, LABELS + ["ASSAULT"], epochs=200)
    assert _best(model, ("l=hit", "obj=record")) == "ASSAULT"


def test_save_and_load_round_trip(tmp_path):
    model = train(DATA, LABELS, epochs=100)
    model.meta = {"thresholds": {"choose": 0.5}}
    model.save(tmp_path)
    again = load(tmp_path)
    assert again.labels == LABELS and again.vocab == model.vocab
    assert again.meta == {"thresholds": {"choose": 0.5}}
    feats = ("l=send", "obj=food")
    for lab, p in model.probabilities(feats).items():
        assert abs(again.probabilities(feats)[lab] - p) < 1e-2  # weights are stored as float16
    with np.load(tmp_path / "event_type.npz", allow_pickle=False) as arrays:
        assert {k: arrays[k].dtype.kind for k in arrays.files} == {"weights": "f", "bias": "f"}
