"""The timeline view: events on a date axis as one self-contained HTML page, or an SVG for print.

Partial dates are ranges ("2020-08" is 1 to 31 August 2020): the page draws them as bars
and says so in words. Text from the data travels as escaped JSON and reaches the page
through textContent, as in every view (graph/render/network.py).
"""

from __future__ import annotations

import calendar
import datetime
import secrets
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from markupsafe import Markup

from graph.render.network import environment, script_json

# One colour per event kind (the kinds of graph/schema.yaml), readable on white.
KIND_COLOURS = {
    "investigation_start": "#1f77b4",
    "indictment": "#8c564b",
    "action_day": "#d62728",
    "arrest": "#ff7f0e",
    "search": "#a6a21b",
    "seizure": "#9467bd",
    "charge": "#e377c2",
    "extradition": "#17becf",
    "plea": "#7f7f7f",
    "conviction": "#2ca02c",
    "sentence": "#393b79",
    "announcement": "#637939",
    "closure": "#843c39",
    "other": "#999999",
}
OTHER_COLOUR = "#999999"
MONTHS = [calendar.month_name[m] for m in range(13)]
SHORT_MONTHS = [calendar.month_abbr[m] for m in range(13)]


@dataclass(frozen=True)
class DateRange:
    """The days a date may mean: one day, a whole month or a whole year."""

    start: datetime.date
    end: datetime.date  # inclusive
    precision: str  # "day", "month" or "year"

    @classmethod
    def of(cls, text: str) -> DateRange:
        parts = [int(p) for p in text.split("-")]
        year = parts[0]
        if len(parts) == 1:
            return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year")
        month = parts[1]
        if len(parts) == 2:
            last = calendar.monthrange(year, month)[1]
            return cls(datetime.date(year, month, 1), datetime.date(year, month, last), "month")
        day = datetime.date(year, month, parts[2])
        return cls(day, day, "day")

    def words(self) -> str:
        """'25 August 2020', '1–31 August 2020', '1 Jan – 31 Dec 2020'."""
        start, end = self.start, self.end
        if self.precision == "day":
            return f"{start.day} {MONTHS[start.month]} {start.year}"
        if self.precision == "month":
            return f"{start.day}–{end.day} {MONTHS[start.month]} {start.year}"
        return f"{start.day} {SHORT_MONTHS[start.month]} – {end.day} {SHORT_MONTHS[end.month]} {end.year}"


def kind_words(kind: str) -> str:
    return kind.replace("_", " ")


def _event_out(event: dict[str, Any]) -> dict[str, Any]:
    span = DateRange.of(event["date"])
    return {
        **event,
        "sources": event.get("sources") or [],
        "start": span.start.isoformat(),
        "end": span.end.isoformat(),
        "precision": span.precision,
        "when": span.words(),
        "year": span.start.year,
    }


def page_data(answer: dict[str, Any], *, subject_ids: list[str], base_url: str = "") -> dict[str, Any]:
    """What the page's script reads: the events with their date ranges, the entities and
    sources they cite, the kinds present with their colours and counts, and the ids the
    filters name (`subject_ids`: the list of events does not repeat them)."""
    events = [_event_out(e) for e in answer["events"]]
    counts: dict[str, int] = {}
    for event in events:
        counts[event["kind"]] = counts.get(event["kind"], 0) + 1
    kinds = [
        {"kind": kind, "words": kind_words(kind), "colour": KIND_COLOURS.get(kind, OTHER_COLOUR), "count": n}
        for kind, n in sorted(counts.items())
    ]
    return {
        "events": events,
        "entities": answer["entities"],
        # A source held as a file (a seed article) is named by its publisher, never its path.
        "sources": {
            sid: {k: v for k, v in info.items() if k != "document"} for sid, info in answer["sources"].items()
        },
        "kinds": kinds,
        "total": answer["total"],
        "subjectIds": subject_ids,
        "baseUrl": base_url,
    }


def describe(
    subject: dict[str, dict[str, Any]], kinds: list[str], since: str | None, until: str | None
) -> str:
    """The filters in words, for the page's subtitle."""
    parts = []
    if "about" in subject:
        parts.append(f"about {subject['about']['name'] or subject['about']['id']}")
    if "operation" in subject:
        parts.append(f"of {subject['operation']['name'] or subject['operation']['id']} and what it targeted")
    if "country" in subject:
        parts.append(f"in {subject['country']['name']} (the country and the operations that acted there)")
    if kinds:
        parts.append("of kind " + ", ".join(kind_words(k) for k in kinds))
    if since:
        parts.append(f"from {since}")
    if until:
        parts.append(f"up to {until}")
    return "events " + "; ".join(parts) if parts else "every event"


def title_of(subject: dict[str, dict[str, Any]]) -> str:
    for role in ("operation", "about", "country"):
        if role in subject:
            return f"Timeline: {subject[role]['name'] or subject[role]['id']}"
    return "Timeline"


