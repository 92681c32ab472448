"""Redactor.text: names of named people become their role in any text. Pure logic over a
hand-made name table, so no engine is needed; the API tests check it on the real data."""

from __future__ import annotations

import re

import pytest

from graph.query.answer import Redactor


def redactor(names: dict[str, str]) -> Redactor:
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b"
    )
    return Redactor(names, pattern)


PEOPLE = redactor(
    {
        "George Bridi": "[member-cy]",
        "Bridi": "[member-cy]",
        "Jean-Luc Martin": "[admin-fr]",
        "Martin": "[admin-fr]",
        "Zoë Ångström": "[seller-se]",
    }
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("George Bridi was arrested in Cyprus.", "[member-cy] was arrested in Cyprus."),
        ("United States v. Bridi, filed 2020", "United States v. [member-cy], filed 2020"),
        ("(Jean-Luc Martin)", "([admin-fr])"),
        ("Martin's servers", "[admin-fr]'s servers"),
        ("paid by Zoë Ångström.", "paid by [seller-se]."),
        ("George alone is not a name here", "George alone is not a name here"),
        ("Bridis and Martinez are other words", "Bridis and Martinez are other words"),
        ("no names at all", "no names at all"),
        ("", ""),
    ],
)
def test_names_in_a_text_become_roles_and_nothing_else_changes(text: str, expected: str) -> None:
    assert PEOPLE.text(text) == expected


def test_lists_are_redacted_item_by_item() -> None:
    assert PEOPLE.text(["Bridi", "Sparks", 3]) == ["[member-cy]", "Sparks", 3]


def test_a_name_without_any_word_character_is_still_replaced() -> None:
    # The first-word screen cannot apply to such a name: every text then gets the pattern.
    odd = redactor({"+++": "[odd]", "Bridi": "[member-cy]"})
    assert odd.text("x+++y, Bridi") == "x[odd]y, [member-cy]"
