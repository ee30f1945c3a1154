"""``relate``: subject, owner, period, change and basis for every quantity of a text."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from zhjx.relate.changes import change_before
from zhjx.relate.lexicon import Lexicon, lexicon
from zhjx.relate.owners import owners
from zhjx.relate.periods import periods
from zhjx.relate.segments import Range, Scanner, Segments, segment
from zhjx.relate.subjects import left_subject, right_subject, subject_text


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention another component found: character offsets and its value.

    For quantities ``label`` is ``figure`` or ``percentage``; for organizations
    ``value`` is the canonical name and ``label`` the kind (company, government …);
    for dates ``value`` is the ISO value and ``label`` the granularity.
    """

    start: int
    end: int
    value: str | None = None
    label: str | None = None


@dataclass(slots=True)
class Fact:
    """What a quantity measures, whose it is, when, and how it changed."""

    subject: str | None = None
    org: str | None = None
    period: str | None = None
    change: str | None = None
    basis: str | None = None


#: A headline line is at most this long and holds no sentence end.
MAX_HEADLINE_LINE = 40


def _headline_end(text: str, seg: Segments, lex: Lexicon) -> int:
    """Where a headline ends: the leading short lines with no sentence end, up to a dateline."""
    stop = seg.datelines[0][0] if seg.datelines else len(text)
    ends = lex.sentence_marks - {"\n"}
    pos = 0
    while pos < stop:
        nl = text.find("\n", pos)
        line_end = stop if nl < 0 else min(nl, stop)
        line = text[pos:line_end]
        if len(line.strip()) > MAX_HEADLINE_LINE or any(m in line for m in ends):
            break
        pos = line_end if line_end == stop else line_end + 1
    return min(pos, stop)


def relate(
    text: str,
    tokens: Sequence[Range],
    quantities: Sequence[Mention],
    orgs: Sequence[Mention] = (),
    dates: Sequence[Mention] = (),
    *,
    headline_end: int | None = None,
    lex: Lexicon | None = None,
    bounds: Iterable[int] | None = None,
) -> list[Fact]:
    """One :class:`Fact` for each of ``quantities`` (same order).

    ``tokens`` are the word offsets of a segmentation of ``text`` (pkuseg's); the
    mentions are those other extractors found.  ``headline_end`` is where the headline
    ends in ``text`` (found from the dateline when None).  A caller that has the word
    boundaries at hand (every token's start and end) may pass them as ``bounds``
    instead of pairs in ``tokens``.
    """
    lex = lex or lexicon()
    seg = segment(text, lex)
    mentions = [*quantities, *orgs, *dates]
    found = set(chain.from_iterable(tokens)) if bounds is None else set(bounds)
    found.update(chain.from_iterable(seg.clauses))
    found.update(m.start for m in mentions)
    found.update(m.end for m in mentions)
    sc = Scanner(text, found, longest=lex.longest_word)
    if headline_end is None:
        headline_end = _headline_end(text, seg, lex)

    order = sorted(range(len(quantities)), key=lambda i: quantities[i].start)
    facts = [Fact() for _ in quantities]
    edges = sorted((m.start, m.end) for m in mentions)
    last_in_sentence: dict[Range, str] = {}
    for i in order:
        q = quantities[i]
        fact = facts[i]
        clause = Segments.find(seg.clauses, q.start) or (q.start, q.end)
        lo = clause[0]  # the end of the last mention before q in its clause
        for _, e in edges[bisect_left(edges, (lo,)) : bisect_right(edges, (q.start, q.start))]:
            if lo < e <= q.start:
                lo = e
        k = bisect_left(edges, (q.end,))  # the start of the first mention after q
        hi = edges[k][0] if k < len(edges) and edges[k][0] < clause[1] else clause[1]
        span = right_subject(sc, q.end, hi, lex, direct=False)
        if span is None and q.label != "percentage":
            span = right_subject(sc, q.end, hi, lex, direct=True)
        if span is None:
            span = left_subject(sc, lo, q.start, lex)
        fact.subject = subject_text(sc, span)
        fact.change, fact.basis = change_before(sc, lo, q.start, lex)
        sentence = Segments.find(seg.sentences, q.start)
        if sentence is not None:
            if fact.subject is None:  # 同比增长88.19%: the subject of the figure before
                fact.subject = last_in_sentence.get(sentence)
            else:
                last_in_sentence[sentence] = fact.subject

    ranges = [(q.start, q.end) for q in quantities]
    date_ranges = [(d.start, d.end) for d in dates]
    org_rows = [(o.start, o.end, o.value or text[o.start : o.end], o.label) for o in orgs]
    owned = owners(sc, seg, ranges, org_rows, lex, date_ranges)
    for fact, org in zip(facts, owned, strict=True):
        fact.org = org
    date_rows = [(d.start, d.end, d.value, d.label) for d in dates]
    for fact, period in zip(facts, periods(seg, ranges, date_rows, headline_end), strict=True):
        fact.period = period
    return facts
