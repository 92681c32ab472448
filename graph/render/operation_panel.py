"""The dossier panel of an operation page: the operation view as sections of short lines.

Each section follows one part of GET /operations/{id}; each entity a line names links to
its own view. Nothing here makes HTML: lines are spans of plain text that the template
escapes. A source is shown by its title, publisher and date (or "date unknown"), never by
the file a dossier read it from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from graph.model.schema import Label, Rel
from graph.render.citation import DATE_UNKNOWN

NO_CLAIMANT = "claimant not named"


@dataclass(frozen=True)
class Span:
    """A piece of a line: text, and a link when it names something."""

    text: str
    href: str | None = None
    cls: str = ""
    external: bool = False  # a source's own page, on another site


@dataclass
class Item:
    spans: list[Span]
    lines: list[Item] = field(default_factory=list)  # details under the item, one per line
    cls: str = ""
    node: str | None = None  # the graph node it stands for, if any
    source: str | None = None  # the source a source line shows


@dataclass
class Group:
    title: str | None
    items: list[Item]


@dataclass
class Section:
    key: str
    title: str
    groups: list[Group]

    @property
    def count(self) -> int:
        return sum(len(g.items) for g in self.groups)


SEP = Span(" · ")
ROLE_GROUPS = {
    "agencies": [("led", "Led"), ("participated", "Took part")],
    "countries": [("acted_in", "Acted in"), ("connected_to", "Connected to")],
}
PLACE_WORDS = {Rel.NATIONAL_OF: "national of", Rel.ARRESTED_IN: "arrested in", Rel.RESIDES_IN: "resides in"}
PERSON_WORDS = {
    Rel.TARGETED: ("targeted", ("role",)),
    Rel.ARRESTED: ("arrested", ()),  # where: the person's places say it, with the country's name
    Rel.CHARGED: ("charged", ("charge",)),
    Rel.CONVICTED: ("convicted", ("sentence",)),
}
# (relationship type, whether it leaves this operation) -> how the page says it.
RELATED_WORDS = {
    (Rel.PHASE_OF, True): "phase of",
    (Rel.PHASE_OF, False): "has phase",
    (Rel.FOLLOWS, True): "follows",
    (Rel.FOLLOWS, False): "followed by",
    (Rel.SAME_INVESTIGATION_AS, True): "same investigation as",
    (Rel.SAME_INVESTIGATION_AS, False): "same investigation as",
    (Rel.RELATED_TO, True): "related to",
    (Rel.RELATED_TO, False): "related to",
}
ABOUT_FIELDS = [
    ("kind", "Kind"),
    ("started", "Started"),
    ("action_day", "Action day"),
    ("ended", "Ended"),
    ("status", "Status"),
]


def number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def figure(value: float | None, value_text: str | None, unit: str | None) -> str:
    """A reported figure as the source words it ("over 5,000 sites"), or its number and unit."""
    text = value_text or (number(value) if value is not None else "")
    if unit and unit.lower() not in text.lower():
        text = f"{text} {unit}".strip()
    return text or "no figure"


class PanelBuilder:
    """Turns one operation view into panel sections; `names` gives a name to any id the
    view mentions only by id (a claim's subject, a platform's user)."""

    def __init__(self, view: dict[str, Any], names: dict[str, str], *, base_url: str, embed: bool):
        self.view = view
        self.names = names
        self.base_url = base_url
        self.embed = embed
        self.index: dict[str, dict[str, Any]] = view["source_index"]

    # -- links and small pieces ------------------------------------------------------------

    def href(self, entity_id: str) -> str:
        kind = "operations" if entity_id.startswith("operation:") else "entities"
        return f"{self.base_url}/views/{kind}/{quote(entity_id, safe=':')}" + (
            "?embed=1" if self.embed else ""
        )

    def link(self, entity_id: str, name: str | None = None, cls: str = "entity") -> Span:
        return Span(name or self.names.get(entity_id) or entity_id, self.href(entity_id), cls)

    def source_line(self, source_id: str, *, title: bool = False) -> Item:
        src = self.index.get(source_id) or {}
        url = src.get("url")
        external = url if isinstance(url, str) and url.lower().startswith(("https://", "http://")) else None
        publisher = src.get("publisher") or src.get("name") or "source"
        spans: list[Span] = []
        named = src.get("name") or publisher
        if title and named != publisher:
            spans += [Span(named, external, "title", external=True), SEP, Span(publisher, None, "publisher")]
        else:
            spans.append(Span(publisher, external, "publisher", external=True))
        spans += [SEP, Span(src.get("date") or DATE_UNKNOWN, None, "date")]
        if title:
            spans += [SEP, Span("view", self.href(source_id), "entity-link")]
        return Item(spans, cls="source", source=source_id)

    def sources_of(self, ids: Iterable[str] | None) -> list[Item]:
        return [self.source_line(sid) for sid in ids or []]

    @staticmethod
    def text_line(text: str, cls: str = "detail") -> Item:
        return Item([Span(text)], cls=cls)

    # -- sections --------------------------------------------------------------------------

    def sections(self) -> list[Section]:
        builders: list[tuple[str, str, Callable[[], list[Group]]]] = [
            ("about", "About", self.about),
            ("agencies", "Agencies", lambda: self.by_role("agencies")),
            ("countries", "Countries", lambda: self.by_role("countries")),
            ("targets", "Targets", self.targets),
            ("infrastructure", "Taken down", self.infrastructure),
            ("platforms", "Platforms", self.platforms),
            ("seizures", "Seizures", self.seizures),
            ("claims", "Claims", self.claims),
            ("people", "People", self.people),
            ("related", "Related operations", self.related),
            ("events", "Events", self.events),
            ("sources", "Sources", self.sources),
        ]
        return [Section(key, title, build()) for key, title, build in builders]

    def about(self) -> list[Group]:
        props = self.view["properties"]
        items = [
            Item([Span(f"{label}: "), Span(str(props[key]), cls="value")], cls="fact")
            for key, label in ABOUT_FIELDS
            if props.get(key)
        ]
        if props.get("aliases"):
            items.append(
                Item([Span("Also known as: "), Span(", ".join(props["aliases"]), cls="value")], cls="fact")
            )
        if props.get("summary"):
            items.append(Item([Span(str(props["summary"]))], cls="summary"))
        return [Group(None, items)]

    def merged(self, entries: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
        """One row per entity, in the view's order, with every relationship that attaches it."""
        rows: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
        for entry in entries:
            rows.setdefault(entry["id"], (entry, []))[1].append(entry)
        return list(rows.values())

    def entity_item(self, entry: dict[str, Any], relations: list[dict[str, Any]]) -> Item:
        spans = [self.link(entry["id"], entry.get("name"))]
        kind = entry["properties"].get("kind")
        if Label.ORGANIZATION in entry["labels"]:
            kind = f"organization{', ' + kind if kind else ''}"
        if kind:
            spans += [SEP, Span(str(kind), cls="muted")]
        roles = [r["relationship"].get("role") for r in relations]
        lines = [self.text_line(role, "role") for role in dict.fromkeys(roles) if role]
        return Item(spans, lines, cls="entity-row", node=entry["id"])

    def by_role(self, section: str) -> list[Group]:
        return [
            Group(title, [self.entity_item(e, rels) for e, rels in self.merged(self.view[section][key])])
            for key, title in ROLE_GROUPS[section]
            if self.view[section][key]
        ]

    def targets(self) -> list[Group]:
        return [Group(None, [self.entity_item(e, rels) for e, rels in self.merged(self.view["targets"])])]

    def infrastructure(self) -> list[Group]:
        items = []
        for entry, relations in self.merged(self.view["infrastructure"]):
            item = self.entity_item(entry, relations)
            for rel in relations:
                props = rel["relationship"]
                words = "seized" if rel["relation"] == Rel.SEIZED else "taken down"
                count = props.get("count") or entry["properties"].get("count")
                detail = figure(count, None, props.get("unit")) if count else ""
                text = ", ".join(t for t in (words, detail, props.get("description") or "") if t)
                item.lines.append(self.text_line(text))
            places = entry.get("located_in") or []
            if places:
                spans: list[Span] = [Span("in ")]
                for i, country in enumerate(places):
                    spans += [*([Span(", ")] if i else []), self.link(country)]
                item.lines.append(Item(spans, cls="detail places"))
            items.append(item)
        return [Group(None, items)]

    def platforms(self) -> list[Group]:
        items = []
        for use in self.view["platforms"]:
            spans = [self.link(use["id"], use.get("name"))]
            if use.get("count") is not None:
                spans += [SEP, Span(figure(use["count"], None, use.get("unit")), cls="count")]
            lines = [self.text_line(use["purpose"])] if use.get("purpose") else []
            lines.append(Item([Span("used by "), self.link(use["group"])], cls="detail"))
            items.append(Item(spans, lines, cls="platform", node=use["id"]))
        return [Group(None, items)]

    def seizures(self) -> list[Group]:
        items = []
        for entry in self.view["seizures"]:
            if "metric" in entry:  # a claim whose metric says it counts something seized
                items.append(
                    self.claim_item({**entry, "claimed_by_id": entry.get("claimed_by")}, conflicts={})
                )
                items[-1].spans[:0] = [Span(entry.get("metric") or "", cls="metric"), Span(": ")]
                continue
            props = entry["relationship"]
            spans = [self.link(entry["id"], entry.get("name"))]
            if props.get("count") is not None:
                spans += [SEP, Span(figure(props["count"], None, props.get("unit")), cls="count")]
            lines = [self.text_line(props["description"])] if props.get("description") else []
            items.append(Item(spans, lines + self.sources_of(entry.get("sources")), node=entry["id"]))
        return [Group(None, items)]

    def conflicts_by_claim(self) -> dict[str, list[tuple[dict[str, Any], str]]]:
        """claim id -> the claims it disagrees with, and how ("values", "what is counted")."""
        found: dict[str, list[tuple[dict[str, Any], str]]] = {}
        for conflict in self.view["conflicts"]:
            a, b = conflict["a"], conflict["b"]
            found.setdefault(a["id"], []).append((b, conflict["differ"]))
            found.setdefault(b["id"], []).append((a, conflict["differ"]))
        return found

    def claim_item(
        self, claim: dict[str, Any], conflicts: dict[str, list[tuple[dict[str, Any], str]]]
    ) -> Item:
        spans = [
            Span(figure(claim.get("value"), claim.get("value_text"), claim.get("unit")), cls="value"),
            SEP,
        ]
        claimant_id = claim.get("claimed_by_id")
        claimant = claim.get("claimed_by_name")
        if claimant_id:
            spans.append(self.link(claimant_id, claimant, "claimant"))
        else:
            spans.append(Span(claimant or NO_CLAIMANT, cls="claimant"))
        lines: list[Item] = []
        if claim.get("about") and claim["about"] != self.view["id"]:
            lines.append(Item([Span("about "), self.link(claim["about"])], cls="detail about"))
        if claim.get("qualifier"):
            lines.append(self.text_line(claim["qualifier"]))
        others = conflicts.get(claim["id"], [])
        if others:
            spans += [SEP, Span("disagrees", cls="badge")]
        for other, differ in others:
            said = figure(other.get("value"), other.get("value_text"), other.get("unit"))
            by = other.get("claimed_by") or NO_CLAIMANT
            how = "counts another thing" if differ == "what is counted" else "another figure"
            lines.append(self.text_line(f"disagrees with {said} ({by}): {how}", "detail disagreement"))
        lines += self.sources_of(claim.get("sources"))
        cls = "claim disagrees" if others else "claim"
        return Item(spans, lines, cls=cls, node=claim["id"])

    def claims(self) -> list[Group]:
        conflicts = self.conflicts_by_claim()
        claims = [{**c, "claimed_by_id": c.get("claimed_by")} for c in self.view["claims"]]
        known = {c["id"] for c in claims}
        # A claim another dossier made, that disagrees with one of these: listed with them.
        for conflict in self.view["conflicts"]:
            for side in (conflict["a"], conflict["b"]):
                if side["id"] not in known:
                    known.add(side["id"])
                    claims.append(
                        {
                            **side,
                            "about": conflict["about"],
                            "claimed_by_name": side["claimed_by"],
                            "claimed_by_id": None,
                        }
                    )
        groups: dict[str, list[Item]] = {}
        for claim in sorted(claims, key=lambda c: ((c.get("metric") or "").lower(), c["id"])):
            groups.setdefault(claim.get("metric") or "unnamed figure", []).append(
                self.claim_item(claim, conflicts)
            )
        return [Group(metric, items) for metric, items in groups.items()]

    def people(self) -> list[Group]:
        items = []
        for person in self.view["people"]:
            props = person["properties"]
            spans = [self.link(person["id"], person.get("name"))]
            if props.get("count"):
                many = "person" if props["count"] == 1 else "people"
                spans += [SEP, Span(f"{number(props['count'])} {many}", cls="count")]
            lines: list[Item] = []
            if props.get("role") and props["role"] != person.get("name"):
                lines.append(self.text_line(f"role: {props['role']}", "role"))
            if props.get("status"):
                lines.append(self.text_line(f"status: {props['status']}"))
            arrested_in = any(p["relation"] == Rel.ARRESTED_IN for p in person.get("places") or [])
            for rel in person["relations"]:
                if rel["type"] == Rel.ARRESTED and arrested_in:
                    continue  # the place line below says where and when
                word, keys = PERSON_WORDS.get(rel["type"], (rel["type"].lower().replace("_", " "), ()))
                said = ", ".join(str(rel[k]) for k in keys if rel.get(k))
                when = f" ({rel['start']})" if rel.get("start") else ""
                lines.append(self.text_line(f"{word}{': ' + said if said else ''}{when}", "relation"))
            for place in person.get("places") or []:
                spans_place: list[Span] = [Span(PLACE_WORDS.get(place["relation"], place["relation"]) + " ")]
                if place.get("place"):
                    spans_place.append(Span(f"{place['place']}, "))
                spans_place.append(self.link(place["country"], place.get("country_name")))
                if place.get("date"):
                    spans_place.append(Span(f" ({place['date']})"))
                lines.append(Item(spans_place, cls="detail place"))
            items.append(Item(spans, lines, cls="person", node=person["id"]))
        return [Group(None, items)]

    def related(self) -> list[Group]:
        items = []
        for op in self.view["related_operations"]:
            word = RELATED_WORDS.get((op["relation"], bool(op.get("outgoing"))), op["relation"].lower())
            spans = [Span(f"{word} ", cls="relation"), self.link(op["id"], op.get("name"))]
            props = op["relationship"]
            lines = [self.text_line(f"phase {props['phase']}")] if props.get("phase") else []
            lines += [self.text_line(str(props["nature"]))] if props.get("nature") else []
            items.append(Item(spans, lines, cls="related", node=op["id"]))
        return [Group(None, items)]

    def events(self) -> list[Group]:
        items = []
        for event in self.view["events"]:
            props = event["properties"]
            spans = [
                Span(props.get("date") or DATE_UNKNOWN, cls="date"),
                SEP,
                Span(str(props.get("kind") or "event").replace("_", " "), cls="kind"),
                Span(": "),
                Span(props.get("description") or event.get("name") or "", cls="description"),
            ]
            items.append(Item(spans, self.sources_of(event.get("sources")), cls="event", node=event["id"]))
        return [Group(None, items)]

    def sources(self) -> list[Group]:
        def order(sid: str) -> tuple[bool, str, str]:
            src = self.index[sid]
            return (not src.get("date"), src.get("date") or "", (src.get("publisher") or "").lower())

        return [Group(None, [self.source_line(sid, title=True) for sid in sorted(self.index, key=order)])]


def panel_sections(
    view: dict[str, Any], names: dict[str, str], *, base_url: str = "", embed: bool = False
) -> list[Section]:
    """The panel's sections, in reading order; an empty section says so on the page."""
    return PanelBuilder(view, names, base_url=base_url, embed=embed).sections()
