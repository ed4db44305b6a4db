"""What the XML formats (``junit``, ``checkstyle``) share: dropping characters XML cannot hold,
and writing a tree as an indented UTF-8 document. Not a format itself (the leading underscore
keeps it out of ``--format``)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without the control characters XML 1.0 forbids (a scraped article may hold them)."""
    return _INVALID_XML.sub("", text)


def write(root: ET.Element, out) -> None:
    """``root`` as an indented XML document with its declaration, on ``out``."""
    ET.indent(root, space="  ")
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
