"""Convert the petrarch2 dictionaries (MIT, Open Event Data Alliance) into reviewable TSV files.

Usage: python bench/convert_petrarch2.py ../shared/data/dictionaries/petrarch2 \
           ../shared/data/events/CAMEO2PLOVER-2021.txt

Writes ``seeds/reference/actors/petrarch2_*.tsv`` and ``seeds/reference/events/en/cameo_verbs.tsv``
(+ ``cameo_synsets.tsv``). Each output keeps the licence header of its source. Run once; the
converted files are the reference data the code reads (they may then be edited by hand).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACTORS = ROOT / "seeds" / "reference" / "actors"
EVENTS = ROOT / "seeds" / "reference" / "events" / "en"

# CAMEO 01x (public statements) has no PLOVER equivalent; 02x (appeal) is PLOVER REQUEST.
APPEAL_MODES = {"020": "", "021": "assist", "022": "assist", "023": "assist", "024": "change",
                "025": "yield", "026": "meet", "027": "meet", "028": "meet"}


def licence_header(path: Path) -> list[str]:
    """The MIT notice of a dictionary file, or the repository's LICENSE when the file has none."""
    out = _own_licence(path)
    if out:
        return out
    lic = path.parent / "LICENSE"
    return ["# (no header in this file; the petrarch2 repository LICENSE applies:)",
            *("# " + ln if ln else "#" for ln in lic.read_text(encoding="utf-8").splitlines())]


def _own_licence(path: Path) -> list[str]:
    lines = path.read_text(encoding="latin-1").splitlines()
    out, in_lic = [], False
    for line in lines:
        if "MIT License" in line:
            in_lic = True
        if in_lic:
            if not line.startswith("#"):
                break
            out.append(line)
            if "SOFTWARE." in line and "IN THE" in line:
                break
    return out


def norm_pattern(raw: str) -> str:
    raw = raw.strip().rstrip("_").replace("_", " ")
    return re.sub(r"\s+", " ", raw).strip().lower()


def parse_code(code: str) -> tuple[str, str]:
    code = code.strip().lstrip("~")
    return code[:3], code[3:6]


def pick_code(codes: list[str]) -> str | None:
    """Prefer an open-ended current role (``>date``), else the undated default, else the last."""
    best = None
    for c in codes:
        parts = c.split()
        if len(parts) > 1 and parts[1].startswith(">"):
            return parts[0]
    for c in codes:
        if len(c.split()) == 1:
            best = c.split()[0]
    if best is None and codes:
        best = codes[-1].split()[0]
    return best


def convert_actor_file(src: Path, dst: Path, title: str) -> int:
    rows: list[tuple[str, str, str]] = []
    group: list[str] = []
    codes: list[str] = []

    def flush():
        if group:
            code = pick_code(codes)
            if code and re.fullmatch(r"[A-Z]{3,12}", code):
                country, sector = parse_code(code)
                for g in group:
                    if g and len(g) > 1:
                        rows.append((g, country, sector))

    for line in src.read_text(encoding="latin-1").splitlines():
        s = line.split("#", 1)[0].rstrip()
        if not s.strip():
            continue
        if s.startswith("\t") or s.startswith(" ") and s.strip().startswith("["):
            codes += re.findall(r"\[([^\]]+)\]", s)
            continue
        if s.startswith("+"):
            name = re.sub(r"\{.*?\}|\[.*?\]", "", s[1:])
            group.append(norm_pattern(name))
            codes += re.findall(r"\[([^\]]+)\]", s)
            continue
        if s.startswith("<") or s.startswith("!") or s.startswith("="):
            continue
        flush()
        group, codes = [norm_pattern(re.sub(r"\{.*?\}|\[.*?\]", "", s))], re.findall(r"\[([^\]]+)\]", s)
    flush()
    seen, out = set(), []
    for r in rows:
        if r[0] not in seen:
            seen.add(r[0])
            out.append(r)
    header = [f"# {title}", f"# Converted from petrarch2 {src.name} by bench/convert_petrarch2.py.",
              "# Columns: pattern (lower-case words), country (ISO alpha-3 / IGO / NGO / IMG / MNC ...),",
              "# sector (CAMEO agent code, may be empty). The current role is kept for people.",
              "# Source licence:", *licence_header(src)]
    with dst.open("w", encoding="utf-8") as f:
        f.write("\n".join(header) + "\npattern\tcountry\tsector\n")
        for p, c, sec in out:
            f.write(f"{p}\t{c}\t{sec}\n")
    return len(out)


