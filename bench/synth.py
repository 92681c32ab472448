"""Synthetic piracy networks as dossiers: seeded, deterministic, at any scale.

One dossier per operation, each well under the 2 MiB limit. Shared pools make the graph
connected the way real cases are: groups (with alias sets, named by different aliases in
different dossiers, so entity resolution has work to do), agencies, platforms and rights
holders recur across operations with a skewed (Zipf-like) popularity; servers are spread
over 60 countries with a skewed distribution; every fact cites the dossier's sources.

Run: python -m bench.synth --nodes 100000 --out /tmp/synth-1e5
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import sys
from pathlib import Path
from typing import Any

import yaml

# About this many graph nodes per dossier (measured: the generator's mix gives ~66).
NODES_PER_OPERATION = 66
# Relationships a dossier states with low confidence: what the weak-facts query lists.
LOW_CONFIDENCE_SHARE = 0.05

COUNTRIES = [
    "NL",
    "DE",
    "FR",
    "US",
    "GB",
    "RO",
    "IT",
    "ES",
    "RU",
    "UA",
    "CA",
    "SE",
    "PL",
    "BG",
    "CZ",
    "LT",
    "LV",
    "CH",
    "PT",
    "HU",
    "BE",
    "DK",
    "FI",
    "NO",
    "IE",
    "AT",
    "GR",
    "SK",
    "SI",
    "HR",
    "RS",
    "TR",
    "IL",
    "IN",
    "SG",
    "HK",
    "JP",
    "KR",
    "VN",
    "TH",
    "MY",
    "ID",
    "PH",
    "AU",
    "NZ",
    "BR",
    "AR",
    "MX",
    "CL",
    "CO",
    "PE",
    "ZA",
    "EG",
    "MA",
    "NG",
    "KE",
    "AE",
    "SA",
    "CY",
    "MT",
]
AGENCY_KINDS = ["police", "prosecutor", "judicial", "customs", "eu_body", "industry_coalition"]
GROUP_KINDS = [
    "release_group",
    "iptv_service",
    "streaming_site",
    "torrent_site",
    "cyberlocker",
    "linking_site",
]
PLATFORM_KINDS = ["messaging", "payment", "hosting", "app_store", "cryptocurrency", "cdn"]
EVENT_KINDS = ["investigation_start", "search", "arrest", "seizure", "charge", "announcement", "sentence"]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "tes",
    "vor",
    "zen",
    "pix",
    "dro",
    "neo",
    "flux",
    "byte",
    "star",
    "nova",
    "wave",
    "core",
    "grid",
    "lynx",
    "opal",
    "rex",
]
TLDS = ["to", "cc", "io", "tv", "net", "org", "me", "ws", "li", "xyz"]
FIRST = [
    "Alex",
    "Boris",
    "Carla",
    "Dmitri",
    "Elena",
    "Farid",
    "Gianni",
    "Hanna",
    "Ivan",
    "Jonas",
    "Kira",
    "Luca",
    "Marek",
    "Nadia",
    "Oskar",
]
LAST = [
    "Novak",
    "Rossi",
    "Weber",
    "Petrov",
    "Duval",
    "Jansen",
    "Kowalski",
    "Moreau",
    "Silva",
    "Horvat",
    "Berg",
    "Costa",
    "Lind",
    "Popa",
]


class Zipf:
    """Draw indices 0..n-1 with weight 1 / (rank + 1) ** s: a few very popular, a long tail."""

    def __init__(self, n: int, s: float):
        weights = [1.0 / (rank + 1) ** s for rank in range(n)]
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random) -> int:
        return bisect.bisect_left(self.cumulative, rng.random() * self.cumulative[-1])


def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def pools(operations: int, seed: int) -> dict[str, list[dict[str, Any]]]:
    """The entities shared across dossiers, with names and alias sets."""
    rng = random.Random(seed * 7919 + 1)
    groups = []
    for i in range(max(10, operations * 6 // 10)):
        base = f"{word(rng, 2).capitalize()} {i}"
        groups.append(
            {
                "name": base,
                "aliases": [f"{base} Team", f"{word(rng, 1).upper()}{i}", f"{base} Crew"][
                    : rng.randint(1, 3)
                ],
                "kind": rng.choice(GROUP_KINDS),
                "country": COUNTRIES[Zipf(len(COUNTRIES), 1.0).draw(rng)],
            }
        )
    agencies = [
        {
            "name": f"{word(rng, 2).capitalize()} Cyber Unit {i}",
            "aliases": [f"CU{i}"],
            "kind": rng.choice(AGENCY_KINDS),
            "country": COUNTRIES[i % len(COUNTRIES)],
        }
        for i in range(max(20, operations // 5))
    ]
    platforms = [
        {"name": f"{word(rng, 2).capitalize()}Pay {i}", "kind": rng.choice(PLATFORM_KINDS)}
        for i in range(max(30, min(2000, operations // 4)))
    ]
    organizations = [
        {"name": f"{word(rng, 2).capitalize()} Studios {i}", "kind": "rights_holder"}
        for i in range(max(20, min(500, operations // 20)))
    ]
    return {"groups": groups, "agencies": agencies, "platforms": platforms, "organizations": organizations}


def year_date(rng: random.Random, year: int) -> str:
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def dossier(number: int, shared: dict[str, list[dict[str, Any]]], seed: int) -> dict[str, Any]:
    rng = random.Random(seed * 1_000_003 + number)
    year = 2008 + number % 17
    did = f"{year}-synthetic-op-{number}"
    source_keys = [f"s{k}" for k in range(rng.randint(3, 6))]
    sources = {
        key: {
            "url": f"https://news.example.org/{did}/{key}",
            "publisher": rng.choice(["Europol", "Eurojust", "DOJ", "Guardia di Finanza", "TorrentFreak"]),
            "date": year_date(rng, year),
            "language": rng.choice(["en", "fr", "it", "de", "es", "nl"]),
            "title": f"Release {key} about operation {number}",
        }
        for key in source_keys
    }

    def cite() -> list[str]:
        return rng.sample(source_keys, rng.randint(1, 2))

    entities: dict[str, Any] = {}
    relationships: list[dict[str, Any]] = []

    # A draw of its own, so that the rest of the network does not change with it.
    doubt = random.Random(seed * 7_000_003 + number)

    def rel(src: str, rtype: str, dst: str, **extra: Any) -> None:
        relationship = {"from": src, "type": rtype, "to": dst, "sources": cite(), **extra}
        if doubt.random() < LOW_CONFIDENCE_SHARE:
            relationship["confidence"] = "low"
        relationships.append(relationship)

    group_zipf = Zipf(len(shared["groups"]), 0.8)
    targets = sorted({group_zipf.draw(rng) for _ in range(rng.randint(1, 3))})
    for g in targets:
        spec = shared["groups"][g]
        # Dossiers name a group by its name or by any of its aliases: resolution must agree.
        names = [spec["name"], *spec["aliases"]]
        name = names[rng.randrange(len(names))] if number % 3 else spec["name"]
        entities[f"g{g}"] = {
            "label": "Group",
            "name": name,
            "aliases": [n for n in names if n != name][:2],
            "country": spec["country"],
            "properties": {"kind": spec["kind"]},
            "first_seen": str(year - rng.randint(1, 6)),
            "sources": cite(),
        }
        rel("operation", "TARGETED", f"g{g}", properties={"role": "main target"})
    if len(targets) > 1:
        rel(f"g{targets[0]}", "RELATED_TO", f"g{targets[1]}", properties={"nature": "shared members"})
    agency_zipf = Zipf(len(shared["agencies"]), 1.0)
    for i, a in enumerate(sorted({agency_zipf.draw(rng) for _ in range(rng.randint(2, 5))})):
        spec = shared["agencies"][a]
        entities[f"a{a}"] = {
            "label": "Agency",
            "name": spec["name"] if rng.random() < 0.8 else spec["aliases"][0],
            "country": spec["country"],
            "properties": {"kind": spec["kind"]},
            "sources": cite(),
        }
        rel(
            f"a{a}", "LED" if i == 0 else "PARTICIPATED_IN", "operation", properties={"role": "investigation"}
        )
    platform_zipf = Zipf(len(shared["platforms"]), 1.1)
    platforms = sorted({platform_zipf.draw(rng) for _ in range(rng.randint(1, 3))})
    for p in platforms:
        spec = shared["platforms"][p]
        entities[f"p{p}"] = {
            "label": "Platform",
            "name": spec["name"],
            "properties": {"kind": spec["kind"]},
            "sources": cite(),
        }
        rel(f"g{targets[0]}", "USED", f"p{p}", properties={"purpose": "payments"})
    org_zipf = Zipf(len(shared["organizations"]), 1.0)
    for o in sorted({org_zipf.draw(rng) for _ in range(rng.randint(1, 3))}):
        spec = shared["organizations"][o]
        entities[f"o{o}"] = {
            "label": "Organization",
            "name": spec["name"],
            "properties": {"kind": spec["kind"]},
            "sources": cite(),
        }
        rel(f"g{targets[-1]}", "INFRINGED", f"o{o}", properties={"content": "films and series"})
    country_zipf = Zipf(len(COUNTRIES), 1.1)
    # Servers: a heavy-tailed count per operation (a few operations seize hundreds).
    acted: set[str] = set()
    for s in range(min(400, int(rng.lognormvariate(3.4, 0.8)))):
        country = COUNTRIES[country_zipf.draw(rng)]
        acted.add(country)
        entities[f"srv{s}"] = {
            "label": "Server",
            "name": f"Server {s} of operation {number}",
            "country": country,
            "properties": {"description": "seedbox"},
            "sources": cite(),
        }
        rel(f"g{targets[s % len(targets)]}", "OPERATED", f"srv{s}")
        rel("operation", "TOOK_DOWN" if s % 2 else "SEIZED", f"srv{s}")
        if s % 5 == 0:
            rel(f"srv{s}", "HOSTED_BY", f"p{platforms[0]}", properties={"role": "hosting"})
    for d in range(rng.randint(0, 12)):
        entities[f"dom{d}"] = {
            "label": "Domain",
            "name": f"{word(rng, 2)}{number}-{d}.{rng.choice(TLDS)}",
            "sources": cite(),
        }
        rel(f"g{targets[0]}", "OPERATED", f"dom{d}")
        rel("operation", "SEIZED", f"dom{d}")
    for i, country in enumerate(sorted(acted)[:6]):
        rel("operation", "ACTED_IN", f"country:{country}", key=f"servers-{i}", properties={"role": "servers"})
    people = []
    for k in range(rng.randint(1, 8)):
        ref = f"person{k}"
        people.append(ref)
        charged = rng.random() < 0.1
        # Only a person publicly charged is named; everyone else is described.
        person: dict[str, Any] = {"label": "Person"}
        if charged:
            person["name"] = f"{rng.choice(FIRST)} {rng.choice(LAST)} {number}-{k}"
        else:
            person["description"] = f"Member {k} of the network (operation {number})"
        person |= {
            "nationality": COUNTRIES[country_zipf.draw(rng)],
            "properties": {"role": "administrator" if k == 0 else "uploader"},
            "sources": cite(),
        }
        if charged:
            person["properties"].update({"publicly_charged": True, "name_basis": "indictment"})
        entities[ref] = person
        rel(ref, "MEMBER_OF", f"g{targets[0]}", properties={"role": "member"})
        rel("operation", "ARRESTED" if k % 2 == 0 else "CHARGED", ref)
    claims = [
        {
            "metric": metric,
            "value": rng.randint(5, 50_000),
            "unit": unit,
            "claimed_by": next(iter(k for k in entities if k.startswith("a")), None),
            "sources": [rng.choice(source_keys)],
        }
        for metric, unit in [("servers", "servers"), ("users", "subscribers"), ("damage", "EUR")][
            : rng.randint(1, 3)
        ]
    ]
    events = [
        {
            "date": year_date(rng, year + (i // 3)),
            "kind": EVENT_KINDS[i % len(EVENT_KINDS)],
            "description": f"Step {i} of operation {number}",
            "about": ["operation", people[i % len(people)]] if i % 2 else ["operation"],
            "sources": cite(),
        }
        for i in range(rng.randint(2, 6))
    ]
    return {
        "format": "piracy-graph/dossier@1",
        "id": did,
        "operation": {
            "name": f"Operation {word(rng, 2).capitalize()} {number}",
            "aliases": [f"Op {number}"],
            "kind": "takedown",
            "started": str(year - 1),
            "action_day": year_date(rng, year),
            "summary": f"Synthetic operation {number} against {len(targets)} groups.",
            "sources": source_keys[:2],
        },
        "sources": sources,
        "entities": entities,
        "relationships": relationships,
        "claims": claims,
        "events": events,
    }


# Raised when the dossiers written change shape, so that folders written before are
# written again (2: people who may not be named are described, not named; 4: some
# relationships stated with low confidence).
FORMAT_VERSION = 4


def generate(nodes: int, out: Path, seed: int = 1) -> dict[str, Any]:
    """Write about `nodes` graph nodes' worth of dossiers into `out`; idempotent per (nodes, seed)."""
    operations = max(3, round(nodes / NODES_PER_OPERATION))
    marker = out / "synth.json"
    meta = {"nodes_requested": nodes, "operations": operations, "seed": seed, "format": FORMAT_VERSION}
    if marker.exists() and json.loads(marker.read_text()) == meta:
        return meta
    out.mkdir(parents=True, exist_ok=True)
    shared = pools(operations, seed)
    width = len(str(operations))
    for number in range(operations):
        text = yaml.dump(dossier(number, shared, seed), Dumper=yaml.CSafeDumper, sort_keys=False, width=200)
        (out / f"op-{number:0{width}d}.yaml").write_text(text, encoding="utf-8")
    marker.write_text(json.dumps(meta))
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    meta = generate(args.nodes, args.out, args.seed)
    sys.stdout.write(json.dumps(meta) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
