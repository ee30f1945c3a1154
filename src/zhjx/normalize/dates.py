"""Dates and periods in Chinese news text, resolved against the publication date.

``find_dates(text, reference)`` returns :class:`DateMention` objects, non-overlapping and
in text order.  The grammar reads, at each position, the longest of:

* numeric dates: ``2025-03-29``, ``2025/3/29``, ``2025.3.29``, ``20240307``,
  ``2025-03``, the e-paper's ``11-16``, bare years in ranges (``2021—2025年``);
* calendar phrases: an optional year (``2025年``, ``二〇二五年``, ``08年``, ``去年``),
  then a month (``3月``, ``三月份``, ``上个月``) and a day (``29日``, ``二十九号``), or a
  part of the year (``一季度``, ``前三季度``, ``上半年``, ``年底``, ``1—5月``,
  ``第2周``, ``前4个月``) or of the month (``上旬``, ``月底``, ``12-19日``);
* relative words and spans: ``今天``, ``下周三``, ``近3年``, ``前两个月``, ``5年前``;
* plan periods (``"十四五"期间``) and decades (``上世纪80年代``);

then joins two of them into a range (``3月1日至15日``, ``2021年到2025年``) and keeps
the anchor of since/until phrases (``2024年以来`` is ``2024``).  Partial dates take the
missing year (or month) from ``reference``, choosing the nearest reading; without a
reference they get value None, never a guessed year.  Values follow
:mod:`zhjx.normalize.resolve`; the language data lives in ``patterns/dates/``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

import regex

from zhjx.normalize import datewords as W
from zhjx.normalize.datenum import CN_CHARS, CN_DIGIT_CHARS, read_int
from zhjx.normalize.resolve import (
    Interval,
    add_months,
    day_span,
    first_monday,
    month_len,
    month_span,
    nearest,
    two_digit_year,
    valid,
    value_of,
    week_start,
    year_span,
)
from zhjx.normalize.types import DateMention

#: ``regex.compile`` once per pattern: the module-level ``regex`` functions look
#: the pattern up in regex's own cache, which costs microseconds a call.
_re = cache(regex.compile)

__all__ = ["find_dates"]

# Full-width digits, letters and a few marks read as ASCII; one character for one, so
# offsets are kept.
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20

S = r"[ \t\u3000\xa0]{0,2}"  # spacing allowed inside a date (PDF text: 3 月 29 日)
CN = f"[{CN_CHARS}]"
NOT_CN_BEFORE = f"(?<![{CN_CHARS}万萬])"
MNUM = rf"(?:(?<![\d.·])(?:1[0-2]|0?[1-9])(?!\d)|{NOT_CN_BEFORE}(?:十[一二]?|[一二三四五六七八九]))"
DNUM = (
    rf"(?:(?<![\d.·])(?:3[01]|[12]\d|0?[1-9])(?!\d)"
    rf"|{NOT_CN_BEFORE}(?:[二两三]十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]))"
)
COUNT = r"(?:\d{1,3}|[一二两兩三四五六七八九十]{1,3})"
WEEK = r"(?:星期|礼拜|禮拜|周|週)"
WEEK_NOT_BEFORE = "边邊围圍转轉全密期年岁歲刊报報知长長"
QNUM = r"(?:[1-4一二三四])"


@dataclass(frozen=True, slots=True)
class _Hit:
    """A date read at ``start:end`` of the text, before it becomes a mention."""

    start: int
    end: int
    lo: date | None = None
    hi: date | None = None
    gran: str = "day"
    ws: str = "day"  # written level of the start: year|month|day
    we: str = "day"  # written level of the end
    point: bool = True
    relative: bool = False
    used_ref: bool = False
    kind: str = "date"  # date|weekday|vague
    weekday: int | None = None
    has_year: bool = True
    has_month: bool = True


def _span_hit(start: int, end: int, span: Interval | None, **kw) -> _Hit:
    lo, hi = span if span else (None, None)
    return _Hit(start, end, lo, hi, **kw)


class _Grammar:
    """The compiled patterns (built once from ``patterns/dates``)."""

    def __init__(self) -> None:
        anchors = W.anchors()
        blockers = W.blockers()
        week = W.weekdays()
        rel = W.relatives()
        self.relatives = rel
        rel_year = [w for w, r in rel.items() if r.unit == "year"]
        rel_month = [w for w, r in rel.items() if r.unit == "month"]
        rel_other = [w for w, r in rel.items() if r.unit in ("day", "quarter")]
        self.week_days = week["days"]
        self.week_shifts = week["shifts"]
        conn = W.alternation(anchors["connectors"])
        self.conn = regex.compile(rf"{S}(?:{conn}){S}")
        self.between = regex.compile(rf"{S}(?:{W.alternation(anchors['between_joiners'])}){S}")
        self.between_close = regex.compile(rf"{S}(?:{W.alternation(anchors['between_closers'])})")
        self.prefix = regex.compile(rf"(?:{W.alternation(anchors['prefixes'])}){S}")
        self.suffix = regex.compile(rf"{S}(?:{W.alternation(anchors['suffixes'])})")
        self.suffix_block = anchors["single_char_suffixes_not_before"] + (
            "草诉訴航步飞飛点點跑源因身义義码碼往进進景夕沿列台言提者续續期勤方来來劲勁盾容部地蒙外需涵"
        )
        self.year_block = tuple(blockers["year_not_before"])
        self.hao_block = blockers["hao_not_before"]
        self.hao_follow = blockers["hao_may_precede"]
        self.hao_after = blockers["hao_not_after"]
        self.unit_block = blockers["bare_number_not_before"]
        self.year_parts = W.parts_of("year")
        self.month_parts = W.parts_of("month")
        year_part_words = W.alternation(list(self.year_parts))
        month_part_words = W.alternation(list(self.month_parts))
        bare_parts = [p for p in W.parts() if p.bare]
        self.bare_parts = {p.word: p for p in bare_parts}
        cnb = NOT_CN_BEFORE

        self.year = regex.compile(
            rf"(?P<ya>(?<![\d.])\d{{4}}){S}(?P<yu>年度|财年|財年|年)"
            rf"|(?P<yb>(?<![\d.])\d{{2,3}}){S}年(?:度)?"
            rf"|(?P<yc>{cnb}[{CN_DIGIT_CHARS}]{{2,4}}){S}年"
            rf"|(?P<yd>{cnb}[一二两兩]千[零〇一二三四五六七八九十百]{{0,4}}){S}年"
            rf"|(?P<yr>{W.alternation(rel_year)})"
        )
        self.de = regex.compile(rf"{S}的?{S}")
        self.month_range = regex.compile(
            rf"(?P<m1>{MNUM}){S}(?:月{S})?(?:{conn}){S}(?P<m2>{MNUM}){S}月份?"
        )
        self.month = regex.compile(
            rf"(?P<m>{MNUM}){S}月份?(?!{S}[度亮球饼餅嫂子票薪])|(?P<mr>{W.alternation(rel_month)})"
            rf"|(?P<mf>首月)|第{S}(?P<mn>{MNUM}){S}(?:个|個){S}月"
        )
        self.quarter = regex.compile(
            rf"(?:第{S})?(?P<q>{QNUM}){S}季度|(?P<qf>首){S}季度?"
            rf"|前{S}(?P<qn>[2-3二三两兩]){S}(?:个|個)?{S}季度"
            rf"|(?<![A-Za-z\d])[Qq](?P<qq>[1-4])(?![\dA-Za-z])"
        )
        self.year_part = regex.compile(rf"(?P<p>{year_part_words})")
        self.month_part = regex.compile(rf"(?P<p>{month_part_words})")
        self.bare_part = regex.compile(
            rf"(?<![{CN_CHARS}\d年月{blockers['bare_part_not_after']}])"
            rf"(?P<p>{W.alternation(list(self.bare_parts))})"
        )
        self.nth_week = regex.compile(
            rf"第{S}(?P<n>{COUNT}){S}(?:个|個)?{S}(?:周|週|星期|礼拜|禮拜)(?![{WEEK_NOT_BEFORE}])"
        )
        self.first_last = regex.compile(
            rf"(?P<fl>前|头|頭|最后|最後){S}(?P<n>{COUNT}){S}"
            rf"(?P<u>天|日|(?:个|個){S}(?:周|週|星期|礼拜|禮拜)|周|週|(?:个|個)?{S}月)"
        )
        self.nth_weekday = regex.compile(
            rf"(?:第{S}(?P<n>{COUNT})|(?P<last>最后|最後)(?:{S}一)?){S}(?:个|個)?{S}{WEEK}(?P<wd>[一二三四五六日天])"
        )
        self.day_range = regex.compile(
            rf"(?P<d1>{DNUM}){S}(?:{conn}){S}(?P<d2>{DNUM}){S}(?:日(?!元)|[号號])"
        )
        self.day = regex.compile(rf"(?P<d>{DNUM}){S}(?P<du>日(?!元)|[号號])")
        self.bare_day = regex.compile(rf"(?P<d>{DNUM})(?![\d.%]|{S}[{self.unit_block}])")
        self.rel_other = regex.compile(rf"(?P<w>{W.alternation(rel_other)})")
        # numeric dates
        self.ymd = regex.compile(
            r"(?<![\dA-Za-z./])(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"
            r"(?![\dA-Za-z]|[.\-/]\d)"
        )
        self.dmy = regex.compile(
            r"(?<![\dA-Za-z.\-/:])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d.])"
        )
        self.ymd8 = regex.compile(
            r"(?<![\dA-Za-z.\-/])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?![\dA-Za-z])"
        )
        self.ym = regex.compile(
            rf"(?<![\dA-Za-z./])(?P<y>(?:1[89]|20)\d{{2}})(?P<s>[-/.])(?P<m>\d{{2}})"
            rf"(?![\dA-Za-z%]|\.\d|{S}[{self.unit_block}])"
        )
        md_block = self.unit_block + "公平立度岁歲年天小分秒周週月日号號时時层層栋棟届屆"
        self.md = regex.compile(
            rf"(?<![\dA-Za-z.\-/])(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\dA-Za-z.\-/%:]|{S}[{md_block}])"
        )
        self.year_range = regex.compile(
            rf"(?<![\dA-Za-z.\-/])(?P<y1>\d{{4}}){S}(?:年{S})?(?:{conn}){S}(?P<y2>\d{{4}})"
            rf"(?:{S}(?P<yu>年度|年))?(?![\d.%])"
        )
        self.bare_year = regex.compile(
            r"(?<![\dA-Za-z./%])(?P<y>(?:19|20)\d{2})"
            r"(?=$|[，。；、,;:：)）」』”\"\]】》!?！？]|\s)"
        )
        # relative spans
        unit = (
            rf"(?P<u>年|天|日|(?:个|個){S}月|(?:个|個)?{S}(?:周|週|星期|礼拜|禮拜)"
            rf"|(?:个|個)?{S}季度)"
        )
        self.recent = regex.compile(
            rf"(?P<pre>最近|(?<![接将將靠临臨附亲親邻鄰])近|过去|過去|以往){S}(?P<n>{COUNT}){S}{unit}"
            rf"(?:{S}(?:以来|以來|来|來))?"
        )
        self.prev = regex.compile(
            rf"(?<![\d{CN_CHARS}{blockers['prev_not_after']}])(?P<pre>前|上){S}(?P<n>{COUNT}){S}{unit}"
        )
        self.next = regex.compile(
            rf"(?P<pre>未来|未來|今后|今後|接下来|接下來|(?<![年月日\d{CN_CHARS}余餘剩留之以然而落午前一])(?:后|後|下))"
            rf"{S}(?P<n>{COUNT}){S}{unit}"
        )
        self.ago = regex.compile(
            rf"(?<![\d.{CN_CHARS}])(?P<n>[1-9]\d{{0,2}}|[一二两兩三四五六七八九十]{{1,3}}){S}{unit}"
            rf"{S}(?P<dir>以前|之前|前|以后|以後|之后|之後|后|後)(?![往进進景夕沿列台言提者续續期勤方来來劲勁盾])"
        )
        self.within = regex.compile(
            rf"(?<![\d.{CN_CHARS}])(?P<n>[1-9]\d{{0,2}}|[一二两兩三四五六七八九十]{{1,3}}){S}"
            rf"(?P<u>天|日){S}(?:以内|之内|内)"
        )
        self.this_next = regex.compile(r"今明(?:两|兩)年")
        # weeks
        shifts = W.alternation(list(self.week_shifts))
        counters = W.alternation(week["counters"])
        self.week = regex.compile(
            rf"(?<![一以之留余餘剩])(?P<sh>{shifts}){S}(?:{counters})?{S}{WEEK}(?![{WEEK_NOT_BEFORE}])"
            rf"(?:{S}(?P<end>末)|{S}(?:的{S})?(?:{WEEK})?(?P<wd>[一二三四五六日天]))?"
        )
        self.weekday = regex.compile(
            rf"(?<![每隔{CN_CHARS}个個上下这這本今])(?:(?<!\d)(?:周|週)|星期|礼拜|禮拜)(?P<wd>[一二三四五六日天])"
            rf"(?![{WEEK_NOT_BEFORE}])"
        )
        self.weekday_run = regex.compile(rf"{S}(?:{conn}|、|和|及|与){S}{WEEK}[一二三四五六日天]")
        self.weekday_gap = regex.compile(r"[\s，,、（(）)]{0,3}")
        # plans and decades
        self.plan = regex.compile(
            rf"(?P<q1>[“\"「『‘])?{S}{NOT_CN_BEFORE}(?P<n>十[一二三四五六七八九]?|[一二三四五六七八九]){S}五"
            rf"{S}(?P<q2>[”\"」』’])?(?P<w>{S}(?:期间|期間|时期|時期))?"
        )
        self.plan_words = (
            "规划",
            "規劃",
            "计划",
            "計劃",
            "期间",
            "期間",
            "时期",
            "時期",
            "末",
            "以来",
        )
        self.decade = regex.compile(
            rf"(?:(?P<c>上|本|(?P<cn>\d{{1,2}}|{CN}{{1,3}})){S}世纪{S})?"
            rf"(?<![\d{CN_CHARS}])(?P<d>[1-9]0|[一二三四五六七八九]十){S}年代"
        )
        self.century = regex.compile(
            rf"(?P<c>上|本|(?P<cn>\d{{1,2}}|{CN}{{1,3}})){S}世纪(?!{S}(?:\d|{CN}))"
        )
        self.vague = regex.compile(rf"(?P<w>{W.alternation(W.vague_words())})")
        starts = set(
            "0123456789"
            + CN_CHARS
            + 'QqF“"「『‘第首前头頭最近过過以未今接后後下上本这這星礼禮周週大去明昨来後年月'
        )
        for words in (rel, self.bare_parts, W.vague_words(), anchors["prefixes"]):
            starts.update(w[0] for w in words)
        self.starts = regex.compile(f"[{regex.escape(''.join(sorted(starts)))}]")


@cache
def _grammar() -> _Grammar:
    return _Grammar()


class _Reader:
    """One pass of the grammar over one text."""

    def __init__(self, text: str, ref: date | None, vague: bool) -> None:
        self.t = text.translate(_FULLWIDTH)
        self.ref = ref
        self.g = _grammar()
        self.vague = vague

    # ---- helpers -------------------------------------------------------------------

    def _not_before(self, pos: int, chars: str) -> bool:
        return pos < len(self.t) and self.t[pos] in chars

    def _rel_ok(self, r: W.Relative, start: int, end: int) -> bool:
        """Whether a relative word stands as one (not 然后天津, 日本年轻人, 十来年)."""
        if r.not_before and self._not_before(end, r.not_before):
            return False
        before = self.t[start - 1] if start else ""
        return not (before and (before in r.not_after or before in CN_CHARS + "几幾多数數"))

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

    # ---- entry ---------------------------------------------------------------------

    def read(self) -> list[_Hit]:
        hits: list[_Hit] = []
        t = self.t
        pos = 0
        while True:
            m = self.g.starts.search(t, pos)
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

    def _at(self, p: int) -> _Hit | None:
        pm = self.g.prefix.match(self.t, p)
        if pm:
            hit = self._phrase(pm.end())
            if hit is not None and hit.kind == "date":
                return replace(hit, start=p)
        return self._phrase(p)

    def _phrase(self, p: int) -> _Hit | None:
        hit = self._core(p, None)
        if hit is None or hit.kind != "date":
            return hit
        hit = self._range(hit)
        return self._suffix(hit)

    def _core(self, p: int, ctx: _Hit | None) -> _Hit | None:
        best = None
        for rule in (
            self._numeric,
            self._cal,
            self._relspan,
            self._week,
            self._plan,
            self._decade,
            self._vague,
        ):
            hit = rule(p, ctx)
            if hit is not None and (best is None or hit.end > best.end):
                best = hit
        return best

    def _range(self, hit: _Hit) -> _Hit:
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
            return replace(
                hit,
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
            return _Hit(hit.start, end, gran="period", point=False, relative=True, used_ref=True)
        if second.hi <= hit.lo:
            return hit
        return _Hit(
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

    def _suffix(self, hit: _Hit) -> _Hit:
        m = self.g.suffix.match(self.t, hit.end)
        if m is None:
            return hit
        word = m[0].strip()
        if len(word) == 1 and self._not_before(m.end(), self.g.suffix_block):
            return hit
        return replace(hit, end=m.end())

    # ---- numeric dates -------------------------------------------------------------

    def _numeric(self, p: int, ctx: _Hit | None) -> _Hit | None:
        g = self.g
        best = None
        for rx in (g.ymd, g.ymd8, g.dmy):
            m = rx.match(self.t, p)
            if m:
                y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
                if valid(y, mo, d) and 1000 <= y <= 2199:
                    best = _span_hit(p, m.end(), day_span(date(y, mo, d)))
                    break
        if best is None:
            m = g.ym.match(self.t, p)
            if m and 1 <= int(m["m"]) <= 12:
                best = _span_hit(
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
                best = _span_hit(
                    p, m.end(), year_span(y1, y2), gran="period", ws="year", we="year", point=False
                )
        if best is None:
            m = g.md.match(self.t, p)
            if m:
                mo, d = int(m["m"]), int(m["d"])
                best = self._month_day(p, m.end(), None, mo, d, ctx)
        if best is None:
            m = g.bare_year.match(self.t, p)
            if m and self._bare_year_ok(p, m.end()):
                best = _span_hit(
                    p, m.end(), year_span(int(m["y"])), gran="year", ws="year", we="year"
                )
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

    def _month_day(
        self, start: int, end: int, year: int | None, mo: int, d: int, ctx: _Hit | None
    ) -> _Hit | None:
        """A month-day, its year from ``year``, the range's first date, or the reference."""
        if not 1 <= mo <= 12 or not 1 <= d <= 31:
            return None
        if year is not None:
            if not valid(year, mo, d):
                return None
            return _span_hit(start, end, day_span(date(year, mo, d)), has_year=True)
        if ctx is not None and ctx.lo is not None:
            y = ctx.lo.year
            if valid(y, mo, d) and date(y, mo, d) < ctx.lo:
                y += 1
            if not valid(y, mo, d):
                return None
            return _span_hit(start, end, day_span(date(y, mo, d)), has_year=False)
        if self.ref is None:
            return _Hit(start, end, has_year=False)
        cands = [
            day_span(date(y, mo, d))
            for y in range(self.ref.year - 1, self.ref.year + 2)
            if valid(y, mo, d)
        ]
        span = nearest(cands, self.ref)
        if span is None:
            return None
        return _span_hit(start, end, span, used_ref=True, has_year=False)

    # ---- calendar phrases ----------------------------------------------------------

    def _cal(self, p: int, ctx: _Hit | None) -> _Hit | None:
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
                    return _span_hit(
                        p,
                        m.end(),
                        span,
                        gran="year",
                        ws="year",
                        we="year",
                        relative=rel,
                        used_ref=rel,
                    )
        hit = self._after_year(p, p, None, False, False, ctx)
        if hit is not None:
            return hit
        m = g.rel_other.match(self.t, p)
        if m:
            r = g.relatives[m["w"]]
            if not self._rel_ok(r, m.start(), m.end()):
                return None
            if self.ref is None:
                return _Hit(m.start(), m.end(), relative=True, gran=r.unit)
            if r.unit == "day":
                return _span_hit(
                    p,
                    m.end(),
                    day_span(self.ref + timedelta(days=r.offset)),
                    relative=True,
                    used_ref=True,
                )
            q0 = (self.ref.month - 1) // 3
            y, mo = add_months(self.ref.year, q0 * 3 + 1, 3 * r.offset)
            return _span_hit(
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
        self, year: int | None, has_year: bool, make, ctx: _Hit | None, nearest_ok: bool = True
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

    def _month_year(self, mo: int, ctx: _Hit | None) -> tuple[int | None, bool]:
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
        ctx: _Hit | None,
        strong: bool = True,
    ) -> _Hit | None:
        """What follows a year (or starts a phrase without one): months, parts, weeks."""
        g = self.g
        best: _Hit | None = None

        def keep(hit: _Hit | None) -> None:
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
                    _span_hit(
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
                    _span_hit(
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
                    keep(_Hit(p, m.end(), gran=part.gran, relative=True))
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
                        _span_hit(
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

    def _first_last(self, p: int, m, lo: date, hi: date, rel: bool) -> _Hit | None:
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
        return _span_hit(p, m.end(), span, gran="period", point=False, relative=rel, used_ref=rel)

    def _year_part(
        self, p: int, end: int, part, year: int | None, has_year: bool, rel: bool, ctx: _Hit | None
    ) -> _Hit | None:
        def make(y: int) -> Interval:
            return date(y, part.first, 1), month_span(y, part.last)[1]

        span, used = self._resolve_year(year, has_year, make, ctx, nearest_ok=False)
        if part.first == 1 and part.last == 12:
            return _span_hit(
                p, end, span, gran="year", ws="year", we="year", relative=rel, used_ref=rel
            )
        return _span_hit(
            p, end, span, gran=part.gran, point=False, relative=rel, used_ref=rel or used
        )

    def _month_part(self, p: int, end: int, part, y: int | None, mo: int | None, rel: bool) -> _Hit:
        if y is None or mo is None:
            return _Hit(p, end, gran=part.gran, relative=rel)
        last = min(part.last, month_len(y, mo))
        span = (date(y, mo, part.first), date(y, mo, last) + timedelta(days=1))
        return _span_hit(p, end, span, gran=part.gran, point=False, relative=rel, used_ref=rel)

    def _month_phrase(
        self, p: int, m, year: int | None, yrel: bool, has_year: bool, ctx: _Hit | None
    ) -> _Hit | None:
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
                return _Hit(p, m.end(), gran="month", ws="month", we="month", relative=True)
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
                    return replace(
                        first,
                        hi=hi,
                        gran="period",
                        point=False,
                        relative=rel,
                        used_ref=first.used_ref or used,
                    )
            elif first is not None and first.lo is None:
                return replace(first, gran="period", point=False)
        dm = g.day.match(self.t, k)
        if dm and self._hao_ok(dm):
            hit = self._day_in(
                p, dm.end(), y, mo, read_int(dm["d"]), has_year or m["mr"] is not None, ctx
            )
            if hit is not None:
                return replace(hit, relative=rel, used_ref=hit.used_ref or used)
            return _Hit(p, dm.end(), kind="invalid")  # 2月30日: no such day
        if not m["mr"]:
            dm = g.bare_day.match(self.t, k)
            if dm and self._bare_day_ok(dm.end()):
                hit = self._day_in(p, dm.end(), y, mo, read_int(dm["d"]), has_year, ctx)
                if hit is not None:
                    return replace(hit, relative=rel, used_ref=hit.used_ref or used)
        # the month alone, or a part or a week of it
        bare_cn = not has_year and m["m"] and not m["m"].isdigit()
        if bare_cn and ctx is None and not self._bare_cn_month_ok(mend):
            return None
        if y is None and not has_year:
            y, used_n = self._month_year(mo, ctx)
            used = used or used_n
        whole = _span_hit(
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
                return replace(hit, used_ref=used or rel)
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
                    return _span_hit(
                        p, wm.end(), span, gran="week", point=False, relative=rel, used_ref=used
                    )
            fm = g.first_last.match(self.t, k)
            if fm:
                lo, hi = month_span(y, mo)
                hit = self._first_last(p, fm, lo, hi, rel)
                if hit is not None:
                    return replace(hit, used_ref=used)
        return whole

    def _nth_weekday(self, p: int, m, y: int, mo: int, rel: bool, used: bool) -> _Hit | None:
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
        return _span_hit(p, m.end(), day_span(d), relative=rel, used_ref=used)

    def _bare_cn_month_ok(self, end: int) -> bool:
        """三月 alone is a month only before a non-Han character or a month word (not 一月节食)."""
        if end >= len(self.t):
            return True
        nxt = self.t[end]
        return (
            not _re(r"\p{Han}").match(nxt)
            or nxt in "份的中底末初里裏间間起以至到和与與、上下第之前后後旬"
        )

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
        ctx: _Hit | None,
    ) -> _Hit | None:
        if not d:
            return None
        if y is None and has_year:
            return _Hit(p, end, relative=True)
        return self._month_day(p, end, y, mo, d, ctx)

    # ---- standalone days are handled here too (29日) ---------------------------------

    def _day_only(self, p: int, ctx: _Hit | None) -> _Hit | None:
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
                return _span_hit(p, m.end(), day_span(date(y, mo, d)), has_year=False)
            return None
        if self.ref is None:
            return _Hit(p, m.end(), has_year=False)
        cands = []
        for shift in (-1, 0, 1):
            yy, mm = add_months(self.ref.year, self.ref.month, shift)
            if valid(yy, mm, d):
                cands.append(day_span(date(yy, mm, d)))
        span = nearest(cands, self.ref)
        return _span_hit(p, m.end(), span, used_ref=True, has_year=False) if span else None

    # ---- relative spans ------------------------------------------------------------

    def _relspan(self, p: int, ctx: _Hit | None) -> _Hit | None:
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
                best = _Hit(p, m.end(), relative=True, gran="period", point=False)
                continue
            if how == "prev" and m["pre"] == "前" and m["u"][-1] == "月":
                # 前4个月: the year's first months (of last year when they have not passed)
                y = ref.year if n < ref.month else ref.year - 1
                if n > 12:
                    continue
                best = _span_hit(
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
            best = _span_hit(
                p,
                m.end(),
                span,
                gran="period",
                ws="year",
                we="year",
                point=False,
                relative=True,
                used_ref=True,
            )
        return best

    def _relative_span(
        self, p: int, end: int, how: str, n: int, u: str, direction: str
    ) -> _Hit | None:
        ref = self.ref
        assert ref is not None
        kw = dict(relative=True, used_ref=True)
        if u == "年":
            if how == "ago":
                y = ref.year - n if "前" in direction else ref.year + n
                return _span_hit(p, end, year_span(y), gran="year", ws="year", we="year", **kw)
            lo, hi = {
                "recent": (ref.year - n, ref.year),
                "prev": (ref.year - n, ref.year - 1),
                "next": (ref.year + 1, ref.year + n),
            }.get(how, (None, None))
            if lo is None:
                return None
            return _span_hit(
                p, end, year_span(lo, hi), gran="period", ws="year", we="year", point=False, **kw
            )
        if u == "月":
            if how == "ago":
                y, mo = add_months(ref.year, ref.month, -n if "前" in direction else n)
                return _span_hit(
                    p, end, month_span(y, mo), gran="month", ws="month", we="month", **kw
                )
            shift = {"recent": -n, "prev": -n, "next": 1}.get(how)
            if shift is None:
                return None
            y, mo = add_months(ref.year, ref.month, shift)
            count = n + 1 if how == "recent" else n
            return _span_hit(
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
                return _span_hit(p, end, day_span(d), **kw)
            span = {
                "recent": (ref - timedelta(days=n), ref + timedelta(days=1)),
                "prev": (ref - timedelta(days=n), ref),
                "next": (ref + timedelta(days=1), ref + timedelta(days=n + 1)),
                "within": (ref, ref + timedelta(days=n + 1)),
            }[how]
            return _span_hit(p, end, span, gran="period", point=False, **kw)
        if u == "度":  # quarters
            q0 = date(ref.year, (ref.month - 1) // 3 * 3 + 1, 1)
            if how == "ago" or how == "within":
                return None
            start = {"recent": -3 * n, "prev": -3 * n, "next": 3}[how]
            y, mo = add_months(q0.year, q0.month, start)
            count = 3 * (n + 1) if how == "recent" else 3 * n
            return _span_hit(p, end, month_span(y, mo, count), gran="period", point=False, **kw)
        # weeks
        w0 = week_start(ref)
        if how == "ago":
            d = ref - timedelta(weeks=n) if "前" in direction else ref + timedelta(weeks=n)
            return _span_hit(p, end, day_span(d), **kw)
        span = {
            "recent": (w0 - timedelta(weeks=n), w0 + timedelta(weeks=1)),
            "prev": (w0 - timedelta(weeks=n), w0),
            "next": (w0 + timedelta(weeks=1), w0 + timedelta(weeks=n + 1)),
        }.get(how)
        if span is None:
            return None
        return _span_hit(p, end, span, gran="week", point=False, **kw)

    # ---- weeks and weekdays --------------------------------------------------------

    def _week(self, p: int, ctx: _Hit | None) -> _Hit | None:
        g = self.g
        ref = self.ref
        m = g.week.match(self.t, p)
        if m:
            shift = self.week_shift(m["sh"])
            if ref is None:
                return _Hit(p, m.end(), relative=True, gran="week")
            monday = week_start(ref) + timedelta(weeks=shift)
            if m["wd"]:
                d = monday + timedelta(days=g.week_days[m["wd"]] - 1)
                return _span_hit(p, m.end(), day_span(d), relative=True, used_ref=True)
            if m["end"]:
                sat = monday + timedelta(days=5)
                return _span_hit(
                    p,
                    m.end(),
                    (sat, sat + timedelta(days=2)),
                    gran="week",
                    point=False,
                    relative=True,
                    used_ref=True,
                )
            return _span_hit(
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
                return _Hit(p, m.end(), relative=True, kind="weekday", weekday=wd)
            d = week_start(ref) + timedelta(days=wd - 1)
            return _span_hit(
                p, m.end(), day_span(d), relative=True, used_ref=True, kind="weekday", weekday=wd
            )
        return None

    def week_shift(self, word: str) -> int:
        return self.g.week_shifts.get(word, 0)

    def _weekdays(self, hits: list[_Hit]) -> list[_Hit]:
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
                    out[i] = replace(h, lo=o.lo, hi=o.hi, kind="date", used_ref=o.used_ref)
                    break
            else:
                out[i] = replace(h, kind="date")
        return out

    # ---- plans, decades, vague words ----------------------------------------------

    def _plan(self, p: int, ctx: _Hit | None) -> _Hit | None:
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
        return _span_hit(
            p, m.end(), year_span(*years), gran="period", ws="year", we="year", point=False
        )

    def _decade(self, p: int, ctx: _Hit | None) -> _Hit | None:
        g = self.g
        ref_year = self.ref.year if self.ref else None
        m = g.decade.match(self.t, p)
        if m:
            d = read_int(m["d"])
            if d is None or d % 10 or not 0 < d < 100:
                return None
            if m["c"] == "上" or m["c"] == "本":
                if ref_year is None:
                    return _Hit(p, m.end(), gran="period", point=False, relative=True)
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
            return _span_hit(
                p,
                m.end(),
                year_span(y, y + 9),
                gran="period",
                ws="year",
                we="year",
                point=False,
                relative=m["c"] in ("上", "本"),
                used_ref=m["c"] in ("上", "本"),
            )
        m = g.century.match(self.t, p)
        if m:
            if m["c"] in ("上", "本"):
                if ref_year is None:
                    return _Hit(p, m.end(), gran="period", point=False, relative=True)
                c = (ref_year - 1) // 100 + (0 if m["c"] == "上" else 1)
            else:
                c = read_int(m["cn"]) or 0
            if not 2 <= c <= 30:
                return None
            return _span_hit(
                p,
                m.end(),
                year_span((c - 1) * 100, c * 100 - 1),
                gran="period",
                ws="year",
                we="year",
                point=False,
                relative=m["c"] in ("上", "本"),
                used_ref=m["c"] in ("上", "本"),
            )
        return None

    def _vague(self, p: int, ctx: _Hit | None) -> _Hit | None:
        if not self.vague or ctx is not None:
            return None
        m = self.g.vague.match(self.t, p)
        if m is None:
            return None
        return _Hit(p, m.end(), gran="vague", relative=True, kind="vague")


def _mention(text: str, hit: _Hit, ref: date | None) -> DateMention:
    interval = (hit.lo, hit.hi) if hit.lo is not None and hit.hi is not None else None
    value = (
        value_of(interval, hit.point, hit.ws, hit.we) if interval and hit.kind == "date" else None
    )
    if hit.kind == "vague":
        interval = None
    return DateMention(
        start=hit.start,
        end=hit.end,
        text=text[hit.start : hit.end],
        value=value,
        interval=interval if value is not None else None,
        relative=hit.relative,
        granularity=hit.gran,
        reference=ref if (hit.used_ref or hit.relative) else None,
    )


def find_dates(
    text: str, reference: date | None = None, *, vague: bool = False
) -> list[DateMention]:
    """Find dates in ``text``, resolving partial and relative ones against ``reference``.

    ``reference`` is the article's publication date; without it, dates that need it
    get value None.  ``vague=True`` also reports vague words (近日, 目前) with value None.
    """
    if not text:
        return []
    hits = _Reader(text, reference, vague).read()
    return [_mention(text, h, reference) for h in hits if h.kind != "invalid"]
