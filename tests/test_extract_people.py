"""People in drafts: only those the article says were charged are named, each at low
confidence, with a name_basis the reviewer must replace by the charging document. The
names below are the law's placeholders, not real people."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from extraction import ArticleMeta, draft_dossier
from graph.model.schema import Rel

PUBLISHED = dt.date(2023, 5, 10)


def people(text: str, lang: str = "en") -> list[dict[str, Any]]:
    dossier = draft_dossier(text, ArticleMeta(published=PUBLISHED), lang)
    charged = {r.target for r in dossier.relationships if r.type == Rel.CHARGED}
    return [
        {
            "name": e.name,
            "charged": ref in charged,
            "confidence": e.confidence,
            "publicly_charged": e.properties.get("publicly_charged"),
            "basis_to_confirm": str(e.properties.get("name_basis", "")).startswith("TO CONFIRM"),
        }
        for ref, e in dossier.entities.items()
        if e.label == "Person" and e.name
    ]


def named(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "charged": True,
        "confidence": "low",
        "publicly_charged": True,
        "basis_to_confirm": True,
    }


def test_two_people_the_article_says_were_charged_are_named_to_confirm() -> None:
    text = "John Doe and Jane Roe, both 41, were charged with copyright infringement, the FBI said."
    assert people(text) == [named("John Doe"), named("Jane Roe")]


def test_an_indictment_named_after_the_verb_names_them() -> None:
    text = "Prosecutors in Brooklyn indicted John Doe over the streaming site, the FBI said."
    assert people(text) == [named("John Doe")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Jean Dupont a été mis en examen pour contrefaçon, selon le parquet de Paris.", "fr"),
        ("Mario Rossi è stato rinviato a giudizio dalla Procura di Napoli per pirateria.", "it"),
        ("Juan Pérez fue imputado por la Fiscalía por un delito contra la propiedad intelectual.", "es"),
        ("João Silva foi denunciado pelo Ministério Público por violação de direitos autorais.", "pt"),
    ],
)
def test_a_charge_in_each_language_names_the_person(text: str, lang: str) -> None:
    first, last = text.split(" ")[:2]
    assert [p["name"] for p in people(text, lang)] == [f"{first} {last}"]


@pytest.mark.parametrize(
    "text",
    [
        "John Doe was arrested in Leeds on Tuesday, police said.",
        "John Doe was not charged, the FBI said.",
        "John Doe could be charged with fraud, the FBI said.",
        "Assistant Attorney General John Doe said the site was seized.",
        "John Doe, a spokesman for the FBI, said the servers were seized.",
    ],
)
def test_nobody_else_is_named(text: str) -> None:
    assert people(text) == []
