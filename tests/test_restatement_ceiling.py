"""scripts/restatement_ceiling.py: the pair features it measures are the ones its README
table describes (words agreeing next to both figures, names only one sentence has)."""

import importlib.util
import pathlib

_SCRIPT = pathlib.Path(__file__).resolve().parent.parent / "scripts" / "restatement_ceiling.py"


def _load():
    spec = importlib.util.spec_from_file_location("restatement_ceiling", _SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_restatement_pair_features():
    rc = _load()
    text = ("Acme will cut 400 jobs at its Leeds plant, the company said. "
            "Unions said Acme will cut 480 jobs at its Leeds plant by March.")
    figs = rc.figures(text, None)
    (i, j, f), = list(rc.candidate_pairs(figs))
    assert [figs[i]["q"].value, figs[j]["q"].value] == [400, 480]
    assert rc.conflict(figs[i]["q"], figs[j]["q"])
    assert (f["left"], f["right"]) == (3, 5)     # "acme will cut" / "jobs at its leeds plant"
    # names: "Leeds" in both; "Acme" (not read at a sentence's start) and "March" in the second only
    assert f["names"] == (0, 2, 1)
    assert rc.rule(f, context=3, block=("names",), shared=1)
    assert not rc.rule(f, context=3, block=("names",), shared=2)


def test_parallel_facts_are_blocked_by_a_name_each():
    rc = _load()
    text = ("Tokyo's Nikkei index rose 0.1 percent to 19,590. "
            "Hong Kong's Hang Seng index rose 2.1 percent to 24,288.")
    figs = rc.figures(text, None)
    pct = [f for i, j, f in rc.candidate_pairs(figs) if figs[i]["q"].kind == "percent"]
    assert pct and (pct[0]["left"], pct[0]["right"]) == (2, 1)  # "index rose" / "to"
    assert not rc.rule(pct[0], context=2, block=("names",), shared=0)
