"""``--format checkstyle``: Checkstyle XML (version 4.3), read by Jenkins' warnings plugin,
reviewdog (``-f=checkstyle``) and many code-review bots.

    <checkstyle version="4.3"><file name="story.md">
      <error line="3" column="5" severity="error" message="... (N101)" source="factlint.rules.N101"/>

Checkstyle has no end position and no schema; the message carries the rule id in brackets as
ESLint's formatter did, and ``source`` is the dotted rule id. Columns are code points.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ._xml import clean, write


def build(results, run) -> ET.Element:
    root = ET.Element("checkstyle", version="4.3")
    for r in results:
        file = ET.SubElement(root, "file", name=clean(r.path))
        for d in r.diagnostics:
            ET.SubElement(file, "error", line=str(d.line), column=str(d.column), severity=d.severity,
                          message=clean(f"{d.message} ({d.rule})"), source=f"factlint.rules.{d.rule}")
    return root


def report(results, out, run) -> None:
    write(build(results, run), out)
