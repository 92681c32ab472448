"""Draft a dossier from a news article, every fact with the span of text it came from.

The drafting code (extraction.article) is imported when first used, so that a server that
never drafts does not hold dateparser, Babel and the lexicons (10 MB).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

MAX_ARTICLE_CHARS = 200_000

if TYPE_CHECKING:
    from extraction.article import check_article, draft_dossier, draft_yaml, extract_facts, read_article
    from extraction.draft import ArticleMeta
    from extraction.facts import Fact
    from extraction.text import LANGUAGES

__all__ = [
    "LANGUAGES",
    "MAX_ARTICLE_CHARS",
    "ArticleMeta",
    "Fact",
    "check_article",
    "draft_dossier",
    "draft_yaml",
    "extract_facts",
    "read_article",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from extraction import article

        return getattr(article, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
