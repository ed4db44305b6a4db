"""One module per detector (issue 19): a rule's ``detect:`` (``compare:`` for temporal) value
names a module of its kind's package -- ``kind: number-format`` + ``detect: foreign-separator``
is ``linter/kinds/number_format/foreign_separator.py`` -- whose docstring says what it finds and
why, with an example that is flagged and one that is fine. The kind's registry, the values its
field allows, its placeholders and its modules agree; the examples are true."""

from __future__ import annotations

import datetime as dt
import pickle
import pkgutil
import re
import sys
from pathlib import Path

import pytest
import yaml

import linter
from linter.config import Config
from linter.kinds import rule_classes
from linter.kinds._detectors import code_of, detector_of, detectors
from linter.ruleset import load_rules
from linter.schema import model_for

ROOT = Path(__file__).resolve().parent.parent
RULESET = load_rules()
CHOICES = ("detect", "compare")
# "Flagged: text" / "Fine (dated 2017-03-01): text", one line each, in a detector's docstring
EXAMPLE = re.compile(r"^(Flagged|Fine)(?: \(dated (\d{4}-\d\d-\d\d)\))?:\s+(.+)$", re.M)


def _choice(cls) -> str | None:
    return next((f for f in CHOICES if f in cls.field_names()), None)


KINDS = {kind: (cls, _choice(cls)) for kind, cls in rule_classes().items() if _choice(cls)}
DETECTORS = [(kind, name, fn) for kind, (cls, _) in sorted(KINDS.items())
             for name, fn in sorted(detectors(cls.__module__).items())]


def _allowed(kind: str) -> list[str]:
    """The values the kind's ``detect``/``compare`` field allows, from its schema."""
    cls, field = KINDS[kind]
    return model_for(cls, kind).model_json_schema()["properties"][field]["enum"]


def test_the_kinds_that_pick_a_check_by_name_are_packages():
    assert set(KINDS) == {"arithmetic", "consistency", "number-format", "number-style", "quotation", "temporal"}
    for kind, (cls, _) in KINDS.items():
        package = sys.modules[cls.__module__]
        assert hasattr(package, "__path__"), kind
        assert package.__name__ == "linter.kinds." + kind.replace("-", "_")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_registry_field_values_placeholders_and_modules_agree(kind):
    cls, field = KINDS[kind]
    registered = set(detectors(cls.__module__))
    modules = {m.name.replace("_", "-") for m in pkgutil.iter_modules(sys.modules[cls.__module__].__path__)
               if not m.name.startswith("_")}
    assert registered == set(_allowed(kind)) == modules
    if isinstance(cls.placeholders, dict):
        assert set(cls.placeholders) == registered


@pytest.mark.parametrize("kind,name,fn", DETECTORS, ids=[f"{k}:{n}" for k, n, _ in DETECTORS])
def test_each_detector_is_its_own_documented_module(kind, name, fn):
    cls, field = KINDS[kind]
    module = sys.modules[fn.__module__]
    assert module.__name__ == f"{cls.__module__}.{name.replace('-', '_')}"
    assert fn.__name__ == name.replace("-", "_")
    registered_here = [f for f in vars(module).values() if f in detectors(cls.__module__).values()]
    assert registered_here == [fn], "one detector per module"
    doc = module.__doc__ or ""
    assert doc.startswith(f"``{field}: {name}`` -- "), "the docstring opens with the value it answers to"
    assert "\nWhy: " in doc, "the docstring says why the finding matters"
    verdicts = [m.group(1) for m in EXAMPLE.finditer(doc)]
    assert "Flagged" in verdicts and "Fine" in verdicts


def _rule_file_choices():
    for path in sorted((ROOT / "rules").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "kind" in data:
            for field in CHOICES:
                if field in data:
                    yield path.relative_to(ROOT).as_posix(), data["kind"], field, data[field]


RULE_FILE_CHOICES = list(_rule_file_choices())


def test_the_rule_files_use_detectors():
    """25 built-in rules pick a check by name (the count guards the scan above)."""
    assert len(RULE_FILE_CHOICES) == 25


@pytest.mark.parametrize("path,kind,field,value", RULE_FILE_CHOICES, ids=[c[0] for c in RULE_FILE_CHOICES])
def test_a_rule_files_value_names_its_module(path, kind, field, value):
    """From the YAML to the code in one step: the path is the kind and the value."""
    cls, own = KINDS[kind]
    assert field == own
    fn = detectors(cls.__module__)[value]
    expected = f"linter/kinds/{kind.replace('-', '_')}/{value.replace('-', '_')}.py"
    assert (ROOT / expected).is_file()
    assert Path(sys.modules[fn.__module__].__file__).resolve() == (ROOT / expected).resolve()
    rule = next(r for r in RULESET.rules if r.source and Path(r.source).resolve() == (ROOT / path).resolve())
    assert detector_of(rule) is fn and code_of(rule) == expected


def test_a_kind_without_detectors_is_its_module():
    rule = next(r for r in RULESET.rules if r.kind == "pattern")
    assert detector_of(rule) is None and code_of(rule) == "linter/kinds/pattern.py"


@pytest.mark.parametrize("kind,name,fn", DETECTORS, ids=[f"{k}:{n}" for k, n, _ in DETECTORS])
def test_the_docstring_examples_are_true(kind, name, fn):
    """Run with the built-in rules of that detector: "Flagged" fires one, "Fine" fires none."""
    field = KINDS[kind][1]
    ids = [r.id for r in RULESET.rules if r.kind == kind and getattr(r, field) == name]
    assert ids, f"no built-in rule uses {kind} {field}: {name}"
    for verdict, date, text in EXAMPLE.findall(sys.modules[fn.__module__].__doc__):
        config = Config(select=ids, date=dt.date.fromisoformat(date) if date else None)
        found = [d.rule for d in linter.lint_text(text, config=config)]
        assert bool(found) == (verdict == "Flagged"), (verdict, text, found)


def test_rules_with_detectors_pickle_and_check_the_same():
    """A rule holds its detector's name, not the function: the rule cache and the worker pool
    pickle rules, and an unpickled rule checks as the original does."""
    text = ("They contain some 43,000 people, including 9,00 fighters. Sales fell from 12 to 87 units. "
            "The SDF runs the camps. The Syrian Democratic Forces (SDF) said so. He said “we will stay\" and "
            "left. Exports fell last year (2015), the ministry said.")
    config = Config(select=["ALL"], date=dt.date(2017, 3, 1))
    ruleset = load_rules()
    copy = pickle.loads(pickle.dumps(ruleset))
    assert not any(callable(v) for r in copy.rules for v in vars(r).values())

    def run(rs):
        return [(d.rule, d.start, d.end, d.message) for d in linter.lint_text(text, config=config, ruleset=rs)]

    before = run(ruleset)
    assert {"N101", "M102", "K105", "Q101", "C102"} <= {r for r, *_ in before}
    assert run(copy) == before


def test_explain_names_the_rules_code(run_cli):
    code, out, _ = run_cli("explain", "N101")
    assert code == 0 and "\nCode: linter/kinds/number_format/grouping.py\n" in out
    code, out, _ = run_cli("explain", "C102")
    assert "\nCode: linter/kinds/temporal/apposition.py\n" in out


def test_explain_kind_lists_its_detectors(run_cli):
    code, out, _ = run_cli("explain", "--kind", "quotation")
    assert code == 0
    assert "\n## Detectors (detect:), one module each\n" in out
    assert "\nnested               linter/kinds/quotation/nested.py\n" in out

