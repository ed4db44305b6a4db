"""The HTML proof: every finding highlighted at its words, article text escaped.

The browser test renders the seed's report in headless Chromium (Debian's `chromium`;
.ci/run installs it) and reads the DOM after scripts ran.
"""

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from conftest import ROOT

SEED = "seeds/000_5ae41dc0945392ff.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class _Marks(HTMLParser):
    """Collects, per finding id, the text of the marks that are the finding's own span."""

    def __init__(self):
        super().__init__()
        self.stack = []
        self.own: dict[str, str] = {}
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "mark":
            ids = (a.get("data-f") or "").split() if "rel" not in (a.get("class") or "").split() else []
            self.stack.append(ids)
        elif self.stack and tag != "br":
            self.stack.append(None)

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for ids in self.stack:
            for i in ids or ():
                self.own[i] = self.own.get(i, "") + data


def _render(run_cli, monkeypatch, *paths):
    monkeypatch.chdir(ROOT)
    code, out, err = run_cli(*paths, "--format", "html", "--isolated", "--no-cache")
    assert err == ""
    return code, out


def test_seed_report_marks_every_finding_at_its_text(run_cli, monkeypatch):
    _, page = _render(run_cli, monkeypatch, SEED)
    data = json.loads(run_cli(SEED, "--format", "json", "--isolated", "--no-cache")[1])
    parser = _Marks()
    parser.feed(page)
    for i, d in enumerate(data["diagnostics"]):
        if d["text"]:
            assert parser.own.get(f"0-{i}") == d["text"], d
    assert 'id="item-0-0"' in page or not data["diagnostics"]


def test_article_html_is_escaped(run_cli, tmp_path, monkeypatch):
    p = tmp_path / "evil.txt"
    p.write_text('<script>alert("x")</script> the the <b>bold</b> & <!-- x -->\n')
    code, page = _render(run_cli, monkeypatch, str(p))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp;" in page
    parser = _Marks()
    parser.feed(page)
    assert parser.scripts == 1  # only our own inline script
    assert "http" not in page.split("<body>")[0].replace("http-equiv", "")  # nothing fetched


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_seed_report_in_a_real_browser(run_cli, tmp_path, monkeypatch):
    _, page = _render(run_cli, monkeypatch, SEED)
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", report.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    data = json.loads(run_cli(SEED, "--format", "json", "--isolated", "--no-cache")[1])
    parser = _Marks()
    parser.feed(dom)
    assert data["diagnostics"], "the seed has findings"
    for i, d in enumerate(data["diagnostics"]):
        if d["text"]:
            assert parser.own.get(f"0-{i}") == d["text"], d
    shot = os.environ.get("FACTLINT_SCREENSHOT")
    if shot:  # `FACTLINT_SCREENSHOT=docs/seed-report.png pytest tests/test_html_report.py`
        subprocess.run([CHROMIUM, *flags, "--window-size=1400,1500", "--hide-scrollbars",
                        f"--screenshot={os.path.abspath(shot)}", report.as_uri()],
                       capture_output=True, timeout=120, cwd=ROOT)
