"""One defect, one finding: the fold stage (officekit/fold.py) between the rules and the suppressions."""

from officekit.check import check_document
from officekit.config.model import Config
from officekit.document.text_reader import from_text
from officekit.engine.finding import Finding, Location
from officekit.engine.rule import RuleSpec
from officekit.fold import fold
from officekit.structure.model import Draft

NOTICE = "云岭市林业局文件\n云林发〔2026〕5号\n云岭市林业局关于开展森林防火检查的通知\n{recipients}\n请认真落实。\n云岭市林业局\n2026年3月5日\n"
REQUEST = "云岭市林业局文件\n云林发〔2026〕5号    {signer}\n关于追加森林防火经费的请示\n市人民政府：\n妥否，请批示。\n云岭市林业局\n2026年3月5日\n"


def check(text: str) -> list[Finding]:
    _, findings = check_document(from_text(text, "draft.txt"), Config())
    return findings


def test_half_width_colon_after_the_recipients_is_one_finding():
    findings = check(NOTICE.format(recipients="各县人民政府:"))
    on_line = [f for f in findings if f.location.block == 4]
    assert [(f.rule, f.folded, f.severity) for f in on_line] == [("F221", ("W101",), "error")]
    assert on_line[0].suggestion == "各县人民政府："
    assert on_line[0].to_json()["folded"] == ["W101"]


def test_half_width_colon_after_signer_is_one_finding():
    findings = check(REQUEST.format(signer="签发人:张某"))
    assert [(f.rule, f.folded) for f in findings if f.location.block == 2] == [("F282", ("W101",))]


def test_a_comma_in_the_recipients_is_another_defect_and_stays():
    findings = check(NOTICE.format(recipients="各科室,各站所:"))
    on_line = sorted((f.rule, f.location.start, f.folded, f.severity) for f in findings if f.location.block == 4)
    # the colon is F221's (W101 folded in); the comma is one finding, F222's, with W101's severity
    assert on_line == [("F221", 0, ("W101",), "error"), ("F222", 3, ("W101",), "error")]


def test_a_correct_draft_has_nothing_folded():
    findings = check(NOTICE.format(recipients="各县人民政府："))
    assert all(not f.folded and "folded" not in f.to_json() for f in findings)


def _finding(rule, start, end, suggestion, severity="error") -> Finding:
    return Finding(rule=rule, name=rule, gate="格式关", severity=severity, element="主送机关", message="m",
                   suggestion=suggestion, location=Location("body", 1, start, end), excerpt="", source=None)


def _draft(text: str) -> Draft:
    return Draft(document=from_text(text, "x.txt"))


def _rule(rid, supersedes=(), elements=()) -> RuleSpec:
    return RuleSpec(id=rid, name=rid, type="pattern", gate="格式关", severity="error", message="m", source="s",
                    supersedes=tuple(supersedes), elements=tuple(elements))


def test_supersedes_needs_the_correction_to_be_part_of_the_keepers():
    draft = _draft("各科室,各站所:")
    rules = [_rule("F221", supersedes=["W1"], elements=["主送机关"]), _rule("W101")]
    keeper = _finding("F221", 0, 8, "各科室,各站所：")
    comma, colon = _finding("W101", 3, 4, "，"), _finding("W101", 7, 8, "：")
    kept = fold([keeper, comma, colon], rules, draft)
    assert kept == [keeper, comma] and keeper.folded == ("W101",)


def test_without_a_declaration_only_the_same_span_and_suggestion_fold():
    draft = _draft("各科室,各站所")
    rules = [_rule("F222", elements=["主送机关"]), _rule("W101")]
    specific = _finding("F222", 3, 4, "，", severity="warning")
    generic = _finding("W101", 3, 4, "，")
    assert fold([generic, specific], rules, draft) == [specific]
    assert (specific.folded, specific.severity) == (("W101",), "error")  # folding never lowers the weight
    assert specific.fix is None  # neither had a fix here; one that had would hand it on (below)
    other = _finding("W101", 3, 4, "、")
    assert len(fold([other, _finding("F222", 3, 4, "，")], rules, draft)) == 2


def test_folding_never_loses_an_automatic_fix():
    from officekit.engine.finding import Fix

    draft = _draft("各科室,各站所")
    rules = [_rule("F222", elements=["主送机关"]), _rule("W101")]
    specific = _finding("F222", 3, 4, "，", severity="warning")
    generic = _finding("W101", 3, 4, "，")
    generic.fix = Fix("，", safe=True)
    assert fold([generic, specific], rules, draft) == [specific] and specific.fix == Fix("，", safe=True)
    # a superseding finding without a fix does not swallow a fix on other characters
    keeper = _finding("F221", 0, 7, None)
    colon = _finding("W101", 6, 7, "：")
    colon.fix = Fix("：", safe=True)
    rules = [_rule("F221", supersedes=["W101"], elements=["主送机关"]), _rule("W101")]
    assert fold([keeper, colon], rules, draft) == [keeper, colon]
