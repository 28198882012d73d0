"""Run rules over a draft and turn their hits into findings."""

from __future__ import annotations

from officekit.engine import matching
from officekit.engine.finding import SEVERITY_RANK, Finding, Fix, Location, assign_fingerprints
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.structure.model import Draft
from officekit.structure.placeholders import VALUE_ELEMENTS

EXCERPT_CONTEXT = 30  # characters shown on each side of a finding in a long paragraph


def _command(doctype: str | None) -> str | None:
    return "命令" if doctype == "令" else doctype


def in_scope(scope: tuple[str, ...], value: str | None) -> bool:
    """A rule's 文种/方向 scope: listed values include, `!value` entries exclude; empty = everything."""
    include = {_command(v) for v in scope if not v.startswith("!")}
    exclude = {_command(v[1:]) for v in scope if v.startswith("!")}
    value = _command(value)
    return (not include or value in include) and value not in exclude


def applies(rule: RuleSpec, draft: Draft) -> bool:
    return in_scope(rule.doctypes, draft.doctype) and in_scope(rule.directions, draft.direction)


def run(draft: Draft, rules: list[RuleSpec], config=None) -> list[Finding]:
    findings: list[Finding] = []
    shared: dict = {}  # per-draft cache (segmentation, facts) shared by all rules
    for rule in rules:
        if not applies(rule, draft):
            continue
        ctx = Context(draft, rule, config, shared)
        try:
            for hit in rule.check(ctx):
                findings.append(make_finding(rule, hit, draft))
        except TimeoutError:
            findings.append(_could_not_run(rule, draft, f"规则 {rule.id} 的正则表达式运行超时，已停止（请简化该规则的写法）"))
        except RuleError as exc:
            findings.append(_could_not_run(rule, draft, f"规则 {rule.id} 无法运行：{exc.message}"))
        except Exception as exc:  # a bug in one check must not hide the others' findings
            findings.append(_could_not_run(rule, draft, f"规则 {rule.id} 运行出错（{type(exc).__name__}: {exc}），该项未检查"))
    findings = _drop_deferred(findings, {r.id for r in rules if r.defer})
    findings = _leave_placeholders(findings, draft, {r.id for r in rules if r.type in LAYOUT_TYPES or _is_slot_rule(r)})
    doc = draft.document
    assign_fingerprints(findings, lambda part, block: _block_text(doc, part, block))
    findings.sort(key=Finding.sort_key)
    return findings


def _drop_deferred(findings: list[Finding], deferring: set[str]) -> list[Finding]:
    """Findings of deferring rules give way to a surer finding (same gate, a suggestion) on the same characters."""
    if not deferring:
        return findings
    surer: dict[tuple, list[tuple[int, int]]] = {}
    for f in findings:
        loc = f.location
        if f.rule not in deferring and f.suggestion and loc.start is not None and loc.end is not None:
            surer.setdefault((f.gate, loc.part, loc.block), []).append((loc.start, loc.end))

    def overruled(f: Finding) -> bool:
        loc = f.location
        spans = surer.get((f.gate, loc.part, loc.block), ())
        return loc.start is not None and any(a < loc.end and loc.start < b for a, b in spans)

    return [f for f in findings if f.rule not in deferring or not overruled(f)]


# Rule types that judge how text is laid out, not what it says: a placeholder is laid out like the text
# that will replace it, so their findings on it stand.
LAYOUT_TYPES = frozenset({"format", "page", "pagenum", "placement", "position", "width", "lines", "mark_top",
                          "special", "record_last"})


def _is_slot_rule(rule: RuleSpec) -> bool:
    return rule.type == "recognised" and rule.params.get("check") == "placeholder"


def _leave_placeholders(findings: list[Finding], draft: Draft, keep: set[str]) -> list[Finding]:
    """A template slot (20XX年XX月XX日, 〔20XX〕XX号) is reported once, as unfilled, by the placeholder rule:
    the rules that judge text drop their findings on its characters."""

    def on_slot(f: Finding) -> bool:
        loc = f.location
        if f.rule in keep or loc.start is None or loc.end is None:
            return False
        # 20XX年XX月XX日: the whole value is unfilled (the element that stands there, not the one the
        # finding is about: a missing 成文日期 is reported on the 署名)
        value = draft.element_at(loc.part, loc.block, loc.start) in VALUE_ELEMENTS
        return any((p.start < loc.end and loc.start < p.end) if value else (p.start <= loc.start and loc.end <= p.end)
                   for p in draft.placeholders(loc.part, loc.block))

    return [f for f in findings if not on_slot(f)]


def _block_text(doc, part: str, index: int) -> str:
    blocks = doc.blocks(part)
    return blocks[index - 1].text if 0 < index <= len(blocks) else ""


def _could_not_run(rule: RuleSpec, draft: Draft, message: str) -> Finding:
    return Finding(rule=rule.id, name=rule.name, gate=rule.gate, severity="warning", element=_default_element(rule, "body"),
                   message=message, suggestion=None, location=Location("body", 1), excerpt="", source=rule.source,
                   rule_failed=True)


def _default_element(rule: RuleSpec, part: str) -> str:
    if rule.elements:
        return rule.elements[0]
    return "正文" if part == "body" else ("页码" if part == "footer" else "版面")


def make_finding(rule: RuleSpec, hit: Hit, draft: Draft) -> Finding:
    text = _block_text(draft.document, hit.part, hit.block)
    start, end = hit.start, hit.end
    matched = text[start:end] if start is not None and end is not None else ""
    element = hit.element or draft.element_at(hit.part, hit.block, start or 0) or _default_element(rule, hit.part)
    if rule.elements and element not in rule.elements and hit.element is None:
        element = rule.elements[0]
    values = {"match": matched, **hit.vars}
    message = (None if "message" in rule.reworded else hit.message) or matching.fill(rule.message, values) or rule.message
    suggestion = hit.suggestion if hit.suggestion is not None and "suggestion" not in rule.reworded else None
    if suggestion is None:
        suggestion = matching.fill(rule.suggestion, values)
    severity = rule.severity
    if hit.severity and SEVERITY_RANK[hit.severity] < SEVERITY_RANK[severity]:
        severity = hit.severity
    fix = Fix(hit.fix, hit.safe) if hit.fix is not None and start is not None else None
    return Finding(rule=rule.id, name=rule.name, gate=rule.gate, severity=severity, element=element,
                   message=message, suggestion=suggestion or None, location=Location(hit.part, hit.block, start, end),
                   excerpt=excerpt(text, start, end), source=rule.source, fix=fix, guess=rule.defer)


def excerpt(text: str, start: int | None, end: int | None) -> str:
    """The block text, cut to some context around the span when the block is long.  Only the piece shown is
    copied: a common phrase found 20,000 times in a 1,000,000-character paragraph must not copy it each time."""
    if len(text) <= 2 * EXCERPT_CONTEXT + 20 or start is None:
        shown = text if len(text) <= 200 else text[:200] + "…"
        return shown.replace("\n", " ")
    a = max(0, start - EXCERPT_CONTEXT)
    b = min(len(text), (end or start) + EXCERPT_CONTEXT)
    return (("…" if a > 0 else "") + text[a:b] + ("…" if b < len(text) else "")).replace("\n", " ")


def excerpt_span(text: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Where [start, end) of the block lies inside `excerpt(text, start, end)`."""
    if start is None or end is None:
        return None
    if len(text) <= 2 * EXCERPT_CONTEXT + 20:
        return start, end
    a = max(0, start - EXCERPT_CONTEXT)
    shift = a - (1 if a > 0 else 0)
    return start - shift, end - shift
