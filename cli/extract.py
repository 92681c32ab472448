"""`piracy-graph extract`: draft a dossier from a news article (the command's logic)."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

from extraction import MAX_ARTICLE_CHARS, ArticleMeta, draft_dossier, draft_yaml
from extraction.review_page import review_page
from graph.errors import InvalidInput
from graph.model.schema import get_schema
from loaders.dossier import Dossier, parse_dossier
from loaders.yamlio import read_dossier_file


def read_text(article: Path) -> str:
    """The article's text from a file, or from standard input for '-'."""
    if str(article) == "-":
        data = sys.stdin.buffer.read(MAX_ARTICLE_CHARS * 4 + 1)
    else:
        if not article.is_file():
            raise InvalidInput(f"{article}: no such file")
        with article.open("rb") as handle:
            data = handle.read(MAX_ARTICLE_CHARS * 4 + 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{article}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def parse_published(published: str | None) -> dt.date | None:
    if published is None:
        return None
    try:
        return dt.date.fromisoformat(published)
    except ValueError:
        raise InvalidInput(
            f"--published {published!r} is not a date (YYYY-MM-DD)", field="published"
        ) from None


def extract(
    article: Path,
    url: str | None,
    published: str | None,
    lang: str,
    publisher: str | None,
) -> tuple[Dossier, str, str]:
    """The draft dossier, its YAML text, and the article's text (read once: standard input
    cannot be read again)."""
    text = read_text(article)
    meta = ArticleMeta(
        url=url,
        published=parse_published(published),
        publisher=publisher,
        document=None if url else (article.name if str(article) != "-" else "article from standard input"),
    )
    dossier = draft_dossier(text, meta, lang)
    return dossier, draft_yaml(dossier), text


def summary(dossier: Dossier) -> str:
    """One line a person reads on the terminal: what was drafted, and what to do next."""
    labels = Counter(e.label for e in dossier.entities.values())
    uncertain = sum(
        1
        for block in [*dossier.entities.values(), *dossier.relationships, *dossier.claims, *dossier.events]
        if block.confidence in {"low", "medium"}
    )
    parts = [f"{n} {label}" for label, n in sorted(labels.items())]
    parts += [f"{len(dossier.claims)} claims", f"{len(dossier.events)} events"]
    return (
        f"drafted {dossier.id} ({dossier.sources['article'].language}): {', '.join(parts)}; "
        f"{uncertain} items marked low/medium confidence; reviewed: false until checked"
    )


def write_review_page(dossier: Dossier, text: str, output: Path) -> None:
    """The review page: the article with each drafted fact's spans marked, the facts beside."""
    output.write_text(review_page(dossier, text), encoding="utf-8")


def draft_page(draft: Path, article: Path, output: Path) -> Dossier:
    """The review page of a draft saved earlier (maybe edited), against its article."""
    if not draft.is_file():
        raise InvalidInput(f"{draft}: no such file")
    dossier = parse_dossier(read_dossier_file(draft), str(draft), get_schema())
    write_review_page(dossier, read_text(article), output)
    return dossier
