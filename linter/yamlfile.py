"""Reading a YAML file people wrote (rule files, word lists, the config): safe loader only,
the composed node tree kept for line numbers, and every way PyYAML can fail turned into one
line that names the file and the line.

Why a module of its own: PyYAML raises ``YAMLError`` for bad syntax but ``ValueError`` from
its constructors for a value that looks like a date and is not one (``date: 2024-13-01``,
``2024-02-30``), which used to escape as a traceback with exit code 1 -- read by CI as
"findings". Rule packs and the config read YAML the same way, so they share this.
"""

from __future__ import annotations

import os

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class YamlError(Exception):
    """The file is not valid YAML (or holds an impossible date); the message names file and line."""


def load(text: str, path: str | os.PathLike):
    """``(data, node)``: the YAML document in ``text`` and its node tree (for :func:`line_of`)."""
    import yaml  # here, not at the top: a run whose rules are cached never reads YAML

    Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlError(f"{path}{where}: invalid YAML: {problem}") from None
    except RecursionError:
        raise YamlError(f"{path}: invalid YAML: nested too deeply") from None
    try:
        data = yaml.load(text, Loader=Loader)
    except yaml.YAMLError as exc:  # a construction error (an unknown tag such as !!python/object)
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlError(f"{path}{where}: invalid YAML: {problem}") from None
    except (ValueError, TypeError, OverflowError) as exc:
        bad = _bad_timestamp(node)
        if bad is None:
            raise YamlError(f"{path}: invalid YAML value: {exc}") from None
        line, value, reason = bad
        raise YamlError(f"{path}:{line}: '{value}' is not a date ({reason}); write a real date as "
                        f"YYYY-MM-DD, or put it in quotes if it is text") from None
    except RecursionError:
        raise YamlError(f"{path}: invalid YAML: nested too deeply") from None
    return data, node


def _bad_timestamp(node):
    """``(line, text, reason)`` of the first scalar YAML reads as a date and cannot build."""
    import yaml

    constructor = yaml.SafeLoader("")
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.ScalarNode):
            if n.tag == TIMESTAMP_TAG:
                try:
                    constructor.construct_yaml_timestamp(n)
                except (ValueError, TypeError, OverflowError) as exc:
                    return n.start_mark.line + 1, n.value, exc
        elif isinstance(n, yaml.MappingNode):
            stack.extend(v for kv in reversed(n.value) for v in reversed(kv))
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(reversed(n.value))
    return None


def line_of(node, loc) -> int:
    """The 1-based line of the deepest YAML node along ``loc`` (keys and indexes) that exists."""
    import yaml

    line = node.start_mark.line + 1 if node is not None else 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == part:
                    line = k.start_mark.line + 1
                    node = v
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line
