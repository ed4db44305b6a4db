"""Golden test: the findings on the seed article, exactly.

When a check improves, regenerate deliberately and say why in the commit:

    FACTLINT_UPDATE_GOLDEN=1 python -m pytest tests/test_seed.py
"""

import json
import os

from conftest import SEEDS

SEED = SEEDS / "000_5ae41dc0945392ff.txt"
GOLDEN_TEXT = SEEDS / "000_5ae41dc0945392ff.expected"
GOLDEN_JSON = SEEDS / "000_5ae41dc0945392ff.expected.json"


def _check(path, actual):
    if os.environ.get("FACTLINT_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_seed_text_output_matches_golden(run_cli, monkeypatch):
    monkeypatch.chdir(SEEDS.parent)
    code, out, err = run_cli("seeds/000_5ae41dc0945392ff.txt", "--isolated")
    assert err == ""
    _check(GOLDEN_TEXT, out)
    assert code == (1 if "error" in out or "warning" in out else 0)


def test_seed_json_output_matches_golden(run_cli, monkeypatch):
    monkeypatch.chdir(SEEDS.parent)
    code, out, err = run_cli("seeds/000_5ae41dc0945392ff.txt", "--isolated", "--format", "json")
    data = json.loads(out)
    data["tool"]["version"] = "X"
    _check(GOLDEN_JSON, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