def convert_agents(src: Path, dst: Path) -> int:
    subs: dict[str, list[str]] = {}
    rows = []
    for line in src.read_text(encoding="latin-1").splitlines():
        s = line.split("#", 1)[0].strip()
        if not s:
            continue
        m = re.match(r"^(!\w+!)\s*=\s*(.*)$", s)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"^(.+?)\s*(\{.*?\})?\s*\[~?([A-Z]+)\]", s)
        if not m:
            continue
        name, code = m.group(1), m.group(3)
        names = [name]
        for key, vals in subs.items():
            if key in name:
                names = [n.replace(key, v) for n in names for v in vals]
        for n in names:
            rows.append((norm_pattern(n), code[:3], code[3:6]))
    seen, out = set(), []
    for r in rows:
        if r[0] not in seen and "!" not in r[0]:
            seen.add(r[0])
            out.append(r)
    header = ["# Sector descriptors (agents): a word or phrase naming the kind of actor.",
              f"# Converted from petrarch2 {src.name} by bench/convert_petrarch2.py.",
              "# Columns: pattern, sector (CAMEO agent code), subsector. Source licence:",
              *licence_header(src)]
    with dst.open("w", encoding="utf-8") as f:
        f.write("\n".join(header) + "\npattern\tsector\tsubsector\n")
        for p, c, sub in out:
            f.write(f"{p}\t{c}\t{sub}\n")
    return len(out)


def load_cameo2plover(path: Path) -> dict[str, tuple[str, str]]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*)", line)
        if m:
            table[m.group(1)] = (m.group(2), m.group(3).strip())
    for code, mode in APPEAL_MODES.items():
        table[code] = ("REQUEST", mode)
    return table


def plover_of(code: str, table: dict) -> tuple[str, str] | None:
    code = code.split(":")[0].strip()
    if not code.isdigit():
        return None
    while code:
        if code in table:
            return table[code]
        code = code[:-1] if len(code) > 3 else ""
    return None


