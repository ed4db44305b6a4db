"""Running a rule's embedded examples, as the test suite and ``factlint test-rules`` do.

Each example is linted with that rule alone. An example with ``<marker>`` spans must
produce diagnostics at exactly those spans (and the listed suggestions, message text
and ``<related>`` spans); one without markers must produce none.
"""

from __future__ import annotations

from .config import Config
from .document import Document
from .engine import lint_document


def run_examples(rule, ruleset) -> list[str]:
    problems: list[str] = []
    for n, ex in enumerate(rule.examples, 1):
        plain, marks, related = ex.parse()
        date = ex.date
        config = Config(date=date, report_unused_suppressions=False)
        doc = Document.from_text(plain, path="example.md" if ex.markdown else "example.txt", date=date)
        diags = [d for d in lint_document(doc, config, [rule], ruleset) if d.rule == rule.id]
        got = sorted({(d.start, d.end) for d in diags})
        want = sorted(set(marks))
        label = f"example {n} ({plain[:60]!r})"
        if got != want:
            shown = ", ".join(repr(plain[s:e]) for s, e in got) or "nothing"
            expected = ", ".join(repr(plain[s:e]) for s, e in want) or "nothing"
            problems.append(f"{label}: expected {expected}, got {shown}")
            continue
        if not diags:
            continue
        first = min(diags, key=lambda d: (d.start, d.end))
        if ex.suggestions is not None and first.suggestions != ex.suggestions:
            problems.append(f"{label}: expected suggestions {ex.suggestions}, got {first.suggestions}")
        if ex.message is not None and ex.message not in first.message:
            problems.append(f"{label}: message {first.message!r} does not contain {ex.message!r}")
        if related:
            have = {(r.start, r.end) for d in diags for r in d.related}
            missing = [plain[s:e] for s, e in related if (s, e) not in have]
            if missing:
                problems.append(f"{label}: related span(s) {missing} not reported")
    return problems
