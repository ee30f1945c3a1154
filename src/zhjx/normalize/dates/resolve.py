"""Calendar arithmetic for dates: shifting, nearest readings and ISO values.

Intervals are day-level ``(start, end)`` with ``end`` exclusive.  Values follow the
record contract: ISO at the written granularity (``2025``, ``2025-03``,
``2025-03-29``) for a calendar unit, ``START/END`` for any other span, where a year- or
month-level END is inclusive as written (``2021/2025``) and a day-level END is exclusive
(``2025-01-01/2025-04-01``), the convention ISO 8601 intervals and Recognizers-Text use.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

Interval = tuple[date, date]

MIN_YEAR, MAX_YEAR = 1, 9998


#: Days in each month of a common year.
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def valid(year: int, month: int, day: int = 1) -> bool:
    """Whether the calendar has this day."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and day >= 1):
        return False
    return day <= month_len(year, month)


def month_len(year: int, month: int) -> int:
    """Days in a month (``calendar.monthrange(year, month)[1]`` without the weekday)."""
    if not 1 <= month <= 12:
        raise calendar.IllegalMonthError(month)
    if month == 2 and calendar.isleap(year):
        return 29
    return _MONTH_DAYS[month - 1]


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """``(year, month)`` shifted by ``n`` months."""
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def year_span(year: int, last: int | None = None) -> Interval:
    """Years ``year`` … ``last`` (inclusive)."""
    return date(year, 1, 1), date((last if last is not None else year) + 1, 1, 1)


def month_span(year: int, month: int, n: int = 1) -> Interval:
    """``n`` months from ``year-month``."""
    y2, m2 = add_months(year, month, n)
    return date(year, month, 1), date(y2, m2, 1)


def day_span(day: date, n: int = 1) -> Interval:
    """``n`` days from ``day``."""
    return day, day + timedelta(days=n)


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def first_monday(day: date) -> date:
    """The first Monday on or after ``day`` (week 1 of a month or year starts there)."""
    return day + timedelta(days=(7 - day.weekday()) % 7)


def distance(span: Interval, ref: date) -> int:
    """Days between ``ref`` and a span (0 when inside)."""
    start, end = span
    if ref < start:
        return (start - ref).days
    if ref >= end:
        return (ref - end).days + 1
    return 0


def nearest(candidates: list[Interval], ref: date) -> Interval | None:
    """The candidate nearest ``ref``; on a tie the earlier (past) one."""
    best = None
    for span in candidates:
        key = (distance(span, ref), span[0] > ref)
        if best is None or key < best[0]:
            best = (key, span)
    return best[1] if best else None


def iso(day: date, level: str) -> str:
    """``day`` written at ``level`` (year, month or day)."""
    if level == "year":
        return f"{day.year:04d}"
    if level == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def value_of(span: Interval, point: bool, start_level: str, end_level: str) -> str:
    """The contract value of a span: one ISO unit for a point, else ``START/END``."""
    start, end = span
    if start_level == end_level and (
        (start_level == "year" and year_span(start.year) == span)
        or (start_level == "month" and month_span(start.year, start.month) == span)
    ):
        point = True
    if point:
        return iso(start, start_level)
    if end_level == "day":
        return f"{iso(start, start_level)}/{end.isoformat()}"
    return f"{iso(start, start_level)}/{iso(end - timedelta(days=1), end_level)}"


def two_digit_year(n: int, ref: date | None) -> int:
    """A two-digit year (08, 91) in the century that puts it at most ten years ahead."""
    base = ref.year if ref else 2025
    year = base // 100 * 100 + n
    if year > base + 10:
        year -= 100
    return year
