"""Dates and periods in Chinese news text, resolved against the publication date.

``find_dates(text, reference)`` returns :class:`DateMention` objects, non-overlapping and
in text order.  The grammar reads, at each position, the longest of:

* numeric dates: ``2025-03-29``, ``2025/3/29``, ``2025.3.29``, ``20240307``,
  ``2025-03``, the e-paper's ``11-16``, bare years in ranges (``2021—2025年``);
* calendar phrases: an optional year (``2025年``, ``二〇二五年``, ``08年``, ``去年``),
  then a month (``3月``, ``三月份``, ``上个月``) and a day (``29日``, ``二十九号``), or a
  part of the year (``一季度``, ``前三季度``, ``上半年``, ``年底``, ``1—5月``,
  ``第2周``, ``前4个月``) or of the month (``上旬``, ``月底``, ``12-19日``);
* relative words and spans: ``今天``, ``下周三``, ``近3年``, ``前两个月``, ``5年前``;
* plan periods (``"十四五"期间``) and decades (``上世纪80年代``);

then joins two of them into a range (``3月1日至15日``, ``2021年到2025年``) and keeps
the anchor of since/until phrases (``2024年以来`` is ``2024``).  Partial dates take the
missing year (or month) from ``reference``, choosing the nearest reading; without a
reference they get value None, never a guessed year.  Values follow
:mod:`zhjx.normalize.dates.resolve`; the language data lives in ``patterns/dates/``.

Modules: ``words`` (the data of ``patterns/dates``), ``numerals`` (number words),
``resolve`` (calendar arithmetic and values), ``grammar`` (the compiled patterns), ``heads``
(what a pattern's matches start with, for the pre-filter), ``base`` (a reading, shared
state), ``reader`` (the walk and ranges), and the rules it mixes in: ``numeric``,
``phrases`` (calendar phrases), ``days``, ``relative``, ``weeks``, ``periods``.

The walk does not try every rule at every character: one ``re`` search, built from the
first characters of the rules' own patterns (``heads``), finds the positions where a
reading can start, and there only the rules that can start with that character run.
"""

from __future__ import annotations

from datetime import date

from zhjx.normalize.dates.base import Hit
from zhjx.normalize.dates.reader import Reader
from zhjx.normalize.dates.resolve import value_of
from zhjx.normalize.types import DateMention

__all__ = ["find_dates"]


def _mention(text: str, hit: Hit, ref: date | None) -> DateMention:
    interval = (hit.lo, hit.hi) if hit.lo is not None and hit.hi is not None else None
    value = (
        value_of(interval, hit.point, hit.ws, hit.we) if interval and hit.kind == "date" else None
    )
    if hit.kind == "vague":
        interval = None
    return DateMention(
        start=hit.start,
        end=hit.end,
        text=text[hit.start : hit.end],
        value=value,
        interval=interval if value is not None else None,
        relative=hit.relative,
        granularity=hit.gran,
        reference=ref if (hit.used_ref or hit.relative) else None,
    )


def find_dates(
    text: str, reference: date | None = None, *, vague: bool = False
) -> list[DateMention]:
    """Find dates in ``text``, resolving partial and relative ones against ``reference``.

    ``reference`` is the article's publication date; without it, dates that need it
    get value None.  ``vague=True`` also reports vague words (近日, 目前) with value None.
    """
    if not text:
        return []
    hits = Reader(text, reference, vague).read()
    return [_mention(text, h, reference) for h in hits if h.kind != "invalid"]
