"""Weeks and weekdays: 下周三, 本周末, 星期二 beside a date."""

from __future__ import annotations

from datetime import timedelta

from zhjx.normalize.dates.base import Hit, ReaderBase, span_hit
from zhjx.normalize.dates.grammar import re_cached as _re
from zhjx.normalize.dates.resolve import (
    day_span,
    week_start,
)


class WeekRules(ReaderBase):
    """Weeks and weekdays: 下周三, 本周末, 星期二 beside a date."""

    # ---- weeks and weekdays --------------------------------------------------------

    def _week(self, p: int, ctx: Hit | None) -> Hit | None:
        g = self.g
        ref = self.ref
        m = g.week.match(self.t, p)
        if m:
            shift = self.week_shift(m["sh"])
            if ref is None:
                return Hit(p, m.end(), relative=True, gran="week")
            monday = week_start(ref) + timedelta(weeks=shift)
            if m["wd"]:
                d = monday + timedelta(days=g.week_days[m["wd"]] - 1)
                return span_hit(p, m.end(), day_span(d), relative=True, used_ref=True)
            if m["end"]:
                sat = monday + timedelta(days=5)
                return span_hit(
                    p,
                    m.end(),
                    (sat, sat + timedelta(days=2)),
                    gran="week",
                    point=False,
                    relative=True,
                    used_ref=True,
                )
            return span_hit(
                p,
                m.end(),
                day_span(monday, 7),
                gran="week",
                point=False,
                relative=True,
                used_ref=True,
            )
        m = g.weekday.match(self.t, p)
        if m and not g.weekday_run.match(self.t, m.end()):
            before = self.t[max(0, p - 3) : p]
            if _re(r"(?:至|到|—|-|~|～|、|和|及|与)\s*$").search(before):
                return None
            wd = g.week_days[m["wd"]]
            if ref is None:
                return Hit(p, m.end(), relative=True, kind="weekday", weekday=wd)
            d = week_start(ref) + timedelta(days=wd - 1)
            return span_hit(
                p, m.end(), day_span(d), relative=True, used_ref=True, kind="weekday", weekday=wd
            )
        return None

    def week_shift(self, word: str) -> int:
        return self.g.week_shifts.get(word, 0)

    def _weekdays(self, hits: list[Hit]) -> list[Hit]:
        """A weekday written beside a date (2026-01-27 星期二) is that date."""
        out = list(hits)
        for i, h in enumerate(hits):
            if h.kind != "weekday":
                continue
            for j in (i - 1, i + 1):
                if not 0 <= j < len(hits):
                    continue
                o = hits[j]
                if o.kind != "date" or o.lo is None or not o.point or o.ws != "day":
                    continue
                a, b = (o.end, h.start) if j < i else (h.end, o.start)
                gap = self.t[a:b]
                if self.g.weekday_gap.fullmatch(gap):
                    out[i] = h._replace(lo=o.lo, hi=o.hi, kind="date", used_ref=o.used_ref)
                    break
            else:
                out[i] = h._replace(kind="date")
        return out
