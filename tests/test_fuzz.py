"""Fuzzing the whole pipeline with hypothesis: no input may crash factlint or produce a
diagnostic whose position is wrong.

Properties checked on every generated document, with ALL rules selected (including the
ones off by default), in plain text and Markdown, with and without a document date:

* ``lint_text`` returns a list of diagnostics, never raises;
* every span lies inside the document and ``text[start:end] == diagnostic.text``;
* line/column (1-based, code points, end exclusive) agree with the offsets, computed here
  independently of the line index; the same for every ``related`` span;
* diagnostics pickle and serialise to JSON (they cross process pools and reporters);
* the CLI on arbitrary bytes exits 0/1 with a parseable JSON report (an undecodable file
  is an F001 diagnostic for that file), never a traceback.

CI runs a bounded number of examples per test (derandomized, so a failure reproduces).
For the long local run set ``FACTLINT_FUZZ_EXAMPLES`` (random seeds, see
``scripts/fuzz_long.sh`` and README "Robustness").
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import pickle
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter import Config, lint_text
from linter.cli import main
from linter.diagnostics import SEVERITIES

LONG_RUN = "FACTLINT_FUZZ_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("FACTLINT_FUZZ_EXAMPLES", "60"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not LONG_RUN,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

ALL = Config(select=["ALL"], report_unused_suppressions=True)
ALL_DATED = Config(select=["ALL"], date=dt.date(2024, 9, 30))

# ---------------------------------------------------------------------------
# Strategies: fragments that stress each stage (document model, facts, checks)

NUMBERS = [
    "9,00", "1,000", "1,000,000", "10,00,000", "1.000.000", "3.5", "3,5", "1.2.3", "-0", "+7", "−12",
    "0.0001", "1e10", "9" * 400, "1," * 120 + "000", "0." + "0" * 350 + "1", "1E-3", "½", "1½", "٣٤", "१२", "Ⅻ", "$5bn", "£3.2m", "€1,5", "50%", "50 per cent",
    "1/2", "3/4ths", "2024-13-45", "2024-02-30", "31 February", "Sept. 31", "10:61", "25:00", "1990s",
    "’90s", "2,3 million", "two-thirds", "a dozen", "hundreds", "1st", "22nd", "100,000,000,000,000,000,000",
    "9" * 40, "0" * 30, "1,", ",1", "1..2", "1,,000", "10-20", "10–20", "between 5 and 3", "5 to 3",
    "No. 10", "#1", "4×4", "3 x 5", "12 km", "5 miles", "-40°C", "98.6°F", "1,234.567,89",
]
WORDS = [
    "the", "the the", "said", "told", "according to", "officials", "Mr.", "Dr.", "U.S.", "Sept.", "Jan.",
    "Monday", "Tuesday", "yesterday", "last week", "next year", "later this year", "in 2019", "on March 3",
    "people", "fighters", "killed", "injured", "rose", "fell", "up from", "down from", "total", "of whom",
    "at least", "about", "nearly", "more than", "it is clear that", "sources say", "some say", "reportedly",
    "NATO", "N.A.T.O.", "the United Nations (UN)", "UN", "colour", "color", "Smith", "Smyth", "Jr.",
    "per cent", "percent", "million", "billion", "a.m.", "p.m.", "BST", "GMT", "(photo: Reuters)",
    "Read more:", "(L-R)", "e.g.", "i.e.", "etc.", "vs.", "...", "…", "!!", "?!", ",,", "..", ";;",
]
MARKUP = [
    "# ", "## ", "###### ", "> ", ">>>> ", "- ", "* ", "+ ", "1. ", "1) ", "    ", "\t", "```", "```python\n",
    "~~~", "`", "``", "[", "]", "](", "](http://x.y/z)", "![", "<!--", "-->", "<!-- factlint-disable -->",
    "<!-- factlint-disable-next-line S101 -->", "<!-- factlint-enable -->", "<!-- factlint-disable N -->",
    "---\n", "---\ndate: 2024-09-30\n---\n", "---\ndate: [\n---\n", "---\n: : :\n---\n", "| a | b |\n|---|---|\n",
    "<b>", "</b>", "<div>", "&amp;", "&#0;", "*", "**", "_", "__", "~~", "\\", "http://example.com/a.b",
    "www.x.y", "a@b.co", "https://", "[^1]", "[^1]: note",
]
QUOTES = list("\"'“”‘’«»„‹›「」") + ["``", "''", "“”", "”“"]
BRACKETS = list("()[]{}<>")
SPACE = [" ", "  ", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\u00a0", "\u200b",
         "\u202f", "\t", "\x00", "\ufeff", "\u200f", "\u202e", "\u0301", "\U0001F469\u200D\U0001F4BB"]

fragment = st.one_of(
    st.sampled_from(NUMBERS), st.sampled_from(WORDS), st.sampled_from(MARKUP), st.sampled_from(QUOTES),
    st.sampled_from(BRACKETS), st.sampled_from(SPACE), st.text(max_size=12),
    st.from_regex(r"[0-9][0-9,.\u2009 ]{0,12}[0-9]?", fullmatch=True),
)
# documents: concatenated fragments, sometimes with spaces between them
documents = st.lists(fragment, max_size=80).flatmap(
    lambda parts: st.sampled_from(["", " ", "\n"]).map(lambda sep: sep.join(parts))
)
any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=400)


# ---------------------------------------------------------------------------
# The property


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) in code points, counted without the line index: a line ends at
    LF, CRLF or a lone CR."""
    line, line_start = 1, 0
    for i, ch in enumerate(text[:offset]):
        if ch == "\n" or (ch == "\r" and text[i + 1 : i + 2] != "\n"):
            line, line_start = line + 1, i + 1
    return line, offset - line_start + 1


