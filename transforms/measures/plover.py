"""Intensity and quad class of a PLOVER event from its type and mode (PLOVER manual tables).

``intensity`` is the PLOVER score of the type and mode (-10 most conflictual .. +10 most
cooperative; the type's score when the mode has none), the PLOVER counterpart of GDELT's
GoldsteinScale; ``quad_class`` is the type's quad category (GDELT's QuadClass). Both tables are
data files in ``seeds/reference/measures/``.
"""

from __future__ import annotations

from functools import lru_cache

from transforms.core.refdata import read_tsv

QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@lru_cache(maxsize=1)
def _scores() -> dict[tuple[str, str], float]:
    return {(r["plover"], r["mode"] or ""): float(r["intensity"])
            for r in read_tsv("measures", "plover_scores.tsv")}


@lru_cache(maxsize=1)
def _quads() -> dict[str, str]:
    return {r["plover"]: r["quad_class"] for r in read_tsv("measures", "plover_quad_classes.tsv")}


def intensity(event_type: str, mode: str | None = None) -> float:
    """PLOVER score of ``event_type`` in ``mode`` (falls back to the type's score)."""
    scores = _scores()
    if mode and (event_type, mode.lower()) in scores:
        return scores[(event_type, mode.lower())]
    try:
        return scores[(event_type, "")]
    except KeyError:
        raise ValueError(f"no PLOVER score for event type {event_type!r}") from None


def quad_class(event_type: str) -> str:
    """Quad class of ``event_type``: verbal/material cooperation/conflict."""
    try:
        return _quads()[event_type]
    except KeyError:
        raise ValueError(f"no PLOVER quad class for event type {event_type!r}") from None


def event_measures(event: dict) -> dict:
    """The measure columns of an event row (needs ``event_type``, optional ``mode``)."""
    return {"intensity": intensity(event["event_type"], event.get("mode")),
            "quad_class": quad_class(event["event_type"])}
