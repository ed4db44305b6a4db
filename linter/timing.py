"""CPU time per rule and per shared step, for ``--timing``.

:class:`Timing` is what the engine fills while it lints (one per run, or per worker).
:func:`timed_cached_property` is how a shared step measures itself: ``Document`` and
``Facts`` declare their derived structure and facts with it, so the first computation of
``doc.sentences`` or ``doc.facts.quantities`` is counted under its own row
(``document.sentences``, ``facts.quantities``) when the engine has handed the document a
``Timing``, and costs one attribute read otherwise. Nothing is patched at import time.
This module imports nothing from the package (it sits with the text helpers, below the
document).
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, wraps


@dataclass
class Timing:
    """CPU seconds spent per rule (``--timing``): ``time.process_time``, so other programs
    on a busy machine do not blur the figures.

    Times are exclusive: the shared work a rule happens to trigger first (a fact such
    as ``doc.facts.quantities``, a structure such as ``doc.sentences``) is counted under
    its own entry (``facts.quantities``, ``document.sentences``; ``document.parse`` for
    building the document), not charged to whichever rule asked first. So a slow rule
    (a user's regex) and a slow fact extractor are each easy to find.
    """

    per_rule: dict[str, float] = field(default_factory=dict)
    _stack: list = field(default_factory=list, repr=False)

    def add(self, rule_id: str, seconds: float) -> None:
        self.per_rule[rule_id] = self.per_rule.get(rule_id, 0.0) + seconds

    @contextmanager
    def measure(self, label: str):
        """Time a block, minus the time of blocks measured inside it."""
        started = time.process_time()
        self._stack.append(0.0)
        try:
            yield
        finally:
            elapsed = time.process_time() - started
            self.add(label, elapsed - self._stack.pop())
            if self._stack:
                self._stack[-1] += elapsed


def timed_cached_property(prefix: str):
    """A ``functools.cached_property`` whose one computation is measured under
    ``prefix + name`` (a leading underscore dropped) in the instance's ``_timing``, when
    the engine set one (``--timing``); otherwise it runs the function as is."""

    def wrap(func):
        label = prefix + func.__name__.lstrip("_")

        @wraps(func)
        def computed(self):
            timing = self._timing
            if timing is None:
                return func(self)
            with timing.measure(label):
                return func(self)

        return cached_property(computed)

    return wrap
