"""Pure-Python transforms of the Dateline pipeline (no Prefect imports here)."""
