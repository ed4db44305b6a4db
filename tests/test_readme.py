"""README stays true: its rule table is the rule set, its rule-kind reference is the schema, its
first screen has the two commands (and .ci/run runs them in a fresh venv), `factlint init` writes
its configuration example, and every config or rule snippet in it loads."""

import re

import yaml

from conftest import ROOT
from linter.config import STARTER, Config, load_config
from linter.document import split_sentences
from linter.engine import META_RULES, select_rules
from linter.examples import run_examples
from linter.kinddocs import attribute_docs, markdown_reference
from linter.kinds import rule_classes
from linter.kinds.base import RuleBase
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


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", README, re.S)


def test_readme_rule_kind_reference_matches_the_schema():
    m = re.search(r"<!-- kind-fields:start -->\n(.*?)\n<!-- kind-fields:end -->", README, re.S)
    assert m, "README has a kind reference between kind-fields markers"
    assert m.group(1) == markdown_reference(), "regenerate with: python tests/test_readme.py"


def test_every_field_of_every_kind_is_documented():
    """The reference gives each field's meaning from the docstring under it: none may be missing."""
    missing = []
    for kind, cls in rule_classes().items():
        docs = attribute_docs(cls)
        missing += [f"{kind}.{name}" for name in cls.field_names() if not docs.get(name)]
    assert not missing, "write a docstring under each field: " + ", ".join(missing)
    for kind in ("consistency", "number-format", "value-conflict"):  # the kinds README used to leave out
        section = README.split(f"**`{kind}`**", 1)[1].split("**`", 1)[0]
        for name in rule_classes()[kind].field_names():
            if name not in RuleBase.field_names():
                assert f"| `{name}` |" in section, (kind, name)


def test_init_writes_the_readme_configuration_example(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_cli("init")[0] == 0
    written = (tmp_path / ".factlint.yaml").read_text(encoding="utf-8")
    section = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    assert "```yaml\n" + written + "```" in section
    assert written == STARTER
    assert load_config(tmp_path / ".factlint.yaml").fields() == Config().fields()  # the defaults, written out


def test_starter_hints_are_valid_settings():
    """Each commented-out key and each `e.g.` hint in the starter loads as written and names
    rules that exist (the old hint named A201, which does not, and an unquoted `off`)."""
    hints = []
    for line in STARTER.splitlines():
        m = re.match(r"# (\w[\w-]*: .*?)\s{2,}#", line)
        if m:
            hints.append(m.group(1))
        m = re.search(r"# e\.g\. (\w[\w-]*: .*)$", line)
        if m:
            hints.append(m.group(1))
    assert len(hints) >= 8
    ruleset = load_rules()
    for hint in hints:
        data = yaml.safe_load(hint)
        assert isinstance(data, dict), hint
        assert all(v is not False for table in [data.get("severity") or {}] for v in table.values()), hint
        config = _load(hint)
        select_rules(ruleset, config)  # SelectionError for a rule that does not exist


def _load(text: str) -> Config:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ".factlint.yaml"
        path.write_text(text, encoding="utf-8")
        (Path(folder) / "house-rules").mkdir()
        return load_config(path)


def test_readme_config_snippets_load():
    """Every config snippet (the starter, the Numbers example) is a valid config whose rule names exist."""
    configs = [b for b in yaml_blocks() if b.startswith(("# factlint configuration", "# .factlint.yaml"))]
    assert len(configs) >= 2
    ruleset = load_rules()
    for block in configs:
        data = yaml.safe_load(block)
        for value in (data.get("severity") or {}).values():
            assert value in ("error", "warning", "info", "off"), f"quote 'off' in: {block}"
        select_rules(ruleset, _load(block))


def test_readme_rule_examples_load_and_pass_their_examples(tmp_path):
    rules = [b for b in yaml_blocks() if re.search(r"^id: ", b, re.M)]
    assert len(rules) >= 3
    for n, block in enumerate(rules):
        pack = tmp_path / f"pack{n}"
        pack.mkdir()
        (pack / "rule.yaml").write_text(block, encoding="utf-8")
        # a word list the example shows in comments ("# ... wordlists/NAME.yaml:", then its lines)
        for name, body in re.findall(r"wordlists/([\w-]+)\.yaml:\s*\n((?:\s*#   .*\n)+)", block):
            (pack / "wordlists").mkdir(exist_ok=True)
            lines = [line.split("#", 1)[1][3:] for line in body.splitlines()]
            (pack / "wordlists" / f"{name}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        ruleset = load_rules([pack])
        rule = next(r for r in ruleset.rules if r.source == str(pack / "rule.yaml"))
        assert run_examples(rule, ruleset) == [], block


def test_ci_runs_the_readme_commands_in_a_fresh_venv():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    venv_at = script.index("-m venv")
    assert re.search(r"venv/bin/python\" -m pip install -q -e \"\.\[dev\]\"", script[venv_at:])
    assert re.search(r"venv/bin/python\" -m pytest\n", script[venv_at:])


if __name__ == "__main__":  # rewrite the generated tables in README.md
    text = README
    for marker, body in (("rules-table", rules_table()), ("kind-fields", markdown_reference())):
        text = re.sub(rf"(<!-- {marker}:start -->\n)(?:.*?\n)?(<!-- {marker}:end -->)",
                      lambda m: m.group(1) + body + "\n" + m.group(2), text, flags=re.S)
    (ROOT / "README.md").write_text(text, encoding="utf-8")
