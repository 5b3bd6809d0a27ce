"""Train the event type model (transforms/events/learned) and write it to seeds/reference/events/model/.

    PYTHONPATH=$PWD .venv/bin/python bench/train_event_type.py [--gsr ../shared/data/events/plover-gsr-dev.json]
        [--out seeds/reference/events/model] [--no-cameo]

Training data, all of it data the repository may ship:

* ``bench/data/event_type_sentences.tsv`` — sentences written for Dateline (trigger word, PLOVER
  type or NONE), free to reuse;
* the CAMEO verb dictionary as converted (``cameo_verbs.tsv``, petrarch2, MIT) and the curated
  rows (``verb_overrides.tsv``): one short sentence per pattern, "<actor> <verb> <pattern
  words> <actor>.", labelled with the pattern's PLOVER type, at a low weight;
* the PLOVER gold-standard records (``--gsr``, CC BY-SA 4.0, Open Event Data Alliance), their
  *tune* part only (``bench/splits.py``): the score part is never read here.

Never trained on plv-dev.tsv (no licence; it is only measured). The run is deterministic.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

from splits import part

from transforms.events.cues import plover_classes
from transforms.events.learned.examples import Labelled, examples
from transforms.events.learned.model import MODEL_NAME, NONE, train
from transforms.events.lexicon import inflect, load_lexicon

ROOT = Path(__file__).resolve().parent.parent
OWN = ROOT / "bench" / "data" / "event_type_sentences.tsv"
OUT = ROOT / "seeds" / "reference" / "events" / "model"
SUBJECTS = ("The government of Chad", "Rebels in Mali", "Brazil", "The Kenyan police", "Japanese officials",
            "The opposition party", "NATO", "Peru")
OBJECTS = ("Niger", "the Bolivian government", "protesters", "Canada", "the United Nations", "rebel commanders",
           "Vietnam", "the army")
CAMEO_WEIGHT, OWN_WEIGHT, GSR_WEIGHT = 0.15, 1.0, 1.0
THRESHOLDS = {"choose": 0.4, "margin": 0.1, "veto": 0.7}  # set on the PLV tune part
ATTRIBUTION = ("Trained on sentences written for Dateline; the CAMEO verb dictionary of petrarch2 (MIT, "
               "Open Event Data Alliance) mapped to PLOVER; and the tune part of the PLOVER gold-standard "
               "records (CC BY-SA 4.0, Open Event Data Alliance). This model is distributed under CC BY-SA 4.0.")


def own_sentences(path: Path = OWN) -> list[Labelled]:
    rows = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    out = []
    for r in csv.DictReader(rows, delimiter="\t"):
        out.append(Labelled(r["sentence"], r["trigger"], r["type"], OWN_WEIGHT))
    return out


def gsr_tune(path: Path) -> list[Labelled]:
    renamed = plover_classes().renamed
    out = []
    for r in json.loads(path.read_text(encoding="utf-8")):
        text, event = r.get("text"), r.get("event")
        if not text or event in (None, "DOCUMENT") or part(text) != "tune":
            continue
        out.append(Labelled(text, r.get("eventText") or "", renamed.get(event, event), GSR_WEIGHT))
    return out


def _past(lemma: str, forms: dict[str, set[str]]) -> str:
    irregular = sorted(f for f in forms.get(lemma, ()) if f not in inflect(lemma)
                       and not f.endswith(("s", "ing")))
    if irregular:
        return irregular[0]
    regular = sorted(f for f in inflect(lemma) if f.endswith("ed"))
    return regular[-1] if regular else lemma


def cameo_sentences(per_lemma: int = 4, seed: int = 14) -> list[Labelled]:
    """One sentence per pattern (the default, the curated rows, a sample of the others)."""
    lex = load_lexicon()
    rng = random.Random(seed)
    forms: dict[str, set[str]] = {}
    for form, lemma in lex.forms.items():
        forms.setdefault(lemma, set()).add(form)
    out = []
    for lemma in sorted(lex.verbs):
        pats = [p for p in lex.verbs[lemma] if p.plover]
        curated = [p for p in pats if p.curated or not (p.after or p.before)]
        rest = [p for p in pats if p not in curated]
        chosen = curated + rng.sample(rest, min(per_lemma, len(rest)))
        verb = _past(lemma, forms)
        for p in chosen:
            after = " ".join(sorted(s)[0] for s in p.after)
            before = " ".join(sorted(s)[0] for s in p.before)
            subj, obj = rng.choice(SUBJECTS), rng.choice(OBJECTS)
            text = " ".join(w for w in (subj, before, verb, after, obj) if w) + "."
            out.append(Labelled(text, verb, p.plover, CAMEO_WEIGHT))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gsr", type=Path, help="the PLOVER GSR dev JSON (its tune part is used)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-cameo", action="store_true")
    ap.add_argument("--epochs", type=int, default=300)
    args = ap.parse_args()
    sources = {"own": own_sentences()}
    if not args.no_cameo:
        sources["cameo"] = cameo_sentences()
    if args.gsr:
        sources["gsr_tune"] = gsr_tune(args.gsr)
    data, counts = [], {}
    for name, items in sources.items():
        exs, missed = examples(items, agreeing_only=name == "cameo")
        data += exs
        counts[name] = {"sentences": len(items), "examples": len(exs), "no_trigger": missed}
        print(f"{name}: {len(items)} sentences, {len(exs)} examples, {missed} without a trigger of their word",
              file=sys.stderr)
    labels = sorted(plover_classes().types) + [NONE]
    model = train(data, labels, epochs=args.epochs)
    model.meta = {"thresholds": THRESHOLDS, "training": counts, "attribution": ATTRIBUTION,
                  "command": "PYTHONPATH=$PWD .venv/bin/python bench/train_event_type.py"
                             + (" --gsr PLOVER_GSR_JSON" if args.gsr else "")}
    model.save(args.out)
    print(f"{len(model.vocab)} features, {len(labels)} labels -> {args.out / MODEL_NAME}.{{json,npz}}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