def check_diagnostics(text: str, diagnostics) -> None:
    """Assert every invariant a reporter and an editor rely on."""
    body = text[1:] if text.startswith("\ufeff") else text
    assert isinstance(diagnostics, list)
    for d in diagnostics:
        where = f"{d.rule} {d.start}:{d.end} {d.text!r}"
        assert 0 <= d.start <= d.end <= len(body), where
        assert body[d.start : d.end] == d.text, where
        assert (d.line, d.column) == _position(body, d.start), where
        assert (d.end_line, d.end_column) == _position(body, d.end), where
        assert d.severity in SEVERITIES, where
        assert d.rule and isinstance(d.message, str) and d.message, where
        assert d.fix is None or isinstance(d.fix, str), where
        assert all(isinstance(s, str) for s in d.suggestions), where
        for r in d.related:
            assert 0 <= r.start <= r.end <= len(body), where
            assert (r.line, r.column) == _position(body, r.start), where
            assert (r.end_line, r.end_column) == _position(body, r.end), where
        json.dumps(d.to_dict())
    assert pickle.loads(pickle.dumps(diagnostics)) == diagnostics
    # the output is sorted and free of duplicates (byte-identical reports across runs)
    keys = [d.sort_key() for d in diagnostics]
    assert keys == sorted(keys)


def lint_both(text: str, config: Config) -> None:
    for path in ("fuzz.txt", "fuzz.md"):
        check_diagnostics(text, lint_text(text, path=path, config=config))


# ---------------------------------------------------------------------------
# Tests


@FUZZ
@given(documents)
def test_fragments_all_rules(text):
    lint_both(text, ALL)


@FUZZ
@given(documents)
def test_fragments_all_rules_with_date(text):
    lint_both(text, ALL_DATED)


@FUZZ
@given(any_text)
def test_arbitrary_unicode(text):
    """Any code point, including lone surrogates, NUL and private use (the API may get them)."""
    lint_both(text, ALL)


@FUZZ
@given(st.lists(st.sampled_from(NUMBERS + WORDS + [" ", ", ", ". ", "\n"]), min_size=1, max_size=120))
def test_number_soup(parts):
    """Numbers of every shape next to the words the number, date and arithmetic facts key on."""
    lint_both(" ".join(parts), ALL_DATED)


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["", "> ", ">> ", "- ", "  - ", "    - ", "1. ", "# ", "    "]),
                          documents.map(lambda s: s.replace("\n", " ")[:200]),
                          st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"])), max_size=25))
