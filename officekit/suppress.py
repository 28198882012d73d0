"""Suppressions and baselines: how a repository adopts officekit without fixing every old draft first.

- Config `suppress:` maps file globs (relative to the .officekit.yaml) to rule ids or prefixes; an
  entry that hides nothing is reported after a run that could tell (info note, rule S002).
- A Word comment 「officekit: ignore W301」 (several ids: 「officekit: ignore W301, W101」; in Chinese
  「officekit：忽略 W301」 or 「officekit：不检查 W301」) on some text
  hides those rules' findings on that text; one that hides nothing is reported (info, rule S001).

S001 and S002 are rules of rules/core/suppressions.yaml (type `suppression`): their name, messages and
severity come from there, and a run that does not select them (`--ignore S001`) writes no such note.
- A baseline file records the fingerprints of known findings; `check --baseline` reports only new
  ones and lists the entries that no longer occur (stale).
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from officekit.engine import matching
from officekit.engine.finding import Finding, Location, anchor, fingerprint, legacy_fingerprint, near_fingerprints

# 「officekit: ignore W302」, or in Chinese with a full-width colon: 「officekit：忽略 W302」「officekit：不检查W302、W101」
IGNORE_COMMENT = re.compile(r"officekit\s*[:：]\s*(?:ignore\s+|忽略\s*|不检查\s*)"
                            r"([A-Za-z]+\d*(?:\s*[,，、\s]\s*[A-Za-z]+\d*)*)", re.IGNORECASE)
UNUSED_RULE = "S001"
UNUSED_CONFIG_RULE = "S002"
GATE_OF_LETTER = {"F": "格式关", "W": "文字关", "P": "政策关"}
BASELINE_SCHEMA = "officekit/baseline@2"  # @2: fingerprints anchor on the offending text's neighbourhood
LEGACY_BASELINE_SCHEMA = "officekit/baseline@1"  # whole-paragraph fingerprints; still read and matched


def rule_matches(rule: str, wanted: str) -> bool:
    """An id (W301) or a prefix (W3, W) names the rule."""
    return rule.upper().startswith(wanted.upper())


def note_rule(config, note: str, notes=None):
    """The rule that writes notes of kind `note` (comment: S001, config: S002), with the run's severity,
    or None when the run ignores it.  `select` picks among the checks of the drafts and leaves the notes
    on: a run with --select W301 still says which of its suppressions hid nothing.  `notes` gives the
    rules to look in instead (a rule's own examples)."""
    if notes is None:
        import dataclasses

        from officekit.config.model import Config
        from officekit.engine.ruleset import active_rules

        notes = active_rules(dataclasses.replace(config or Config(), select=[]))
    return next((r for r in notes if r.type == "suppression" and r.params.get("note") == note), None)


# ---------------------------------------------------------------- config globs

def _config_base(config) -> Path:
    return Path(config.path).resolve().parent if config.path else Path.cwd()


def real_path(path: str) -> Path:
    """The absolute path with symlinks followed; a symlink loop stays as far as it resolves (pathlib's
    resolve() raises RuntimeError on a loop in Python 3.11)."""
    return Path(os.path.realpath(path))


def _relative(path: str, base: Path) -> PurePosixPath:
    try:
        return PurePosixPath(real_path(path).relative_to(base).as_posix())
    except ValueError:
        return PurePosixPath(Path(path).as_posix())


def pattern_matches(pattern: str, relative: PurePosixPath) -> bool:
    """`*` matches across folders (fnmatch); a pattern without "/" also matches the bare file name."""
    return fnmatch.fnmatchcase(str(relative), pattern) or ("/" not in pattern and fnmatch.fnmatchcase(relative.name, pattern))


def config_suppressions(path: str, config) -> list[tuple[str, str]]:
    """The (pattern, rule id/prefix) entries of the config that apply to this file."""
    if not config.suppress or path == "-":
        return []
    relative = _relative(path, _config_base(config))
    return [(pattern, rule) for pattern, rules in config.suppress.items() if pattern_matches(pattern, relative)
            for rule in rules]


# ---------------------------------------------------------------- comments in the draft

@dataclass
class IgnoreComment:
    block: int
    start: int
    end: int
    rules: list[str]
    used: set[str] = field(default_factory=set)

    def covers(self, loc: Location) -> bool:
        if loc.part != "body" or loc.block != self.block:
            return False
        if loc.start is None:
            return True
        end = loc.end if loc.end is not None else loc.start
        return loc.start <= self.end and end >= self.start  # touching counts: comments are hand-placed


def ignore_comments(document) -> list[IgnoreComment]:
    found = []
    for block, start, end, text in getattr(document, "comments", []) or []:
        match = IGNORE_COMMENT.search(text)
        if match:
            rules = [r.upper() for r in re.split(r"[,，、\s]+", match.group(1)) if r]
            found.append(IgnoreComment(block, start, end, rules))
    return found


def apply(path: str, findings: list[Finding], config, draft, used: set | None = None, notes=None) -> list[Finding]:
    """The findings that remain after config and in-draft suppressions, plus notices of unused comments
    (S001, when the run selects it; `notes` as in note_rule).  `used`, when given, collects the config
    (pattern, rule) entries that hid something."""
    by_config = config_suppressions(path, config) if config is not None else []
    comments = ignore_comments(draft.document) if draft is not None else []
    current = _current_ids(config) if by_config or comments else {}

    def names(rule: str, wanted: str) -> bool:  # a renamed rule still answers to its former id
        return rule_matches(rule, current.get(wanted.upper(), wanted))

    kept = []
    for f in findings:
        hidden_by = [(pattern, rule) for pattern, rule in by_config if names(f.rule, rule)]
        if hidden_by:
            if used is not None:
                used.update(hidden_by)
            continue
        hiding = [(c, r) for c in comments if c.covers(f.location) for r in c.rules if names(f.rule, r)]
        for comment, rule in hiding:
            comment.used.add(rule)
        if not hiding:
            kept.append(f)
    unused = [(c, rule) for c in comments for rule in c.rules if rule not in c.used]
    spec = note_rule(config, "comment", notes) if unused else None
    if spec is not None:
        kept.extend(_unused_notice(spec, c, rule, draft) for c, rule in unused)
    kept.sort(key=Finding.sort_key)
    return kept


def _current_ids(config) -> dict[str, str]:
    """Former id → current id of every renamed rule the configuration brings in (`former_ids:`)."""
    from officekit.engine.ruleset import all_rules

    return {old: r.id for r in all_rules(config) for old in r.former_ids}


def _unused_notice(spec, comment: IgnoreComment, rule: str, draft) -> Finding:
    blocks = draft.document.body
    text = blocks[comment.block - 1].text if 0 < comment.block <= len(blocks) else ""
    element = draft.element_at("body", comment.block, comment.start) or "正文"
    return Finding(
        rule=spec.id, name=spec.name, gate=GATE_OF_LETTER.get(rule[:1], "文字关"), severity=spec.severity,
        element=element, message=matching.fill(spec.message, {"rule": rule}),
        suggestion=None, location=Location("body", comment.block, comment.start, comment.end),
        excerpt=text[:200], source=spec.source,
        fingerprint=fingerprint(spec.id, element, anchor(text, comment.start, comment.end), 0),
    )


# ---------------------------------------------------------------- unused config entries

@dataclass
class UnusedSuppression:
    """A `suppress:` entry (pattern → rule) of a config file that hid nothing."""

    config: str  # the .officekit.yaml, absolute
    pattern: str
    rule: str
    line: int  # 1-based line of the entry in the config file
    line_text: str
    drafts: int  # drafts the pattern matched
    spec: object  # the rule writing the note (S002): its name, messages and severity
    unknown_rule: bool = False  # no rule has this id or prefix

    def message(self) -> str:
        params = self.spec.params
        template = (params["unknown_rule"] if self.unknown_rule else params["no_draft"] if not self.drafts
                    else self.spec.message)
        return matching.fill(template, {"pattern": self.pattern, "rule": self.rule, "drafts": self.drafts})

    def finding(self) -> Finding:
        """The note as a finding located on its line of the config file (a text file: block = line)."""
        spec = self.spec
        return Finding(
            rule=spec.id, name=spec.name, gate=GATE_OF_LETTER.get(self.rule[:1].upper(), "文字关"),
            severity=spec.severity, element="正文", message=self.message(), suggestion=None,
            location=Location("body", self.line, None, None), excerpt=self.line_text[:200], source=spec.source,
            fingerprint=fingerprint(spec.id, "正文", f"{self.line_text}\x1f{self.pattern}\x1f{self.rule}", 0),
        )


def unused_config_suppressions(results, config_of, notes=None) -> list[UnusedSuppression]:
    """The config `suppress:` entries that cannot hide anything or hid nothing, said only when the run can
    tell: no rule has the id, the pattern matches no draft below the config's folder, or the rule ran on
    every draft the pattern matches and none had its finding (a run on some files, e.g. --changed-since,
    or with some rules, e.g. --select, says nothing about the drafts and rules it did not run).
    `config_of(path)` gives a checked file's Config; each result carries the entries it used.  A config
    whose run does not select S002 gets no notes (`notes` as in note_rule)."""
    from officekit.collect import collect
    from officekit.engine.ruleset import active_rules, all_rules

    configs: dict[str, tuple] = {}  # config path → (config, checked drafts (resolved), entries used)
    for result in results:
        if result.path == "-" or result.status != "ok":
            continue
        config = config_of(result.path)
        if not config.suppress or not config.path:
            continue
        _, checked, used = configs.setdefault(config.path, (config, set(), set()))
        checked.add(real_path(result.path))
        used.update(tuple(entry) for entry in result.suppress_used)
    # Unreadable drafts count as not checked: nothing can be said about the patterns that cover them.
    unreadable = {real_path(r.path) for r in results if r.path != "-" and r.status != "ok"}
    out = []
    for path in sorted(configs):
        config, checked, used = configs[path]
        spec = note_rule(config, "config", notes)
        if spec is None:
            continue
        base = _config_base(config)
        drafts = {real_path(d) for d in collect([str(base)])} | checked | unreadable
        lines, texts = _entry_lines(path)
        known = [r.id for r in all_rules(config)]
        running = [r.id for r in active_rules(config)]
        for pattern, rules in config.suppress.items():
            matched = {d for d in drafts if pattern_matches(pattern, _relative(str(d), base))}
            for rule in rules:
                unknown = not any(rule_matches(rule_id, rule) for rule_id in known)
                ran = any(rule_matches(rule_id, rule) for rule_id in running)
                hid_nothing = ran and not matched - checked and (pattern, rule) not in used
                if not (unknown or not matched or hid_nothing):
                    continue  # it hid something, or this run cannot tell (drafts or rules it did not run)
                line = lines.get((pattern, rule)) or lines.get((pattern, None)) or 1
                text = texts[line - 1].strip() if line <= len(texts) else ""
                out.append(UnusedSuppression(path, pattern, rule, line, text, len(matched), spec, unknown))
    return out


def _entry_lines(config_path: str) -> tuple[dict, list[str]]:
    """{(pattern, rule): line, (pattern, None): line of the pattern} for the `suppress:` mapping, and the lines."""
    import yaml

    text = Path(config_path).read_text(encoding="utf-8-sig")
    lines: dict = {}
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return lines, text.splitlines()
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value != "suppress" or not isinstance(value, yaml.MappingNode):
                continue
            for pattern_node, rules_node in value.value:
                pattern = str(pattern_node.value)
                lines[(pattern, None)] = pattern_node.start_mark.line + 1
                items = rules_node.value if isinstance(rules_node, yaml.SequenceNode) else [rules_node]
                for item in items:
                    if isinstance(item, yaml.ScalarNode):
                        lines.setdefault((pattern, str(item.value)), item.start_mark.line + 1)
    return lines, text.splitlines()


# ---------------------------------------------------------------- baseline

def baseline_key(path: str) -> str:
    """How a file is named in a baseline: relative to the working directory, forward slashes."""
    try:
        return Path(os.path.abspath(path)).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def baseline_json(results) -> str:
    files = {}
    for result in sorted(results, key=lambda r: baseline_key(r.path)):
        if result.status != "ok" or not result.findings:
            continue
        files[baseline_key(result.path)] = [
            {"fingerprint": f.fingerprint, "rule": f.rule, "block": f.location.block, "excerpt": f.excerpt[:60],
             "near": _near(result, f)}
            for f in sorted(result.findings, key=lambda f: (f.fingerprint, f.rule))
        ]
    return json.dumps({"schema": BASELINE_SCHEMA, "files": files}, ensure_ascii=False, indent=2) + "\n"


class BaselineError(Exception):
    pass


def load_baseline(path: str) -> dict[str, list[dict]]:
    """The entries by file.  A file of the older schema (@1) loads too: its entries are marked `legacy` and
    matched by the fingerprint of that version (rewrite it with `officekit baseline --force` to move on)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: 无法读取基线文件（{exc}）") from None
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema not in (BASELINE_SCHEMA, LEGACY_BASELINE_SCHEMA) or not isinstance(data.get("files"), dict):
        raise BaselineError(f"{path}: 不是 officekit 基线文件（应含 \"schema\": \"{BASELINE_SCHEMA}\"）")
    files = data["files"]
    if schema == LEGACY_BASELINE_SCHEMA:
        files = {name: [{**entry, "legacy": True} for entry in entries if isinstance(entry, dict)]
                 for name, entries in files.items() if isinstance(entries, list)}
    return files


def legacy_fingerprints(result) -> list[str]:
    """Each finding's fingerprint as baseline@1 computed it (the whole block's text, whitespace removed),
    each block's text squeezed once.  Numbered among the findings the run reports, where @1 numbered them
    before folding: a same-rule finding folded away before another can shift that one's number."""
    from officekit.engine.finding import _squeeze

    squeezed: dict[tuple[str, int], str] = {}
    seen: dict[tuple, int] = {}
    out = []
    for f in result.findings:  # in report order: the order @1 numbered them in
        loc = f.location
        text = _block_text(result.draft, loc.part, loc.block)
        if (loc.part, loc.block) not in squeezed:
            squeezed[(loc.part, loc.block)] = _squeeze(text)
        matched = text[loc.start:loc.end] if loc.start is not None else ""
        key = (f.rule, f.element, loc.part, text, matched)  # as @1 keyed them: blocks of equal text share
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append(legacy_fingerprint(f.rule, f.element, squeezed[(loc.part, loc.block)], matched, n))
    return out


