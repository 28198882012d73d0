"""Structure recognition: which blocks are which 公文要素, and the draft's 文种, 行文方向 and layout."""

from officekit.structure.model import ALL_ELEMENTS, ELEMENTS, STATUTORY_DOCTYPES, Draft, ElementSpan
from officekit.structure.recognize import recognize

__all__ = ["ALL_ELEMENTS", "ELEMENTS", "STATUTORY_DOCTYPES", "Draft", "ElementSpan", "recognize"]
