"""Near-miss names: nodes of one label shared by name whose names closely resemble each
other, proposed to an analyst with a score and a reason, never merged on their own.

Names are compared as folded words (graph/model/ids.py), with words that only say what
kind of body it is set aside ("della", "Repubblica", "Group", "Ltd") and common words of
other languages read in English ("Polizia" -> police): both lists are data, in
loaders/name_words.yaml. A pair is
proposed when one name is the other's acronym, when the two say the same words, when
every word of one is in the other (spelled alike, as rapidfuzz measures it), when one
begins the other ("Nagra", "Nagravision"), or when the two are spelled alike. Pairs an
analyst has judged (loaders/judgements.py) are not proposed again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from graph.model.ids import fold
from loaders.judgements import Judgements


@cache
def _name_words() -> tuple[frozenset[str], dict[str, str]]:
    raw = yaml.safe_load((Path(__file__).parent / "name_words.yaml").read_text(encoding="utf-8"))
    translated = {word: english for english, others in raw["translated"].items() for word in others}
    return frozenset(raw["generic"]), translated


# Two words are one when rapidfuzz's ratio of their spellings reaches this
# ("cryptocurrency", "cryptocurrencies": 86.7).
SAME_WORD = 85
# Two whole names are alike when their ratio reaches this.
ALIKE = 90
SHORTEST_PREFIX = 4


@dataclass(frozen=True)
class Named:
    """A node as resolution compares it: its id, label, shown name and every name."""

    id: str
    label: str
    name: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Candidate:
    left: str
    right: str
    label: str
    left_name: str
    right_name: str
    score: float
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {
            "left": self.left,
            "right": self.right,
            "label": self.label,
            "left_name": self.left_name,
            "right_name": self.right_name,
            "score": self.score,
            "reason": self.reason,
        }


def words(name: str) -> tuple[str, ...]:
    translated = _name_words()[1]
    return tuple(translated.get(w, w) for w in fold(name).split())


def core(name: str) -> tuple[str, ...]:
    """The words that say which body it is (all of them, if every word is generic)."""
    all_words = words(name)
    generic = _name_words()[0]
    kept = tuple(w for w in all_words if w not in generic)
    return kept or all_words


def acronyms(name: str) -> set[str]:
    """Initials of all the words, and of the words that are not generic."""
    every = words(name)
    return {a for a in ("".join(w[0] for w in every), "".join(w[0] for w in core(name))) if len(a) >= 2}


def _same_word(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= SHORTEST_PREFIX and fuzz.ratio(a, b) >= SAME_WORD)


def resemblance(a: str, b: str) -> tuple[float, str] | None:
    """(score 0-100, reason) when names `a` and `b` closely resemble each other."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return None
    if fa == fb:
        return 100.0, f"{a!r} and {b!r} are the same once case, accents and punctuation are set aside"
    ca, cb = core(a), core(b)
    ja, jb = " ".join(ca), " ".join(cb)
    for short, full, long_words in ((fa, b, cb), (fb, a, ca)):
        if " " not in short and len(short) >= 2 and len(long_words) >= 2 and short in acronyms(full):
            return 95.0, f"{short!r} is the acronym of {full!r}"
    score = round(fuzz.token_set_ratio(ja, jb), 1)
    if ca == cb:
        generic = sorted((set(words(a)) | set(words(b))) - set(ca))
        if generic:
            return 100.0, f"the same words once generic ones are set aside ({', '.join(generic)})"
        translated = _name_words()[1]
        read = sorted({f"{w} -> {translated[w]}" for w in (fa + " " + fb).split() if w in translated})
        return 100.0, f"the same words read in English ({', '.join(read)})"
    shorter, longer = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
    if all(any(_same_word(w, v) for v in longer) for w in shorter):
        exact = set(shorter) <= set(longer)
        how = "" if exact else ", spelled alike"
        return score, f"every word of {' '.join(shorter)!r} is in {' '.join(longer)!r}{how}"
    flat_a, flat_b = ja.replace(" ", ""), jb.replace(" ", "")
    head, tail = sorted((flat_a, flat_b), key=len)
    if len(head) >= SHORTEST_PREFIX and tail.startswith(head):
        return round(fuzz.partial_ratio(flat_a, flat_b), 1), f"{head!r} begins {tail!r}"
    alike = fuzz.ratio(ja, jb)
    if alike >= ALIKE:
        return round(alike, 1), f"{ja!r} and {jb!r} are spelled alike"
    return None


def _keys(name: str) -> set[str]:
    """Blocking keys: two names that share none are not compared."""
    keys = {w[:SHORTEST_PREFIX] for w in core(name)}
    keys |= acronyms(name)
    flat = fold(name).replace(" ", "")
    if " " not in fold(name):
        keys.add(flat)
    return keys


def compare(a: Named, b: Named) -> Candidate | None:
    """The best reason to propose `a` and `b` as one, if any."""
    best: tuple[float, str] | None = None
    for x in a.names:
        for y in b.names:
            found = resemblance(x, y)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
    if best is None:
        return None
    left, right = sorted((a, b), key=lambda n: n.id)
    return Candidate(left.id, right.id, a.label, left.name, right.name, best[0], best[1])


def candidates(
    nodes: Iterable[Named], judgements: Judgements, *, among: Iterable[Named] | None = None
) -> list[Candidate]:
    """Pairs of `nodes` (or of `nodes` with `among`, when given) of one label that closely
    resemble each other and that no judgement decided; best score first."""
    new = list(nodes)
    others = list(among) if among is not None else new
    index: dict[tuple[str, str], list[Named]] = defaultdict(list)
    for node in others:
        for name in node.names:
            for key in _keys(name):
                index[(node.label, key)].append(node)
    found: dict[tuple[str, str], Candidate] = {}
    for node in new:
        near = {
            other.id: other
            for name in node.names
            for key in _keys(name)
            for other in index.get((node.label, key), [])
            if other.id != node.id
        }
        for other in near.values():
            pair = tuple(sorted((node.id, other.id)))
            if pair in found or judgements.judged(node.id, other.id) is not None:
                continue
            candidate = compare(node, other)
            if candidate is not None:
                found[pair] = candidate  # type: ignore[index]
    return sorted(found.values(), key=lambda c: (-c.score, c.left, c.right))
