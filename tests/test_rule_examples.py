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
