"""The print SVG: each label's shape, arrows, edge labels that do not overlap, and the
sources as numbered footnotes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.model.schema import get_schema

SVG = "{http://www.w3.org/2000/svg}"
SHAPE_TAGS = {
    "dot": "circle",
    "circle": "circle",
    "square": "rect",
    "box": "rect",
    "text": "rect",
    "ellipse": "ellipse",
    "database": "path",
}


@pytest.fixture(scope="module")
def sparks(client: TestClient) -> tuple[ET.Element, dict[str, Any]]:
    svg = ET.fromstring(client.get("/views/entities/group:sparks?format=svg").text)
    answer = client.get("/entities/group:sparks/neighbours").json()
    return svg, answer


def drawn_shapes(svg: ET.Element) -> list[str]:
    # The legend's shapes come after the nodes' and carry no node; count node shapes only.
    tags = [
        el.tag.removeprefix(SVG)
        for el in svg
        if el.tag.removeprefix(SVG) in {"circle", "rect", "ellipse", "polygon"}
    ]
    return tags[1:]  # the first rect is the white background


def test_every_node_has_its_labels_shape(sparks: tuple[ET.Element, dict[str, Any]]) -> None:
    svg, answer = sparks
    schema = get_schema()
    expected = []
    for node in answer["nodes"]:
        label = next(lb for lb in node["labels"] if lb in schema.labels)
        shape = schema.labels[label].style["shape"]
        expected.append(SHAPE_TAGS.get(shape, "polygon"))
    assert drawn_shapes(svg)[: len(expected)] == expected


def test_every_relationship_is_an_arrow(sparks: tuple[ET.Element, dict[str, Any]]) -> None:
    svg, answer = sparks
    arrows = [el for el in svg.iter(f"{SVG}path") if el.get("marker-end") == "url(#arrow)"]
    assert len(arrows) == len(answer["edges"])


@pytest.mark.parametrize(
    "view",
    [
        "/views/entities/group:sparks?format=svg",
        "/views/entities/operation:2020-perfect-storm?format=svg",
        "/views/paths?from=group:sparks&to=group:geckos&format=svg",
        "/views/shared?id=operation:2020-sparks&id=operation:2020-perfect-storm&format=svg",
    ],
)
def test_edge_labels_do_not_overlap(client: TestClient, view: str) -> None:
    svg = ET.fromstring(client.get(view).text)
    boxes = [
        (float(el.get("x", 0)), float(el.get("y", 0)), 4.5 * len(el.text or ""))
        for el in svg.iter(f"{SVG}text")
        if el.get("class") == "edge-label"
    ]
    overlapping = [
        (a, b)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if abs(a[0] - b[0]) * 2 < (a[2] + b[2]) and abs(a[1] - b[1]) < 10
    ]
    assert overlapping == []


def test_footnotes_number_every_cited_source_with_its_date(sparks: tuple[ET.Element, dict[str, Any]]) -> None:
    svg, answer = sparks
    cited = {s for item in answer["nodes"] + answer["edges"] for s in item.get("sources") or []}
    lines = ["".join(el.itertext()) for el in svg.iter(f"{SVG}text") if el.get("class") == "footnote"]
    numbers = [int(line.split(".", 1)[0]) for line in lines]
    dated = [bool(re.search(r", (\d{4}(-\d{2}){0,2}|date unknown)(, | |$)", line)) for line in lines]
    assert (numbers, all(dated)) == (list(range(1, len(cited) + 1)), True)


def test_a_seed_file_is_cited_by_its_publisher_never_its_path(client: TestClient) -> None:
    text = client.get("/views/operations/operation:2020-perfect-storm?format=svg").text
    assert "seeds/" not in text
