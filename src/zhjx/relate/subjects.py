"""What a figure measures: the noun phrase before or after it in its clause.

Patterns, over the segmenter's words (no parser):

* ``X达/为/完成/突破 + NUM`` and ``X + NUM``: the phrase before the number, trailing
  predicates and qualifiers stripped (``润滑油销售收入达7.71亿元`` → 润滑油销售收入);
* ``verb + X + NUM``: the phrase after the last predicate (``输送车轮70万片`` → 车轮);
* ``X + 比/较… + NUM``: the phrase before the comparison (``增速比全国高1.2个百分点``);
* ``NUM + 的 + X`` (``584.35亿元的政府采购合同``) and, for counts, ``NUM + X``
  (``联动8家金融机构``): the phrase after the number.

A subject never leaves its clause; determiners and references (该车间, 我省) are
stripped from its start.
"""

from __future__ import annotations

import regex

from zhjx.relate.lexicon import Lexicon
from zhjx.relate.segments import Range, Scanner

_HAN = regex.compile(r"\p{Han}")

#: A phrase after a number longer than this (in characters) is not taken as its subject.
MAX_RIGHT_CHARS = 16


def _clean(text: str) -> str:
    return "".join(text.split())


def strip_trailing(sc: Scanner, lo: int, end: int, lex: Lexicon) -> int:
    """``end`` moved left over the predicates, qualifiers and change words before a number."""
    trailing = lex.trailing
    while True:
        end = sc.lskip(end, lo)
        start = sc.word_ending(end, lo, trailing)
        if start is None:
            return end
        end = start


def strip_leading(sc: Scanner, start: int, end: int, lex: Lexicon) -> int:
    """``start`` moved right over references, determiners and function words."""
    leading = lex.leading
    while True:
        start = sc.rskip(start, end)
        after = sc.word_starting(start, end, leading)
        if after is None or not _HAN.search(sc.text[after:end]):
            return start
        start = after


def left_subject(sc: Scanner, lo: int, hi: int, lex: Lexicon) -> Range | None:
    """The noun phrase in ``[lo, hi)`` that a number at ``hi`` measures, or None."""
    end = strip_trailing(sc, lo, hi, lex)
    for b in sc.bounds_between(lo, end):  # 增速比全国高: the subject ends before 比
        if sc.word_starting(b, end, lex.comparatives) is not None:
            if _HAN.search(sc.text[lo:b]):
                end = strip_trailing(sc, lo, b, lex)
            break
    if end <= lo:
        return None
    start = lo
    boundaries = lex.boundaries
    for b in reversed(sc.bounds_between(lo, end)):
        if sc.word_ending(b, lo, boundaries) is not None and sc.text[b:end].strip():
            start = b
            break
    start = strip_leading(sc, start, end, lex)
    if not _HAN.search(sc.text[start:end]):
        return None
    return start, end


def right_subject(sc: Scanner, lo: int, hi: int, lex: Lexicon, *, direct: bool) -> Range | None:
    """The noun phrase after a number ending at ``lo``: after ``的``, or (``direct``) at once.

    ``hi`` is the end of the clause or the start of the next mention; a phrase that runs
    into the next mention is that mention's, not this one's.
    """
    text = sc.text
    pos = sc.rskip(lo, hi)
    if text.startswith("的", pos):
        pos = sc.rskip(pos + 1, hi)
    elif not direct:
        return None
    stops = lex.right_stops
    end = pos
    while True:
        nxt = sc.rskip(end, hi)
        if nxt >= hi:
            if hi < len(text) and text[hi] not in lex.clause_marks:
                return None  # ran into the next mention
            break
        if sc.word_starting(nxt, hi, stops) is not None:
            break
        end = min(sc.next_bound(nxt), hi)
        if len(_clean(text[pos:end])) > MAX_RIGHT_CHARS:
            return None
    found = _clean(text[pos:end])
    if not _HAN.search(found) or (direct and len(found) < 2):
        return None  # 千万至亿元级: a one-character word after a number is a suffix
    return pos, end


def subject_text(sc: Scanner, span: Range | None) -> str | None:
    """The subject as text (whitespace removed), or None."""
    if span is None:
        return None
    return _clean(sc.text[span[0] : span[1]]) or None
