"""The organization data in ``patterns/organizations/``, loaded once and indexed.

Pure Python: no spaCy.  Everything here is built from the data files; nothing about a
particular organization is written in code.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from zhjx.records import OrgKind
from zhjx.resources import load_jsonl, load_words

DIR = "organizations/"
#: The kinds an organization may have (the record contract).
KINDS = frozenset(typing.get_args(OrgKind))
#: Level words that stand for a region (resolved from the paper's province or city).
LEVEL_WORDS = ("自治区", "省", "市", "县", "区", "州", "盟", "旗", "镇", "乡")
#: The placeholder for the region in department templates.
REGION = "{R}"


class OrgDataError(ValueError):
    """An organization data file is malformed."""


@dataclass(frozen=True)
class Named:
    """A gazetteer entry: one canonical name and its kind."""

    name: str
    kind: str
    source: str


@dataclass(frozen=True)
class Place:
    """A place that can head an organization name."""

    surface: str
    name: str  # full name: 山西省, 太原市, 内蒙古自治区; as written for others
    level: str  # province | municipality | autonomous_region | sar | city | other
    province: str | None = None


@dataclass(frozen=True)
class Department:
    """A standard body of a regional government: templates with ``{R}``."""

    name: str
    kind: str


@dataclass(frozen=True)
class Suffix:
    """A word that ends an organization name."""

    suffix: str
    kind: str
    anchor: str  # "name" | "place"
    bare_place: bool


def _check_kind(kind: str, where: str) -> str:
    if kind not in KINDS:
        raise OrgDataError(f"{where}: unknown kind {kind!r}")
    return kind


@cache
def gazetteer() -> dict[str, Named]:
    """Surface -> entry for national bodies and named enterprises/institutions."""
    out: dict[str, Named] = {}
    for source in ("national.jsonl", "enterprises.jsonl"):
        for row in load_jsonl(DIR + source):
            name, kind = row["name"], _check_kind(row["kind"], f"{source}: {row.get('name')}")
            entry = Named(name, kind, source)
            for surface in (name, *row.get("abbr", ())):
                old = out.get(surface)
                if old is not None and old.name != name:
                    raise OrgDataError(
                        f"{source}: {surface!r} names both {old.name!r} and {name!r}"
                    )
                out[surface] = entry
    return out


@cache
def provinces() -> dict[str, Place]:
    """Province short and full names -> place."""
    out: dict[str, Place] = {}
    for row in load_jsonl(DIR + "provinces.jsonl"):
        place = Place(row["short"], row["name"], row["level"], row["short"])
        out[row["short"]] = place
        out[row["name"]] = Place(row["name"], row["name"], row["level"], row["short"])
    return out


@cache
def places() -> dict[str, Place]:
    """Every place surface -> place (provinces, prefecture cities, others)."""
    out: dict[str, Place] = {}
    for word in load_words(DIR + "places_other.txt"):
        out[word] = Place(word, word, "other")
    for row in load_jsonl(DIR + "cities.jsonl"):
        for surface in (row["short"], row["name"]):
            out[surface] = Place(surface, row["name"], "city", row["province"])
    out.update(provinces())
    return out


def province_full(province: str | None) -> str | None:
    """``山西`` -> ``山西省``; ``北京`` -> ``北京市``; unknown -> None."""
    if not province:
        return None
    place = provinces().get(province.strip())
    return place.name if place else None


def city_full(city: str | None) -> str | None:
    """``太原`` -> ``太原市``; a name already ending in a level word is kept."""
    if not city:
        return None
    city = city.strip()
    place = places().get(city)
    if place is not None and place.level == "city":
        return place.name
    return city if city.endswith(LEVEL_WORDS) else city + "市"


@cache
def departments() -> tuple[dict[tuple[str, str], Department], dict[str, Department]]:
    """``(prefix, rest) -> department`` for forms with a region, and ``rest -> department``
    for forms read without one (inside a list that shares the region)."""
    with_region: dict[tuple[str, str], Department] = {}
    bare: dict[str, Department] = {}
    for row in load_jsonl(DIR + "departments.jsonl"):
        name = row["name"]
        if REGION not in name:
            raise OrgDataError(f"departments.jsonl: {name!r} has no {REGION}")
        dept = Department(name, _check_kind(row["kind"], f"departments.jsonl: {name}"))
        for form in row["forms"]:
            if REGION in form:
                prefix, rest = form.split(REGION, 1)
                key = (prefix, rest)
                if key in with_region and with_region[key].name != name:
                    raise OrgDataError(f"departments.jsonl: {form!r} is ambiguous")
                with_region[key] = dept
            else:
                if form in bare and bare[form].name != name:
                    raise OrgDataError(f"departments.jsonl: {form!r} is ambiguous")
                bare[form] = dept
    return with_region, bare


@cache
def bare_departments_longest_first() -> tuple[str, ...]:
    """The department forms read without a region (财政厅, 发改委), longest first."""
    _, bare = departments()
    return tuple(sorted(bare, key=len, reverse=True))


@cache
def suffixes() -> dict[str, Suffix]:
    """Suffix word -> suffix data."""
    out = {}
    for row in load_jsonl(DIR + "suffixes.jsonl"):
        kind = _check_kind(row["kind"], f"suffixes.jsonl: {row['suffix']}")
        out[row["suffix"]] = Suffix(row["suffix"], kind, row["anchor"], bool(row["bare_place"]))
    return out


@cache
def org_endings() -> tuple[str, ...]:
    """What ends an organization's name: department forms without a region and suffixes."""
    _, bare = departments()
    return (*bare, *suffixes())


