"""``quotation``: quotation marks and brackets that do not pair up.

One kind, several checks (``detect:``), all read ``doc.quotes`` (found once by the
document model) or scan one block at a time, so they are linear. Each is its own
module in this package, named after the value (``mismatched-marks`` is
``mismatched_marks.py``):

* ``mismatched-marks`` -- a quote opened with a straight mark and closed with a
  curly one, or the reverse (a CMS paste of two sources).
* ``unclosed`` -- a quote never closed in its paragraph (unless the next paragraph
  opens with a quotation mark: the convention for a quote running on), or a curly
  closing mark with nothing open.
* ``brackets`` -- a parenthesis or square bracket without its partner in the
  paragraph ("1)" and "a)" enumerations are left alone).
* ``nested`` -- double marks inside double marks (“he said “no” to me”); the inner
  quote takes single marks.
* ``closed-mid-sentence`` -- a full stop before the closing mark although the
  sentence goes on (“critical operations.” restoring ...): the full stop should be
  a comma or go.

Scraped news often mixes straight and curly marks; the checks that cry wolf on it
are ``info`` in the built-in pack (see README for the measured rates).
"""

from __future__ import annotations

from typing import ClassVar, Literal

from .._detectors import detectors
from ..base import RuleBase


class Rule(RuleBase):
    """A quotation-mark or bracket check; ``detect`` chooses which (see the module doc).

    Messages may use ``{mark}``, ``{open}``, ``{close}`` and ``{match}``.
    """

    placeholders: ClassVar[dict[str, tuple[str, ...]]] = {
        "mismatched-marks": ("open", "close", "match"), "unclosed": ("mark",), "brackets": ("mark",),
        "nested": ("match",), "closed-mid-sentence": ("match", "close"),
    }

    detect: Literal["mismatched-marks", "unclosed", "brackets", "nested", "closed-mid-sentence"]
    """Which check: mismatched-marks, unclosed, brackets, nested or closed-mid-sentence."""

    def check(self, doc, ctx):
        yield from DETECTORS[self.detect](self, doc)


DETECTORS = detectors(__name__)  # detect value -> function, one module each
