"""`officekit fix`: a copy of the draft with the safe mechanical fixes, as tracked changes by default."""

from __future__ import annotations

import click

from officekit.cli._drafts import common_options, default_output, draft_checker, for_each_draft, open_draft, write_copy


@click.command()
@common_options
@click.option("--no-track", is_flag=True, help="直接修改，不留修订痕迹（默认以修订形式给出，可在 Word 中逐条接受或拒绝）")
def fix(paths, output, force, config, select, ignore, no_track):
    """写出修订副本（默认“原名.修订.docx”）：标点全半角、发文字号、日期、确定的错别字等安全修改。

    修改以修订（痕迹）形式给出，作者 officekit；跨越不同格式文字等无法安全修改的，只列出建议。原稿不变。
    """
    from officekit.output.fix import fix_until_settled, fixable
    from officekit.report.paths import region_path

    def one(path, target):
        check = draft_checker(path, config, {"select": select, "ignore": ignore})
        editor = open_draft(path)
        if editor is None:
            return False
        findings = check(editor)
        target = target or default_output(path, "修订")
        # Re-check the fixed copy in memory and fix what it newly shows, so one run settles the draft.
        result = fix_until_settled(editor, check, track=not no_track, findings=findings)
        write_copy(path, target, force, result.data)
        how = "直接修改" if no_track else "修订"
        rounds = f"（{result.rounds} 轮）" if result.rounds > 1 else ""
        click.echo(f"已写出 {target}：{result.edits} 处{how}{rounds}（解决 {len(result.applied)} 个问题）；"
                   f"{len(result.left)} 个留待人工处理；"
                   f"另有 {len(findings) - len(fixable(findings))} 个问题没有可自动套用的修改", err=True)
        for finding, why in result.left:
            suggestion = f"，建议：{finding.suggestion}" if finding.suggestion else ""
            click.echo(f"  {region_path(finding)} {finding.rule} {finding.message}{suggestion}（未自动修改：{why}）",
                       err=True)
        return True

    for_each_draft(paths, output, one, marker="修订")