def test_markdown_structure_and_line_endings(lines):
    """Nested quotes and lists, headings, code, with mixed line endings."""
    lint_both("".join(a + b + c for a, b, c in lines), ALL)


@FUZZ
@given(st.sampled_from(["---\n", "---\r\n", "--- \n", "---"]),
       st.lists(st.sampled_from(list("date: 2024-09-30[]{}!&*|>'\"\n:-#\t") + ["!!python/object:os.system ",
                                "!!binary ", "&a [*a, *a]\n", "date: 2024-02-30\n", "date: 99999-01-01\n"]),
                max_size=60).map("".join),
       st.sampled_from(["---\n", "\n---\r\n", "\n---", "", "\n...\n"]), documents)
def test_front_matter(opening, body, closing, rest):
    """Broken, unterminated and hostile YAML front matter is never executed or fatal."""
    text = opening + body + closing + rest
    lint_both(text, ALL)
    lint_both(text, ALL_DATED)


@FUZZ
@given(st.sampled_from(QUOTES + BRACKETS + ["*", "_", "`", "<!--", "-->", "](", "> ", "- "]),
       st.integers(min_value=1, max_value=3000), documents)
def test_unbalanced_runs(mark, count, rest):
    """Long runs of one unbalanced mark (quotes, brackets, emphasis, comments), then prose."""
    lint_both(mark * count + rest, ALL)


