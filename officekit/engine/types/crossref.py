"""crossref: two 要素 of one draft must agree.  Each relation is a small function below.

    relation: zihao_year      # one of RELATIONS

Relations (the rule's message can use the vars each one sets):
  zihao_year          发文字号 〔year〕 vs the year of the 成文日期            {zihao_year} {date_year}
  issue_after_date    印发日期 not before the 成文日期                        {issue_date} {date}
  main_and_copy       one organ both in 主送 and in 抄送                      {name}
  issuer_in_main_to   the issuing organ among its own 主送 organs             {name}
  attachments         附件说明 items vs the 附件 attached (labels and titles)   {detail}
  signature_vs_mark   发文机关署名 names the organ of the 发文机关标志           {signature} {mark}
  about_before_issuer 「关于」 put before the issuer's name in the title         {issuer}
  copy_to_in_record   抄送 written above the 落款 instead of in the 版记
  title_parts         标题 without 事由, or without 发文机关 when no 版头 names it   {detail}
  joint_zihao         联合行文: the 发文字号's 机关代字 points to another organ than the first (主办)
                      organ of the 发文机关标志                               {code} {organ} {first}
  joint_signers       联合行文: 签发人 not in the order of the organs of the 标志 (names mapped to
                      organs through the office's leaders list)             {name} {organ} {before} {before_organ}
  skip_level          主送 names an organ of the office's higher_organs list (its superiors'
                      superiors) and 抄送 names none of its superior_organs    {name} {bypassed}
"""

from __future__ import annotations

import re

from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types._organs import (agency_code, code_owners, issuer, joint_organs, listed,
                                           names_of, normalise, organ_keys, signer_names)
from officekit.structure.model import ElementSpan

PARAMS = {"relation": Param("str", required=True)}


def _hit(span: ElementSpan, start: int | None = None, end: int | None = None, **vars_) -> Hit:
    return Hit(span.part, span.block, span.start if start is None else start, span.end if end is None else end,
               element=span.element, vars=vars_)


def zihao_year(ctx: Context):
    zihao, dated = ctx.draft.zihao(), ctx.draft.date_of("成文日期")
    if zihao is None or dated is None:
        return
    span, parts = zihao
    year = parts.year
    if year is not None and year >= 1900 and year != dated[1].day.year:  # a two-digit year is F201's
        yield _hit(span, span.start + parts.year_start, span.start + parts.year_end,
                   zihao_year=str(year), date_year=str(dated[1].day.year))


def issue_after_date(ctx: Context):
    issued, dated = ctx.draft.date_of("印发机关和印发日期"), ctx.draft.date_of("成文日期")
    if issued is None or dated is None:
        return
    span, fact = issued
    if fact.day < dated[1].day:
        yield _hit(span, span.start + fact.start, span.start + fact.end, issue_date=fact.text, date=dated[1].text)


def main_and_copy(ctx: Context):
    main = {normalise(n.text) for n in names_of(ctx.draft, "主送机关")}
    for name in names_of(ctx.draft, "抄送机关"):
        if normalise(name.text) in main:
            yield _hit(name.span, name.start, name.end, name=name.text)


def issuer_in_main_to(ctx: Context):
    organ = issuer(ctx.draft)
    if not organ:
        return
    for name in names_of(ctx.draft, "主送机关"):
        if normalise(name.text) == organ:
            yield _hit(name.span, name.start, name.end, name=name.text)


_ITEM = re.compile(r"^\s*(?:附\s*件\s*[:：]\s*)?(?:(\d+)\s*[.．、]\s*)?(.+?)\s*$")
_LABEL = re.compile(r"^\s*附\s*件\s*(\d*)\s*[:：]?\s*$")


def _strip_name(text: str) -> str:
    return re.sub(r"[\s《》“”\"。；;，,]", "", text)


