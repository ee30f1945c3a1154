"""The date words of ``patterns/dates/`` as lookups and regex alternations (loaded once)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from zhjx.resources import load_json, load_jsonl, load_words, pattern_path


@dataclass(frozen=True, slots=True)
class Relative:
    """A relative word: ``unit`` (day|month|quarter|year) and ``offset`` from the reference."""

    word: str
    unit: str
    offset: int
    not_before: str = ""
    not_after: str = ""


@dataclass(frozen=True, slots=True)
class Part:
    """A part of a year (months ``first``…``last``) or of a month (days)."""

    word: str
    of: str
    first: int
    last: int
    bare: bool
    gran: str
    not_before: str = ""


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def relatives() -> dict[str, Relative]:
    """Relative words (今年, 上月, 昨天 …) by surface."""
    return {r["word"]: Relative(**r) for r in load_jsonl("dates/relative.jsonl")}


@cache
def parts() -> tuple[Part, ...]:
    """Parts of years and months (年初, 上半年, 下旬 …)."""
    return tuple(Part(**p) for p in load_jsonl("dates/parts.jsonl"))


@cache
def parts_of(of: str, bare: bool | None = None) -> dict[str, Part]:
    """Parts of a ``year`` or ``month`` by surface (only bare ones when ``bare``)."""
    return {
        p.word: p for p in parts() if p.of == of and (bare is None or (p.bare if bare else True))
    }


@cache
def plans() -> dict[int, tuple[int, int]]:
    """Five-year plan number -> (first year, last year)."""
    out = {}
    for line in pattern_path("dates/plans.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            n, first, last = line.split("\t")
            out[int(n)] = (int(first), int(last))
    return out


@cache
def vague_words() -> tuple[str, ...]:
    """Vague time words (近日, 目前 …)."""
    return load_words("dates/vague.txt")


@cache
def anchors() -> dict[str, Any]:
    """Prefixes, suffixes, range connectors and between-words."""
    return load_json("dates/anchors.json")


@cache
def blockers() -> dict[str, Any]:
    """What may not follow a number for it to be a date."""
    return load_json("dates/blockers.json")


@cache
def weekdays() -> dict[str, Any]:
    """Week names, weekday characters and week shifts."""
    return load_json("dates/weekdays.json")
