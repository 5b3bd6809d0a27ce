"""Actors: who a noun phrase is, in PLOVER/CAMEO codes (country ISO alpha-3, sector).

:mod:`.lexicon` holds the names; :mod:`.phrases` delimits noun phrases; :mod:`.resolve` turns a
phrase into :class:`transforms.core.records.Actor` records; :mod:`.descriptors` registers people
introduced by a descriptor ("Kremlin spokesperson Dmitry Peskov"); :mod:`.memory` keeps them
for the rest of the document (surnames, he/she).
"""
