"""A finding names the element it is about (DESIGN.md): a missing element is a finding on that element."""

from officekit.check import check_document
from officekit.config.model import Config
from officekit.document.text_reader import from_text


def findings(text: str, rule: str):
    _, found = check_document(from_text(text, "draft.txt"), Config(select=[rule]))
    return found


def test_request_without_signer_is_a_finding_on_the_signer():
    text = "云岭市林业局文件\n云林发〔2026〕5号\n关于追加森林防火经费的请示\n市人民政府：\n妥否，请批示。\n云岭市林业局\n2026年3月5日\n"
    (f,) = findings(text, "F281")
    assert (f.element, f.location.block) == ("签发人", 2)  # reported where it belongs: the 发文字号 line


def test_secret_level_without_copy_number_is_a_finding_on_the_copy_number():
    text = "秘密★1年\n云岭市林业局文件\n云林发〔2026〕5号\n关于开展森林防火检查的通知\n各科室：\n请认真落实。\n云岭市林业局\n2026年3月5日\n"
    (f,) = findings(text, "F406")
    assert (f.element, f.location.block) == ("份号", 1)
