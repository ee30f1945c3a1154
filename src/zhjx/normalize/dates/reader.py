"""One pass over a text: at each position the longest reading, joined into ranges."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import ClassVar

from zhjx.normalize.dates.base import Hit
from zhjx.normalize.dates.days import DayRules
from zhjx.normalize.dates.grammar import RULE_LEADS, grammar
from zhjx.normalize.dates.grammar import re_cached as _re
from zhjx.normalize.dates.numeric import NumericRules
from zhjx.normalize.dates.periods import PeriodRules
from zhjx.normalize.dates.phrases import CalendarRules
from zhjx.normalize.dates.relative import RelativeRules
from zhjx.normalize.dates.resolve import (
    day_span,
    month_span,
    year_span,
)
from zhjx.normalize.dates.weeks import WeekRules


class Reader(NumericRules, CalendarRules, DayRules, RelativeRules, WeekRules, PeriodRules):
    """One pass of the grammar over one text."""

    #: character -> the rules (in order) that can start with it; filled as met
    _rules_by_char: ClassVar[dict[str, tuple[Callable[..., Hit | None], ...]]] = {}

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls._rules_by_char = {}

    @classmethod
    def _rules_at(cls, ch: str) -> tuple[Callable[..., Hit | None], ...]:
        """The rule methods whose readings can start with ``ch``, in the grammar's order."""
        rules = cls._rules_by_char.get(ch)
        if rules is None:
            can = grammar().leads_at(ch)
            rules = tuple(
                getattr(cls, "_" + rule)
                for rule, leads in RULE_LEADS.items()
                if can.intersection(leads)
            )
            cls._rules_by_char[ch] = rules
        return rules

    # ---- entry ---------------------------------------------------------------------

    def read(self) -> list[Hit]:
        hits: list[Hit] = []
        t = self.t
        starts = self._starts()
        pos = 0
        while True:
            m = starts.search(t, pos)
            if m is None:
                break
            p = m.start()
            try:
                hit = self._at(p)
            except (ValueError, OverflowError):  # a calendar edge (year 0, 9999-12-31 + 1)
                hit = None
            if hit is None or hit.end <= p:
                pos = p + 1
                continue
            hits.append(hit)
            pos = hit.end
        return self._weekdays(hits)

    def _starts(self) -> re.Pattern[str]:
        """The search for the positions where a reading can start (the pre-filter)."""
        return self.g.trigger(self.vague)

    def _at(self, p: int) -> Hit | None:
        pm = self.g.prefix.match(self.t, p)
        if pm:
            hit = self._phrase(pm.end())
            if hit is not None and hit.kind == "date":
                return hit._replace(start=p)
        return self._phrase(p)

    def _phrase(self, p: int) -> Hit | None:
        hit = self._core(p, None)
        if hit is None or hit.kind != "date":
            return hit
        hit = self._range(hit)
        return self._suffix(hit)

    def _core(self, p: int, ctx: Hit | None) -> Hit | None:
        if p >= len(self.t):
            return None
        best = None
        for rule in self._rules_at(self.t[p]):
            hit = rule(self, p, ctx)
            if hit is not None and (best is None or hit.end > best.end):
                best = hit
        return best

    def _range(self, hit: Hit) -> Hit:
        if hit.lo is None and not hit.relative and hit.has_year:
            return hit
        g = self.g
        cm = g.conn.match(self.t, hit.end)
        closer = False
        if cm is None:
            cm = g.between.match(self.t, hit.end)
            closer = True
        if cm is None:
            return hit
        now_word = _re(r"今(?![年天日晚早明])|现在|現在").match(self.t[cm.end() : cm.end() + 2])
        if not closer and now_word and self.ref:
            # 2023年至今: from the date to the reference, at the date's granularity
            now = self.t.startswith("今", cm.end())
            end = cm.end() + (1 if now else 2)
            if hit.lo is None or hit.lo > self.ref:
                return hit
            hi = {
                "year": year_span(self.ref.year),
                "month": month_span(self.ref.year, self.ref.month),
            }
            upper = hi.get(hit.ws, day_span(self.ref))[1]
            return hit._replace(
                end=end,
                hi=upper,
                we=hit.ws,
                point=False,
                gran="period",
                relative=True,
                used_ref=True,
            )
        second = self._core(cm.end(), hit)
        if second is None or second.kind != "date":
            return hit
        end = second.end
        if closer:
            cl = g.between_close.match(self.t, end)
            if cl is None:
                return hit
            end = cl.end()
        if hit.lo is None or second.lo is None:
            return Hit(hit.start, end, gran="period", point=False, relative=True, used_ref=True)
        if second.hi <= hit.lo:
            return hit
        return Hit(
            hit.start,
            end,
            hit.lo,
            second.hi,
            gran="period",
            ws=hit.ws,
            we=second.we,
            point=False,
            relative=hit.relative or second.relative,
            used_ref=hit.used_ref or second.used_ref,
        )

    def _suffix(self, hit: Hit) -> Hit:
        m = self.g.suffix.match(self.t, hit.end)
        if m is None:
            return hit
        word = m[0].strip()
        if len(word) == 1 and self._not_before(m.end(), self.g.suffix_block):
            return hit
        return hit._replace(end=m.end())
