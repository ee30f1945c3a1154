"""Paragraphs, sentences and clauses of a text, and a scanner over its words."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from zhjx.relate.lexicon import Lexicon

Range = tuple[int, int]

_span = re.Match.span  # ``m.span()`` as a function, for ``map``


@cache
def _runs_re(marks: frozenset[str]) -> re.Pattern[str] | None:
    """A run of characters between delimiters that holds more than whitespace."""
    chars = "".join(sorted(c for c in marks if len(c) == 1))
    if not chars:
        return None
    other = f"[^{re.escape(chars)}]"
    # re's \s and str.strip() agree on what whitespace is (both use str.isspace)
    return re.compile(rf"{other}*[^{re.escape(chars)}\s]{other}*")


def _split(text: str, marks: frozenset[str], cuts: Iterable[int]) -> list[Range]:
    """Ranges between delimiter characters (left out) and zero-width cuts, leaving out
    ranges of nothing but whitespace."""
    pattern = _runs_re(marks)
    if pattern is None:
        runs = [(0, len(text))] if text.strip() else []
    else:
        runs = list(map(_span, pattern.finditer(text)))
    last = len(text) - 1  # a cut at or after the last character changes nothing
    edges = sorted(x for x in set(cuts) if 0 < x <= last)
    if not edges:
        return runs
    out: list[Range] = []
    for s, t in runs:
        i = bisect.bisect_right(edges, s)
        j = bisect.bisect_left(edges, t)
        if i == j:  # no cut inside
            out.append((s, t))
            continue
        for x in edges[i:j]:
            if text[s:x].strip():
                out.append((s, x))
            s = x
        if text[s:t].strip():
            out.append((s, t))
    return out


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

    @staticmethod
    def starting_in(ranges: Sequence[Range], lo: int, hi: int) -> Sequence[Range]:
        """The ranges that start in ``[lo, hi)`` (``ranges`` sorted, as cut)."""
        return ranges[bisect.bisect_left(ranges, (lo,)) : bisect.bisect_left(ranges, (hi,))]

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


#: For each word set a Scanner was asked about: its longest word's length, and the
#: characters its words start and end with (a quick "no" for most positions).
_INDEX: dict[frozenset[str], tuple[int, frozenset[str], frozenset[str]]] = {}


def _index(words: frozenset[str]) -> tuple[int, frozenset[str], frozenset[str]]:
    found = _INDEX.get(words)
    if found is None:
        if len(_INDEX) >= 64:  # sets made on the fly: keep the memo small
            _INDEX.clear()
        found = _INDEX[words] = (
            max(map(len, words), default=0),
            frozenset(w[0] for w in words if w),
            frozenset(w[-1] for w in words if w),
        )
    return found


class Scanner:
    """Word look-ups that respect the segmenter's word boundaries.

    Look-ups walk the boundaries near a position (found by bisection) rather than every
    length up to ``longest``, and never try lengths beyond the longest word of the set.
    """

    def __init__(self, text: str, bounds: Iterable[int], longest: int = 8) -> None:
        self.text = text
        found = set(bounds)
        found.add(0)
        found.add(len(text))
        self._set = found
        self.bounds = sorted(found)
        self.longest = longest

    def lskip(self, pos: int, lo: int) -> int:
        """``pos`` moved left over whitespace, not below ``lo``."""
        text = self.text
        while pos > lo and text[pos - 1].isspace():
            pos -= 1
        return pos

    def rskip(self, pos: int, hi: int) -> int:
        """``pos`` moved right over whitespace, not beyond ``hi``."""
        text = self.text
        while pos < hi and text[pos].isspace():
            pos += 1
        return pos

    def is_bound(self, pos: int) -> bool:
        """Whether a word boundary falls at ``pos``."""
        return pos in self._set

    def word_ending(self, pos: int, lo: int, words: frozenset[str]) -> int | None:
        """Start of the longest word of ``words`` that ends at ``pos`` (boundaries both ends)."""
        if pos not in self._set or pos <= lo:
            return None
        longest, _, lasts = _INDEX.get(words) or _index(words)
        if self.text[pos - 1 : pos] not in lasts:  # most positions: no word ends here
            return None
        reach = min(self.longest, pos - lo, longest)
        bounds, text = self.bounds, self.text
        for k in range(bisect.bisect_left(bounds, pos - reach), bisect.bisect_left(bounds, pos)):
            b = bounds[k]
            if text[b:pos] in words:
                return b
        return None

    def word_starting(self, pos: int, hi: int, words: frozenset[str]) -> int | None:
        """End of the longest word of ``words`` that starts at ``pos`` (boundaries both ends)."""
        if pos not in self._set or hi <= pos:
            return None
        longest, firsts, _ = _INDEX.get(words) or _index(words)
        if self.text[pos : pos + 1] not in firsts:  # most positions: no word starts here
            return None
        reach = min(self.longest, hi - pos, longest)
        bounds, text = self.bounds, self.text
        first = bisect.bisect_right(bounds, pos)
        for k in range(bisect.bisect_right(bounds, pos + reach) - 1, first - 1, -1):
            b = bounds[k]
            if text[pos:b] in words:
                return b
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
