"""factlint: a fact-check and consistency linter for prose.

The stable Python API (see README, "Python API")::

    import linter
    diagnostics = linter.lint_text(text, path="story.md", config=linter.Config(date=...))
    for result in linter.lint_paths(["articles/"]):
        ...
    ruleset = linter.load_rules(["my-rules/"])
"""

__version__ = "0.1.0"

from .config import Config, ConfigError, load_config  # noqa: E402
from .diagnostics import Diagnostic, Related  # noqa: E402
from .engine import FileResult, lint_paths, lint_text  # noqa: E402
from .ruleset import RuleSet, RuleSetError, load_rules  # noqa: E402

__all__ = [
    "Config", "ConfigError", "Diagnostic", "FileResult", "Related", "RuleSet", "RuleSetError",
    "lint_paths", "lint_text", "load_config", "load_rules", "__version__",
]
