"""Turning ingested documents into table rows, in batches (pure Python, no Prefect).

* :mod:`.plan` — which documents of a batch need (re)processing, from the document index;
* :mod:`.rows` — table rows of sentences, time expressions, documents, arrivals, quarantine;
* :mod:`.process` — one batch: sentences → time expressions → events → rows;
* :mod:`.workers` — the process pool that spreads a batch over the cores;
* :mod:`.ahead` — batches in flight: the next ones compute while one is written;
* :mod:`.summary` — the run's counters and its ``runs`` row.
"""
