"""Dates and periods (placeholder grammar; replaced by the full one)."""

from __future__ import annotations

from datetime import date

import regex

from zhjx.normalize.types import DateMention

_RE = regex.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日|(\d{4})年")


def find_dates(text: str, reference: date | None = None) -> list[DateMention]:
    """Find dates in ``text``, resolving partial ones against ``reference``."""
    out = []
    for m in _RE.finditer(text):
        if m[4]:
            out.append(DateMention(m.start(), m.end(), m[0], m[4], granularity="year"))
            continue
        year = int(m[1]) if m[1] else (reference.year if reference else None)
        value = f"{year:04d}-{int(m[2]):02d}-{int(m[3]):02d}" if year else None
        out.append(DateMention(m.start(), m.end(), m[0], value, reference=reference))
    return out
