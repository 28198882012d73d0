"""Font families and Chinese type sizes: how a format rule names what it expects and what it found.

GB/T 9704-2012 names generic faces (仿宋体, 小标宋体, 黑体, 楷体, 宋体); real files name concrete fonts
(仿宋_GB2312, FangSong, 方正仿宋_GBK …).  A rule carries an alias table in its YAML:

    aliases:
      仿宋: [仿宋_GB2312, 仿宋, FangSong, 方正仿宋_GBK]        # names that are this family
      小标宋: {ok: [方正小标宋简体, 方正小标宋_GBK], warn: [华文中宋]}   # warn: a stand-in, only a warning

and an office adds its own names in `.officekit.yaml` (`profile: {fonts: {仿宋: [华文仿宋]}}`).
The alias lists are practice, not standard text, so a font that is in no list is reported as
"unrecognised" (a warning), never as a wrong family.
"""

from __future__ import annotations

from dataclasses import dataclass

# Chinese size names → points (convention, see standards.md §1.1).
SIZE_NAMES: tuple[tuple[float, str], ...] = (
    (42, "初号"), (36, "小初"), (26, "一号"), (24, "小一"), (22, "二号"), (18, "小二"), (16, "三号"),
    (15, "小三"), (14, "四号"), (12, "小四"), (10.5, "五号"), (9, "小五"), (7.5, "六号"),
)


def size_name(points: float) -> str:
    """"三号（16 磅）" for a named size, else "17 磅"."""
    for value, name in SIZE_NAMES:
        if abs(points - value) < 0.01:
            return f"{name}（{_pt(points)} 磅）"
    return f"{_pt(points)} 磅"


def _pt(points: float) -> str:
    return f"{points:g}"


def _key(name: str) -> str:
    """Compare font names without case, spaces or a leading @ (vertical fonts)."""
    return "".join(name.split()).lstrip("@").casefold()


@dataclass(frozen=True)
class Verdict:
    family: str | None  # the family the font belongs to, None when no list names it
    stand_in: bool = False  # named in the family's `warn` list


class FontTable:
    """Family → accepted names (ok) and tolerated stand-ins (warn)."""

    def __init__(self, aliases: dict, extra: dict | None = None):
        self.ok: dict[str, str] = {}
        self.warn: dict[str, str] = {}
        for family, names in (aliases or {}).items():
            self._add(str(family), names)
        for family, names in (extra or {}).items():  # the office's own names win
            self._add(str(family), names, override=True)

    def _add(self, family: str, names, override: bool = False) -> None:
        if isinstance(names, dict):
            ok, warn = names.get("ok", []) or [], names.get("warn", []) or []
        else:
            ok, warn = names or [], []
        # the family's own name always counts as the family
        for name in [family, *ok]:
            self._put(self.ok, _key(str(name)), family, override)
        for name in warn:
            self._put(self.warn, _key(str(name)), family, override)

    def _put(self, table: dict, key: str, family: str, override: bool) -> None:
        if override or key not in self.ok and key not in self.warn:
            self.ok.pop(key, None)
            self.warn.pop(key, None)
            table[key] = family

    def classify(self, font: str) -> Verdict:
        key = _key(font)
        if key in self.ok:
            return Verdict(self.ok[key])
        if key in self.warn:
            return Verdict(self.warn[key], stand_in=True)
        return Verdict(None)
