"""Shared by the output tests: the drafts they use, CLI runs, per-character formatting."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from officekit.cli import main

# The repository's own faulty example (invented content): runs in every checkout.
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "请示-问题多.docx"

# Corpus drafts with many findings of every kind: spans, whole paragraphs, header findings, safe fixes.
ANNOTATE_DRAFTS = [
    "ffgzz__official-doc-skills__产业链项目指南.docx",
    "liuhanning__gongwen-formatter__demo_gongwen.docx",
    "ario-dataset__ario-dataset.github.io__倡议书.docx",
    "zhaohui-yang__official-document-drafting__20260404-关于研究“我的刀盾”网络传播情况的专题会议纪要-v01.docx",
]


def run_cli(*args: str):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


def char_formats(document, part: str = "body") -> list[list]:
    """For each block, the resolved run properties of each character (to compare formatting)."""
    out = []
    for block in document.blocks(part):
        chars = []
        for run in block.runs:
            chars.extend([run.props] * len(run.text))
        out.append(chars)
    return out
