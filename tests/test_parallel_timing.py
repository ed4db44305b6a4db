"""``--timing``: per rule, exclusive of the shared facts and document structure."""

import time

from linter.engine import Timing


def _spin(seconds: float) -> None:
    """Burn CPU (Timing counts CPU time, not sleep)."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_measure_is_exclusive_of_nested_blocks():
    t = Timing()
    with t.measure("rule"):
        _spin(0.03)
        with t.measure("facts.x"):
            _spin(0.06)
    assert 0.025 < t.per_rule["rule"] < 0.055
    assert t.per_rule["facts.x"] >= 0.055
    t2 = Timing()
    with t2.measure("idle"):
        time.sleep(0.05)  # waiting is not CPU: a busy machine does not inflate a rule
    assert t2.per_rule["idle"] < 0.03


def test_timing_names_facts_and_document_steps(run_cli, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("On Monday, Sept. 30, 2024, officials said 43,000 people left. "
                     "“It was hard,” she said. The the end.\n", encoding="utf-8")
    code, out, err = run_cli("--timing", "--jobs", "1", str(story))
    kinds, _, per_rule = err.partition("time per rule:\n")
    assert "document.parse" in per_rule and "facts.quantities" in per_rule
    assert "  facts\n" in kinds and "  document\n" in kinds
    assert "S101 repeated-word" in per_rule


def test_timing_off_leaves_no_trace():
    import linter

    doc_diags = linter.lint_text("The the cat.\n")
    assert [d.rule for d in doc_diags] == ["S101"]
