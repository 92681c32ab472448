"""Assemble the facts found in an article into a draft dossier (reviewed: false)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from extraction.facts import Fact, Span
from extraction.lexicon import has_cue
from extraction.text import Article
from graph.model.countries import country_name
from graph.model.ids import fold, slug
from graph.model.schema import Label, Rel
from loaders.dossier import FORMAT
from loaders.hostile import problem_with

SOURCE = "article"
_MAX_SPANS = 20
_LABELS = {
    "agency": Label.AGENCY,
    "group": Label.GROUP,
    "platform": Label.PLATFORM,
    "rights_holder": Label.ORGANIZATION,
}
_DEFAULT_KIND = {
    Label.AGENCY: "agency (kind to check)",
    Label.GROUP: "piracy group or service (kind to check)",
    Label.PLATFORM: "platform (kind to check)",
    Label.ORGANIZATION: "rights holder (kind to check)",
}


@dataclass(frozen=True)
class ArticleMeta:
    url: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    document: str | None = None
    title: str | None = None


def _spans(spans: list[Span]) -> list[dict[str, Any]]:
    return [s.as_dict() for s in spans[:_MAX_SPANS]]


def _notes(fact: Fact, *extra: str) -> str | None:
    notes = [*fact.notes, *extra]
    return "; ".join(notes)[:2000] if notes else None


def _confidence(fact: Fact) -> str:
    return fact.confidence


class _Refs:
    def __init__(self) -> None:
        self.used: set[str] = {"operation"}

    def new(self, name: str, fallback: str) -> str:
        base = slug(name)[:60].strip("-") or fallback
        if base.startswith("country") or not re.match(r"^[a-z0-9]", base):
            base = f"{fallback}-{base}"[:60]
        ref, n = base, 2
        while ref in self.used:
            ref, n = f"{base}-{n}", n + 1
        self.used.add(ref)
        return ref


def _sentence_keys(article: Article, offset: int) -> list[str]:
    sentence = article.sentence_at(offset)
    return [t.key for t in article.tokens if sentence.start <= t.start < sentence.end]


def _metric(article: Article, fact: Fact) -> str:
    unit = str(fact.data["unit"])
    if not (unit.isupper() and len(unit) == 3):
        return unit
    words = set(_sentence_keys(article, fact.spans[0].start))
    if words & {
        "benefice",
        "benefices",
        "profit",
        "profits",
        "revenue",
        "earned",
        "gagne",
        "guadagni",
        "beneficios",
    }:
        return "estimated profits"
    if words & {"pertes", "losses", "damage", "damages", "prejudice", "danni", "perdidas", "schaden"}:
        return "losses"
    if words & {"saisie", "saisi", "saisis", "seized", "seizure", "confiscation", "sequestro", "incautados"}:
        return "assets seized"
    return "amount"


def build_draft(article: Article, facts: list[Fact], meta: ArticleMeta) -> dict[str, Any]:
    """The draft as a dossier document (validate it with loaders.dossier.parse_dossier)."""
    refs = _Refs()
    by_kind: dict[str, list[Fact]] = {}
    host = _host(meta.url)
    for fact in (f for f in facts if not _the_publishers_own_site(f, host)):
        by_kind.setdefault(fact.kind, []).append(fact)

    publisher = meta.publisher or host or "unknown publisher (fill in)"
    source: dict[str, Any] = {"publisher": publisher, "language": article.lang}
    if meta.url:
        source["url"] = meta.url
    else:
        source["document"] = meta.document or "article text (no URL given)"
    if meta.published:
        source["date"] = meta.published.isoformat()
    title = meta.title or _title(article.text)
    if title:
        source["title"] = title

    entities: dict[str, dict[str, Any]] = {}
    ref_of: dict[tuple[str, str], str] = {}
    for kind, label in _LABELS.items():
        for fact in by_kind.get(kind, []):
            name = str(fact.key)
            ref = refs.new(name, label.lower())
            ref_of[(kind, fact.key)] = ref
            # A name the text implies without writing it whole ("les polices allemande et
            # suédoise" names "police allemande") is an alias too.
            implied = [str(a) for a in fact.data.get("implied_names", [])]
            aliases = sorted(
                {
                    t
                    for t in [*(s.text for s in fact.spans), *implied]
                    if fold(t) != fold(name) and len(t) <= 200
                }
            )[:5]
            entity: dict[str, Any] = {
                "label": label,
                "name": name,
                "properties": {"kind": fact.data.get("kind") or _DEFAULT_KIND[label]},
                "sources": [SOURCE],
                "confidence": _confidence(fact),
                "spans": _spans(fact.spans),
            }
            if aliases:
                entity["aliases"] = aliases
            if fact.data.get("country"):
                entity["country"] = fact.data["country"]
            if not fact.data.get("kind"):
                fact.notes.append("kind not known: fill it in")
            if _notes(fact):
                entity["notes"] = _notes(fact)
            entities[ref] = entity

    relationships: list[dict[str, Any]] = []
    groups = [ref_of[("group", f.key)] for f in by_kind.get("group", [])]
    main = groups[0] if groups else None
    for fact in by_kind.get("agency", []):
        relationships.append(
            {
                "from": ref_of[("agency", fact.key)],
                "type": Rel.PARTICIPATED_IN,
                "to": "operation",
                "sources": [SOURCE],
                "confidence": "medium",
                "notes": "named in the article; its role is not drafted: did it lead (LED) or take part?",
                "spans": _spans(fact.spans[:1]),
            }
        )
    for fact in by_kind.get("group", []):
        relationships.append(
            {
                "from": "operation",
                "type": Rel.TARGETED,
                "to": ref_of[("group", fact.key)],
                "sources": [SOURCE],
                "confidence": "medium",
                "notes": "every group the article names is drafted as a target: check",
                "spans": _spans(fact.spans[:1]),
            }
        )
    if main is not None:
        for kind, rel_type in (("platform", Rel.USED), ("rights_holder", Rel.INFRINGED)):
            for fact in by_kind.get(kind, []):
                relationships.append(
                    {
                        "from": main,
                        "type": rel_type,
                        "to": ref_of[(kind, fact.key)],
                        "sources": [SOURCE],
                        "confidence": "low",
                        "notes": f"drafted from the first group named ({entities[main]['name']}): check",
                        "spans": _spans(fact.spans[:1]),
                    }
                )

    for fact in by_kind.get("country", []):
        role = fact.data.get("role")
        if role in {"arrest", "servers"}:
            relationships.append(
                {
                    "from": "operation",
                    "type": Rel.ACTED_IN,
                    "to": f"country:{fact.key}",
                    "key": role,
                    "properties": {"role": "arrest" if role == "arrest" else "servers"},
                    "sources": [SOURCE],
                    "confidence": "low",
                    "notes": f"the sentence naming {country_name(fact.key)} speaks of {role}: check the role",
                    "spans": _spans(fact.spans),
                }
            )
        else:
            relationships.append(
                {
                    "from": "operation",
                    "type": Rel.CONNECTED_TO,
                    "to": f"country:{fact.key}",
                    "sources": [SOURCE],
                    "confidence": "low",
                    "notes": f"the article names {country_name(fact.key)}; "
                    "what happened there is not drafted "
                    "(ACTED_IN if enforcement took place there)",
                    "spans": _spans(fact.spans),
                }
            )

    arrested_refs: dict[str, str] = {}
    for fact in by_kind.get("arrest", []):
        code = fact.data.get("country")
        where = f"in {country_name(code)}" if code else "(country not stated)"
        ref = refs.new(f"arrested-{code or 'unknown'}", "arrested")
        arrested_refs[fact.key] = ref
        entities[ref] = {
            "label": Label.PERSON,
            "description": f"Person arrested {where}",
            "properties": {
                "role": "arrested; described by role, never named in a draft",
                "status": "arrested",
            },
            "sources": [SOURCE],
            "confidence": _confidence(fact),
            "notes": _notes(fact, "check how many people were arrested"),
            "spans": _spans(fact.spans),
        }
        rel: dict[str, Any] = {
            "from": "operation",
            "type": Rel.ARRESTED,
            "to": ref,
            "sources": [SOURCE],
            "confidence": _confidence(fact),
            "notes": _notes(fact, "check how many people were arrested"),
            "spans": _spans(fact.spans),
        }
        if code:
            entities[ref]["arrested_in"] = code
        relationships.append(rel)

    for fact in by_kind.get("person", []):
        ref = refs.new(fact.key, "charged")
        entities[ref] = {
            "label": Label.PERSON,
            "name": fact.key,
            "properties": {
                "role": "charged, as the article reports",
                "status": "charged",
                "publicly_charged": True,
                "name_basis": "TO CONFIRM: cite the official material that charged this person; "
                f"the article only reports it: {fact.data['sentence'][:300]}",
            },
            "sources": [SOURCE],
            "confidence": "low",
            "notes": "; ".join(fact.notes),
            "spans": _spans(fact.spans),
        }
        relationships.append(
            {
                "from": "operation",
                "type": Rel.CHARGED,
                "to": ref,
                "sources": [SOURCE],
                "confidence": "low",
                "notes": "the charge as the article reports it: check it against the charging document",
                "spans": _spans(fact.spans),
            }
        )

    claims = []
    agencies = by_kind.get("agency", [])
    for fact in by_kind.get("figure", []):
        claim: dict[str, Any] = {
            "metric": _metric(article, fact),
            "value": fact.data["value"],
            "value_text": fact.spans[0].text,
            "unit": fact.data["unit"],
            "sources": [SOURCE],
            "confidence": _confidence(fact),
            "spans": _spans(fact.spans),
        }
        if fact.data.get("qualifier"):
            claim["qualifier"] = fact.data["qualifier"]
        claimed_by = _claimed_by(article, fact, agencies, ref_of)
        if claimed_by:
            claim["claimed_by"] = claimed_by
        if _notes(fact):
            claim["notes"] = _notes(fact)
        claims.append(claim)

    events = []
    for fact in by_kind.get("date", []):
        kind = fact.data["event"]
        if kind == "background":
            continue  # listed in the operation's notes instead
        about = ["operation"]
        sentence = article.sentence_at(fact.spans[0].start)
        if kind == "arrest":
            about += [
                arrested_refs[a.key]
                for a in by_kind.get("arrest", [])
                if any(sentence.start <= s.start < sentence.end for s in a.spans)
            ]
        events.append(
            {
                "date": fact.key,
                "kind": kind,
                "description": _describe(article, fact.spans[0].start),
                "about": about,
                "sources": [SOURCE],
                "confidence": _confidence(fact),
                **({"notes": _notes(fact)} if _notes(fact) else {}),
                "spans": _spans(fact.spans),
            }
        )

    operation = _operation(by_kind, entities, ref_of, meta)
    # The id's year: the action day's, else the page's, else the earliest event's; never a
    # year the article does not give.
    dated = operation.get("action_day") or (meta.published.isoformat() if meta.published else None)
    dated = dated or min((e["date"] for e in events), default=None)
    year = dated[:4] if dated else "undated"
    basis = operation.get("aliases", [None])[0] or (entities[main]["name"] if main else None) or "draft"
    dossier_id = f"{year}-{slug(basis)[:60].strip('-') or 'draft'}"
    raw = {
        "format": FORMAT,
        "id": dossier_id,
        "reviewed": False,
        "operation": operation,
        "sources": {SOURCE: source},
        "entities": entities,
        "relationships": relationships,
        "claims": claims,
        "events": events,
    }
    return raw


def _operation(
    by_kind: dict[str, list[Fact]],
    entities: dict[str, dict[str, Any]],
    ref_of: dict[tuple[str, str], str],
    meta: ArticleMeta,
) -> dict[str, Any]:
    names = by_kind.get("operation", [])
    groups = by_kind.get("group", [])
    spans: list[Span] = []
    if names:
        name = str(names[0].data["name"])
        spans += names[0].spans
    elif groups:
        name = f"Operation against {groups[0].key}"
    else:
        name = "Operation reported in the article"
    block: dict[str, Any] = {
        "name": name,
        "sources": [SOURCE],
        "confidence": "low",
        "notes": "drafted from one article: check every fact against it, "
        "then mark the dossier reviewed (reviewed: true)"
        + ("" if names else "; the article names no operation: the name is a placeholder"),
    }
    if names:
        block["aliases"] = list(dict.fromkeys(str(f.data["name"]) for f in names))
    background = [d for d in by_kind.get("date", []) if d.data["event"] == "background"]
    if background:
        block["notes"] += "; dates read as background, not drafted as events: " + ", ".join(
            f"{d.key} ({d.spans[0].text!r})" for d in background
        )
    dates = [d for d in by_kind.get("date", []) if d.data["event"] != "background"]
    action = [d for d in dates if d.data["event"] == "action_day"]
    if action:
        best = max(action, key=lambda d: (len(d.key), d.confidence == "high"))
        block["action_day"] = best.key
        spans += best.spans[:1]
    started = [d for d in dates if d.data["event"] == "investigation_start"]
    if started and (not action or started[0].key <= block["action_day"]):
        block["started"] = started[0].key
        spans += started[0].spans[:1]
    if spans:
        block["spans"] = _spans(spans)
    return block


def _claimed_by(
    article: Article, fact: Fact, agencies: list[Fact], ref_of: dict[tuple[str, str], str]
) -> str | None:
    """An agency named in the figure's sentence that says or reports it ("selon Eurojust")."""
    sentence = article.sentence_at(fact.spans[0].start)
    keys = _sentence_keys(article, fact.spans[0].start)
    if has_cue(keys, "attribution") is None:
        return None
    for agency in agencies:
        if any(sentence.start <= s.start < sentence.end for s in agency.spans):
            return ref_of[("agency", agency.key)]
    return None


def _describe(article: Article, offset: int) -> str:
    text = " ".join(article.sentence_text(offset).split())
    text = text if len(text) <= 300 else text[:297] + "..."
    return "(see the span)" if problem_with(text) else text


def _the_publishers_own_site(fact: Fact, host: str) -> bool:
    """'según ha sabido eldiario.es': the page's own site names who writes, not a target."""
    return fact.kind == "group" and bool(host) and fold(fact.key) == fold(host)


def _host(url: str | None) -> str:
    """The page's site, without 'www.': who published it; '' with no URL."""
    return (urlparse(url).hostname or "").removeprefix("www.") if url else ""


def _title(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            title = " ".join(line.split())[:200]
            return None if problem_with(title) else title
    return None
