"""The Python API, and that an installed wheel carries the built-in rules."""

import os
import pickle
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import linter
from conftest import ROOT


def test_lint_text_returns_picklable_diagnostics():
    diags = linter.lint_text("They met in the the capital.", path="a.txt", config=linter.Config(select=["S101"]))
    assert [(d.rule, d.start, d.end, d.text) for d in diags] == [("S101", 12, 19, "the the")]
    assert pickle.loads(pickle.dumps(diags)) == diags
    assert diags[0].to_dict()["suggestions"] == ["the"]


def test_lint_paths_yields_one_result_per_file(tmp_path):
    (tmp_path / "a.md").write_text("the the\n")
    (tmp_path / "b.txt").write_text("fine\n")
    results = list(linter.lint_paths([str(tmp_path)], config=linter.Config(select=["S101"])))
    assert [os.path.basename(r.path) for r in results] == ["a.md", "b.txt"]
    assert [len(r.diagnostics) for r in results] == [1, 0]


def test_load_rules_with_a_user_pack(tmp_path):
    (tmp_path / "wordlists").mkdir()
    (tmp_path / "wordlists" / "banned.yaml").write_text("name: banned\nwords: [synergy]\n")
    (tmp_path / "r.yaml").write_text(
        "id: X101\nname: banned-word\nkind: pattern\ncategory: style\nseverity: info\n"
        "message: \"Avoid '{match}'\"\ndescription: House style.\nwordlist: banned\n"
        "examples:\n  - text: <marker>synergy</marker>\n  - text: energy\n")
    rs = linter.load_rules([tmp_path])
    assert "X101" in rs.by_id() and "S101" in rs.by_id()
    diags = linter.lint_text("Real synergy.", config=linter.Config(rules=[str(tmp_path)], select=["X101"]))
    assert [d.message for d in diags] == ["Avoid 'synergy'"]


def _nested_venv(env_dir):
    """A fresh venv that sees this interpreter's packages (pydantic, hatchling, ...), in a venv or not.

    ``system_site_packages`` is not it: inside a venv, it shows the *base* interpreter's packages,
    which on a fresh machine lack everything ``pip install -e ".[dev]"`` put in the venv. So the
    running interpreter's site-packages folders are added with a ``.pth`` file, after the nested
    venv's own (what is installed there wins); ``.pth`` files of those folders are not read, so
    an editable install of this checkout does not leak in."""
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    own = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         capture_output=True, text=True, check=True).stdout.strip()
    outer = [p for p in sys.path if os.path.basename(p) in ("site-packages", "dist-packages") and os.path.isdir(p)]
    outer.append(sysconfig.get_paths()["purelib"])
    (Path(own) / "_outer_site.pth").write_text("\n".join(dict.fromkeys(outer)) + "\n")
    return py


def test_nested_venv_sees_this_interpreters_packages(tmp_path):
    """The venv the install test builds finds hatchling where this interpreter does (was: the base
    interpreter's site-packages, which on a fresh machine has no hatchling)."""
    py = _nested_venv(tmp_path / "venv")
    where = subprocess.run([str(py), "-c", "import hatchling, yaml; print(hatchling.__file__); print(yaml.__file__)"],
                           capture_output=True, text=True)
    assert where.returncode == 0, where.stderr
    import hatchling
    import yaml

    assert where.stdout.split() == [hatchling.__file__, yaml.__file__]


def test_installed_wheel_ships_the_rules(tmp_path):
    """`pip install .` into a fresh venv, then lint from another folder."""
    env_dir = tmp_path / "venv"
    py = _nested_venv(env_dir)
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--no-index",
                    "--ignore-installed", str(ROOT)], check=True, cwd=tmp_path)
    article = tmp_path / "story.txt"
    article.write_text("They met in the the capital.\n")
    factlint = env_dir / "bin" / "factlint"
    proc = subprocess.run([str(factlint), "story.txt", "--select", "S101"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("story.txt:1:13: warning: 'the' is repeated [S101 repeated-word]")
    where = subprocess.run([str(py), "-c", "import linter.ruleset as r; print(r.builtin_rules_dir())"],
                           cwd=tmp_path, capture_output=True, text=True).stdout
    assert str(env_dir) in where and "site-packages" in where and where.strip().endswith("_rules")


def test_ci_examples_install_line_works_as_written(tmp_path):
    """docs/github-workflow.yml and docs/gitlab-ci.yml install factlint with one pip line (it is not
    on PyPI; "pip install factlint" failed). Run that line as written, in bash, in a fresh venv,
    with FACTLINT_GIT pointing at this repository and FACTLINT_REF at its HEAD, then the
    workflow's own commands on an article."""
    import shutil

    import pytest
    import yaml

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of factlint")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("no commit to install from")
    workflow = yaml.safe_load((ROOT / "docs" / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = [s["run"] for s in workflow["jobs"]["factlint"]["steps"] if "run" in s]
    install = next(s for s in steps if s.startswith("pip install"))
    gitlab = yaml.safe_load((ROOT / "docs" / "gitlab-ci.yml").read_text(encoding="utf-8"))["factlint"]
    assert gitlab["script"][0] == install  # the same line, the same variables
    assert set(gitlab["variables"]) == set(workflow["env"]) == {"FACTLINT_GIT", "FACTLINT_REF"}

    env_dir = tmp_path / "venv"
    _nested_venv(env_dir)
    env = dict(os.environ, PATH=f"{env_dir / 'bin'}{os.pathsep}{os.environ['PATH']}",
               FACTLINT_GIT=f"file://localhost{ROOT.as_posix()}", FACTLINT_REF=head.stdout.strip(),
               # offline: the dependencies and hatchling come from this interpreter (see _nested_venv)
               PIP_NO_INDEX="1", PIP_NO_DEPS="1", PIP_IGNORE_INSTALLED="1", PIP_NO_BUILD_ISOLATION="0",
               PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_QUIET="1")
    proc = subprocess.run(["bash", "-c", install], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "story.md").write_text("They met in the the capital.\n")
    annotations, sarif = (next(s for s in steps if "--format " + f in s) for f in ("github", "sarif"))
    proc = subprocess.run(["bash", "-c", annotations], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("::warning file=articles/story.md,line=1,endLine=1,col=13,")
    assert subprocess.run(["bash", "-c", sarif], env=env, cwd=tmp_path).returncode == 0
    assert (tmp_path / "factlint.sarif").is_file()
    where = subprocess.run(["bash", "-c", "command -v factlint"], env=env, capture_output=True, text=True).stdout
    assert where.strip() == str(env_dir / "bin" / "factlint")