def _looks_like_title(span: ElementSpan, label: ElementSpan) -> bool:
    """The attachment's title: within three lines below its label, short, not a note in brackets."""
    text = span.text.strip()
    return (0 < span.block - label.block <= 3 and 0 < len(text) <= 60 and not _LABEL.match(text)
            and not re.fullmatch(r"[（(].*[）)]", text) and not re.search(r"[。；：:]", text))


def attachments(ctx: Context):
    draft = ctx.draft
    notes = draft.all("附件说明")
    pages = draft.all("附件")
    labels = [(i, s) for i, s in enumerate(pages) if _LABEL.match(s.text)]
    if not notes or not labels:
        return  # attachments sent as separate files: nothing to compare
    items: list[tuple[str | None, str]] = []
    for s in notes:
        m = _ITEM.match(s.text)
        if m is None:
            continue
        if m.group(1) is None and items and not s.text.lstrip().startswith("附"):
            items[-1] = (items[-1][0], items[-1][1] + m.group(2))  # a wrapped name
        else:
            items.append((m.group(1), m.group(2)))
    if len(items) != len(labels):
        yield _hit(notes[0], detail=f"附件说明列有 {len(items)} 件，实际附有 {len(labels)} 件")
        return
    for (number, name), (i, label) in zip(items, labels):
        title = next((s for s in pages[i + 1:i + 4] if _looks_like_title(s, label)), None)
        if title is None:
            continue
        want, got = _strip_name(name), _strip_name(title.text)
        if want and got and want != got and want not in got and got not in want:
            yield _hit(title, detail=f"附件{number or ''}的标题“{title.text.strip()}”与附件说明中的“{name.strip()}”不一致")


def signature_vs_mark(ctx: Context):
    if ctx.draft.layout == "命令" or ctx.draft.doctype == "命令":
        return  # a 令 is signed by the leader's 职务 and 签名章 (GB/T 9704-2012 7.3.5.3), not an organ name
    marks = ctx.draft.all("发文机关标志")
    signatures = [s for s in ctx.draft.all("发文机关署名") if normalise(s.text)]
    if len(marks) != 1 or len(signatures) != 1:
        return  # joint issue or no 版头: several names, compared by a person
    mark = normalise(marks[0].text)
    for tail in ("文件",):
        mark = mark[: -len(tail)] if mark.endswith(tail) else mark
    signature = normalise(signatures[0].text)
    if mark and signature and mark not in signature and signature not in mark:
        yield _hit(signatures[0], signature=signatures[0].text.strip(), mark=mark)


def about_before_issuer(ctx: Context):
    title = ctx.draft.first("标题")
    organ = issuer(ctx.draft)
    if title is None or not organ:
        return
    flat = normalise(title.text)
    if flat.startswith("关于" + organ):
        start = title.start + title.text.find("关于")
        yield _hit(title, start, start + 2, issuer=organ)


_STANDALONE_DATE = re.compile(r"\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*")


def copy_to_in_record(ctx: Context):
    draft = ctx.draft
    copies = draft.all("抄送机关")
    if copies:
        # a 落款 date below the 抄送 line (the recogniser may have read it all as 版记) means it is misplaced
        first = copies[0]
        dated = draft.first("成文日期")
        later_date = any(_STANDALONE_DATE.fullmatch(b.text) for b in draft.document.body[first.block:])
        if (dated is not None and dated.block > first.block) or later_date:
            yield _hit(first)
    for element in ("正文", "主送机关", "附件说明"):
        for s in draft.all(element):
            if re.match(r"\s*抄\s*送\s*[:：]", s.text):
                yield _hit(s)


_DOCTYPE_TAIL = re.compile(r"(?:紧急|补充|联合)?(?:决议|决定|命令|令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|纪要)$")
_ORGAN_END = re.compile(r"(?:政府|委员会|办公厅|办公室|委|厅|局|部|院|署|会|处|科|中心|集团|公司|党组|学校|大学)$")


