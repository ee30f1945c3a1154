"""A date read before it becomes a mention, and the state one reading pass shares."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from zhjx.normalize.dates import words as W
from zhjx.normalize.dates.grammar import Grammar, grammar
from zhjx.normalize.dates.resolve import Interval

# Full-width digits, letters and a few marks read as ASCII; one character for one, so
# offsets are kept.
FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
FULLWIDTH[0x3000] = 0x20
_FULLWIDTH_CHAR = re.compile("[\uff01-\uff5e\u3000]")


def ascii_width(text: str) -> str:
    """``text.translate(FULLWIDTH)``: ``２０２５年３月`` reads as ``2025年3月``.

    Replaces only the full-width characters the text has (a handful of punctuation
    marks, usually), several times faster than ``str.translate`` over every character.
    """
    for ch in set(_FULLWIDTH_CHAR.findall(text)):
        text = text.replace(ch, chr(FULLWIDTH[ord(ch)]))
    return text


class Hit(NamedTuple):
    """A date read at ``start:end`` of the text, before it becomes a mention.

    A named tuple: the reader makes and copies (``_replace``) many of these, and a
    tuple is several times cheaper to make than a frozen dataclass.
    """

    start: int
    end: int
    lo: date | None = None
    hi: date | None = None
    gran: str = "day"
    ws: str = "day"  # written level of the start: year|month|day
    we: str = "day"  # written level of the end
    point: bool = True
    relative: bool = False
    used_ref: bool = False
    kind: str = "date"  # date|weekday|vague
    weekday: int | None = None
    has_year: bool = True
    has_month: bool = True


def span_hit(start: int, end: int, span: Interval | None, **kw) -> Hit:
    lo, hi = span if span else (None, None)
    return Hit(start, end, lo, hi, **kw)


def year_hit(
    start: int, end: int, span: Interval | None, relative: bool = False, used_ref: bool = False
) -> Hit:
    """A hit of one year written as a year: 2025年, 今年, 去年全年."""
    return span_hit(
        start, end, span, gran="year", ws="year", we="year", relative=relative, used_ref=used_ref
    )


def years_hit(
    start: int, end: int, span: Interval | None, relative: bool = False, used_ref: bool = False
) -> Hit:
    """A hit of a period of whole years: 2021—2025年, “十四五”, 上世纪80年代, 近三年."""
    return span_hit(
        start,
        end,
        span,
        gran="period",
        ws="year",
        we="year",
        point=False,
        relative=relative,
        used_ref=used_ref,
    )


class ReaderBase:
    """The text, the reference and the grammar of one pass, and small shared checks."""

    t: str
    ref: date | None
    g: Grammar
    vague: bool

    def __init__(self, text: str, ref: date | None, vague: bool) -> None:
        self.t = ascii_width(text)
        self.ref = ref
        self.g = grammar()
        self.vague = vague

    # ---- helpers -------------------------------------------------------------------

    def _not_before(self, pos: int, chars: str) -> bool:
        return pos < len(self.t) and self.t[pos] in chars

    def _rel_ok(self, r: W.Relative, start: int, end: int) -> bool:
        """Whether a relative word stands as one (not 然后天津, 日本年轻人, 十来年)."""
        if r.not_before and self._not_before(end, r.not_before):
            return False
        before = self.t[start - 1] if start else ""
        return not (before and (before in r.not_after or before in self.g.rel_not_after))
