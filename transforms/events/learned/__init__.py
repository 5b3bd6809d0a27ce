"""A learned check on the PLOVER type of a trigger (issue #14, option b).

* :mod:`.features` — the sparse features of a trigger: its lemma and the type the rules gave
  it, its frame (object, prepositions and their objects, particle, complements, negation,
  modality, voice), the heads of its source and target, the CAMEO types of its lemma;
* :mod:`.model` — a multinomial logistic regression over those features (numpy), its training
  and its files (``seeds/reference/events/model/``: a JSON vocabulary and an ``.npz`` of
  arrays, no pickled code);
* :mod:`.choose` — the hook the coder calls: keep the rules' type, take the model's, or veto.

Off by default (``settings.EVENT_TYPE_MODEL``); trained by ``bench/train_event_type.py``.
"""
