"""Paragraphs, sentences and clauses of a text, and a scanner over its words."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import regex

from zhjx.relate.lexicon import Lexicon

Range = tuple[int, int]


@cache
def _marks_re(marks: frozenset[str]) -> regex.Pattern[str] | None:
    chars = "".join(sorted(c for c in marks if len(c) == 1))
    return regex.compile(f"[{regex.escape(chars)}]") if chars else None


def _split(text: str, marks: frozenset[str], cuts: Iterable[int]) -> list[Range]:
    """Ranges between delimiter characters (left out) and zero-width cuts."""
    last = len(text) - 1  # a cut at or after the last character changes nothing
    edges = iter(x for x in sorted(set(cuts)) if x <= last)
    edge = next(edges, None)
    out: list[Range] = []
    start = 0
    pattern = _marks_re(marks)
    for i in (m.start() for m in pattern.finditer(text)) if pattern else ():
        while edge is not None and edge <= i:
            if edge > start:
                out.append((start, edge))
                start = edge
            edge = next(edges, None)
        out.append((start, i))
        start = i + 1
    while edge is not None:
        if edge > start:
            out.append((start, edge))
            start = edge
        edge = next(edges, None)
    out.append((start, len(text)))
    return [(s, t) for s, t in out if text[s:t].strip()]


@dataclass(frozen=True)
class Segments:
    """The text cut into paragraphs, sentences and clauses, with its datelines."""

    paragraphs: list[Range]
    sentences: list[Range]
    clauses: list[Range]
    datelines: list[Range]

    @staticmethod
    def find(ranges: Sequence[Range], pos: int) -> Range | None:
        """The range holding ``pos`` (or None when ``pos`` falls on a delimiter)."""
        i = bisect.bisect_right(ranges, (pos, float("inf"))) - 1
        if i >= 0 and ranges[i][0] <= pos < ranges[i][1]:
            return ranges[i]
        return None

    def in_dateline(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a dateline (本报太原3月29日讯)."""
        return any(s < end and start < e for s, e in self.datelines)


def segment(text: str, lex: Lexicon) -> Segments:
    """Cut ``text``: paragraphs at line breaks, sentences at 。！？, clauses at ，、；： too.

    A dateline is a sentence and a clause of its own.
    """
    datelines = [m.span() for p in lex.datelines for m in p.finditer(text)]
    cuts = [x for span in datelines for x in span]
    return Segments(
        paragraphs=_split(text, frozenset("\n"), ()),
        sentences=_split(text, lex.sentence_marks, cuts),
        clauses=_split(text, lex.clause_marks, cuts),
        datelines=sorted(datelines),
    )


class Scanner:
    """Word look-ups that respect the segmenter's word boundaries."""

    def __init__(self, text: str, bounds: Iterable[int], longest: int = 8) -> None:
        self.text = text
        self.bounds = sorted(set(bounds) | {0, len(text)})
        self._set = frozenset(self.bounds)
        self.longest = longest

    def lskip(self, pos: int, lo: int) -> int:
        """``pos`` moved left over whitespace, not below ``lo``."""
        while pos > lo and self.text[pos - 1].isspace():
            pos -= 1
        return pos

    def rskip(self, pos: int, hi: int) -> int:
        """``pos`` moved right over whitespace, not beyond ``hi``."""
        while pos < hi and self.text[pos].isspace():
            pos += 1
        return pos

    def is_bound(self, pos: int) -> bool:
        """Whether a word boundary falls at ``pos``."""
        return pos in self._set

    def word_ending(self, pos: int, lo: int, words: frozenset[str]) -> int | None:
        """Start of the longest word of ``words`` that ends at ``pos`` (boundaries both ends)."""
        if not self.is_bound(pos):
            return None
        for n in range(min(self.longest, pos - lo), 0, -1):
            if self.is_bound(pos - n) and self.text[pos - n : pos] in words:
                return pos - n
        return None

    def word_starting(self, pos: int, hi: int, words: frozenset[str]) -> int | None:
        """End of the longest word of ``words`` that starts at ``pos`` (boundaries both ends)."""
        if not self.is_bound(pos):
            return None
        for n in range(min(self.longest, hi - pos), 0, -1):
            if self.is_bound(pos + n) and self.text[pos : pos + n] in words:
                return pos + n
        return None

    def bounds_between(self, lo: int, hi: int) -> list[int]:
        """Word boundaries strictly inside ``(lo, hi)``, ascending."""
        i = bisect.bisect_right(self.bounds, lo)
        j = bisect.bisect_left(self.bounds, hi)
        return self.bounds[i:j]

    def next_bound(self, pos: int) -> int:
        """The first word boundary after ``pos``."""
        i = bisect.bisect_right(self.bounds, pos)
        return self.bounds[i] if i < len(self.bounds) else len(self.text)
