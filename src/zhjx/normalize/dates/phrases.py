"""Calendar phrases: a year, then a month and day or a part of the year or month."""

from __future__ import annotations

from datetime import date, timedelta

from zhjx.normalize.dates.base import Hit, ReaderBase, span_hit, year_hit
from zhjx.normalize.dates.grammar import re_cached as _re
from zhjx.normalize.dates.numerals import read_int
from zhjx.normalize.dates.resolve import (
    Interval,
    add_months,
    day_span,
    first_monday,
    month_len,
    month_span,
    nearest,
    two_digit_year,
    valid,
    week_start,
    year_span,
)


class CalendarRules(ReaderBase):
    """Calendar phrases: a year, then a month and day or a part of the year or month."""

    def _year_value(self, m) -> tuple[int | None, bool, bool] | None:
        """(year, relative, strong) of a year match, or None when it is no year."""
        if m["ya"]:
            y = int(m["ya"])
            if not 1000 <= y <= 2199:
                return None
            after = self.t[m.end() : m.end() + 3]
            if m["yu"] == "年" and after.startswith(self.g.year_block):
                return None
            return y, False, True
        if m["yb"]:
            s = m["yb"]
            if len(s) == 2:
                return two_digit_year(int(s), self.ref), False, s.startswith("0")
            return int(s), False, False
        if m["yc"]:
            s = m["yc"]
            n = read_int(s)
            if n is None:
                return None
            if len(s) == 2:
                return two_digit_year(n, self.ref), False, s[0] in "〇零○"
            return n, False, len(s) == 4
        if m["yd"]:
            n = read_int(m["yd"])
            if n is None or not 1000 <= n <= 2199:
                return None
            return n, False, "零" in m["yd"] or "〇" in m["yd"]
        r = self.g.relatives[m["yr"]]
        if not self._rel_ok(r, m.start(), m.end()):
            return None
        return (self.ref.year + r.offset if self.ref else None), True, True

    # ---- calendar phrases ----------------------------------------------------------

    def _cal(self, p: int, ctx: Hit | None) -> Hit | None:
        g = self.g
        m = g.year.match(self.t, p)
        if m:
            yv = self._year_value(m)
            if yv is not None:
                year, rel, strong = yv
                k = g.de.match(self.t, m.end()).end()
                sub = self._after_year(p, k, year, rel, True, ctx, strong)
                if sub is not None:
                    return sub
                if strong:
                    span = year_span(year) if year is not None else None
                    return year_hit(p, m.end(), span, relative=rel, used_ref=rel)
        hit = self._after_year(p, p, None, False, False, ctx)
        if hit is not None:
            return hit
        m = g.rel_other.match(self.t, p)
        if m:
            r = g.relatives[m["w"]]
            if not self._rel_ok(r, m.start(), m.end()):
                return None
            if self.ref is None:
                return Hit(m.start(), m.end(), relative=True, gran=r.unit)
            if r.unit == "day":
                return span_hit(
                    p,
                    m.end(),
                    day_span(self.ref + timedelta(days=r.offset)),
                    relative=True,
                    used_ref=True,
                )
            q0 = (self.ref.month - 1) // 3
            y, mo = add_months(self.ref.year, q0 * 3 + 1, 3 * r.offset)
            return span_hit(
                p,
                m.end(),
                month_span(y, mo, 3),
                gran="quarter",
                point=False,
                relative=True,
                used_ref=True,
            )
        return None

    def _resolve_year(
        self, year: int | None, has_year: bool, make, ctx: Hit | None, nearest_ok: bool = True
    ) -> tuple[Interval | None, bool]:
        """The span ``make(year)``; a missing year from the range's first date or the reference."""
        if year is not None:
            return make(year), False
        if has_year:  # a relative year without a reference
            return None, False
        if ctx is not None and ctx.lo is not None:
            span = make(ctx.lo.year)
            if span is not None and span[0] < ctx.lo:
                span = make(ctx.lo.year + 1)
            return span, False
        if self.ref is None:
            return None, False
        if not nearest_ok:
            return make(self.ref.year), True
        cands = [
            s for y in range(self.ref.year - 1, self.ref.year + 2) if (s := make(y)) is not None
        ]
        return nearest(cands, self.ref), True

    def _month_year(self, mo: int, ctx: Hit | None) -> tuple[int | None, bool]:
        """The year of a bare month: the range's first date's, or the nearest to the reference."""
        if ctx is not None and ctx.lo is not None:
            y = ctx.lo.year
            return (y + 1 if date(y, mo, 1) < ctx.lo.replace(day=1) else y), False
        if self.ref is None:
            return None, False
        here = self.ref.year * 12 + self.ref.month - 1
        best = min(
            range(self.ref.year - 1, self.ref.year + 2),
            key=lambda y: (abs(y * 12 + mo - 1 - here), y * 12 + mo - 1 > here),
        )
        return best, True

    def _after_year(
        self,
        p: int,
        k: int,
        year: int | None,
        yrel: bool,
        has_year: bool,
        ctx: Hit | None,
        strong: bool = True,
    ) -> Hit | None:
        """What follows a year (or starts a phrase without one): months, parts, weeks."""
        g = self.g
        best: Hit | None = None

        def keep(hit: Hit | None) -> None:
            nonlocal best
            if hit is not None and (best is None or hit.end > best.end):
                best = hit

        rel = yrel
        # cumulative months 1—5月
        m = g.month_range.match(self.t, k)
        if m:
            m1, m2 = read_int(m["m1"]), read_int(m["m2"])
            if m1 and m2 and 1 <= m1 < m2 <= 12:
                span, used = self._resolve_year(
                    year, has_year, lambda y: (date(y, m1, 1), month_span(y, m2)[1]), ctx
                )
                keep(
                    span_hit(
                        p,
                        m.end(),
                        span,
                        gran="period",
                        ws="month",
                        we="month",
                        point=False,
                        relative=rel,
                        used_ref=used or rel,
                    )
                )
        # a month, then a day or a part of it
        m = g.month.match(self.t, k)
        if m:
            keep(self._month_phrase(p, m, year, yrel, has_year, ctx))
        # quarters
        m = g.quarter.match(self.t, k)
        if m:
            if m["qn"]:
                q1, q2 = 1, read_int(m["qn"])
            else:
                q = 1 if m["qf"] else read_int(m["q"] or m["qq"])
                q1 = q2 = q
            if q1 and q2 and 1 <= q1 <= q2 <= 4:
                span, used = self._resolve_year(
                    year,
                    has_year,
                    lambda y: (date(y, 3 * q1 - 2, 1), month_span(y, 3 * q2)[1]),
                    ctx,
                )
                keep(
                    span_hit(
                        p,
                        m.end(),
                        span,
                        gran="quarter",
                        point=False,
                        relative=rel,
                        used_ref=used or rel,
                    )
                )
        # parts of the year: 年初, 上半年, 年底 …
        m = (g.year_part if has_year else g.bare_part).match(self.t, k)
        if m:
            part = (g.year_parts if has_year else g.bare_parts).get(m["p"])
            if part is not None and not strong and (len(part.word) == 1 or part.gran == "year"):
                part = None  # 15年内 is a duration; a two-digit year needs more (98年年底)
            if part is not None and not (
                part.not_before and self._not_before(m.end(), part.not_before)
            ):
                if part.of == "year":
                    keep(self._year_part(p, m.end(), part, year, has_year, rel, ctx))
                elif not has_year and self.ref is not None:
                    keep(self._month_part(p, m.end(), part, self.ref.year, self.ref.month, True))
                elif not has_year:
                    keep(Hit(p, m.end(), gran=part.gran, relative=True))
        if has_year:
            # the Nth week of a year, the first/last N days/weeks/months of a year
            m = g.nth_week.match(self.t, k)
            if m:
                n = read_int(m["n"])
                span, used = self._resolve_year(
                    year, has_year, lambda y: self._nth_week(date(y, 1, 1), n), ctx
                )
                if n and span:
                    keep(
                        span_hit(
                            p, m.end(), span, gran="week", point=False, relative=rel, used_ref=rel
                        )
                    )
            m = g.first_last.match(self.t, k)
            if m and year is not None:
                keep(self._first_last(p, m, date(year, 1, 1), date(year + 1, 1, 1), rel))
        return best

    def _nth_week(self, start: date, n: int | None) -> Interval | None:
        if not n or n > 53:
            return None
        monday = first_monday(start) + timedelta(weeks=n - 1)
        return monday, monday + timedelta(days=7)

    def _first_last(self, p: int, m, lo: date, hi: date, rel: bool) -> Hit | None:
        n = read_int(m["n"])
        if not n:
            return None
        u = m["u"][-1]
        first = m["fl"] in ("前", "头", "頭")
        if u in "天日":
            span = (lo, lo + timedelta(days=n)) if first else (hi - timedelta(days=n), hi)
        elif u == "月":
            if first:
                y, mo = add_months(lo.year, lo.month, n)
                span = (lo, date(y, mo, 1))
            else:
                y, mo = add_months(hi.year, hi.month, -n)
                span = (date(y, mo, 1), hi)
        else:
            if first:
                start = first_monday(lo)
                span = (start, start + timedelta(weeks=n))
            else:
                end = week_start(hi)
                span = (end - timedelta(weeks=n), end)
        if not (lo <= span[0] < span[1] <= hi + timedelta(days=6)):
            return None
        return span_hit(p, m.end(), span, gran="period", point=False, relative=rel, used_ref=rel)

    def _year_part(
        self, p: int, end: int, part, year: int | None, has_year: bool, rel: bool, ctx: Hit | None
    ) -> Hit | None:
        def make(y: int) -> Interval:
            return date(y, part.first, 1), month_span(y, part.last)[1]

        span, used = self._resolve_year(year, has_year, make, ctx, nearest_ok=False)
        if part.first == 1 and part.last == 12:
            return year_hit(p, end, span, relative=rel, used_ref=rel)
        return span_hit(
            p, end, span, gran=part.gran, point=False, relative=rel, used_ref=rel or used
        )

    def _month_part(self, p: int, end: int, part, y: int | None, mo: int | None, rel: bool) -> Hit:
        if y is None or mo is None:
            return Hit(p, end, gran=part.gran, relative=rel)
        last = min(part.last, month_len(y, mo))
        span = (date(y, mo, part.first), date(y, mo, last) + timedelta(days=1))
        return span_hit(p, end, span, gran=part.gran, point=False, relative=rel, used_ref=rel)

    def _month_phrase(
        self, p: int, m, year: int | None, yrel: bool, has_year: bool, ctx: Hit | None
    ) -> Hit | None:
        """A month (after an optional year) and what follows it."""
        g = self.g
        rel = yrel
        used = False
        if m["mr"]:
            r = g.relatives[m["mr"]]
            if not self._rel_ok(r, m.start(), m.end()):
                return None
            rel = True
            if self.ref is None or (has_year and year is None):
                return Hit(p, m.end(), gran="month", ws="month", we="month", relative=True)
            y0 = year if year is not None else self.ref.year
            y, mo = add_months(y0, self.ref.month, r.offset)
            used = True
        else:
            if m["mf"]:
                mo = 1
            else:
                mo = read_int(m["m"] or m["mn"])
            if not mo or not 1 <= mo <= 12:
                return None
            if (m["mf"] or m["mn"]) and not has_year:
                return None
            y = year
            if y is None and not has_year:
                # the year from the range's first date or the reference, nearest reading
                # (decided below once we know whether a day follows)
                pass
        k = g.de.match(self.t, m.end()).end()
        mend = m.end()
        # a day: 29日, 二十九号, bare 31 after a month, or a day range 12-19日
        dm = g.day_range.match(self.t, k)
        if dm:
            d1, d2 = read_int(dm["d1"]), read_int(dm["d2"])
            first = self._day_in(p, dm.end(), y, mo, d1, has_year or m["mr"] is not None, ctx)
            if first is not None and first.lo is not None and d2 and d1 and d1 < d2:
                last = first.lo.replace(day=1)
                if valid(last.year, last.month, d2):
                    hi = date(last.year, last.month, d2) + timedelta(days=1)
                    return first._replace(
                        hi=hi,
                        gran="period",
                        point=False,
                        relative=rel,
                        used_ref=first.used_ref or used,
                    )
            elif first is not None and first.lo is None:
                return first._replace(gran="period", point=False)
        dm = g.day.match(self.t, k)
        if dm and self._hao_ok(dm):
            hit = self._day_in(
                p, dm.end(), y, mo, read_int(dm["d"]), has_year or m["mr"] is not None, ctx
            )
            if hit is not None:
                return hit._replace(relative=rel, used_ref=hit.used_ref or used)
            return Hit(p, dm.end(), kind="invalid")  # 2月30日: no such day
        if not m["mr"]:
            dm = g.bare_day.match(self.t, k)
            if dm and self._bare_day_ok(dm.end()):
                hit = self._day_in(p, dm.end(), y, mo, read_int(dm["d"]), has_year, ctx)
                if hit is not None:
                    return hit._replace(relative=rel, used_ref=hit.used_ref or used)
        # the month alone, or a part or a week of it
        bare_cn = not has_year and m["m"] and not m["m"].isdigit()
        if bare_cn and ctx is None and not self._bare_cn_month_ok(mend):
            return None
        if y is None and not has_year:
            y, used_n = self._month_year(mo, ctx)
            used = used or used_n
        whole = span_hit(
            p,
            mend,
            month_span(y, mo) if y is not None else None,
            gran="month",
            ws="month",
            we="month",
            relative=rel,
            used_ref=used,
            has_year=has_year,
        )
        pm = g.month_part.match(self.t, mend)
        if pm:
            part = g.month_parts.get(pm["p"])
            if part is not None and not (
                part.not_before and self._not_before(pm.end(), part.not_before)
            ):
                hit = self._month_part(p, pm.end(), part, y, mo, rel)
                return hit._replace(used_ref=used or rel)
        if y is not None:
            wm = g.nth_weekday.match(self.t, k)
            if wm:
                hit = self._nth_weekday(p, wm, y, mo, rel, used)
                if hit is not None:
                    return hit
            wm = g.nth_week.match(self.t, k)
            if wm:
                span = self._nth_week(date(y, mo, 1), read_int(wm["n"]))
                if span:
                    return span_hit(
                        p, wm.end(), span, gran="week", point=False, relative=rel, used_ref=used
                    )
            fm = g.first_last.match(self.t, k)
            if fm:
                lo, hi = month_span(y, mo)
                hit = self._first_last(p, fm, lo, hi, rel)
                if hit is not None:
                    return hit._replace(used_ref=used)
        return whole

    def _nth_weekday(self, p: int, m, y: int, mo: int, rel: bool, used: bool) -> Hit | None:
        """第二个星期一, 最后一个周五 of a month."""
        wd = self.g.week_days[m["wd"]] - 1
        if m["last"]:
            last = date(y, mo, month_len(y, mo))
            d = last - timedelta(days=(last.weekday() - wd) % 7)
        else:
            n = read_int(m["n"])
            if not n or n > 5:
                return None
            first = date(y, mo, 1)
            d = first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
            if d.month != mo:
                return None
        return span_hit(p, m.end(), day_span(d), relative=rel, used_ref=used)

    def _bare_cn_month_ok(self, end: int) -> bool:
        """三月 alone is a month only before a non-Han character or a month word (not 一月节食)."""
        if end >= len(self.t):
            return True
        nxt = self.t[end]
        return not _re(r"\p{Han}").match(nxt) or nxt in self.g.bare_cn_month_may_precede
