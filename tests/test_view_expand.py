"""Nodes expanded in place are part of a view's address (`expand=ID`, repeatable): the
server draws them again for a shared link, a reload and the print SVG, and refuses an
expansion it cannot draw. Real engine, bundled dossiers."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

DATA_BLOCK = re.compile(r'<script type="application/json" id="graph-data">(.*?)</script>', re.S)
PATHS = "/views/paths?from=group:sparks&to=group:geckos"


def drawn(client: TestClient, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    found = DATA_BLOCK.search(response.text)
    assert found is not None
    return {n["id"] for n in json.loads(found.group(1))["nodes"]}


def neighbours(client: TestClient, entity_id: str, extra: str = "") -> set[str]:
    answer: dict[str, Any] = client.get(f"/entities/{entity_id}/neighbours?depth=1&limit=100{extra}").json()
    return {n["id"] for n in answer["nodes"]}


def test_an_expanded_paths_view_draws_the_paths_and_the_neighbours(client: TestClient) -> None:
    base = drawn(client, PATHS)
    expected = base | neighbours(client, "operation:2020-sparks")
    assert drawn(client, PATHS + "&expand=operation:2020-sparks") == expected


def test_expansions_apply_in_order_so_a_later_one_may_use_an_earlier_one(client: TestClient) -> None:
    first = drawn(client, PATHS + "&expand=operation:2020-sparks")
    later = sorted(first - drawn(client, PATHS))[0]
    expected = first | neighbours(client, later)
    assert drawn(client, PATHS + f"&expand=operation:2020-sparks&expand={later}") == expected


def test_an_expanded_neighbourhood_keeps_its_own_label_filter(client: TestClient) -> None:
    view = "/views/entities/group:sparks?labels=Operation&labels=Country"
    kept = "&labels=Operation&labels=Country"
    expected = drawn(client, view) | neighbours(client, "operation:2020-sparks", kept)
    assert drawn(client, view + "&expand=operation:2020-sparks") == expected


def test_the_print_svg_of_an_expanded_view_draws_every_node(client: TestClient) -> None:
    svg = client.get(PATHS + "&expand=operation:2020-sparks&format=svg").text
    assert svg.count('class="node-label"') == len(drawn(client, PATHS + "&expand=operation:2020-sparks"))


def test_expanding_a_node_the_view_does_not_draw_is_refused(client: TestClient) -> None:
    response = client.get(PATHS + "&expand=country:JP")
    assert (response.status_code, response.json()["error"]["message"]) == (
        422,
        "expand: 'country:JP' is not drawn in this view, so it cannot be expanded",
    )


def test_more_than_thirty_expansions_are_refused(client: TestClient) -> None:
    many = "".join(f"&expand=group:g{i}" for i in range(31))
    assert client.get(PATHS + many).status_code == 422


@pytest.mark.parametrize("bad", ["sparks", "group:spa rks", "x" * 400])
def test_an_expansion_that_is_no_id_is_refused(client: TestClient, bad: str) -> None:
    assert client.get(PATHS + f"&expand={bad}").status_code == 422


def test_a_named_query_view_does_not_pass_expand_to_the_query(client: TestClient) -> None:
    view = "/views/queries/countries_by_operations"
    base = drawn(client, view)
    first = sorted(base)[0]
    assert drawn(client, view + f"?expand={first}") == base | neighbours(client, first)


def test_the_json_link_of_an_expanded_view_asks_the_question_itself(client: TestClient) -> None:
    page = client.get(PATHS + "&expand=operation:2020-sparks").text
    found = re.search(r'id="json-link" href="([^"]+)"', page)
    twin = found.group(1).replace("&amp;", "&") if found else None
    assert twin == "/paths?from=group%3Asparks&to=group%3Ageckos"
