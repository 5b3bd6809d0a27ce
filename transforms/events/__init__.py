"""Event extraction: PLOVER-coded events with actors, place, date and status.

Flow for a batch of documents (:class:`transforms.events.extractor.EventExtractor`, see
``docs/events.md`` and ``docs/rules-events.md``):

1. a cheap lexicon pre-filter keeps only sentences holding a trigger word and an actor cue;
   repeated sentences (``duplicate_of``) are dropped (:mod:`.extractor`);
2. all candidate sentences of the batch are parsed at once with ``nlp.pipe`` (:mod:`.nlp`);
3. triggers are found by verb patterns and event nouns (:mod:`.triggers`, :mod:`.patterns`,
   :mod:`.filters`), then each is coded (:mod:`.coding`): source and target from the
   dependency tree (:mod:`.arguments`) resolved to actors (:mod:`.participants`,
   :mod:`.actors`); the place (:mod:`.places`, :mod:`.gazetteer`); status (:mod:`.status`);
   the date (:mod:`.dating`); the mode (:mod:`.modes`).

Rules are data under ``seeds/reference/events`` (:mod:`.lexicon`, :mod:`.cues`).
"""
