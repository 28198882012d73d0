"""一键排版: lay out a draft's recognised 公文要素 as GB/T 9704-2012 (or the office's profile) asks, as
tracked formatting changes — targets from the format rules themselves (targets.py), only confidently
recognised blocks (confidence.py), property edits with snapshots (ooxml_edit.py), the page and its
page-number footers (page.py), the 落款 (closing.py); `accept.py` accepts or rejects every revision."""

from officekit.layout.apply import LayoutResult, lay_out

__all__ = ["LayoutResult", "lay_out"]
