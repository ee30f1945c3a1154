"""Plan periods, decades and vague words: “十四五”期间, 上世纪80年代, 近日."""

from __future__ import annotations

from zhjx.normalize.dates import words as W
from zhjx.normalize.dates.base import Hit, ReaderBase, years_hit
from zhjx.normalize.dates.numerals import read_int
from zhjx.normalize.dates.resolve import (
    year_span,
)


class PeriodRules(ReaderBase):
    """Plan periods, decades and vague words: “十四五”期间, 上世纪80年代, 近日."""

    # ---- plans, decades, vague words ----------------------------------------------

    def _plan(self, p: int, ctx: Hit | None) -> Hit | None:
        m = self.g.plan.match(self.t, p)
        if m is None:
            return None
        quoted = bool(m["q1"] and m["q2"])
        after = self.t[m.end() : m.end() + 2]
        if not (quoted or m["w"] or after.startswith(self.g.plan_words)):
            return None
        if not m["q1"] and m["q2"]:
            return None
        n = read_int(m["n"])
        years = W.plans().get(n or 0)
        if years is None:
            return None
        return years_hit(p, m.end(), year_span(*years))

    def _decade(self, p: int, ctx: Hit | None) -> Hit | None:
        g = self.g
        ref_year = self.ref.year if self.ref else None
        m = g.decade.match(self.t, p)
        if m:
            d = read_int(m["d"])
            if d is None or d % 10 or not 0 < d < 100:
                return None
            if m["c"] == "上" or m["c"] == "本":
                if ref_year is None:
                    return Hit(p, m.end(), gran="period", point=False, relative=True)
                base = (ref_year - 1) // 100 * 100 - (100 if m["c"] == "上" else 0)
            elif m["c"]:
                c = read_int(m["cn"])
                if not c or not 1 <= c <= 30:
                    return None
                base = (c - 1) * 100
            else:
                now = ref_year or 2025
                base = 2000 if 2000 + d <= now else 1900
            y = base + d
            rel = m["c"] in ("上", "本")
            return years_hit(p, m.end(), year_span(y, y + 9), relative=rel, used_ref=rel)
        m = g.century.match(self.t, p)
        if m:
            if m["c"] in ("上", "本"):
                if ref_year is None:
                    return Hit(p, m.end(), gran="period", point=False, relative=True)
                c = (ref_year - 1) // 100 + (0 if m["c"] == "上" else 1)
            else:
                c = read_int(m["cn"]) or 0
            if not 2 <= c <= 30:
                return None
            rel = m["c"] in ("上", "本")
            return years_hit(
                p, m.end(), year_span((c - 1) * 100, c * 100 - 1), relative=rel, used_ref=rel
            )
        return None

    def _vague(self, p: int, ctx: Hit | None) -> Hit | None:
        if not self.vague or ctx is not None:
            return None
        m = self.g.vague.match(self.t, p)
        if m is None:
            return None
        return Hit(p, m.end(), gran="vague", relative=True, kind="vague")
