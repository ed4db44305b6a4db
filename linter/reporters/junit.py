"""``--format junit``: JUnit XML, for CI test-report views (GitLab ``reports: junit``, Jenkins,
Azure). One ``<testsuite>`` per file; one ``<testcase name="org.factlint.ID (LINE:COL)">`` per
finding: the position makes the name unique in its suite (two findings of one rule in one file
had the same name, which test views merge or count once), and a second finding at the same
position gets " #2".

Findings at or above ``--fail-on`` are ``<failure>``s; those below it are passing test cases
with the finding in ``<system-out>``, so the test view agrees with the exit code. A clean file
is one passing test case, so CI shows it as checked. XML-invalid control characters are dropped.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

from ..diagnostics import SEVERITY_RANK
from ._xml import clean, write


def build(results, run) -> ET.Element:
    threshold = SEVERITY_RANK.get(run.fail_on, 1)
    root = ET.Element("testsuites", name="factlint")
    total_tests = total_failures = 0
    for r in results:
        path = clean(r.path)
        classname = os.path.splitext(path)[0] or path
        suite = ET.SubElement(root, "testsuite", name=path, package="org.factlint")
        tests = failures = 0
        names: dict[str, int] = {}
        for d in r.diagnostics:
            tests += 1
            name = f"org.factlint.{d.rule} ({d.line}:{d.column})"
            names[name] = names.get(name, 0) + 1
            if names[name] > 1:
                name += f" #{names[name]}"
            case = ET.SubElement(suite, "testcase", name=name, classname=classname, file=path, line=str(d.line))
            props = ET.SubElement(case, "properties")
            for key, value in (("severity", d.severity), ("rule", d.rule), ("name", d.name),
                               ("column", str(d.column)), ("fingerprint", d.fingerprint)):
                ET.SubElement(props, "property", name=key, value=clean(value))
            detail = clean(f"line {d.line}, col {d.column}, {d.severity}: {d.message} [{d.rule} {d.name}]")
            if SEVERITY_RANK[d.severity] >= threshold:
                failures += 1
                failure = ET.SubElement(case, "failure", message=clean(d.message), type=f"{d.rule} {d.name}")
                failure.text = detail
            else:
                ET.SubElement(case, "system-out").text = detail
        if not r.diagnostics:
            tests = 1
            ET.SubElement(suite, "testcase", name=path, classname=classname, file=path)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    return root


def report(results, out, run) -> None:
    write(build(results, run), out)
