"""The typed mentions the normalizers return (character offsets into their input)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

Qualifier = Literal["exact", "about", "nearly", "over", "at_least", "under", "at_most"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure or a percentage found in a text.

    ``value`` is in the base unit (元 for money, percent for percentages); a range has
    ``low``/``high`` and ``value == low`` (an open end is None).
    """

    start: int
    end: int
    text: str
    type: Literal["figure", "percentage"]
    value: Decimal
    unit: str = ""
    kind: str | None = None  # figure: money|count|measure|duration; percentage: percent|points
    qualifier: Qualifier = "exact"
    low: Decimal | None = None
    high: Decimal | None = None
    change: Literal["increase", "decrease"] | None = None
    basis: str | None = None  # 同比, 环比, 比上年 …


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or period found in a text, resolved against ``reference`` where needed.

    ``value`` is ISO 8601 at the written granularity (``2025-03-29``, ``2025-03``,
    ``2025``), ``START/END`` for periods, or None for vague words (近日).  ``interval``
    is the day-level ``(start, end)`` with ``end`` exclusive, where one is known.
    """

    start: int
    end: int
    text: str
    value: str | None
    interval: tuple[date, date] | None = None
    relative: bool = False
    granularity: str = "day"  # day|month|year|quarter|half|period|vague …
    reference: date | None = None
