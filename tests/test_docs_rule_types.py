"""docs/writing-rules.md names every rule type, every alias and every built-in check a rule can ask for."""

from pathlib import Path

import pytest

from officekit.engine import types

DOC = Path(__file__).resolve().parents[1] / "docs" / "writing-rules.md"


def rule_types_section() -> str:
    text = DOC.read_text(encoding="utf-8")
    return text.split("\n## Rule types\n", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize("name", types.type_names() + sorted(types.TYPE_ALIASES))
def test_every_type_and_alias_is_in_the_docs(name):
    assert f"`{name}`" in rule_types_section()


def built_in_checks() -> list[tuple[str, str]]:
    """(type, name) of every `check:` value a type accepts and every crossref relation."""
    found = []
    for name in types.type_names():
        module = types.get_type(name)
        check = getattr(module, "PARAMS", {}).get("check")
        found += [(name, c) for c in (check.choices if check else ())]
    found += [("crossref", relation) for relation in types.get_type("crossref").RELATIONS]
    return found


def test_the_code_backed_checks_are_all_listed_under_their_type():
    section = rule_types_section().split("### Built-in checks", 1)[1]
    entries = {line.split("`")[1]: line for line in section.split("\n- ")[1:]}  # `placement` — …
    missing = [(kind, name) for kind, name in built_in_checks() if f"`{name}`" not in entries.get(kind, "")]
    assert len(built_in_checks()) > 40 and missing == []
