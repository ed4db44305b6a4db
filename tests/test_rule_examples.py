"""Every built-in rule's embedded examples, one test per rule."""

import pytest

from linter.examples import run_examples
from linter.ruleset import load_rules

RULESET = load_rules()


@pytest.mark.parametrize("rule", RULESET.rules, ids=lambda r: f"{r.id}-{r.name}")
def test_rule_examples(rule):
    assert run_examples(rule, RULESET) == []


def test_every_rule_has_firing_and_clean_examples():
    for rule in RULESET.rules:
        assert any(e.fires for e in rule.examples), rule.id
        assert any(not e.fires for e in rule.examples), rule.id


def test_rule_ids_and_names_are_unique():
    ids = [r.id for r in RULESET.rules]
    names = [r.name for r in RULESET.rules]
    assert len(ids) == len(set(ids))
    assert len(names) == len(set(names))


def test_declared_placeholders_are_what_findings_carry():
    """A kind's ``placeholders`` (by ``detect`` where it has one) are checked against every
    message at load time, so they must be exactly the values its findings fill: collected
    here from every finding of every built-in rule's examples."""
    from collections import defaultdict

    from linter.config import Config
    from linter.document import Document
    from linter.engine import attach_facts
    from linter.kinds.base import Context

    carried = defaultdict(set)
    declared = {}
    for rule in RULESET.rules:
        key = (rule.id, rule.kind, getattr(rule, "detect", None))
        declared[key] = rule.message_values()
        for ex in rule.examples:
            plain, _, _ = ex.parse()
            doc = Document.from_text(plain, path="example.md" if ex.markdown else "example.txt", date=ex.date)
            ctx = Context(Config(date=ex.date), RULESET.wordlists)
            attach_facts(doc, ctx.wordlists)
            for finding in rule.check(doc, ctx):
                carried[key].update(finding.values)
    assert carried
    for key, names in carried.items():
        assert names == declared[key], key
