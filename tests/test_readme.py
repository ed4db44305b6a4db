"""README stays true: its rule table is the rule set, and its first screen has the two commands."""

import re

from conftest import ROOT
from linter.document import split_sentences
from linter.engine import META_RULES
from linter.ruleset import load_rules

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    start, end = split_sentences(text, 0, len(text))[0]
    return text[start:end].replace("|", "\\|")


def rules_table() -> str:
    rows = ["| id | name | category | severity | default | what it finds |", "|---|---|---|---|---|---|"]
    for r in load_rules().rules:
        rows.append(f"| {r.id} | `{r.name}` | {r.category} | {r.severity} | {'on' if r.enabled else 'off'} "
                    f"| {_first_sentence(r.description)} |")
    for m in META_RULES.values():
        rows.append(f"| {m.id} | `{m.name}` | {m.category} | {m.severity} | on | {_first_sentence(m.description)} |")
    return "\n".join(rows)


def test_readme_rule_table_matches_the_rules():
    m = re.search(r"<!-- rules-table:start -->\n(.*?)\n<!-- rules-table:end -->", README, re.S)
    assert m, "README has a rules table between rules-table markers"
    assert m.group(1) == rules_table(), "regenerate with: python tests/test_readme.py"


def test_first_screen_has_exactly_the_two_commands():
    first_screen = README.split("---", 1)[0]
    commands = [line.strip() for line in first_screen.splitlines() if line.startswith("    ")]
    assert commands == ['pip install -e ".[dev]" && factlint seeds/', "python -m pytest"]


if __name__ == "__main__":  # rewrite the table in README.md
    table = rules_table()
    text = re.sub(r"(<!-- rules-table:start -->\n)(?:.*?\n)?(<!-- rules-table:end -->)",
                  lambda m: m.group(1) + table + "\n" + m.group(2), README, flags=re.S)
    (ROOT / "README.md").write_text(text, encoding="utf-8")
