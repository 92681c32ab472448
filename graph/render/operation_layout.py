"""Where each node of an operation page sits: the operation in the centre, one sector per label.

The entities attached to the operation fill rings around it, each label in its own
sector (agencies together, countries together...), so that a reader finds one kind of
thing in one place and the lines from the centre run between nodes rather than through
them. Claims, events and sources sit in an outer band of their own, drawn when the
reader opens them; while they are closed, one summary node per label stands in the inner
rings. Everything follows from the nodes' order alone (no randomness, no physics): the
same answer is drawn the same way every time.

Rings are laid out in units of one node's room and then stretched into ellipses: a label
under a node is about twice as wide as it is tall, and the page is wider than it is tall.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

# One unit of room, in pixels, across and down: a label of two or three short lines.
UNIT_X = 125.0
UNIT_Y = 88.0
FIRST_RING = 1.6  # units from the centre to the first ring: room for the operation's label
RING_STEP = 1.0
OUTER_CLEARANCE = 1.5  # units between the inner rings and the outer band (sector titles)
GAP = 0.06  # radians left empty between two sectors
HEADER_OFFSET = 0.6  # units beyond a sector's outermost ring, where its title sits
LABEL_DROP = 34.0  # pixels a node's label hangs below it: a title under a sector goes lower
TOP = -math.pi / 2  # sectors start at twelve o'clock and run clockwise (y grows downwards)


@dataclass(frozen=True)
class Header:
    """A sector's title: where it is drawn and which way its text runs from that point."""

    label: str
    x: float
    y: float
    align: str  # left, right or center
    outer: bool  # in the outer band: drawn only while that label is open


@dataclass
class Layout:
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    headers: list[Header] = field(default_factory=list)


def _capacity(angle: float, radius: float) -> int:
    """How many nodes an arc holds, one unit apart."""
    return math.floor(angle * radius)


def _sectors(groups: list[tuple[str, list[str]]], first: float) -> tuple[list[float], list[float]]:
    """The rings' radii, and each group's sector angle: the circle shared in proportion to
    the groups' sizes, on as few rings as hold every group."""
    gaps = GAP * len(groups) if len(groups) > 1 else 0.0
    # Half a node more for every group, so that a group of one still gets room on a ring.
    weights = [len(ids) + 0.5 for _, ids in groups]
    angles = [(2 * math.pi - gaps) * w / sum(weights) for w in weights]
    rings = 1
    while True:
        radii = [first + k * RING_STEP for k in range(rings)]
        if all(
            sum(_capacity(angle, r) for r in radii) >= len(ids)
            for (_, ids), angle in zip(groups, angles, strict=True)
        ):
            return radii, angles
        rings += 1


def _shares(count: int, capacities: list[int]) -> list[int]:
    """How many nodes go on each ring: the fewest inner rings that hold them, each holding
    a share in proportion to its length, so that a sector fills as a wedge."""
    if count == 0:
        return []
    used: list[int] = []
    for cap in capacities:
        if sum(used) >= count:
            break
        used.append(cap)
    shares = [min(cap, math.floor(count * cap / sum(used))) for cap in used]
    while sum(shares) < count:
        ring = max(range(len(used)), key=lambda i: (used[i] - shares[i], i))
        shares[ring] += 1
    return shares


def _place(
    layout: Layout, groups: list[tuple[str, list[str]]], radii: list[float], angles: list[float], outer: bool
) -> None:
    start = TOP
    gap = GAP if len(groups) > 1 else 0.0
    for (label, ids), angle in zip(groups, angles, strict=True):
        shares = _shares(len(ids), [_capacity(angle, r) for r in radii])
        taken = 0
        outermost = radii[0]
        for radius, share in zip(radii, shares, strict=False):
            for j in range(share):
                theta = start + angle * (j + 0.5) / share
                x, y = radius * math.cos(theta), radius * math.sin(theta)
                layout.positions[ids[taken]] = (x * UNIT_X, y * UNIT_Y)
                taken += 1
            if share:
                outermost = radius
        mid = start + angle / 2
        cos, sin = math.cos(mid), math.sin(mid)
        reach = outermost + HEADER_OFFSET
        align = "left" if cos > 0.35 else "right" if cos < -0.35 else "center"
        drop = LABEL_DROP if sin > 0.35 else 0.0
        layout.headers.append(Header(label, reach * cos * UNIT_X, reach * sin * UNIT_Y + drop, align, outer))
        start += angle + gap


def sector_layout(
    centre: str,
    inner: list[tuple[str, list[str]]],
    outer: list[tuple[str, list[str]]],
) -> Layout:
    """Positions for `centre` at (0, 0), the `inner` groups (label, ordered ids) in rings
    around it, and the `outer` groups in a band beyond them. A group that stands for a
    closed outer label (its summary node) is an inner group like any other."""
    layout = Layout(positions={centre: (0.0, 0.0)})
    inner = [(label, ids) for label, ids in inner if ids]
    outer = [(label, ids) for label, ids in outer if ids]
    reach = FIRST_RING
    if inner:
        radii, angles = _sectors(inner, FIRST_RING)
        _place(layout, inner, radii, angles, outer=False)
        reach = radii[-1]
    if outer:
        radii, angles = _sectors(outer, reach + OUTER_CLEARANCE)
        _place(layout, outer, radii, angles, outer=True)
    return layout
