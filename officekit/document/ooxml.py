"""WordprocessingML names and value parsing shared by the .docx reader modules."""

from __future__ import annotations

import math

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
V_NS = "urn:schemas-microsoft-com:vml"

W = "{%s}" % W_NS
R = "{%s}" % R_NS
A = "{%s}" % A_NS
MC = "{%s}" % MC_NS
WP = "{%s}" % WP_NS
WPS = "{%s}" % WPS_NS
PIC = "{%s}" % PIC_NS
V = "{%s}" % V_NS

VAL = W + "val"

FALSE_VALUES = frozenset({"0", "false", "off", "none"})


def on_off(el) -> bool:
    """A w:b-like toggle element: present means on unless w:val says 0/false/off."""
    val = el.get(VAL)
    return val is None or val.lower() not in FALSE_VALUES


def to_int(value: str | None) -> int | None:
    number = to_float(value)
    return None if number is None else int(number)


def to_float(value: str | None) -> float | None:
    """A finite number, else None: "NaN", "inf" and "1e999" parse as floats but mean nothing in OOXML
    (and NaN breaks every later comparison and rounding)."""
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def twips_to_pt(value: str | None) -> float | None:
    number = to_float(value)
    return None if number is None else number / 20.0


def twips_to_mm(value: str | None) -> float | None:
    number = to_float(value)
    return None if number is None else round(number / 56.6929, 2)


def color_value(value: str | None) -> str | None:
    """"RRGGBB" upper case, None for auto or anything that is not a hex colour."""
    if not value:
        return None
    value = value.lstrip("#").upper()
    if value == "AUTO" or len(value) != 6:
        return None
    try:
        int(value, 16)
    except ValueError:
        return None
    return value
