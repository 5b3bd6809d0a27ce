"""Prefect wiring for the Dateline pipeline."""
