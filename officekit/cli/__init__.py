"""The `officekit` command.  Subcommands live in their own modules and are imported only when used,
so `officekit --version` and `officekit --help` start fast."""

from __future__ import annotations

import importlib
import importlib.util

import click

from officekit import __version__

# command name → (module, function); each module holds one command
COMMANDS = {
    "check": ("officekit.cli.check", "check"),
    "rules": ("officekit.cli.rules", "rules"),
    "explain": ("officekit.cli.rules", "explain"),
    "init": ("officekit.cli.init", "init"),
    "annotate": ("officekit.cli.annotate", "annotate"),
    "fix": ("officekit.cli.fix", "fix"),
    "textconv": ("officekit.cli.textconv", "textconv"),
    "baseline": ("officekit.cli.baseline", "baseline"),
    "serve": ("officekit.cli.serve", "serve"),
    "slip": ("officekit.cli.slip", "slip"),
    "stats": ("officekit.cli.stats", "stats"),
    "config": ("officekit.cli.config", "config"),
}
SUMMARIES = {
    "check": "检查公文草稿，按政策关、格式关、文字关报告问题",
    "rules": "列出规则（可按关口、要素筛选）",
    "explain": "说明一条规则：依据、示例",
    "init": "写出一份带注释的 .officekit.yaml 起步配置",
    "annotate": "写出带批注的副本：每个问题一条 Word 批注",
    "fix": "写出修订副本：安全的机械性修改以修订（痕迹）形式给出",
    "textconv": "每段一行输出文本并标出公文要素（供 git diff 使用；--numbered 按段编号）",
    "baseline": "把当前问题记入基线文件，此后只报告新问题",
    "serve": "启动本机审核页面：在浏览器中拖入草稿，看结论、下载审阅稿和修订稿",
    "slip": "写出审核意见单（三关未全通过时为退文通知单），可直接打印",
    "stats": "错情周报：统计期内草稿的问题数（按关口、规则、要素、科室），与上期对比",
    "config": "列出对某个文件生效的配置（config show 文件）",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return [name for name, (module, _) in COMMANDS.items() if importlib.util.find_spec(module) is not None]

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module_name, attr = COMMANDS[name]
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None
            raise
        return getattr(module, attr)

    def format_commands(self, ctx, formatter):
        rows = [(name, SUMMARIES.get(name, "")) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="officekit")
def main():
    """officekit：公文草稿审核工具（政策关、格式关、文字关）。"""
    from officekit.cli.console_encoding import make_stdout_safe

    make_stdout_safe()  # a GBK console or redirect gets look-alikes of ✘ ✔ ↵, never a UnicodeEncodeError

