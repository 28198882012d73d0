"""A GB/T 9704-conformant 通知 as raw WordprocessingML, with one fault injected per test.

    from format_fixtures import conformant_notice
    path = conformant_notice(tmp_path, body_font="宋体")      # one fault: 正文 in 宋体

Each keyword changes exactly one thing; without keywords officekit finds no format fault.
"""

from __future__ import annotations

from docx_builders import BORDER, COLOR, FONT, IND, JC, SIZE, SPACING, build_docx, field, p, r

FS, XBS, HT, KT, ST = "仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"
LINE = SPACING(line=560, lineRule="exact")


def run(text: str, font: str = FS, size: float = 16, color: str | None = None) -> str:
    return r(text, FONT(font, "Times New Roman") + SIZE(size) + (COLOR(color) if color else ""))


def conformant_notice(folder, *, body_font: str = FS, body_size: float = 16, body_indent: int = 200,
                      title_align: str = "center", header_line: str | None = "FF0000", heading_text: str = "二、加强火源管控",
                      page_text: tuple[str, str] = ("— ", " —"), even_odd: bool = True, top_margin_twips: int = 2098,
                      name: str = "notice.docx", swap: dict[int, str] | None = None, tail: str = ""):
    """swap: paragraph number (1-based, as listed below) → XML put in its place; tail: XML after the date."""
    paragraphs = ([
        p(run("000001"), ppr=LINE),
        p(run("云岭市人民政府办公室文件", XBS, 36, "FF0000"), ppr=JC("center")),
        p(run("云政办发〔2026〕12号"), ppr=JC("center") + (BORDER("bottom", color=header_line) if header_line else "") + LINE),
        p(run("云岭市人民政府办公室关于做好森林防火工作的通知", XBS, 22), ppr=JC(title_align) + SPACING(line=720, lineRule="exact")),
        p(run("各县（市、区）人民政府，市政府各部门："), ppr=LINE),
        p(run("为切实做好今冬明春森林防火工作，经市政府同意，现将有关事项通知如下。", body_font, body_size),
          ppr=IND(firstLineChars=body_indent) + LINE),
        p(run("一、压实防火责任", HT), ppr=IND(firstLineChars=200) + LINE),
        p(run("各地要严格落实森林防火行政首长负责制，把责任落实到山头地块和具体人员。"), ppr=IND(firstLineChars=200) + LINE),
        p(run(heading_text, HT), ppr=IND(firstLineChars=200) + LINE),
        p(run("严格执行野外用火审批制度，做到早发现、早报告、早处置。"), ppr=IND(firstLineChars=200) + LINE),
        # GB/T 9704-2012 7.3.5.2 (no seal): 署名 右空二字, the date's first character two 字 right of the 署名's
        p(run("云岭市人民政府办公室"), ppr=JC("right") + IND(rightChars=200) + LINE),
        p(run("2026年11月16日"), ppr=JC("right") + IND(rightChars=300) + LINE),
    ])
    body = "".join((swap or {}).get(n, xml) for n, xml in enumerate(paragraphs, 1)) + tail
    left, right = page_text
    footer = lambda align, ind: p(run(left, ST, 14), field("PAGE", "1", FONT(ST, ST) + SIZE(14)), run(right, ST, 14),  # noqa: E731
                                  ppr=JC(align) + ind)
    footers = {"default": footer("right", IND(rightChars=100))}
    if even_odd:
        footers["even"] = footer("left", IND(leftChars=100))
    sect = None
    if top_margin_twips != 2098:
        sect = ('<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
                f'<w:pgMar w:top="{top_margin_twips}" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" '
                'w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>')
    path = build_docx(folder / name, body, default_rpr=FONT(FS, "Times New Roman") + SIZE(16),
                      footers=footers, settings="<w:evenAndOddHeaders/>" if even_odd else "", sect_pr=None)
    if sect is not None:  # rebuild with the footer references in the custom section
        refs = "".join(f'<w:footerReference w:type="{story}" r:id="rIdFooter{n}"/>' for n, story in enumerate(footers, 1))
        path = build_docx(folder / name, body, default_rpr=FONT(FS, "Times New Roman") + SIZE(16), footers=footers,
                          settings="<w:evenAndOddHeaders/>" if even_odd else "", sect_pr=sect.format(refs=refs))
    return path
