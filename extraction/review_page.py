"""The review page of a drafted dossier: the article with every span a drafted fact cites
marked in it, and the facts beside it by kind, each linking to its spans and each mark to
its facts. One self-contained page with no script, for the person who must check every
fact against the article before setting `reviewed: true`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from itertools import pairwise

from extraction.text import Article
from extraction.uncited import uncited
from graph.model.countries import country_name
from graph.model.schema import Label
from graph.render.network import environment
from loaders.dossier import COUNTRY_REF, OPERATION_REF, Dossier, Provenance

# The groups of the fact list, in the order a reviewer checks them, with the CSS class
# that colours their marks.
GROUPS: dict[str, str] = {
    "Operation": "k-operation",
    "Agencies": "k-agency",
    "Countries": "k-country",
    "Targets": "k-group",
    "Platforms": "k-platform",
    "Rights holders": "k-rights",
    "People": "k-person",
    "Figures": "k-figure",
    "Dates": "k-date",
    "Other links": "k-link",
}
_ENTITY_GROUPS: dict[str, str] = {
    Label.AGENCY: "Agencies",
    Label.GROUP: "Targets",
    Label.PLATFORM: "Platforms",
    Label.ORGANIZATION: "Rights holders",
    Label.PERSON: "People",
}
_CONFIDENCE_RANK = {"low": 0, "medium": 1, "high": 2}


@dataclass(eq=False)  # one item per fact, told apart by identity
class ReviewItem:
    """One drafted fact: what the list shows, and the spans of the article it cites."""

    anchor: str
    group: str
    title: str
    detail: str
    confidence: str
    notes: str | None
    spans: list[tuple[int, int]]
    span_links: list[tuple[str, str]] = field(default_factory=list)  # (segment anchor, words)


@dataclass(frozen=True)
class Segment:
    """A run of the article's text that the same facts cite (none for plain text); `uncited`
    says 'number' or 'name' for one no fact cites, where the draft may have missed one."""

    anchor: str
    text: str
    items: tuple[ReviewItem, ...]
    uncited: str | None = None

    @property
    def css(self) -> str:
        first = self.items[0]
        return f"{GROUPS[first.group]} c-{first.confidence}" + (" many" if len(self.items) > 1 else "")

    @property
    def tooltip(self) -> str:
        return "\n".join(f"{i.group}: {i.title} ({i.confidence})" for i in self.items)


def review_items(dossier: Dossier, text: str) -> list[ReviewItem]:
    """Every block of the draft as a list item with the spans it cites; spans that do not
    slice the text exactly (an edited draft, another article) are left out of the marks and
    counted in the item's detail."""
    names = {ref: entity.name or entity.description or ref for ref, entity in dossier.entities.items()}
    names[OPERATION_REF] = dossier.operation.name
    items: list[ReviewItem] = []

    def add(group: str, title: str, detail: str, block: Provenance) -> None:
        spans = [(s.start, s.end) for s in block.spans if text[s.start : s.end] == s.text]
        lost = len(block.spans) - len(spans)
        if lost:
            detail += f" · {lost} span(s) no longer match the article"
        items.append(
            ReviewItem(
                anchor=f"fact-{len(items) + 1}",
                group=group,
                title=title,
                detail=detail,
                confidence=block.confidence or "high",
                notes=block.notes,
                spans=spans,
                span_links=[(piece_anchor(a), text[a:b]) for a, b in sorted(spans)],
            )
        )

    operation = dossier.operation
    add("Operation", operation.name, ", ".join(operation.aliases), operation)
    for entity in dossier.entities.values():
        details = [str(entity.properties.get("kind", "")), entity.country or ""]
        details += [f"arrested in {p.country}" for p in entity.arrested_in]
        add(
            _ENTITY_GROUPS.get(entity.label, "Other links"),
            entity.name or entity.description or "",
            " · ".join(d for d in details if d),
            entity,
        )
    for rel in dossier.relationships:
        if rel.target.startswith(COUNTRY_REF):
            code = rel.target[len(COUNTRY_REF) :]
            title = f"{country_name(code)} ({code})"
            add("Countries", title, f"{names.get(rel.source, rel.source)} {_words(rel.type)} {code}", rel)
        elif rel.spans:
            said = (
                f"{names.get(rel.source, rel.source)} {_words(rel.type)} {names.get(rel.target, rel.target)}"
            )
            add("Other links", said, "", rel)
    for claim in dossier.claims:
        value = _number(claim.value) if claim.value is not None else "?"
        written = f"as written: {claim.value_text}" if claim.value_text else ""
        details = [claim.metric, claim.qualifier or "", written]
        add("Figures", f"{value} {claim.unit}", " · ".join(d for d in details if d), claim)
    for event in dossier.events:
        add("Dates", event.date, f"{event.kind}: {event.description}", event)
    return items


def piece_anchor(start: int) -> str:
    """The page anchor of the piece of text starting at `start`."""
    return f"at-{start}"


def _number(value: float) -> str:
    """The value the draft will load, grouped for reading: 2,006,539,128; 3.5."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _words(rel_type: str) -> str:
    return rel_type.lower().replace("_", " ")


def segments(
    text: str, items: list[ReviewItem], uncited: list[tuple[int, int, str]] | None = None
) -> list[Segment]:
    """The text cut at every span's ends; each piece with the facts whose spans cover it,
    the least sure first, then the shortest span (the most precise reading). `uncited`
    pieces (extraction.uncited) are cut out too, and say what they are."""
    uncited = uncited or []
    ends = [p for item in items for span in item.spans for p in span]
    cuts = sorted({0, len(text), *ends, *(p for start, end, _ in uncited for p in (start, end))})
    kind_at = {start: kind for start, _, kind in uncited}
    found: list[Segment] = []
    for start, end in pairwise(cuts):
        covering = [
            (item, b - a) for item in items for a, b in item.spans if a <= start and end <= b and a < b
        ]
        ordered = sorted(covering, key=lambda c: (_CONFIDENCE_RANK.get(c[0].confidence, 2), c[1]))
        unique = tuple(dict.fromkeys(item for item, _ in ordered))
        found.append(
            Segment(piece_anchor(start), text[start:end], unique, None if unique else kind_at.get(start))
        )
    return found


def review_page(dossier: Dossier, text: str) -> str:
    """The whole page, HTML. Every value goes through the autoescaping template."""
    items = review_items(dossier, text)
    source = next(iter(dossier.sources.values()))
    article = Article(text, source.language or "en")
    missed = uncited(article, [span for item in items for span in item.spans])
    marked = segments(text, items, missed)
    by_group = {group: [i for i in items if i.group == group] for group in GROUPS}
    counts = {level: sum(1 for i in items if i.confidence == level) for level in ("low", "medium", "high")}
    return (
        environment()
        .get_template("draft_review.html")
        .render(
            nonce=secrets.token_urlsafe(16),
            dossier=dossier,
            source=source,
            groups={g: found for g, found in by_group.items() if found},
            classes=GROUPS,
            segments=marked,
            counts=counts,
            unmarked=sum(1 for i in items if not i.spans),
            uncited={kind: sum(1 for *_, k in missed if k == kind) for kind in ("number", "name")},
        )
    )
