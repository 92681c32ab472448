"""Run from the root of a checkout of an older commit: draft each gold file with that
commit's code and write one JSON line per drafted item (kind, value, sub-kind, spans, right
or wrong by the scorer's rules), plus one line per (file, kind) with the gold count.

    python <this file> OUT.jsonl SET GOLDFILE...

It reads the older code only through `extraction.score`, whose names have held since the
scorer matched aliases (c12bcda), so every blind set's scoring commit can run it.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, os.getcwd())
from extraction import score


def items_of(dossier):
    found = {}

    def add(kind, spellings, block, sub):
        item = found.setdefault(
            (kind, tuple(spellings)),
            {"kind": kind, "spellings": list(spellings), "sub": str(sub), "spans": [], "confidence": []},
        )
        item["spans"] += [[s.start, s.end] for s in getattr(block, "spans", None) or []]
        item["confidence"].append(getattr(block, "confidence", None) or "medium")

    for entity in dossier.entities.values():
        if entity.label in score._LABEL_KIND:
            kind = score._LABEL_KIND[entity.label]
            names = [score.key(kind, entity.shown), *(score.key(kind, a) for a in entity.aliases)]
            add(kind, list(dict.fromkeys(names)), entity, entity.label)
    for rel in dossier.relationships:
        for end in (rel.source, rel.target):
            if end.startswith(score.COUNTRY_REF):
                add("country", [score.key("country", end[len(score.COUNTRY_REF) :])], rel, rel.type)
        if rel.type == score.Rel.ARRESTED:
            person = dossier.entities.get(rel.target)
            places = person.arrested_in if person is not None else []
            for code in sorted({p.country for p in places} or {"unknown"}):
                add("arrest", [code], person if person is not None else rel, "arrest")
    for claim in dossier.claims:
        if claim.value is not None:
            add("figure", [score.key("figure", f"{claim.value} {claim.unit}")], claim, claim.unit)
    for event in dossier.events:
        add("date", [str(event.date)], event, event.kind)
    for alias in dossier.operation.aliases:
        add("operation", [score.key("operation", alias)], dossier.operation, "op")
    return list(found.values())


def rows_of(gold, dossier, where):
    """One row per drafted item, right or wrong as the scorer matches it, then one row per
    kind with the gold count."""
    items = items_of(dossier)
    for kind in score.FACT_KINDS:
        expected, matched = gold.facts[kind], set()
        for item in sorted((i for i in items if i["kind"] == kind), key=lambda i: i["spellings"]):
            hits = [
                n for n, g in enumerate(expected) if g.intersection(item["spellings"]) and n not in matched
            ]
            matched.update(hits[:1])
            yield {**item, **where, "right": bool(hits)}
        yield {"kind": kind, **where, "gold": len(expected)}


def main(out, corpus, files):
    with open(out, "a", encoding="utf-8") as sink:
        for name in files:
            gold = score.load_gold(Path(name))
            meta = score.ArticleMeta(url=gold.url, published=gold.published)
            dossier = score.draft_dossier(gold.text, meta, gold.lang)
            for row in rows_of(gold, dossier, {"set": corpus, "file": name, "lang": gold.lang}):
                sink.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
