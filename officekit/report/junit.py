"""JUnit XML for GitLab (`artifacts:reports:junit`) and other CI test panels.

One testsuite per file, one testcase per finding.  GitLab keeps only the first of test cases with
the same name, so names are rule + place, numbered when a rule hits the same place twice.  A file
without findings has one passing test case, so it shows as checked."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from officekit.report.paths import display_path, region_path, sorted_findings


def _suite(result) -> ET.Element:
    path = display_path(result.path)
    suite = ET.Element("testsuite", name=path)
    cases = failures = errors = 0
    if result.status != "ok":
        case = ET.SubElement(suite, "testcase", classname=path, name="读取文件", file=path)
        ET.SubElement(case, "error", type=result.error["kind"], message=result.error["message"]).text = result.error["message"]
        cases, errors = 1, 1
    elif not result.findings:
        ET.SubElement(suite, "testcase", classname=path, name="officekit 审核", file=path)
        cases = 1
    else:
        used: dict[str, int] = {}
        for f in sorted_findings(result):
            name = f"{f.rule} {region_path(f)}"
            used[name] = used.get(name, 0) + 1
            if used[name] > 1:
                name = f"{name} #{used[name]}"
            case = ET.SubElement(suite, "testcase", classname=f"{path}.{f.gate}", name=name, file=path,
                                 line=str(f.location.block))
            body = [f.message]
            if f.suggestion:
                body.append(f"建议：{f.suggestion}")
            if f.source:
                body.append(f"依据：{f.source}")
            if f.excerpt:
                body.append(f"原文：{f.excerpt}")
            failure = ET.SubElement(case, "failure", type=f.severity, message=f"{f.rule} {f.name}：{f.message}")
            failure.text = "\n".join(body)
            cases += 1
            failures += 1
    suite.set("tests", str(cases))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    return suite


def render(results, options) -> str:
    root = ET.Element("testsuites", name="officekit")
    suites = [_suite(r) for r in results]
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key)) for s in suites)))
    root.extend(suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
