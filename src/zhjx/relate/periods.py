"""When a figure was measured: the date or period written with it.

In order: the last date before the figure in its sentence, a date after it in its
clause, the last period (a year, month, quarter … not a single day) earlier in its
paragraph, the date of the headline.  Datelines (``本报太原3月29日讯``) and vague dates
without a value (``截至目前``) give no period.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from zhjx.relate.segments import Range, Segments

#: Date granularities that do not carry over to later sentences (a day is an event).
EVENT_GRANULARITIES = frozenset({"day", "vague", "time", "hour", "minute"})


def periods(
    seg: Segments,
    quantities: Sequence[Range],
    dates: Sequence[tuple[int, int, str | None, str | None]],
    headline_end: int = 0,
) -> list[str | None]:
    """The period (a date value) of each quantity, or None.

    ``dates`` are ``(start, end, value, granularity)``; ``headline_end`` is where the
    headline ends in the text (0: none).
    """
    usable = sorted(
        (s, e, v, g) for s, e, v, g in dates if v is not None and not seg.in_dateline(s, e)
    )
    starts = [s for s, _, _, _ in usable]
    headline = next((v for s, _, v, _ in usable if s < headline_end), None)
    out: list[str | None] = []
    for qs, qe in quantities:
        sentence = Segments.find(seg.sentences, qs)
        clause = Segments.find(seg.clauses, qs)
        paragraph = Segments.find(seg.paragraphs, qs)
        found: str | None = None
        # a date that ends by qs starts by qs too: look only at dates starting in range
        upto = bisect_right(starts, qs)
        if sentence is not None:
            for _, e, v, _ in reversed(usable[bisect_left(starts, sentence[0]) : upto]):
                if e <= qs:  # the last date before the figure in its sentence
                    found = v
                    break
        if found is None and clause is not None:
            for _, e, v, _ in usable[bisect_left(starts, qe) : bisect_right(starts, clause[1])]:
                if e <= clause[1]:  # the first date after it in its clause
                    found = v
                    break
        if found is None and paragraph is not None and qs >= headline_end:
            lo = bisect_left(starts, max(paragraph[0], headline_end))
            for _, e, v, g in reversed(usable[lo:upto]):
                if e <= qs and (g or "day") not in EVENT_GRANULARITIES:
                    found = v  # the last period earlier in its paragraph
                    break
        if found is None and qs >= headline_end:
            found = headline
        out.append(found)
    return out