def _near(result, f) -> list[str]:
    """The half-anchor fingerprints of a finding (engine.finding.side_anchors)."""
    loc = f.location
    return near_fingerprints(f.rule, f.element, _block_text(result.draft, loc.part, loc.block), loc.start, loc.end)


def _block_text(draft, part: str, block: int) -> str:
    blocks = draft.document.blocks(part) if draft is not None else []
    return blocks[block - 1].text if 0 < block <= len(blocks) else ""


def _match_near(result, unmatched: list, entries: list[dict], remaining: dict) -> list:
    """Second pass: a finding whose whole anchor changed still matches a left-over entry of its rule that
    shares one half of it (the text was edited on one side only).  Returns the findings still new and
    takes the entries they matched out of `remaining`."""
    from collections import deque

    def whole(entry) -> tuple[str, str]:
        return entry.get("rule", ""), entry.get("fingerprint", "")

    left: dict[tuple[str, str], deque] = {}
    for entry in entries:
        if remaining.get(whole(entry), 0) > 0 and isinstance(entry.get("near"), list):
            for half in entry["near"]:
                left.setdefault((entry.get("rule", ""), str(half)), deque()).append(entry)
    if not left:
        return unmatched
    new = []
    for f in unmatched:
        entry = None
        for half in _near(result, f):
            queue = left.get((f.rule, half))
            while queue and remaining.get(whole(queue[0]), 0) <= 0:  # taken already (by either half)
                queue.popleft()
            if queue:
                entry = queue.popleft()
                break
        if entry is None:
            new.append(f)
        else:
            remaining[whole(entry)] -= 1
    return new


