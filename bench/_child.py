"""One in-process measurement, run as a child process by ``bench/run.py``.

    python bench/_child.py factlint|proselint MANIFEST.json

MANIFEST is a JSON list of file paths. The child reads them all into memory, warms
the tool up on the first document (rules loaded and compiled, checks registered),
then times only the lint loop and prints one JSON line: seconds, findings and, for
factlint, the seconds per rule. Peak memory is read by the parent (``wait4``), so it
covers the whole child: interpreter, tool, texts and results.

Deliberately standalone (no ``bench`` import): the proselint child may run in a
separate virtualenv and must not import factlint.
"""

from __future__ import annotations

import json
import sys
import time


def run_factlint(texts: list[tuple[str, str]]) -> dict:
    from linter import Config
    from linter.document import Document
    from linter.engine import Timing, lint_document, rules_for, select_rules

    config = Config()
    ruleset = rules_for(config)
    rules = select_rules(ruleset, config)
    path, text = texts[0]
    lint_document(Document.from_text(text[:20000], path=path), config, rules, ruleset)  # warm-up
    timing = Timing()
    findings = 0
    started, cpu = time.perf_counter(), time.process_time()
    for path, text in texts:
        doc = Document.from_text(text, path=path)
        findings += len(lint_document(doc, config, rules, ruleset, timing))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    kinds = {r.id: r.kind for r in ruleset.rules}
    return {"seconds": seconds, "loop_cpu": cpu, "findings": findings, "rules": len(rules),
            "per_rule": {rid: [secs, kinds.get(rid) or (rid.split(".")[0] if "." in rid else "meta")]
                         for rid, secs in timing.per_rule.items()}}


def run_proselint(texts: list[tuple[str, str]]) -> dict:
    from proselint.checks import __register__
    from proselint.config import load_from
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    config = load_from(None)
    # proselint stops after max_errors (1000) findings per file; lift the cap so every
    # check runs over the whole text, as factlint's do
    config = {**config, "max_errors": 10**9}
    path, text = texts[0]
    LintFile(path, text[:20000]).lint(config)  # warm-up
    findings = 0
    started, cpu = time.perf_counter(), time.process_time()
    for path, text in texts:
        findings += len(LintFile(path, text).lint(config))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"seconds": seconds, "loop_cpu": cpu, "findings": findings, "rules": len(CheckRegistry().get_all_enabled(config["checks"]))}


def main(argv: list[str]) -> int:
    tool, manifest = argv
    with open(manifest, encoding="utf-8") as fh:
        paths = json.load(fh)
    texts = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            texts.append((p, fh.read()))
    result = (run_factlint if tool == "factlint" else run_proselint)(texts)
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
