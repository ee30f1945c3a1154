"""Relative spans: 近3年, 前两个月, 未来五年, 5年前, 10天内."""

from __future__ import annotations

from datetime import date, timedelta

from zhjx.normalize.dates.base import Hit, ReaderBase, span_hit, year_hit, years_hit
from zhjx.normalize.dates.numerals import read_int
from zhjx.normalize.dates.resolve import (
    add_months,
    day_span,
    month_span,
    week_start,
    year_span,
)


class RelativeRules(ReaderBase):
    """Relative spans: 近3年, 前两个月, 未来五年, 5年前, 10天内."""

    # ---- relative spans ------------------------------------------------------------

    def _relspan(self, p: int, ctx: Hit | None) -> Hit | None:
        g = self.g
        best = self._day_only(p, ctx)
        ref = self.ref
        for rx, how in (
            (g.recent, "recent"),
            (g.prev, "prev"),
            (g.next, "next"),
            (g.ago, "ago"),
            (g.within, "within"),
        ):
            m = rx.match(self.t, p)
            if m is None or (best is not None and m.end() <= best.end):
                continue
            n = read_int(m["n"])
            if not n or n > 100:
                continue
            if ref is None:
                best = Hit(p, m.end(), relative=True, gran="period", point=False)
                continue
            if how == "prev" and m["pre"] == "前" and m["u"][-1] == "月":
                # 前4个月: the year's first months (of last year when they have not passed)
                y = ref.year if n < ref.month else ref.year - 1
                if n > 12:
                    continue
                best = span_hit(
                    p,
                    m.end(),
                    month_span(y, 1, n),
                    gran="period",
                    ws="month",
                    we="month",
                    point=False,
                    relative=True,
                    used_ref=True,
                )
                continue
            hit = self._relative_span(
                p, m.end(), how, n, m["u"][-1], m["dir"] if how == "ago" else ""
            )
            if hit is not None:
                best = hit
        m = g.this_next.match(self.t, p)
        if m and (best is None or m.end() > best.end):
            span = year_span(ref.year, ref.year + 1) if ref else None
            best = years_hit(p, m.end(), span, relative=True, used_ref=True)
        return best

    def _relative_span(
        self, p: int, end: int, how: str, n: int, u: str, direction: str
    ) -> Hit | None:
        ref = self.ref
        assert ref is not None
        kw = dict(relative=True, used_ref=True)
        if u == "年":
            if how == "ago":
                y = ref.year - n if "前" in direction else ref.year + n
                return year_hit(p, end, year_span(y), **kw)
            lo, hi = {
                "recent": (ref.year - n, ref.year),
                "prev": (ref.year - n, ref.year - 1),
                "next": (ref.year + 1, ref.year + n),
            }.get(how, (None, None))
            if lo is None:
                return None
            return years_hit(p, end, year_span(lo, hi), **kw)
        if u == "月":
            if how == "ago":
                y, mo = add_months(ref.year, ref.month, -n if "前" in direction else n)
                return span_hit(
                    p, end, month_span(y, mo), gran="month", ws="month", we="month", **kw
                )
            shift = {"recent": -n, "prev": -n, "next": 1}.get(how)
            if shift is None:
                return None
            y, mo = add_months(ref.year, ref.month, shift)
            count = n + 1 if how == "recent" else n
            return span_hit(
                p,
                end,
                month_span(y, mo, count),
                gran="period",
                ws="month",
                we="month",
                point=False,
                **kw,
            )
        if u in "天日":
            if how == "ago":
                d = ref - timedelta(days=n) if "前" in direction else ref + timedelta(days=n)
                return span_hit(p, end, day_span(d), **kw)
            span = {
                "recent": (ref - timedelta(days=n), ref + timedelta(days=1)),
                "prev": (ref - timedelta(days=n), ref),
                "next": (ref + timedelta(days=1), ref + timedelta(days=n + 1)),
                "within": (ref, ref + timedelta(days=n + 1)),
            }[how]
            return span_hit(p, end, span, gran="period", point=False, **kw)
        if u == "度":  # quarters
            q0 = date(ref.year, (ref.month - 1) // 3 * 3 + 1, 1)
            if how == "ago" or how == "within":
                return None
            start = {"recent": -3 * n, "prev": -3 * n, "next": 3}[how]
            y, mo = add_months(q0.year, q0.month, start)
            count = 3 * (n + 1) if how == "recent" else 3 * n
            return span_hit(p, end, month_span(y, mo, count), gran="period", point=False, **kw)
        # weeks
        w0 = week_start(ref)
        if how == "ago":
            d = ref - timedelta(weeks=n) if "前" in direction else ref + timedelta(weeks=n)
            return span_hit(p, end, day_span(d), **kw)
        span = {
            "recent": (w0 - timedelta(weeks=n), w0 + timedelta(weeks=1)),
            "prev": (w0 - timedelta(weeks=n), w0),
            "next": (w0 + timedelta(weeks=1), w0 + timedelta(weeks=n + 1)),
        }.get(how)
        if span is None:
            return None
        return span_hit(p, end, span, gran="week", point=False, **kw)
