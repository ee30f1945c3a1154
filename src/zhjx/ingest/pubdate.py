"""The publication date of an article, with where it came from.

Precedence: an explicit option (``option``) > page metadata such as an e-paper's
``日期:11-16`` (``metadata``) > the dateline's month-day completed with a year
(``dateline``) > a date in the file name or folder (``file name``).

A month-day without a year is completed with the latest year that is not after a known
upper bound: for e-paper metadata the viewing date printed in the page header
(``2026-01-27`` → ``日期:11-16`` is 2025-11-16); for a dateline the file name's date, else
the latest year the page itself writes out (``2025年商会调解``), leaving aside years
that name targets (``到2030年``, ``2035年前``), else the upper bound's year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import regex

_YEAR = regex.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年(?!代)")
_TARGET_BEFORE = regex.compile(r"(?:到|至|—|－|-|~|～)\s*$")
_TARGET_AFTER = regex.compile(r"^\s*年\s*(?:前|底前|末前|以前|目标|远景)")
_FULL = regex.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})\s*[-/.年]\s*([01]?[0-9])\s*[-/.月]\s*([0-3]?[0-9])(?![0-9])"
)
_MONTH_DAY = regex.compile(r"^([01]?[0-9])\s*[-/.月]\s*([0-3]?[0-9])\s*日?$")
_PATH_DATE = regex.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})[-_./]?(0[1-9]|1[0-2])[-_./]?(0[1-9]|[12][0-9]|3[01])(?![0-9])"
)


@dataclass(slots=True, frozen=True)
class Published:
    """A publication date and its source."""

    value: date | None
    source: str | None


def make_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)`` or None when it does not exist."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def full_date(text: str) -> date | None:
    """A complete date written in ``text`` (``2026-01-27``, ``2025年3月29日``)."""
    m = _FULL.search(text)
    if not m:
        return None
    return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def month_day(text: str) -> tuple[int, int] | None:
    """A bare month-day value (``11-16``, ``3月29日``)."""
    m = _MONTH_DAY.match(text.strip())
    if not m:
        return None
    month, day = int(m.group(1)), int(m.group(2))
    if 1 <= month <= 12 and 1 <= day <= 31:
        return month, day
    return None


def latest_not_after(month: int, day: int, bound: date) -> date | None:
    """The latest ``month``-``day`` that is not after ``bound``."""
    for year in (bound.year, bound.year - 1, bound.year - 2):
        d = make_date(year, month, day)
        if d is not None and d <= bound:
            return d
    return None


@lru_cache(maxsize=1024)  # asked once per article of a page, with the page's name
def path_date(name: str | None) -> date | None:
    """A date in a file name or its folders (``2025-03-29``, ``20250329``, ``2025/03/29``).

    Digits inside a long hexadecimal run (a hash such as ``ffd3cc940e033b87``) are not
    dates.
    """
    if not name:
        return None
    for m in _PATH_DATE.finditer(name):
        left = regex.search(r"[0-9a-fA-F]*$", name[: m.start()]).group()
        right = regex.match(r"[0-9a-fA-F]*", name[m.end() :]).group()
        if len(left) + len(right) + len(m.group()) >= 12 and (left or right):
            continue
        d = make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d is not None:
            return d
    return None


def page_years(text: str) -> list[int]:
    """Years the page writes out (``2025 年``), targets (``到2030年``) left aside."""
    out = []
    for m in _YEAR.finditer(text):
        if _TARGET_BEFORE.search(text[max(0, m.start() - 2) : m.start()]):
            continue
        if _TARGET_AFTER.match(text[m.end() - 1 : m.end() + 4]):
            continue
        out.append(int(m.group(1)))
    return out


def complete_month_day(
    month: int, day: int, years: Iterable[int], bound: date | None = None
) -> date | None:
    """``month``-``day`` in the latest plausible year.

    With an upper ``bound`` (a file-name date, a viewing date) the latest such date not
    after it; otherwise the latest of the page's ``years`` (after the bound, if any,
    is left aside) that makes a valid date.
    """
    if bound is not None:
        return latest_not_after(month, day, bound)
    for year in sorted(set(years), reverse=True):
        d = make_date(year, month, day)
        if d is not None:
            return d
    return None


def resolve(
    *,
    option: date | None = None,
    metadata: str | None = None,
    viewed: date | None = None,
    dateline: tuple[int, int] | None = None,
    years: Iterable[int] = (),
    name: str | None = None,
) -> Published:
    """The publication date by precedence; see the module docstring.

    ``metadata`` is the value of an e-paper date field (``11-16`` or ``2025-11-16``);
    ``viewed`` a full date in the page header that is not the issue date; ``dateline``
    the month-day of the article's dateline; ``years`` the page's written years.
    """
    if option is not None:
        return Published(option, "option")
    from_path = path_date(name)
    if metadata:
        d = full_date(metadata)
        if d is None:
            md = month_day(metadata)
            if md is not None:
                bound = viewed or from_path
                if bound is not None:
                    d = latest_not_after(*md, bound)
                else:
                    d = complete_month_day(*md, years)
        if d is not None:
            return Published(d, "metadata")
    if viewed is not None and not metadata:
        return Published(viewed, "metadata")
    if dateline is not None:
        d = complete_month_day(*dateline, years, from_path)
        if d is not None:
            return Published(d, "dateline")
    if from_path is not None:
        return Published(from_path, "file name")
    return Published(None, None)
