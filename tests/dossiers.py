"""Small dossiers written inline for loader tests."""

from __future__ import annotations

import textwrap

MINIMAL = textwrap.dedent("""\
    format: piracy-graph/dossier@1
    id: 2099-test-op
    operation:
      name: Test operation
      action_day: 2099-01-02
      sources: [release]
    sources:
      release:
        url: https://example.org/release
        publisher: Example police
        date: 2099-01-02
        language: en
    entities:
      net:
        label: Group
        name: Example IPTV
        properties: {kind: IPTV service}
        sources: [release]
      gdf:
        label: Agency
        name: GdF
        country: Italie
        properties: {kind: police}
        sources: [release]
    relationships:
      - {from: gdf, type: LED, to: operation, sources: [release]}
      - {from: operation, type: TARGETED, to: net, sources: [release]}
      - from: operation
        type: ACTED_IN
        to: "country:Royaume-Uni"
        properties: {role: searches}
        sources: [release]
    claims:
      - {metric: users, value: 1000, unit: users, claimed_by: gdf, sources: [release]}
    """)

SECOND = textwrap.dedent("""\
    format: piracy-graph/dossier@1
    id: 2099-second-op
    operation:
      name: Second operation
      sources: [article]
    sources:
      article:
        url: https://example.com/article
        publisher: Example news
        language: fr
    entities:
      gdf:
        label: Agency
        name: Guardia di Finanza
        properties: {kind: police}
        sources: [article]
      net:
        label: Group
        name: Example IPTV
        aliases: [ExIPTV]
        properties: {kind: IPTV service}
        sources: [article]
    relationships:
      - {from: gdf, type: PARTICIPATED_IN, to: operation, sources: [article]}
      - {from: operation, type: TARGETED, to: net, sources: [article]}
      - {from: operation, type: ACTED_IN, to: "country:UK", properties: {role: arrest}, sources: [article]}
    """)


def one_source_dossier(dossier_id: str, body: str, *, name: str | None = None, url: str | None = None) -> str:
    """A dossier of one operation with one source, `release`; `body` gives its entities,
    relationships and claims as YAML at the top level."""
    header = textwrap.dedent(f"""\
        format: piracy-graph/dossier@1
        id: {dossier_id}
        operation:
          name: {name or f"Operation {dossier_id}"}
          sources: [release]
        sources:
          release:
            url: {url or f"https://example.org/{dossier_id}"}
            publisher: Example police
            language: en
        """)
    return header + textwrap.dedent(body)
