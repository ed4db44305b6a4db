"""Front matter: the header a static-site generator or a CMS export puts before the article,
YAML between ``---`` lines (Jekyll, Hugo, Eleventy) or TOML between ``+++`` lines (Hugo).

Two things are read from it:

* the document date, ``date``: a YAML or TOML date or datetime, or an ISO string, read
  here; a date written out ("5 December 2026", "Dec. 5, 2026") is kept as its text and read
  by the date parser when the engine completes the document (``facts.dates.document_date``:
  this module sits below the facts and imports none);
* prose: ``title``, ``subtitle``, ``description`` and ``summary`` are the first words a
  reader sees (a headline, a standfirst), so they are linted where they stand in the file;
  the rest of the header is blanked like code. Their spans come from the YAML node marks
  (quotes and block indicators left out) or, for TOML, from the string's place in its line.

A header that cannot be parsed is never fatal: its prose is not linted and only a
``date:`` line is looked for. Only safe loaders are used (``!!python/object`` is refused).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

PROSE_KEYS = ("title", "subtitle", "description", "summary")
HEADING_KEYS = ("title", "subtitle")

_BREAK = r"(?:\r\n?|\n)"
_YAML = re.compile(rf"\A---[ \t]*{_BREAK}(.*?){_BREAK}---[ \t]*(?:{_BREAK}|\Z)", re.S)
_TOML = re.compile(rf"\A\+\+\+[ \t]*{_BREAK}(.*?){_BREAK}\+\+\+[ \t]*(?:{_BREAK}|\Z)", re.S)
_DATE_LINE = re.compile(r"^date\s*[:=]\s*['\"]?(\d{4}-\d{2}-\d{2})", re.M)


@dataclass
class FrontMatter:
    """The YAML/TOML block at the top of a Markdown file: its keys, and where its prose values (title,
    description) are."""

    end: int  # offset just past the closing line
    data: dict = field(default_factory=dict)  # the parsed keys; "date" is a datetime.date, or a date written out (str)
    prose: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, key) in the text, in order


def read(text: str) -> FrontMatter | None:
    """The front matter at the start of ``text`` (without BOM), or None."""
    m = _YAML.match(text)
    if m:
        data, prose = _yaml(m.group(1), m.start(1))
    else:
        m = _TOML.match(text)
        if not m:
            return None
        data, prose = _toml(m.group(1), m.start(1))
    if data is None:  # broken: look for the date line only
        line = _DATE_LINE.search(m.group(1))
        data, prose = ({"date": line.group(1)} if line else {}), []
    _normalise_date(data)
    return FrontMatter(m.end(), data, sorted(prose))


def _yaml(body: str, base: int):
    import yaml

    try:
        # the pure-Python loader: its marks count code points, as offsets do
        node = yaml.compose(body, Loader=yaml.SafeLoader)
        data = yaml.safe_load(body)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        # not only YAMLError: "date: 2024-02-30" raises ValueError from the timestamp
        # constructor, deep nesting RecursionError; a broken header must not stop the lint
        return None, []
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return None, []
    prose = []
    for key, value in node.value:
        if (isinstance(key, yaml.ScalarNode) and key.value in PROSE_KEYS and isinstance(value, yaml.ScalarNode)
                and value.tag == "tag:yaml.org,2002:str" and isinstance(data.get(key.value), str)):
            start, end = value.start_mark.index, value.end_mark.index
            if value.style in ('"', "'"):
                start, end = start + 1, end - 1
            elif value.style in ("|", ">"):  # the text starts on the line after the indicator
                nl = body.find("\n", start)
                start = end if nl == -1 else nl + 1
            span = _trim(body, start, end)
            if span:
                prose.append((base + span[0], base + span[1], key.value))
    return data, prose


def _toml(body: str, base: int):
    import tomllib

    try:
        data = tomllib.loads(body)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return None, []
    prose = []
    for key in PROSE_KEYS:
        if not isinstance(data.get(key), str):
            continue
        m = re.search(rf"""^[ \t]*{key}[ \t]*=[ \t]*(?:\"\"\"(?P<ml>.*?)\"\"\"|'''(?P<mll>.*?)'''|"(?P<b>(?:[^"\\\r\n]|\\.)*)"|'(?P<l>[^'\r\n]*)')""",
                      body, re.M | re.S)
        if m:
            group = next(g for g in ("ml", "mll", "b", "l") if m.group(g) is not None)
            span = _trim(body, *m.span(group))
            if span:
                prose.append((base + span[0], base + span[1], key))
    return data, prose


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _normalise_date(data: dict) -> None:
    """``data["date"]`` as a ``datetime.date``, the text of a date that is not ISO, or no
    ``date`` key at all."""
    value = data.get("date")
    if isinstance(value, _dt.datetime):
        data["date"] = value.date()
    elif isinstance(value, _dt.date):
        pass
    elif isinstance(value, str) and value.strip():
        try:
            data["date"] = _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            data["date"] = value.strip()  # written out, or no date at all: facts.dates.document_date reads it
    elif "date" in data:
        data.pop("date")
