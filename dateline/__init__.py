"""Dateline: raw news text to a dated, structured events dataset."""

__version__ = "0.1.0"