def convert_verbs(src: Path, conv: Path, dst: Path, syn_dst: Path) -> int:
    table = load_cameo2plover(conv)
    lines = src.read_text(encoding="latin-1").splitlines()
    synsets: dict[str, list[str]] = {}
    rows = []
    i = 0
    cur_set = None
    block_code = None
    verbs: list[tuple[str, str | None, list[str]]] = []
    in_patterns = False
    for line in lines:
        i += 1
        s = line.split("#", 1)[0].rstrip()
        if line.startswith("####### VERB PATTERNS"):
            in_patterns = True
            cur_set = None
            continue
        if not in_patterns:
            if s.startswith("&"):
                cur_set = s.strip().lower()
                synsets[cur_set] = []
            elif s.startswith("+") and cur_set:
                synsets[cur_set].append(norm_pattern(s[1:]))
            continue
        if not s.strip():
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", s)
        if m:
            block_code = m.group(2)
            verbs = []
            continue
        if s.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]", s)
            if not m or not verbs:
                continue
            pat, code = m.group(1), m.group(2)
            pl = plover_of(code, table)
            if "*" not in pat:
                continue
            pre, post = pat.split("*", 1)
            clean = lambda t: " ".join(  # noqa: E731
                w for w in re.sub(r"[(){}$+^%]", " ", t).lower().split() if w not in {"", "_"})
            for lemma, _vc, extra in verbs:
                rows.append((lemma, " ".join(extra + clean(post).split()).strip(), clean(pre),
                             code, pl[0] if pl else "", pl[1] if pl else ""))
            continue
        # a verb line: VERB {forms} [code]
        m = re.match(r"^\+?([A-Z][A-Z_\-']*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", s.strip())
        if not m:
            continue
        words = m.group(1).strip("_").lower().split("_")
        lemma, extra = words[0], [w for w in words[1:] if w]
        vcode = m.group(3)[1:-1] if m.group(3) else block_code
        verbs.append((lemma, vcode, extra))
        forms = m.group(2)[1:-1].split() if m.group(2) else []
        forms = [f.lstrip("+").split("_")[0].lower() for f in forms]
        pl = plover_of(vcode or "", table)
        rows.append((lemma, " ".join(extra), "", vcode or "", pl[0] if pl else "", pl[1] if pl else ""))
        if forms:
            rows.append((lemma, "=FORMS", "", " ".join(sorted(set(forms))), "", ""))
    header = ["# CAMEO verb patterns mapped to PLOVER event types and modes.",
              f"# Converted from petrarch2 {src.name} (patterns simplified to the words after the verb)",
              "# and mapped through CAMEO2PLOVER-2021 (CAMEO 02x appeals -> REQUEST) by",
              "# bench/convert_petrarch2.py. Columns: lemma, after (words that must follow the verb",
              "# in its phrase; &set = a synonym set from cameo_synsets.tsv), before (words before it),",
              "# cameo code, plover type, plover mode. Rows with after '=FORMS' list irregular forms.",
              "# A row with an empty plover type blocks the verb (not an event).",
              "# Source licence:", *licence_header(src)]
    seen = set()
    useful = {r[0] for r in rows if r[4]}
    with dst.open("w", encoding="utf-8") as f:
        f.write("\n".join(header) + "\nlemma\tafter\tbefore\tcameo\tplover\tmode\n")
        for r in rows:
            if r in seen or r[0] not in useful:
                continue
            if not r[4] and r[1] != "=FORMS" and (r[1] or r[2]):
                continue  # a pattern that codes no PLOVER event adds nothing
            seen.add(r)
            f.write("\t".join(r) + "\n")
    with syn_dst.open("w", encoding="utf-8") as f:
        f.write("# Synonym sets used by cameo_verbs.tsv; converted from petrarch2 CAMEO.2.0.txt.\n")
        f.write("\n".join(licence_header(src)) + "\nset\tword\n")
        for k, ws in synsets.items():
            for w in ws:
                f.write(f"{k}\t{w}\n")
    return len(seen)


def main() -> None:
    src = Path(sys.argv[1])
    conv = Path(sys.argv[2])
    ACTORS.mkdir(parents=True, exist_ok=True)
    EVENTS.mkdir(parents=True, exist_ok=True)
    (ACTORS / "LICENSE-petrarch2").write_bytes((src / "LICENSE").read_bytes())
    print("countries", convert_actor_file(src / "Phoenix.Countries.actors.txt",
                                           ACTORS / "petrarch2_countries.tsv",
                                           "Country actors: names, places and people (to 2014)"))
    print("international", convert_actor_file(src / "Phoenix.International.actors.txt",
                                               ACTORS / "petrarch2_international.tsv",
                                               "International actors: IGOs, NGOs, MNCs"))
    print("nonstate", convert_actor_file(src / "Phoenix.MilNonState.actors.txt",
                                          ACTORS / "petrarch2_nonstate.tsv",
                                          "Armed non-state actors"))
    print("agents", convert_agents(src / "Phoenix.agents.txt", ACTORS / "petrarch2_agents.tsv"))
    print("verbs", convert_verbs(src / "CAMEO.2.0.txt", conv, EVENTS / "cameo_verbs.tsv",
                                 EVENTS / "cameo_synsets.tsv"))


if __name__ == "__main__":
    main()
