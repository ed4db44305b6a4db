"""The language server, driven as an editor drives it: a real ``python -m linter lsp`` process
spoken to over stdio with JSON-RPC (initialize, didOpen, publishDiagnostics, codeAction,
didChange, shutdown, exit). Diagnostics must sit exactly where ``--format json`` puts them,
converted to LSP's 0-based lines and UTF-16 characters. Every wait is bounded."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from conftest import ROOT, SEEDS  # noqa: E402

SEED = SEEDS / "000_5ae41dc0945392ff.txt"
TIMEOUT = 60.0  # per wait; a normal run takes a few seconds in all
# An emoji (two UTF-16 units), an accented letter and CRLF line ends before the spans.
MULTI = "Heading 😀 line.\r\nCafé 😀😀 said the the minister,, then left.\r\nLast line 𐐀 in in it.\r\n"


def uri(path: Path) -> str:
    return path.resolve().as_uri()


class Client:
    """A minimal LSP client: Content-Length framing, a reader thread and bounded waits."""

    def __init__(self, cwd: Path, debounce: str = "0.2"):
        env = dict(os.environ, FACTLINT_LSP_DEBOUNCE=debounce, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        self.proc = subprocess.Popen([sys.executable, "-m", "linter", "lsp"], cwd=cwd, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages: queue.Queue = queue.Queue()
        self.backlog: list[dict] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                key, _, value = line.decode("ascii").partition(":")
                headers[key.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def send(self, payload: dict):
        body = json.dumps(payload).encode("utf-8")
        self.proc.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: dict):
        self.next_id += 1
        rid = self.next_id
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        msg = self.wait(lambda m: m.get("id") == rid and "method" not in m)
        assert "error" not in msg, msg
        return msg["result"]

    def wait(self, predicate, timeout: float = TIMEOUT) -> dict:
        for i, msg in enumerate(self.backlog):
            if predicate(msg):
                return self.backlog.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out; stderr: {self._stderr()}")
            try:
                msg = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if predicate(msg):
                return msg
            self.backlog.append(msg)

    def diagnostics(self, doc_uri: str, timeout: float = TIMEOUT) -> list[dict]:
        msg = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                        and m["params"]["uri"] == doc_uri, timeout)
        return msg["params"]["diagnostics"]

    def _stderr(self) -> str:
        if self.proc.poll() is None:
            return "(server still running)"
        return self.proc.stderr.read().decode("utf-8", "replace")[-2000:]

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            stream.close()


def cli_json(path: Path, cwd: Path) -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "linter", "check", "--isolated", "--format", "json", str(path)],
                          cwd=cwd, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["diagnostics"]


def to_lsp(text: str, line: int, column: int) -> dict:
    """1-based code-point line/column -> 0-based line, UTF-16 character (independently of the server)."""
    src = text.replace("\r\n", "\n").split("\n")[line - 1]
    prefix = src[: column - 1]
    return {"line": line - 1, "character": len(prefix.encode("utf-16-le")) // 2}


def expected(text: str, diags: list[dict]) -> list[tuple]:
    return sorted((d["rule"], to_lsp(text, d["line"], d["column"])["line"], to_lsp(text, d["line"], d["column"])["character"],
                   to_lsp(text, d["end_line"], d["end_column"])["line"],
                   to_lsp(text, d["end_line"], d["end_column"])["character"]) for d in diags)


def got(diags: list[dict]) -> list[tuple]:
    return sorted((d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"],
                   d["range"]["end"]["line"], d["range"]["end"]["character"]) for d in diags)


@pytest.fixture
def workspace(tmp_path):
    plain = tmp_path / "plain"
    strict = tmp_path / "strict"
    plain.mkdir()
    strict.mkdir()
    shutil.copy(SEED, plain / "seed.txt")
    for folder in (plain, strict):
        (folder / "multi.md").write_bytes(MULTI.encode("utf-8"))
    # config discovery per workspace folder: this folder turns off doubled punctuation
    (strict / ".factlint.yaml").write_text("ignore: [S102]\n", encoding="utf-8")
    return tmp_path


def test_stdio_session_matches_json_positions(workspace):
    plain, strict = workspace / "plain", workspace / "strict"
    client = Client(workspace)
    try:
        init = client.request("initialize", {
            "processId": os.getpid(),
            "rootUri": uri(workspace),
            "workspaceFolders": [{"uri": uri(plain), "name": "plain"}, {"uri": uri(strict), "name": "strict"}],
            "capabilities": {"general": {"positionEncodings": ["utf-16"]},
                             "textDocument": {"publishDiagnostics": {"relatedInformation": True},
                                              "codeAction": {"codeActionLiteralSupport": {
                                                  "codeActionKind": {"valueSet": ["quickfix"]}}}}},
        })
        caps = init["capabilities"]
        assert caps.get("positionEncoding", "utf-16") == "utf-16"
        assert caps["codeActionProvider"]
        assert init["serverInfo"]["name"] == "factlint"
        client.notify("initialized", {})

        # 1. the seed article: the same findings at the same (converted) positions as --format json
        seed = plain / "seed.txt"
        seed_text = seed.read_text(encoding="utf-8")
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(seed), "languageId": "plaintext", "version": 1, "text": seed_text}})
        seed_diags = client.diagnostics(uri(seed))
        assert got(seed_diags) == expected(seed_text, cli_json(seed, workspace))
        for d in seed_diags:
            assert d["source"] == "factlint" and d["code"]
        # related locations (the other side of a duplicate or contradiction) convert the same way
        want_related = sorted((d["rule"], to_lsp(seed_text, r["line"], r["column"])["line"],
                               to_lsp(seed_text, r["line"], r["column"])["character"],
                               to_lsp(seed_text, r["end_line"], r["end_column"])["character"])
                              for d in cli_json(seed, workspace) for r in d["related"])
        got_related = sorted((d["code"], r["location"]["range"]["start"]["line"],
                              r["location"]["range"]["start"]["character"], r["location"]["range"]["end"]["character"])
                             for d in seed_diags for r in d.get("relatedInformation") or [])
        assert got_related == want_related

        # 2. multi-byte text with CRLF: emoji count two UTF-16 units
        multi = plain / "multi.md"
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(multi), "languageId": "markdown", "version": 1, "text": MULTI}})
        diags = client.diagnostics(uri(multi))
        want = expected(MULTI, cli_json(multi, workspace))
        assert got(diags) == want
        # exact, hand-counted: "Café 😀😀 said " is 13 code points, 15 UTF-16 units
        assert ("S101", 1, 15, 1, 22) in want
        assert ("S102", 1, 31, 1, 33) in want
        assert ("S101", 2, 13, 2, 18) in want  # after 𐐀 (two units)
        rep = next(d for d in diags if d["code"] == "S101" and d["range"]["start"]["line"] == 1)
        assert rep["severity"] == 2
        assert rep["codeDescription"]["href"].startswith(("http", "file:"))

        # 3. quick fix from the suggestion
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri(multi)}, "range": rep["range"],
            "context": {"diagnostics": [rep], "only": ["quickfix"]}})
        assert actions and actions[0]["kind"] == "quickfix"
        edit = actions[0]["edit"]["changes"][uri(multi)][0]
        assert edit == {"range": rep["range"], "newText": "the"}

        # 4. an edit inserting a line above: after the debounce, the findings move down one line
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri(multi), "version": 2},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                                "text": "New first line.\r\n"}]})
        changed = client.diagnostics(uri(multi))
        assert got(changed) == [(c, a + 1, b, e + 1, f) for c, a, b, e, f in got(diags)]

        # 5. the other workspace folder has its own config (S102 ignored there)
        other = strict / "multi.md"
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(other), "languageId": "markdown", "version": 1, "text": MULTI}})
        codes = {d["code"] for d in client.diagnostics(uri(other))}
        assert "S101" in codes and "S102" not in codes

        # 5b. a broken config is reported to the user, not a crash
        broken = workspace / "broken"
        broken.mkdir()
        (broken / ".factlint.yaml").write_text("select: [NOPE999]\n", encoding="utf-8")
        bad = broken / "multi.md"
        bad.write_bytes(MULTI.encode("utf-8"))
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(bad), "languageId": "markdown", "version": 1, "text": MULTI}})
        shown = client.wait(lambda m: m.get("method") == "window/showMessage")
        assert "NOPE999" in shown["params"]["message"] and shown["params"]["type"] == 1
        assert client.diagnostics(uri(bad)) == []

        # 6. closing clears; shutdown and exit end the process
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri(multi)}})
        assert client.diagnostics(uri(multi)) == []
        assert client.request("shutdown", {}) is None
        client.notify("exit", {})
        assert client.proc.wait(timeout=10) == 0
    finally:
        client.close()


def test_debounce_coalesces_rapid_edits(workspace):
    """Five quick edits produce one lint (of the final text), not five."""
    doc = workspace / "plain" / "multi.md"
    client = Client(workspace, debounce="1.0")
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": uri(workspace), "capabilities": {}})
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(doc), "languageId": "markdown", "version": 1, "text": "Nothing here.\n"}})
        assert client.diagnostics(uri(doc)) == []
        text = "Nothing here.\n"
        for i in range(5):
            text += "the the "
            client.notify("textDocument/didChange", {"textDocument": {"uri": uri(doc), "version": i + 2},
                                                     "contentChanges": [{"text": text}]})
        final = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        assert final["params"]["version"] == 6
        assert len(final["params"]["diagnostics"]) == 5
        with pytest.raises(AssertionError):
            client.diagnostics(uri(doc), timeout=0.8)  # nothing else was published
        client.request("shutdown", {})
        client.notify("exit", {})
        client.proc.wait(timeout=10)
    finally:
        client.close()


def test_position_map_units_and_line_breaks():
    """UTF-16 by default, UTF-8/UTF-32 when negotiated; only CR, LF and CRLF break lines
    (U+2028 does not, unlike str.splitlines)."""
    from lsprotocol import types

    from linter.lsp import PositionMap

    text = "a\u2028b\r\n😀é x\rlast"
    x = text.index("x")
    for enc, char in ((types.PositionEncodingKind.Utf16, 4), (types.PositionEncodingKind.Utf8, 7),
                      (types.PositionEncodingKind.Utf32, 3)):
        pos = PositionMap(text, enc).position(x)
        assert (pos.line, pos.character) == (1, char)
    last = PositionMap(text).position(text.index("last"))
    assert (last.line, last.character) == (2, 0)
    end = PositionMap(text).position(len(text))
    assert (end.line, end.character) == (2, 4)
