"""Overlap resolution: of overlapping candidates, the longest wins (ties: earlier rule, then start)."""

from __future__ import annotations

from transforms.temporal.lexer import Candidate


def resolve(cands: list[Candidate]) -> list[Candidate]:
    """Longest non-overlapping candidates, in text order; ties: earlier rule, earlier start."""
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), c.rule, c.start))
    out = []
    occupied = bytearray(0)
    for c in ranked:
        s, e = c.start, c.end
        if e > len(occupied):
            occupied.extend(b"\0" * (e - len(occupied) + 1024))
        if any(occupied[s:e]):
            continue
        occupied[s:e] = b"\1" * (e - s)
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out
