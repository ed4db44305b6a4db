"""How far can a detector that reads words, not meaning, find a changed restated figure?

    python scripts/restatement_ceiling.py              # dev split (tune on it)
    python scripts/restatement_ceiling.py --split test

Issue 15 asks C103 to find at least half of the fair injected quantity changes while
raising at most 0.05 flags per 1,000 words on clean news. This script measures what any
detector built on surface features can reach, so the answer does not rest on one rule's
wording. It takes every quantity-change site of the split (``eval/inject.py:
quantity_sites``: one figure written twice; the later mention is changed with the
injector's own slips), reads the figures with factlint's extraction, and describes each
pair of figures of one kind and unit in two sentences by

* the words next to both figures that agree (left and right, counted outward),
* content words, names and time words the two sentences share, and those only one has,
* whether they count the same noun, and how many sentences apart they are.

On clean articles every such pair whose values cannot both hold is a candidate false
alarm (real news rarely contradicts itself). The script prints (1) a sweep of hand-made
rules over those features and (2), when scikit-learn is importable, a gradient-boosted
classifier scored by 5-fold cross-validation: the recall it reaches when allowed as many
clean-text flags as the bar permits. With ``--spacy-model NAME`` (spaCy and an English
model installed by hand) each figure also gets slots from a dependency parse: the noun it
counts, the verb it hangs from, that verb's subject, the names and dates in its clause,
and the classifier sees those too. Nothing here is imported by factlint.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval import inject  # noqa: E402
from eval.corpus import cache_dir, ensure_corpus, in_split, load_articles  # noqa: E402
from eval.run import load_injection_judgments  # noqa: E402
from linter.document import Document  # noqa: E402
from linter.engine import attach_facts  # noqa: E402

KINDS = ("count", "money", "percent", "percentage-point", "measure", "number")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_STOP = frozenset("""the a an of in to and for on at by with from as is was were be been are that
this it its their his her has have had will would said says than more about some over up down per
cent percent""".split())
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z'’-]+")
_COMMON_CAPS = frozenset("""The A An In On At For But And It He She They We I This That These Those
There Its His Her Their Our As If When While After Before Since By With From Of To Mr Mrs Ms Dr""".split())
_TIME = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|"
                   r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|"
                   r"Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|"
                   r"today|tomorrow|quarter|half|month|week)\b")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def figures(text: str, date, parser=None) -> list[dict]:
    """factlint's figures of the compared kinds, each with the words around it (and, with a
    spaCy ``parser``, the slots of its clause)."""
    parsed = parser(text) if parser is not None else None
    doc = Document.from_text(text, date=date)
    attach_facts(doc)
    out = []
    for q in doc.facts.quantities:
        si = doc.sentence_at(q.start)
        if q.kind not in KINDS or si is None:
            continue
        s = doc.sentences[si]
        sentence = doc.text[s.start:s.end]
        times = {m.group(0).lower() for m in _TIME.finditer(sentence)}
        out.append({
            "q": q, "sentence": si,
            "left": [w.lower() for w in _WORD.findall(doc.text[s.start:q.start])][-6:],
            "right": [w.lower() for w in _WORD.findall(doc.text[q.end:s.end])][:6],
            "bag": {w.lower() for w in _WORD.findall(sentence)} - _STOP,
            "names": {m.group(0) for m in _NAME.finditer(sentence)} - _COMMON_CAPS,
            "times": times,
            "numbers": {m.group(0) for m in _NUMBER.finditer(doc.text[s.start:q.start] + " " +
                                                             doc.text[q.end:s.end])} - times,
        })
        if parsed is not None:
            out[-1]["slots"] = parse_slots(parsed, q.start, q.end)
    return out


_NAMED = frozenset("PERSON ORG GPE NORP FAC LOC PRODUCT EVENT WORK_OF_ART LAW".split())


def parse_slots(parsed, start: int, end: int) -> dict | None:
    """What a dependency parse says of the figure at ``start:end``: the noun it counts, the
    verb it hangs from, that verb's subject, and the names and dates of the verb's clause."""
    toks = [t for t in parsed.char_span(start, end, alignment_mode="expand") or ()]
    if not toks:
        return None
    root = next((t for t in toks if not start <= t.head.idx < end), toks[-1])
    noun = root.head if root.dep_ in ("nummod", "quantmod", "compound", "amod") else root
    verb = noun
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    is_verb = verb.pos_ in ("VERB", "AUX")
    clause = list(verb.subtree) if is_verb else list(root.sent)
    lo, hi = clause[0].idx, clause[-1].idx + 1
    subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if is_verb else []
    return {"noun": noun.lemma_.lower(), "verb": verb.lemma_.lower() if is_verb else "", "dep": root.dep_,
            "subject": {w.lemma_.lower() for c in subject for w in c.subtree if w.pos_ in ("PROPN", "NOUN")},
            "names": {e.text.lower() for e in parsed.ents if e.label_ in _NAMED and lo <= e.start_char < hi},
            "dates": {e.text.lower() for e in parsed.ents if e.label_ in ("DATE", "TIME") and lo <= e.start_char < hi},
            "modifiers": {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound") and c not in toks}}


def parse_features(a: dict | None, b: dict | None) -> list[float]:
    if a is None or b is None:
        return [0.0] * 14
    split = lambda x, y: [len(x - y), len(y - x), len(x & y)]  # noqa: E731
    return [a["noun"] == b["noun"], a["verb"] == b["verb"] != "", a["dep"] == b["dep"],
            *split(a["subject"], b["subject"]), *split(a["names"], b["names"]), *split(a["dates"], b["dates"]),
            len(a["modifiers"] & b["modifiers"]),
            bool(a["modifiers"] and b["modifiers"] and not a["modifiers"] & b["modifiers"])]


def _agree(a: list, b: list) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def conflict(a, b) -> bool:
    """Values that cannot both hold, with the written precision (as C103 compares them)."""
    if a.value == b.value:
        return False
    if a.low == a.high or b.low == b.high:
        return not (a.low <= b.high and b.low <= a.high)
    return not (a.low < b.high and b.low < a.high)


def pair_features(a: dict, b: dict) -> dict:
    f = {"left": _agree(a["left"][::-1], b["left"][::-1]), "right": _agree(a["right"], b["right"]),
         "jaccard": len(a["bag"] & b["bag"]) / max(1, len(a["bag"] | b["bag"])),
         "shared": len(a["bag"] & b["bag"]),
         "noun": a["q"].noun is not None and a["q"].noun == b["q"].noun,
         "distance": min(b["sentence"] - a["sentence"], 50)}
    for slot in ("names", "times", "numbers"):
        f[slot] = (len(a[slot] - b[slot]), len(b[slot] - a[slot]), len(a[slot] & b[slot]))
    if "slots" in a:
        f["parse"] = parse_features(a["slots"], b["slots"])
    return f


def vector(f: dict) -> list[float]:
    return [f["left"], f["right"], f["left"] + f["right"], f["jaccard"], f["shared"], f["noun"],
            f["distance"], *f["names"], *f["times"], *f["numbers"], *f.get("parse", ())]


def candidate_pairs(figs: list[dict]):
    """(earlier, later, features) for figures of one kind and unit in two sentences."""
    for j, b in enumerate(figs):
        for i in range(j):
            a = figs[i]
            if a["sentence"] != b["sentence"] and (a["q"].kind, a["q"].unit) == (b["q"].kind, b["q"].unit):
                yield i, j, pair_features(a, b)


def collect(split: str, parser=None):
    articles = in_split(load_articles(ensure_corpus(cache_dir(), log=lambda *a: None))[0], split)
    fairness = load_injection_judgments(Path(__file__).resolve().parent.parent / "eval" / "judged_injections.yaml")
    sites, clean, words = [], [], 0
    for art in articles:
        words += art.words
        figs = figures(art.text, art.date_obj, parser)
        clean += [f for i, j, f in candidate_pairs(figs) if conflict(figs[i]["q"], figs[j]["q"])]
        for first, later in inject.quantity_sites(art.text):
            ns, ne = inject._digits_span(later)
            new = inject._changed_figure(art.text[ns:ne], random.Random(f"{art.id}:{later.start()}"))
            if new == art.text[ns:ne]:
                continue
            changed = figures(art.text[:ns] + new + art.text[ne:], art.date_obj, parser)
            at = lambda pos: next((k for k, g in enumerate(changed) if g["q"].start <= pos < g["q"].end), None)  # noqa: E731
            i, j = at(first.start()), at(ns)
            pair = None
            if i is not None and j is not None and changed[i]["sentence"] != changed[j]["sentence"] \
                    and (changed[i]["q"].kind, changed[i]["q"].unit) == (changed[j]["q"].kind, changed[j]["q"].unit):
                pair = pair_features(changed[i], changed[j])
            verdict = fairness.get(("quantity-change", art.id, (first.start(), later.start())))
            sites.append({"pair": pair, "fair": verdict})
    return sites, clean, words


def rule(f: dict, context: int, block: tuple, shared: int) -> bool:
    if f["left"] + f["right"] < context:
        return False
    if any(f[slot][0] and f[slot][1] for slot in block):
        return False  # each sentence has a name (time, number) the other lacks: two facts
    return f["names"][2] + f["times"][2] >= shared


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--rate", type=float, default=0.05, help="allowed clean flags per 1,000 words")
    ap.add_argument("--spacy-model", metavar="NAME", help="add dependency-parse slots from this spaCy model "
                    "(installed by hand; about 2 minutes a split)")
    args = ap.parse_args(argv)
    parser = None
    if args.spacy_model:
        try:
            import spacy
            parser = spacy.load(args.spacy_model)
        except (ImportError, OSError) as exc:
            ap.error(f"--spacy-model: {exc}")
    sites, clean, words = collect(args.split, parser)
    budget = int(args.rate * words / 1000)
    readable = [s for s in sites if s["pair"]]
    fair = [s for s in sites if s["fair"] == "fair"]
    print(f"{args.split}: {words:,} words, {len(sites)} changed restatements "
          f"({len(readable)} with both figures read; {len(fair)} judged fair), "
          f"{len(clean):,} clean pairs whose values conflict; the bar allows {budget} clean flags\n")
    fair_read = [s for s in fair if s["pair"]]
    print("context  blocked by             shared  recall      fair     clean flags  per 1,000 words")
    for context in (1, 2, 3):
        for block in ((), ("names",), ("names", "times"), ("names", "times", "numbers")):
            for shared in (0, 1, 2):
                hit = sum(1 for s in readable if rule(s["pair"], context, block, shared))
                fair_hit = sum(1 for s in fair_read if rule(s["pair"], context, block, shared))
                flags = sum(1 for f in clean if rule(f, context, block, shared))
                mark = "  <= bar" if flags <= budget else ""
                print(f"{context:>7}  {'+'.join(block) or '-':<21}  {shared:>6}  {hit:>3}/{len(sites):<4}  "
                      f"{fair_hit:>3}/{len(fair):<3}  "
                      f"{flags:>11}  {flags / words * 1000:>15.3f}{mark}")
    try:
        import numpy as np
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.model_selection import cross_val_predict
    except ImportError:
        print("\n(scikit-learn not installed: the learned ceiling is skipped)")
        return 0
    x = np.array([vector(s["pair"]) for s in readable] + [vector(f) for f in clean], float)
    y = np.array([1] * len(readable) + [0] * len(clean))
    p = cross_val_predict(HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, random_state=0),
                          x, y, cv=5, method="predict_proba")[:, 1]
    negatives = np.sort(p[y == 0])[::-1]
    print(f"\nlearned ceiling (gradient boosting, 5-fold cross-validated{', with parse slots' if parser else ''})")
    for flags in sorted({budget // 2, budget, 2 * budget, 4 * budget}):
        found = p[: len(readable)] > negatives[min(flags, len(negatives) - 1)]
        hit = int(found.sum())
        fair_hit = sum(1 for s, f in zip(readable, found) if f and s["fair"] == "fair")
        print(f"  {flags:>4} clean flags ({flags / words * 1000:.3f} per 1,000 words): "
              f"recall {hit}/{len(sites)} = {hit / len(sites):.0%}"
              + (f", fair {fair_hit}/{len(fair)}" if fair else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