def filter_baseline(results, baseline: dict[str, list[dict]]) -> list[tuple[str, dict]]:
    """Drop findings the baseline knows (matched by rule and fingerprint, each entry once) and count them in
    `result.baselined`; return the stale entries — baseline findings of checked files that no longer occur.
    Entries of an older baseline (`legacy`) are matched by the older fingerprint."""
    stale = []
    for result in results:
        key = baseline_key(result.path)
        entries = baseline.get(key, [])
        if result.status != "ok" or not entries:
            continue
        remaining: dict[tuple[str, str], int] = {}
        for entry in entries:
            k = (entry.get("rule", ""), entry.get("fingerprint", ""))
            remaining[k] = remaining.get(k, 0) + 1
        legacy = legacy_fingerprints(result) if any(e.get("legacy") for e in entries) else None
        unmatched = []
        for i, f in enumerate(result.findings):
            k = (f.rule, legacy[i] if legacy is not None else f.fingerprint)
            if remaining.get(k, 0) > 0:
                remaining[k] -= 1
            else:
                unmatched.append(f)
        new = _match_near(result, unmatched, entries, remaining)
        result.baselined += len(result.findings) - len(new)
        result.findings = new
        for entry in entries:
            k = (entry.get("rule", ""), entry.get("fingerprint", ""))
            if remaining.get(k, 0) > 0:
                remaining[k] -= 1
                stale.append((key, entry))
    return stale
