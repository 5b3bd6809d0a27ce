"""Shared building blocks every concept package uses: stable ids and the reference-data reader."""
