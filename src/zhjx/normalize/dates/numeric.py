"""Numeric dates: 2025-03-29, 2025/3/29, 20240307, 2025-03, 11-16, 2021—2025."""

from __future__ import annotations

from datetime import date

from zhjx.normalize.dates.base import Hit, ReaderBase, span_hit, year_hit, years_hit
from zhjx.normalize.dates.grammar import re_cached as _re
from zhjx.normalize.dates.resolve import (
    day_span,
    month_span,
    valid,
    year_span,
)


class NumericRules(ReaderBase):
    """Numeric dates: 2025-03-29, 2025/3/29, 20240307, 2025-03, 11-16, 2021—2025."""

    # ---- numeric dates -------------------------------------------------------------

    def _numeric(self, p: int, ctx: Hit | None) -> Hit | None:
        g = self.g
        best = None
        for rx in (g.ymd, g.ymd8, g.dmy):
            m = rx.match(self.t, p)
            if m:
                y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
                if valid(y, mo, d) and 1000 <= y <= 2199:
                    best = span_hit(p, m.end(), day_span(date(y, mo, d)))
                    break
        if best is None:
            m = g.ym.match(self.t, p)
            if m and 1 <= int(m["m"]) <= 12:
                best = span_hit(
                    p,
                    m.end(),
                    month_span(int(m["y"]), int(m["m"])),
                    gran="month",
                    ws="month",
                    we="month",
                )
        m = g.year_range.match(self.t, p)
        if m:
            y1, y2 = int(m["y1"]), int(m["y2"])
            if 1000 <= y1 <= y2 <= 2199 and y2 - y1 <= 100 and (best is None or m.end() > best.end):
                best = years_hit(p, m.end(), year_span(y1, y2))
        if best is None:
            m = g.md.match(self.t, p)
            if m:
                mo, d = int(m["m"]), int(m["d"])
                best = self._month_day(p, m.end(), None, mo, d, ctx)
        if best is None:
            m = g.bare_year.match(self.t, p)
            if m and self._bare_year_ok(p, m.end()):
                best = year_hit(p, m.end(), year_span(int(m["y"])))
        return best

    def _bare_year_ok(self, start: int, end: int) -> bool:
        """A year without 年 stands alone (（2018）, 2018 看起来…) or in a list (2024、2025年)."""
        t = self.t
        if t.strip() == t[start:end]:
            return True
        if _re(r"、\s?\d{4}(?!\d)").match(t[end : end + 6]):
            return True
        rest = t[end : end + 3]
        if _re(r"[ \t]+\p{Han}").match(rest):
            return rest.lstrip(" \t")[0] not in self.g.unit_block
        before = t[start - 1] if start else ""
        delimited = not before or before.isspace() or bool(_re(r"[\p{P}]").match(before))
        return delimited and (end == len(t) or t[end] in '，。；、,;:：)）」』”"]】》!?！？\n')
