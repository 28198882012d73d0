"""`officekit init`: write a commented starter .officekit.yaml."""

from __future__ import annotations

import click

from officekit.cli.common import atomic_write_bytes, check_output_path

STARTER = """\
# officekit 配置文件。officekit 从被检查的文件所在目录向上查找最近的 .officekit.yaml。
# 各项均可省略；省略时使用内置规则和 GB/T 9704-2012 的默认值。

# 使用哪些规则包：default 为全部内置规则包；也可写内置包名或本单位规则文件/目录的相对路径。
extends:
  - default

# 只运行某些规则（编号、编号前缀或关口），留空表示全部：
# select: [F, W1, 政策关]

# 不运行某些规则：
# ignore: [W305]

# 调整级别（error / warning / info / off），编号比前缀优先：
# severity:
#   W3: warning
#   F241: off

# 本单位的规则文件（与内置规则同一格式）：
# rule_files: [./本单位规则.yaml]

# 本单位词表：每行一条，# 开头为注释。typos 为“错->正, 理由”；accept 为不应报错的专有名词。
# wordlists:
#   typos: ./词表/易错词.txt
#   accept: ./词表/专有名词.txt
# words:
#   accept: [某某新区, 某某工程]

# 版式参数（部分省市与国标不同时在此调整，如字体别名、容差）：
# profile: {}

# 达到哪一级别的问题时退出码为 1（供 CI 使用）：
# fail_on: error
"""


@click.command()
@click.option("-o", "--output", default=".officekit.yaml", show_default=True, type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="覆盖已存在的文件")
def init(output, force):
    """写出一份带注释的起步配置文件。"""
    check_output_path(output, force)
    atomic_write_bytes(output, STARTER.encode("utf-8"))
    click.echo(f"已写出 {output}")