@cache
def kind_keywords() -> tuple[tuple[str, str], ...]:
    """``(keyword, kind)`` rules that refine the kind of a grammar match, in order."""
    return tuple(
        (row["keyword"], _check_kind(row["kind"], f"kinds.jsonl: {row['keyword']}"))
        for row in load_jsonl(DIR + "kinds.jsonl")
    )


@cache
def word_set(name: str) -> frozenset[str]:
    """A word list of ``patterns/organizations/`` as a set."""
    return frozenset(load_words(DIR + name))


@cache
def translit_chars() -> frozenset[str]:
    """The characters of transliterated foreign names (``translit_chars.txt``)."""
    return frozenset("".join(load_words(DIR + "translit_chars.txt")))


class WordScan:
    """The longest of a fixed set of words at every start in a text.

    The words are compiled into regular expressions shaped like their trie (``中(?:国
    (?:银行)?|…)``), which find the longest word at the leftmost start; searching again one
    character after each start finds the overlapping ones.  The scanning is done by ``re``
    in C, and Python runs once a match only.  ``re`` tries every first character of an
    alternation in turn, so the words are split by first character into a few expressions
    of at most ``ROOTS`` first characters each.
    """

    ROOTS = 64

    def __init__(self, words: Iterable[str]):
        trie: dict[str, dict] = {}
        for word in {w for w in words if w}:
            node = trie
            for ch in word:
                node = node.setdefault(ch, {})
            node[""] = {}
        roots = sorted(trie)
        parts = -(-len(roots) // self.ROOTS)
        self._searches = [
            re.compile(_trie_pattern({ch: trie[ch] for ch in roots[i::parts]})).search
            for i in range(parts)
        ]

    def longest(self, text: str) -> dict[int, int]:
        """Start -> length of the longest word starting there (what an alternation of the
        words, longest first, matches at that start), in text order."""
        out: dict[int, int] = {}
        for search in self._searches:
            m = search(text)
            while m is not None:
                start = m.start()
                out[start] = m.end() - start
                m = search(text, start + 1)
        return out if len(self._searches) < 2 else dict(sorted(out.items()))


def _trie_pattern(node: dict[str, dict]) -> str:
    """A pattern for the words below a trie node; greedy, so the longest matches first."""
    alts = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


@cache
def gazetteer_scan() -> WordScan:
    """A scan for every gazetteer surface."""
    return WordScan(gazetteer())


def gazetteer_matches(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the longest gazetteer surface at each start, in text order."""
    return [(s, s + n) for s, n in sorted(gazetteer_scan().longest(text).items())]


@cache
def department_regions() -> frozenset[str]:
    """Regions a department template accepts: Chinese provinces and cities, places written
    with their level word (小店区, 清徐县), and the bare level words."""
    out = {s for s, p in places().items() if p.level != "other" or s.endswith(LEVEL_WORDS)}
    out.discard("全国")
    return frozenset(out | set(LEVEL_WORDS))


@cache
def _department_rests() -> WordScan:
    """A scan for what follows the region in department forms (财政厅, 发改委)."""
    with_region, _ = departments()
    return WordScan(r for _, r in with_region)


@cache
def _department_prefixes() -> tuple[str, ...]:
    """What may stand before the region in department forms (中共, 共青团), longest first."""
    with_region, _ = departments()
    return tuple(sorted({p for p, _ in with_region if p}, key=lambda w: (-len(w), w)))


def department_matches(text: str) -> list[tuple[int, str, str, str]]:
    """``(start, prefix, region, rest)`` of ``prefix? region rest`` for every department
    form, at most one a start, in text order: at each start the longest prefix, then the
    longest region, then the longest rest that make a match (what the regular expression
    ``(pre)?(region)(rest)`` of longest-first alternations finds with overlapped search).
    The rests are found first; the regions are looked up right before them."""
    rest_at = _department_rests().longest(text)
    if not rest_at:
        return []
    regions, longest = department_regions(), max_region_len()
    region_at: dict[int, int] = {}  # start -> longest region there that a rest follows
    for mid in rest_at:
        for size in range(1, min(longest, mid) + 1):
            start = mid - size
            if text[start:mid] in regions and region_at.get(start, 0) < size:
                region_at[start] = size
    prefixes = _department_prefixes()
    starts = set(region_at)
    for start in region_at:
        for pre in prefixes:
            if start >= len(pre) and text.startswith(pre, start - len(pre)):
                starts.add(start - len(pre))
    out = []
    for start in sorted(starts):
        pre = next(
            (p for p in prefixes if text.startswith(p, start) and start + len(p) in region_at),
            "",
        )
        at = start + len(pre)
        if at not in region_at:
            continue
        mid = at + region_at[at]
        out.append((start, pre, text[at:mid], text[mid : mid + rest_at[mid]]))
    return out


@cache
def max_region_len() -> int:
    """The length of the longest department region."""
    return max(map(len, department_regions()))


@cache
def suffix_scan() -> WordScan:
    """A scan for the grammar's suffixes."""
    return WordScan(suffixes())


@cache
def right_blocks() -> dict[str, tuple[str, ...]]:
    """Head -> tails for every cut of the blocking words (政府|采购, 政|府采购 …)."""
    out: dict[str, list[str]] = {}
    for block in load_words(DIR + "right_blocks.txt"):
        for cut in range(1, len(block)):
            out.setdefault(block[:cut], []).append(block[cut:])
    return {head: tuple(tails) for head, tails in out.items()}


@cache
def right_block_next() -> frozenset[str]:
    """The characters a blocking word's tail starts with (what must follow a blocked name)."""
    return frozenset(tail[0] for tails in right_blocks().values() for tail in tails)


@cache
def country_abbreviations() -> dict[str, tuple[str, ...]]:
    """One-character country abbreviation -> the full country names it may stand for."""
    out = {}
    for line in load_words(DIR + "country_abbr.txt"):
        abbr, *names = line.split()
        if len(abbr) != 1 or not names:
            raise OrgDataError(f"country_abbr.txt: bad line {line!r}")
        out[abbr] = tuple(names)
    return out


@cache
def country_bodies() -> tuple[str, ...]:
    """State bodies a country abbreviation may head, longest first."""
    return tuple(sorted(load_words(DIR + "country_bodies.txt"), key=len, reverse=True))


@cache
def country_body_regex() -> re.Pattern[str]:
    """A country abbreviation followed by a state body (以|政府), the body in a lookahead
    (``re``: its search skips to the abbreviation characters in C)."""
    chars = "".join(sorted(country_abbreviations()))
    bodies = "|".join(
        re.escape(w) for w in sorted(set(country_bodies()), key=lambda w: (-len(w), w))
    )
    return re.compile(rf"[{re.escape(chars)}](?=(?P<body>{bodies}))")
