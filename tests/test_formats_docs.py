"""The README's Integrations examples are copy-paste ready: every ``factlint`` command in them
parses with the real CLI parser, the YAML/JSON blocks parse, and the snippets agree with the
files in docs/ and the pre-commit manifest they point to."""

from __future__ import annotations

import json
import re
import shlex

import pytest
import yaml

from conftest import ROOT

from linter.cli import build_parser

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Integrations", 1)[1].split("\n## ", 1)[0]
BLOCKS = re.findall(r"```(\w*)\n(.*?)```", SECTION, re.S)


def commands() -> list[str]:
    found = []
    for _, body in BLOCKS:
        for line in body.splitlines():
            m = re.search(r"(?:^|run: |- )(factlint (?:check|lsp)\b[^|#]*)", line.strip())
            if m:
                found.append(m.group(1).strip())
    return found


def test_section_has_every_integration():
    for word in ("sarif", "github", "gitlab", "rdjson", "junit", "checkstyle", "jsonl", "--baseline",
                 "--write-baseline", "--prune-baseline", "--since", "pre-commit", "tasks.json", "factlint lsp"):
        assert word in SECTION, word


@pytest.mark.parametrize("command", commands())
def test_readme_commands_parse(command):
    argv = shlex.split(command)[1:]
    if argv == ["lsp"]:
        return
    args = build_parser().parse_args(argv)
    assert args.paths


def test_readme_blocks_parse_and_match_docs():
    kinds = {}
    for lang, body in BLOCKS:
        if lang == "yaml":
            yaml.safe_load(body)
        elif lang == "json":
            json.loads(body)
        kinds.setdefault(lang, []).append(body)
    workflow = yaml.safe_load((ROOT / "docs" / "github-workflow.yml").read_text(encoding="utf-8"))
    assert yaml.safe_load(kinds["yaml"][0]) == workflow
    gitlab = yaml.safe_load((ROOT / "docs" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert yaml.safe_load(kinds["yaml"][1]) == gitlab
    tasks = json.loads((ROOT / "docs" / "vscode-tasks.json").read_text(encoding="utf-8"))["tasks"]
    shown = json.loads(kinds["json"][0])
    assert shown["problemMatcher"]["pattern"] == tasks[0]["problemMatcher"]["pattern"]
    assert shown["command"] == tasks[0]["command"]
    manifest = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    local, remote = (yaml.safe_load(body) for body in kinds["yaml"][2:4])
    # the local hook, written out, is the manifest's hook run from the environment
    (hook,) = local["repos"][0]["hooks"]
    assert local["repos"][0]["repo"] == "local" and hook["language"] == "system"
    for key in ("id", "entry", "types_or", "require_serial"):
        assert hook[key] == manifest["factlint"][key], key
    # the remote one pins a commit id (there are no release tags to name)
    assert re.fullmatch(r"[0-9a-f]{40}", str(remote["repos"][0]["rev"]))
    assert {h["id"] for h in remote["repos"][0]["hooks"]} <= set(manifest)
    assert "rev: v" not in SECTION


def test_workflow_commands_parse():
    workflow = yaml.safe_load((ROOT / "docs" / "github-workflow.yml").read_text(encoding="utf-8"))
    runs = [s["run"] for s in workflow["jobs"]["factlint"]["steps"] if s.get("run", "").startswith("factlint ")]
    assert any("--format sarif" in r for r in runs)
    upload = next(s for s in workflow["jobs"]["factlint"]["steps"] if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] in " ".join(runs)
    for r in runs:
        build_parser().parse_args(shlex.split(r)[1:])