@settings(FUZZ, max_examples=max(10, EXAMPLES // 4))
@given(st.binary(max_size=600) | documents.map(lambda s: s.encode("utf-8", "surrogatepass")),
       st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00"]),
       st.sampled_from([".txt", ".md"]))
def test_cli_on_arbitrary_bytes(data, prefix, suffix):
    """Arbitrary file contents through the CLI: a JSON report and exit 0/1, never a traceback.

    Bytes that cannot be decoded (not UTF-8, no BOM, no detected encoding: linter/encoding.py)
    give one F001 diagnostic for that file, and bytes that can give none; the file next to it
    is still linted."""
    from linter.encoding import decode

    with tempfile.TemporaryDirectory() as folder:
        bad = os.path.join(folder, "fuzz" + suffix)
        good = os.path.join(folder, "ok.txt")
        with open(bad, "wb") as fh:
            fh.write(prefix + data)
        with open(good, "w", encoding="utf-8") as fh:
            fh.write("They met the the minister.\n")
        out, err = io.StringIO(), io.StringIO()
        code = _run_cli(["--format", "json", "--select", "ALL", "--isolated", folder], out, err)
        assert code in (0, 1), err.getvalue()
        report = json.loads(out.getvalue())
        by_path = {}
        for d in report["diagnostics"]:
            by_path.setdefault(os.path.basename(d["path"]), []).append(d)
        assert any(d["rule"] == "S101" for d in by_path["ok.txt"])
        text, _, error = decode(prefix + data)
        assert (text is None) == (error is not None)
        if text is None:
            assert [d["rule"] for d in by_path["fuzz" + suffix]] == ["F001"]
        else:
            assert all(d["rule"] != "F001" for d in by_path.get("fuzz" + suffix, []))


def _run_cli(args, out, err) -> int:
    import sys

    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        return main(args)
    finally:
        sys.stdout, sys.stderr = old


@pytest.mark.parametrize("text", [
    "", "\ufeff", "\n", "\r", "\r\n", "\x00", "\x00" * 1000, "\ufeff\ufeff", " " * 10000, "\n" * 20000,
    "\r" * 5000, "\r\n" * 5000, "a\rb\r\nc\nd\u2028e\x85f", "“" * 5000, "”" * 5000, '"' * 5001,
    "(" * 5000, ")" * 5000, "[" * 5000 + "](" * 5000, ">" * 5000 + " x", "- " * 3000 + "x",
    "".join("  " * i + "- item\n" for i in range(300)), "> " * 2000 + "x\n" + "> " * 1000 + "y",
    "```\n" * 1001, "<!--" * 3000, "-->" * 3000, "---\n" * 3000, "#" * 5000, "*" * 5000 + "a" + "*" * 4999,
    "9," * 5000, "1.2." * 3000, "$" * 3000 + "5", "%" * 3000, "—" * 4000, "\u0301" * 5000,
    "\U0001F469\u200D" * 3000, "\ud800" * 100, "said " * 3000, "Mr. " * 3000, "the " * 5000,
    "9" * 5000, "9," * 5000, "1." * 3000, "9" * 400 + " people", "1" * 330 + " million, up from " + "2" * 330,
], ids=lambda t: f"{len(t)}:{t[:6].encode('unicode_escape').decode()}")
def test_pathological_documents(text):
    """Hand-picked worst cases: deep nesting, long runs, empty and whitespace-only texts."""
    lint_both(text, ALL)
    lint_both(text, ALL_DATED)


@settings(FUZZ, max_examples=max(10, EXAMPLES // 3))
@given(documents | any_text.filter(lambda t: not any("\ud800" <= c <= "\udfff" for c in t)),
       st.sampled_from(["story.md", "dir with space/<b>&\"'.txt", "-"]))
def test_every_reporter_on_fuzzed_documents(text, path):
    """Every --format renders any document's diagnostics (with excerpts and colour on) without
    an exception; JSON-based formats parse; HTML escapes the article's markup."""
    from linter import __version__, reporters
    from linter.engine import META_RULES, FileResult, rules_for

    text = text + " <script>alert(1)</script> the the 9,00"
    diagnostics = lint_text(text, path=path, config=ALL_DATED)
    check_diagnostics(text, diagnostics)
    results = [FileResult(path, diagnostics, text, "2024-09-30", "given")]
    rules = {r.id: r for r in rules_for(ALL_DATED).rules} | dict(META_RULES)
    for fmt in reporters.formats():
        out = io.StringIO()
        reporters.get(fmt).report(results, out, reporters.RunInfo(__version__, rules, color=True, excerpt=True))
        rendered = out.getvalue()
        if fmt in ("json", "sarif", "rdjson", "gitlab"):
            json.loads(rendered)
        elif fmt == "jsonl":
            for line in rendered.split("\n"):  # records end at LF only (U+2028 may sit inside a string)
                if line:
                    json.loads(line)
        elif fmt == "html":
            assert "<script>alert(1)</script>" not in rendered


# ---------------------------------------------------------------------------
# Users' rule packs: any rule file is a load error or a rule that runs


REGEX_TOKENS = ["a", "b", "the", ".", "*", "+", "?", "*?", "(", ")", "[", "]", "[^a]", "|", "^", "$", r"\b", r"\w", r"\d",
                r"\s", "{2}", "{2,}", "(?P<g>", "(?P=g)", "(?i)", "\\", "(?=", "(?!", "(?<=a)", "{", "}", "-", " ", "\u201c",
                r"\1", "(?>", "++", r"\p{L}", r"\N{DEGREE SIGN}", "(?:", "(?x)", "#"]
TEMPLATE_TOKENS = ["{match}", "{g}", "{replacement}", "{", "}", "{{", "}}", "{0}", "{match.upper}", "{match!r}", "{g:>5}",
                   "text", " ", "%s", "\\n"]


@settings(FUZZ, max_examples=max(10, EXAMPLES // 2))
@given(kind=st.sampled_from(["pattern", "substitution"]),
       pattern=st.lists(st.sampled_from(REGEX_TOKENS), min_size=1, max_size=10).map("".join),
       message=st.lists(st.sampled_from(TEMPLATE_TOKENS), min_size=1, max_size=5).map("".join),
       suggest=st.lists(st.lists(st.sampled_from(TEMPLATE_TOKENS), max_size=3).map("".join), max_size=2),
       ignore_case=st.booleans(), text=documents)
def test_fuzzed_user_rules_load_or_fail_cleanly(kind, pattern, message, suggest, ignore_case, text):
    """A generated rule file either fails to load with RuleSetError or lints (and runs its own
    examples) without an exception; a runaway pattern becomes F003."""
    import yaml

    import linter.kinds._regex as rx
    from linter import RuleSetError, load_rules
    from linter.examples import run_examples

    rule = {"id": "U001", "name": "fuzzed-rule", "kind": kind, "category": "style", "severity": "warning",
            "message": message, "description": "generated", "ignore_case": ignore_case,
            "examples": [{"text": "<marker>the</marker> end"}, {"text": "nothing"}]}
    if kind == "pattern":
        rule.update(pattern=pattern, suggest=suggest)
    else:
        rule.update(regex=True, swap={pattern: (suggest or ["x"])[0]})
    old_budget = rx.REGEX_TIMEOUT
    rx.REGEX_TIMEOUT = 0.2
    try:
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(folder, "rule.yaml"), "w", encoding="utf-8") as fh:
                yaml.safe_dump(rule, fh, allow_unicode=True)
            try:
                ruleset = load_rules([folder], builtin=False)
            except RuleSetError as exc:
                assert "rule.yaml" in str(exc)
                return
            (loaded,) = ruleset.rules
            run_examples(loaded, ruleset)
            config = Config(select=["ALL"], rules=[folder], builtin_rules=False)
            check_diagnostics(text, lint_text(text, path="fuzz.md", config=config, ruleset=ruleset))
    finally:
        rx.REGEX_TIMEOUT = old_budget


# ---------------------------------------------------------------------------
# Config files: any content is a ConfigError (exit 2) or a config that lints

CONFIG_KEYS = [k.replace("_", "-") for k in Config.field_names()] + ["unknown-key", "Select", ""]
yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats(allow_nan=True)
    | st.sampled_from(["ALL", "N", "N101", "S101", "number", "error", "off", "2024-09-30", "2024-02-30", "en",
                       "en-IN", ".md", "md", "**/*.md", "*", "..", "/", "\x00", ""]) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["S101", "N1", "a/**", "ignore",
                                                                                 "severity", "*.md"]), inner, max_size=3),
    max_leaves=8,
)


@settings(FUZZ, max_examples=max(10, EXAMPLES // 2))
@given(st.dictionaries(st.sampled_from(CONFIG_KEYS), yaml_values, max_size=6), documents)
def test_fuzzed_config_files(data, text):
    import yaml

    from linter import ConfigError, RuleSetError, load_config
    from linter.engine import SelectionError

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, ".factlint.yaml")
        with open(path, "w", encoding="utf-8") as fh:
            yaml.safe_dump(data, fh, allow_unicode=True)
        try:
            config = load_config(path)
        except ConfigError as exc:
            assert ".factlint.yaml" in str(exc)
            return
        try:
            diagnostics = lint_text(text, path="fuzz.md", config=config)
        except (SelectionError, RuleSetError):
            return
        check_diagnostics(text, diagnostics)


# ---------------------------------------------------------------------------
# Mutations of a real article: fragments spliced in, spans deleted or duplicated

_SEED = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
mutation = st.tuples(st.integers(0, len(_SEED)), st.integers(0, 200), fragment | st.sampled_from(["", "\n\n", "\r"]))


@settings(FUZZ, max_examples=max(10, EXAMPLES // 2))
@given(st.lists(mutation, min_size=1, max_size=8), st.sampled_from(["story.txt", "story.md"]), st.booleans())
def test_mutated_seed_article(mutations, path, dated):
    """Real news prose with hostile edits: every family's facts and checks fire on it."""
    text = _SEED
    for pos, cut, frag in mutations:
        pos = min(pos, len(text))
        text = text[:pos] + frag + text[pos + cut:] if cut % 3 else text[:pos] + frag + text[pos - cut:pos] + text[pos:]
    check_diagnostics(text, lint_text(text, path=path, config=ALL_DATED if dated else ALL))