def title_parts(ctx: Context):
    draft = ctx.draft
    spans = draft.all("标题")
    if not spans or not draft.doctype_statutory or draft.doctype in ("公告", "通告", "公报", "命令", "纪要"):
        return  # 国务院公告, ××令, ××纪要: organ + 文种 is their usual title
    title = normalise("".join(s.text for s in spans))
    rest = _DOCTYPE_TAIL.sub("", title).removesuffix("的")
    organ = issuer(draft)
    sample = f"××局关于××的{draft.doctype}"  # the example in the draft's own 文种
    if not rest or rest == organ or (len(rest) <= 16 and "关于" not in rest and _ORGAN_END.search(rest)):
        yield _hit(spans[-1], detail=f"缺少事由（标题应由发文机关名称、事由和文种组成，如“{sample}”）")
    elif title.startswith("关于") and not draft.has("发文机关标志") and not draft.has("发文字号"):
        yield _hit(spans[0], detail=f"缺少发文机关名称：没有版头的公文，标题应写明发文机关（如“{sample}”）")


def joint_zihao(ctx: Context):
    organs = joint_organs(ctx.draft)
    zihao = ctx.draft.first("发文字号")
    code = agency_code(zihao.text) if zihao is not None and organs else None
    if code is None:
        return
    owners = code_owners(code[0], organs)
    if owners[0]:
        return  # the code names the 主办机关 (or both): nothing to say
    best = max(range(1, len(organs)), key=lambda i: len(owners[i]))
    if owners[best]:
        yield _hit(zihao, zihao.start + code[1], zihao.start + code[2],
                   code=code[0], organ=organs[best], first=organs[0])


def joint_signers(ctx: Context):
    organs = joint_organs(ctx.draft)
    names = signer_names(ctx.draft) if organs else []
    if len(names) < 2:
        return
    titles: dict[str, list[str]] = {}
    for line in ctx.wordlist("leaders"):
        person, *rest = line.split() or [""]  # 姓名 职务 [职务…], as P311 reads it
        titles.setdefault(person, []).extend(rest)

    def organ_of(person: str) -> int | None:
        found = {i for i, organ in enumerate(organs) for t in titles.get(person, ())
                 if any(k in t for k in organ_keys(organ))}
        return found.pop() if len(found) == 1 else None  # unknown or ambiguous: not judged

    placed = [(name, organ_of(name), span, s, e) for name, span, s, e in names]
    placed = [p for p in placed if p[1] is not None]
    for (before, i, *_), (name, j, span, s, e) in zip(placed, placed[1:]):
        if j < i:
            yield _hit(span, s, e, name=name, organ=organs[j], before=before, before_organ=organs[i])
            return


def skip_level(ctx: Context):
    higher = [normalise(e) for e in ctx.wordlist("higher_organs")]
    if not higher:
        return
    superiors = [normalise(e) for e in ctx.wordlist("superior_organs")]
    main = names_of(ctx.draft, "主送机关")
    if any(listed(n.text, superiors) for n in main):
        return  # the direct superior is addressed too: nothing is by-passed
    copies = names_of(ctx.draft, "抄送机关")
    if superiors and any(listed(c.text, superiors) for c in copies):
        return
    for name in main:
        if listed(name.text, higher):
            bypassed = "、".join(superiors) if superiors else "被越过的直接上级机关"
            yield _hit(name.span, name.start, name.end, name=name.text, bypassed=bypassed)
            return


RELATIONS = {f.__name__: f for f in (zihao_year, issue_after_date, main_and_copy, issuer_in_main_to,
                                     attachments, signature_vs_mark, about_before_issuer, copy_to_in_record,
                                     title_parts, joint_zihao, joint_signers, skip_level)}


def build(rule: RuleSpec):
    relation = RELATIONS.get(rule.params["relation"])
    if relation is None:
        raise RuleError(f"规则 {rule.id} 的 relation 应为 {', '.join(RELATIONS)} 之一")
    return relation
