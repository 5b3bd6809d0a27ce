"""Normalisers: one module per family of expressions, each turning a rule's match into a TIMEX3
value (:class:`transforms.temporal.normalise.base.Normalised`). A rule of ``rules.yaml`` names
its normaliser with ``norm:``; the names are the keys of
:data:`transforms.temporal.normalise.registry.NORMALISERS`.
"""
