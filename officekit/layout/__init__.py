"""一键排版: lay out a draft's recognised 公文要素 as GB/T 9704-2012 (or the office's profile) asks, as
tracked formatting changes — targets from the format rules themselves (targets.py), only confidently
recognised blocks (confidence.py), property edits with snapshots (ooxml_edit.py), the page and its
page-number footers (page.py), the 落款 (closing.py), hanging indents (hanging.py), the 版头分隔线
(separator.py); accept.py accepts or rejects every revision, settles.py tells `check` what this settles.

`lay_out` is imported on first use: reports import settles.py, and must not pay for the whole engine."""

from __future__ import annotations


def __getattr__(name: str):
    if name in ("lay_out", "LayoutResult"):
        from officekit.layout import apply

        return getattr(apply, name)
    raise AttributeError(name)


__all__ = ["LayoutResult", "lay_out"]
