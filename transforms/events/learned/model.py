"""A multinomial logistic regression over sparse string features: training, files, prediction.

Weights are a ``features x labels`` float32 matrix and a bias row; the files are
``<name>.json`` (labels, the feature vocabulary, the decision thresholds, where the training
data came from) and ``<name>.npz`` (the arrays, read with ``allow_pickle=False``). Training is
deterministic: full-batch gradient descent with Adagrad steps and an L2 penalty, from zeros.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from transforms.settings import reference_path

#: The label of a trigger that codes no event (the model's veto).
NONE = "NONE"
MODEL_DIR = ("events", "model")
MODEL_NAME = "event_type"


@dataclass(frozen=True)
class Example:
    features: tuple[str, ...]
    label: str
    weight: float = 1.0


@dataclass
class TypeModel:
    labels: list[str]
    vocab: dict[str, int]
    weights: np.ndarray  # (n_features, n_labels)
    bias: np.ndarray  # (n_labels,)
    meta: dict[str, Any] = field(default_factory=dict)

    def probabilities(self, feats: Sequence[str]) -> dict[str, float]:
        """P(label | features); unknown features are ignored."""
        idx = [self.vocab[f] for f in feats if f in self.vocab]
        logits = self.bias + (self.weights[idx].sum(axis=0) if idx else 0.0)
        p = np.exp(logits - logits.max())
        p /= p.sum()
        return {lab: float(v) for lab, v in zip(self.labels, p, strict=True)}

    def save(self, directory: Path, name: str = MODEL_NAME) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        feats = sorted(self.vocab, key=self.vocab.__getitem__)
        meta = {**self.meta, "labels": self.labels, "features": feats}
        (directory / f"{name}.json").write_text(json.dumps(meta, indent=0, ensure_ascii=False) + "\n",
                                                encoding="utf-8")
        np.savez_compressed(directory / f"{name}.npz", weights=self.weights.astype(np.float16),
                            bias=self.bias.astype(np.float32))


def load(directory: Path, name: str = MODEL_NAME) -> TypeModel:
    """The model saved in ``directory`` (arrays read without pickle)."""
    meta = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
    with np.load(directory / f"{name}.npz", allow_pickle=False) as arrays:
        weights = arrays["weights"].astype(np.float32)
        bias = arrays["bias"].astype(np.float32)
    feats = meta.pop("features")
    labels = meta.pop("labels")
    return TypeModel(labels, {f: i for i, f in enumerate(feats)}, weights, bias, meta)


@lru_cache(maxsize=1)
def shipped_model() -> TypeModel | None:
    """The shipped model (``seeds/reference/events/model``), ``None`` when there is none."""
    directory = reference_path(*MODEL_DIR)
    if not (directory / f"{MODEL_NAME}.json").is_file():
        return None
    return load(directory)


def train(examples: Sequence[Example], labels: Sequence[str], epochs: int = 300, rate: float = 0.5,
          l2: float = 1e-4, min_count: int = 1) -> TypeModel:
    """Fit the model on ``examples`` (deterministic: same examples, same weights)."""
    counts: dict[str, int] = {}
    for ex in examples:
        for f in set(ex.features):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    lab_index = {lab: i for i, lab in enumerate(labels)}
    rows, cols = [], []
    for r, ex in enumerate(examples):
        ids = sorted({vocab[f] for f in ex.features if f in vocab})
        rows += [r] * len(ids)
        cols += ids
    rows_a, cols_a = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    y = np.array([lab_index[ex.label] for ex in examples])
    sw = np.array([ex.weight for ex in examples], dtype=np.float64)
    sw /= sw.sum()
    n, k = len(examples), len(labels)
    w = np.zeros((len(vocab), k))
    b = np.zeros(k)
    gw_acc, gb_acc = np.full_like(w, 1e-8), np.full_like(b, 1e-8)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    for _ in range(epochs):
        logits = np.zeros((n, k)) + b
        np.add.at(logits, rows_a, w[cols_a])
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        d = (p - onehot) * sw[:, None]
        gw = np.zeros_like(w)
        np.add.at(gw, cols_a, d[rows_a])
        gw += l2 * w
        gb = d.sum(axis=0)
        gw_acc += gw * gw
        gb_acc += gb * gb
        w -= rate * gw / np.sqrt(gw_acc)
        b -= rate * gb / np.sqrt(gb_acc)
    return TypeModel(list(labels), vocab, w.astype(np.float32), b.astype(np.float32))
