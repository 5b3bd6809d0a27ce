"""The exception that sends an input item to quarantine with a short stable reason."""

from __future__ import annotations


class Reject(Exception):
    """An input item that goes to quarantine: ``reason`` (stable, short) and ``detail`` (readable)."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.excerpt: str | bytes | None = None  # what the quarantine row shows, when the reader sets it
