"""Evaluation against gold data: TempEval-3 (TimeML) scoring and PLOVER event-coding scoring."""
