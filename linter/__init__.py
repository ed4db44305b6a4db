"""factlint: a fact-check and consistency linter for prose.

The stable Python API (see README, "Python API")::

    import linter
    diagnostics = linter.lint_text(text, path="story.md", config=linter.Config(date=...))
    for result in linter.lint_paths(["articles/"]):
        ...
    ruleset = linter.load_rules(["my-rules/"])
"""

__version__ = "0.1.0"

# The API names are imported on first use (PEP 562), so ``import linter`` and
# ``factlint --version`` do not pay for pydantic, the rules and the checks.
_API = {
    "Config": "config", "ConfigError": "config", "load_config": "config",
    "Diagnostic": "diagnostics", "Related": "diagnostics",
    "FileResult": "engine", "lint_paths": "engine", "lint_text": "engine", "FormatError": "formats",
    "RuleSet": "ruleset", "RuleSetError": "ruleset", "load_rules": "ruleset",
}


def __getattr__(name: str):
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'linter' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_API))

__all__ = [
    "Config", "ConfigError", "Diagnostic", "FileResult", "FormatError", "Related", "RuleSet", "RuleSetError",
    "lint_paths", "lint_text", "load_config", "load_rules", "__version__",
]
