"""suppression: a note about a suppression that hides nothing, written by the suppression stage.

    note: comment        # S001: a Word comment 「officekit: ignore W301」 over text without a W301 finding
    note: config         # S002: a `suppress:` entry of .officekit.yaml that hides nothing
    unknown_rule: …      # (config) the message when no rule has the entry's id; {pattern} {rule}
    no_draft: …          # (config) the message when the pattern matches no draft; {pattern} {rule}

Whether a suppression hid something is known only after every other rule has run, so the check of
such a rule finds nothing by itself: officekit/suppress.py writes the note, taking the rule's name,
message ({rule}; for config also {pattern} and {drafts}) and severity from here.  The rule is
ordinary otherwise: `--ignore S001` silences it, `severity:` changes its level, `explain` shows it.
A note takes the gate of the rule it is about.

Examples run the real stage.  A comment example is `{text: …, comment: "officekit: ignore W301"}`
(the comment covers `on:`, default the first paragraph); a config example is
`{suppress: {"归档/*": [W3]}, drafts: {归档/旧稿.txt: …}}`, checked in a folder of its own.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml

from officekit.engine.rule import RuleError, RuleSpec
from officekit.engine.types import Param

PARAMS = {
    "note": Param("str", required=True, choices=("comment", "config"), doc="which suppressions it is about"),
    "unknown_rule": Param("str", doc="config: message when no rule has the id ({pattern} {rule})"),
    "no_draft": Param("str", doc="config: message when the pattern matches no draft ({pattern} {rule})"),
}
GATE_SHOWN = "随被忽略的规则"  # what `explain` prints for the gate: a note takes its rule's gate


def build(rule: RuleSpec):
    if rule.params["note"] == "config" and not (rule.params.get("unknown_rule") and rule.params.get("no_draft")):
        raise RuleError(f"规则 {rule.id}（note: config）需要 unknown_rule 和 no_draft 两条说明")

    def check(ctx):
        return ()  # the suppression stage writes these notes (see the module's docstring)

    return check


def run_example(rule: RuleSpec, example: dict, config=None):
    """(draft, findings of this rule) for one example, through the real suppression stage."""
    key = "fail" if "fail" in example else "pass"
    value = example[key]
    if not isinstance(value, dict):
        raise RuleError(f"规则 {rule.id} 的示例应为映射（见 suppression 类型的说明）")
    if rule.params["note"] == "comment":
        return _comment_example(rule, value, config)
    return _config_example(rule, value)


def _comment_example(rule: RuleSpec, value: dict, config):
    from officekit import suppress
    from officekit.config.model import Config
    from officekit.document.text_reader import from_text
    from officekit.engine import runner
    from officekit.engine.ruleset import active_rules
    from officekit.structure import recognize

    config = config or Config()
    document = from_text(str(value["text"]), f"<{rule.id} example>")
    first = document.body[0].text
    on = str(value.get("on", first))
    start = first.find(on)
    document.comments = [(1, max(start, 0), max(start, 0) + len(on), str(value["comment"]))]
    draft = recognize(document)
    named = [r for c in suppress.ignore_comments(document) for r in c.rules]
    rules = [r for r in active_rules(config) if r.id != rule.id and any(suppress.rule_matches(r.id, n) for n in named)]
    findings = suppress.apply(document.path, runner.run(draft, rules, config), config, draft, notes=[rule])
    return draft, [f for f in findings if f.rule == rule.id]


def _config_example(rule: RuleSpec, value: dict):
    from officekit import suppress
    from officekit.check import check_file, config_for
    from officekit.document.text_reader import from_text

    config_text = yaml.safe_dump({"suppress": _plain(value["suppress"])}, allow_unicode=True)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".officekit.yaml").write_text(config_text, encoding="utf-8")
        paths = []
        for name, text in (value.get("drafts") or {}).items():
            path = root / str(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(str(text), encoding="utf-8")
            paths.append(str(path))
        results = [check_file(p) for p in paths]
        unused = suppress.unused_config_suppressions(results, config_for, notes=[rule])
        findings = [entry.finding() for entry in unused]
    return from_text(config_text, f"<{rule.id} example>"), findings


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