def render_timeline_page(
    answer: dict[str, Any],
    *,
    title: str,
    subtitle: str,
    form: dict[str, Any],
    subject_ids: list[str],
    embed: bool = False,
    json_url: str | None = None,
    base_url: str = "",
) -> str:
    """The whole page as text. `form`: the filters the page's form starts from (about,
    operation, country, kind, since, until, limit), kept as hidden or filled fields;
    `subject_ids`: the entities the filters name."""
    data = page_data(answer, subject_ids=subject_ids, base_url=base_url)
    return (
        environment()
        .get_template("timeline.html")
        .render(
            title=title,
            subtitle=subtitle,
            embed=embed,
            json_url=json_url,
            shown=len(data["events"]),
            targeted_by=answer.get("targeted_by", []),
            total=data["total"],
            truncated=bool(answer["truncated"]),
            form=form,
            all_kinds=[{"kind": k, "words": kind_words(k)} for k in KIND_COLOURS],
            nonce=secrets.token_urlsafe(16),
            # Markup: our JSON, escaped for <script> by script_json.
            data_json=Markup(script_json(data)),  # noqa: S704
        )
    )


# -- SVG for print ---------------------------------------------------------------------------

SVG_WIDTH = 1100
SVG_MARGIN = 40
LANE_HEIGHT = 14
LINE_HEIGHT = 16
DESCRIPTION_CHARS = 120


def _lanes(spans: list[tuple[float, float]], gap: float) -> list[int]:
    """A lane for each (x1, x2), so that no two marks in one lane overlap."""
    ends: list[float] = []
    lanes = []
    for x1, x2 in spans:
        lane = next((i for i, end in enumerate(ends) if x1 >= end + gap), len(ends))
        if lane == len(ends):
            ends.append(x2)
        else:
            ends[lane] = x2
        lanes.append(lane)
    return lanes


def render_timeline_svg(answer: dict[str, Any], *, title: str, subtitle: str) -> str:
    """The axis with every event (a dot for a day, a bar for a month or a year), then the
    events as lines of text: a picture for print."""
    events = [_event_out(e) for e in answer["events"]]
    axis_top = 70
    out_lines: list[str] = []
    height = axis_top + 40
    if events:
        first = min(datetime.date.fromisoformat(e["start"]) for e in events)
        last = max(datetime.date.fromisoformat(e["end"]) for e in events)
        lo = datetime.date(first.year, 1, 1)
        hi = datetime.date(last.year + 1, 1, 1)
        width = SVG_WIDTH - 2 * SVG_MARGIN
        days = (hi - lo).days

        def x(day: datetime.date) -> float:
            return SVG_MARGIN + (day - lo).days / days * width

        spans = []
        for e in events:
            x1 = x(datetime.date.fromisoformat(e["start"]))
            x2 = x(datetime.date.fromisoformat(e["end"]) + datetime.timedelta(days=1))
            spans.append((x1, max(x2, x1 + 6)))
        order = sorted(range(len(events)), key=lambda i: spans[i])
        lane_of = dict(zip(order, _lanes([spans[i] for i in order], 2), strict=True))
        lanes = max(lane_of.values()) + 1
        marks_top = axis_top + 22
        step = 1 if hi.year - lo.year <= 12 else 2
        for year in range(lo.year, hi.year + 1, step):
            tx = x(datetime.date(year, 1, 1))
            out_lines.append(
                f'<line x1="{tx:.1f}" y1="{axis_top}" x2="{tx:.1f}" '
                f'y2="{marks_top + lanes * LANE_HEIGHT}" stroke="#dddddd"/>'
            )
            if year < hi.year:
                out_lines.append(f'<text x="{tx + 3:.1f}" y="{axis_top + 14}" font-size="11">{year}</text>')
        for i, e in enumerate(events):
            colour = quoteattr(KIND_COLOURS.get(e["kind"], OTHER_COLOUR))
            x1, x2 = spans[i]
            y = marks_top + lane_of[i] * LANE_HEIGHT
            if e["precision"] == "day":
                out_lines.append(f'<circle cx="{(x1 + x2) / 2:.1f}" cy="{y + 5}" r="4" fill={colour}/>')
            else:
                out_lines.append(
                    f'<rect x="{x1:.1f}" y="{y}" width="{x2 - x1:.1f}" height="10" fill={colour} '
                    f'fill-opacity="0.35" stroke={colour}/>'
                )
        height = marks_top + lanes * LANE_HEIGHT + 30
        for e in events:
            text = e["description"] or ""
            text = text if len(text) <= DESCRIPTION_CHARS else text[: DESCRIPTION_CHARS - 1] + "…"
            colour = quoteattr(KIND_COLOURS.get(e["kind"], OTHER_COLOUR))
            out_lines.append(f'<rect x="{SVG_MARGIN}" y="{height - 9}" width="9" height="9" fill={colour}/>')
            out_lines.append(
                f'<text x="{SVG_MARGIN + 14}" y="{height}" font-size="11">'
                f"{escape(e['when'])} · {escape(kind_words(e['kind']))} · {escape(text)}</text>"
            )
            height += LINE_HEIGHT
    else:
        out_lines.append(
            f'<text x="{SVG_MARGIN}" y="{height}" font-size="13">No events match these filters.</text>'
        )
    height += 20
    cut = f" (the first {len(events)} of {answer['total']})" if answer["truncated"] else ""
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SVG_WIDTH}" height="{height}" '
        f'viewBox="0 0 {SVG_WIDTH} {height}" font-family="sans-serif">',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        f'<text x="{SVG_MARGIN}" y="28" font-size="18" font-weight="bold">{escape(title)}</text>',
        f'<text x="{SVG_MARGIN}" y="48" font-size="12" fill="#555555">'
        f"{escape(subtitle)} · {len(events)} events{escape(cut)}</text>",
    ]
    return "\n".join([*head, *out_lines, "</svg>"])
