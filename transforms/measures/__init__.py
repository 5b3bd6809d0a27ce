"""Event measures analysts work with: PLOVER intensity (conflict-cooperation score) and quad class."""

from transforms.measures.plover import QUAD_CLASSES, event_measures, intensity, quad_class

__all__ = ["QUAD_CLASSES", "event_measures", "intensity", "quad_class"]
