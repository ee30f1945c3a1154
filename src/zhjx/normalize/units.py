"""Unit words, measure words and currencies (data in ``patterns/numbers/units.jsonl``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from zhjx.normalize.wordtable import WordTable
from zhjx.resources import load_jsonl

UNITS_FILE = "numbers/units.jsonl"


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit word: ``unit`` is 元 or an ISO code for money, else the word itself."""

    word: str
    kind: str  # money | count | measure | duration | multiple
    unit: str
    factor: Decimal = Decimal(1)
    prefix: bool = False  # a currency name that may stand before the number (人民币3.14)
    arabic_only: bool = False  # 角 毛 分: only after Arabic digits or in a compound amount
    compound_only: bool = False  # 分: only inside a compound amount (3元4角5分)
    not_before: str = ""  # next characters that make the word start another word (本报)
    count_before_noun: bool = False  # 块: money unless a noun follows (7块地板砖)


@cache
def units() -> dict[str, Unit]:
    """All unit words by their (folded) spelling."""
    out = {}
    for row in load_jsonl(UNITS_FILE):
        word = row["word"]
        out[word] = Unit(
            word=word,
            kind=row["kind"],
            unit=row.get("unit", word),
            factor=Decimal(row.get("factor", "1")),
            prefix=bool(row.get("prefix")),
            arabic_only=bool(row.get("arabic_only")),
            compound_only=bool(row.get("compound_only")),
            not_before=row.get("not_before", ""),
            count_before_noun=bool(row.get("count_before_noun")),
        )
    return out


def _alternation(words: list[str]) -> str:
    parts = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        esc = regex.escape(w)
        parts.append(esc + r"(?![A-Za-z])" if w[-1].isascii() and w[-1].isalpha() else esc)
    return "|".join(parts)


@cache
def unit_re() -> regex.Pattern[str]:
    """A unit word at a position (longest first); see :func:`match_unit`."""
    return regex.compile(_alternation(list(units())))


@cache
def unit_table() -> WordTable:
    """The unit words for look-ups at a position (as :func:`unit_re` matches them)."""
    return WordTable(units(), latin_bound=True)


def unit_at(text: str, pos: int) -> str | None:
    """The unit word at ``pos`` (longest first), or None: ``unit_re().match`` as a word."""
    return unit_table().at(text, pos)


def match_unit(text: str, pos: int) -> tuple[Unit, str, int] | None:
    """The unit word at ``pos``: ``(unit, word as matched, end)``, or None."""
    word = unit_table().at(text, pos)
    if word is None:
        return None
    end = pos + len(word)
    u = units()[word]
    nxt = text[end : end + 1]
    if u.not_before and nxt and nxt in u.not_before:
        return None
    if u.count_before_noun and _HAN.match(nxt) and nxt not in _MONEY_NEXT:
        u = Unit(u.word, "count", u.word)
    return u, word, end


_HAN = regex.compile(r"\p{Han}")
_MONEY_NEXT = set("钱零一二两三四五六七八九半毛角以左多余的")


@cache
def currency_prefix_re() -> regex.Pattern[str]:
    """A currency name that may stand before the number, anchored at the end of a text."""
    words = [w for w, u in units().items() if u.prefix]
    return regex.compile(rf"(?:{_alternation(words)})[ ]{{0,2}}$")


@cache
def currency_after() -> regex.Pattern[str]:
    """A currency name right after a 元 amount (三万元欧元, 8亿元人民币)."""
    words = [w for w, u in units().items() if u.prefix]
    return regex.compile(_alternation(words))


@cache
def currency_table() -> WordTable:
    """The currency names (of :func:`currency_after` and :func:`currency_prefix_re`) for
    look-ups at or ending a position."""
    return WordTable((w for w, u in units().items() if u.prefix), latin_bound=True)
