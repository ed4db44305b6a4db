"""A progress bar on stderr for long runs, shown only when stderr is a terminal.

Never written into a report: machine-readable output goes to stdout or ``-o``, and a
piped or redirected stderr gets nothing.
"""

from __future__ import annotations

import sys
import time

MIN_FILES = 20  # shorter runs finish before a bar is worth drawing


class Progress:
    def __init__(self, total: int, stream=None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        isatty = getattr(self.stream, "isatty", lambda: False)()
        self.enabled = (isatty and total >= MIN_FILES) if enabled is None else enabled
        self.total = total
        self.done = 0
        self._last = 0.0

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if self.done < self.total and now - self._last < 0.1:
            return
        self._last = now
        width = 30
        done = min(self.done, self.total)  # a pool that fell back to serial counts files twice
        filled = int(width * done / max(self.total, 1))
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} files")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()
