"""Month-days and standalone days (3月29日, 29日, 12-19日)."""

from __future__ import annotations

from datetime import date

from zhjx.normalize.dates.base import Hit, ReaderBase, span_hit
from zhjx.normalize.dates.grammar import re_cached as _re
from zhjx.normalize.dates.numerals import read_int
from zhjx.normalize.dates.resolve import (
    add_months,
    day_span,
    nearest,
    valid,
)


class DayRules(ReaderBase):
    """Month-days and standalone days (3月29日, 29日, 12-19日)."""

    def _month_day(
        self, start: int, end: int, year: int | None, mo: int, d: int, ctx: Hit | None
    ) -> Hit | None:
        """A month-day, its year from ``year``, the range's first date, or the reference."""
        if not 1 <= mo <= 12 or not 1 <= d <= 31:
            return None
        if year is not None:
            if not valid(year, mo, d):
                return None
            return span_hit(start, end, day_span(date(year, mo, d)), has_year=True)
        if ctx is not None and ctx.lo is not None:
            y = ctx.lo.year
            if valid(y, mo, d) and date(y, mo, d) < ctx.lo:
                y += 1
            if not valid(y, mo, d):
                return None
            return span_hit(start, end, day_span(date(y, mo, d)), has_year=False)
        if self.ref is None:
            return Hit(start, end, has_year=False)
        cands = [
            day_span(date(y, mo, d))
            for y in range(self.ref.year - 1, self.ref.year + 2)
            if valid(y, mo, d)
        ]
        span = nearest(cands, self.ref)
        if span is None:
            return None
        return span_hit(start, end, span, used_ref=True, has_year=False)

    def _hao_ok(self, dm) -> bool:
        return dm["du"] == "日" or not self._not_before(dm.end(), self.g.hao_block)

    def _bare_day_ok(self, end: int) -> bool:
        t = self.t
        if end >= len(t):
            return True
        ch = t[end]
        if ch in "日号號":
            return False
        if _re(r"\p{Han}").match(ch):
            return (
                bool(self.g.conn.match(self.t, end) or self.g.between.match(self.t, end))
                or ch in "，。；、"
            )
        return not ch.isalnum()

    def _day_in(
        self,
        p: int,
        end: int,
        y: int | None,
        mo: int,
        d: int | None,
        has_year: bool,
        ctx: Hit | None,
    ) -> Hit | None:
        if not d:
            return None
        if y is None and has_year:
            return Hit(p, end, relative=True)
        return self._month_day(p, end, y, mo, d, ctx)

    # ---- standalone days are handled here too (29日) ---------------------------------

    def _day_only(self, p: int, ctx: Hit | None) -> Hit | None:
        m = self.g.day.match(self.t, p)
        if m is None or not self._hao_ok(m):
            return None
        if m["du"] != "日" and m.end() < len(self.t):
            nxt = self.t[m.end()]
            if _re(r"\p{Han}").match(nxt) and nxt not in self.g.hao_follow:
                return None
        if m["du"] != "日" and p and self.t[p - 1] in self.g.hao_after:
            return None  # an address: 东街2号
        d = read_int(m["d"])
        if not d or not 1 <= d <= 31:
            return None
        if not m["d"].isdigit() and len(m["d"]) < 2:
            return None
        if ctx is not None and ctx.lo is not None:
            y, mo = ctx.lo.year, ctx.lo.month
            if valid(y, mo, d) and date(y, mo, d) >= ctx.lo:
                return span_hit(p, m.end(), day_span(date(y, mo, d)), has_year=False)
            return None
        if self.ref is None:
            return Hit(p, m.end(), has_year=False)
        cands = []
        for shift in (-1, 0, 1):
            yy, mm = add_months(self.ref.year, self.ref.month, shift)
            if valid(yy, mm, d):
                cands.append(day_span(date(yy, mm, d)))
        span = nearest(cands, self.ref)
        return span_hit(p, m.end(), span, used_ref=True, has_year=False) if span else None
