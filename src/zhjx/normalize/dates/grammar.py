"""The compiled date patterns (built once from ``patterns/dates``)."""

from __future__ import annotations

import re
from functools import cache

import regex

from zhjx.normalize.dates import words as W
from zhjx.normalize.dates.heads import ANY, first_class, heads, heads_by_char, then
from zhjx.normalize.dates.numerals import CN_CHARS, CN_DIGIT_CHARS

#: ``regex.compile`` once per pattern: the module-level ``regex`` functions look
#: the pattern up in regex's own cache, which costs microseconds a call.  (For the
#: few checks that need ``regex``'s Unicode properties, ``\p{Han}``.)
re_cached = cache(regex.compile)

#: ``\s`` as the Unicode White_Space property spells it (stdlib ``re`` also counts
#: the separators \x1c-\x1f as spaces; the ``regex`` module and this list do not)
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
S = r"[ \t\u3000\xa0]{0,2}"  # spacing allowed inside a date (PDF text: 3 月 29 日)
CN = f"[{CN_CHARS}]"
NOT_CN_BEFORE = f"(?<![{CN_CHARS}万萬])"
MNUM = rf"(?:(?<![\d.·])(?:1[0-2]|0?[1-9])(?!\d)|{NOT_CN_BEFORE}(?:十[一二]?|[一二三四五六七八九]))"
DNUM = (
    rf"(?:(?<![\d.·])(?:3[01]|[12]\d|0?[1-9])(?!\d)"
    rf"|{NOT_CN_BEFORE}(?:[二两三]十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]))"
)
COUNT = r"(?:\d{1,3}|[一二两兩三四五六七八九十]{1,3})"
QNUM = r"(?:[1-4一二三四])"

#: The reader's rules in the order it tries them, each with the patterns a reading of
#: it begins with (at the position the rule is tried).  The pre-filter is built from
#: these: a rule is only tried where one of its leads can start.
RULE_LEADS: dict[str, tuple[str, ...]] = {
    "numeric": ("ymd", "ymd8", "dmy", "ym", "year_range", "md", "bare_year"),
    "cal": ("year", "month_range", "month", "quarter", "bare_part", "rel_other"),
    "relspan": ("day", "recent", "prev", "next", "ago", "within", "this_next"),
    "week": ("week", "weekday"),
    "plan": ("plan",),
    "decade": ("decade", "century"),
    "vague": ("vague",),
}


class Grammar:
    """The compiled patterns (built once from ``patterns/dates``).

    Compiled with the standard library's ``re``: these patterns need nothing of the
    ``regex`` module, and ``re`` matches them at a third of the cost a call.
    """

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
        week_word = "(?:" + "|".join(week["names"]) + ")"
        week_nb = week["week_not_before"]
        conn = W.alternation(anchors["connectors"])
        self.conn = re.compile(rf"{S}(?:{conn}){S}")
        self.between = re.compile(rf"{S}(?:{W.alternation(anchors['between_joiners'])}){S}")
        self.between_close = re.compile(rf"{S}(?:{W.alternation(anchors['between_closers'])})")
        self.prefix = re.compile(rf"(?:{W.alternation(anchors['prefixes'])}){S}")
        self.suffix = re.compile(rf"{S}(?:{W.alternation(anchors['suffixes'])})")
        self.suffix_block = anchors["single_char_suffixes_not_before"]
        self.year_block = tuple(blockers["year_not_before"])
        self.hao_block = blockers["hao_not_before"]
        self.hao_follow = blockers["hao_may_precede"]
        self.hao_after = blockers["hao_not_after"]
        self.unit_block = blockers["bare_number_not_before"]
        self.rel_not_after = CN_CHARS + blockers["relative_not_after"]
        self.bare_cn_month_may_precede = blockers["bare_cn_month_may_precede"]
        self.year_parts = W.parts_of("year")
        self.month_parts = W.parts_of("month")
        year_part_words = W.alternation(list(self.year_parts))
        month_part_words = W.alternation(list(self.month_parts))
        bare_parts = [p for p in W.parts() if p.bare]
        self.bare_parts = {p.word: p for p in bare_parts}
        cnb = NOT_CN_BEFORE

        self.year = re.compile(
            rf"(?P<ya>(?<![\d.])\d{{4}}){S}(?P<yu>年度|财年|財年|年)"
            rf"|(?P<yb>(?<![\d.])\d{{2,3}}){S}年(?:度)?"
            rf"|(?P<yc>{cnb}[{CN_DIGIT_CHARS}]{{2,4}}){S}年"
            rf"|(?P<yd>{cnb}[一二两兩]千[零〇一二三四五六七八九十百]{{0,4}}){S}年"
            rf"|(?P<yr>{W.alternation(rel_year)})"
        )
        self.de = re.compile(rf"{S}的?{S}")
        self.month_range = re.compile(
            rf"(?P<m1>{MNUM}){S}(?:月{S})?(?:{conn}){S}(?P<m2>{MNUM}){S}月份?"
        )
        self.month = re.compile(
            rf"(?P<m>{MNUM}){S}月份?(?!{S}[{blockers['month_not_before']}])|(?P<mr>{W.alternation(rel_month)})"
            rf"|(?P<mf>首月)|第{S}(?P<mn>{MNUM}){S}(?:个|個){S}月"
        )
        self.quarter = re.compile(
            rf"(?:第{S})?(?P<q>{QNUM}){S}季度|(?P<qf>首){S}季度?"
            rf"|前{S}(?P<qn>[2-3二三两兩]){S}(?:个|個)?{S}季度"
            rf"|(?<![A-Za-z\d])[Qq](?P<qq>[1-4])(?![\dA-Za-z])"
        )
        self.year_part = re.compile(rf"(?P<p>{year_part_words})")
        self.month_part = re.compile(rf"(?P<p>{month_part_words})")
        self.bare_part = re.compile(
            rf"(?<![{CN_CHARS}\d年月{blockers['bare_part_not_after']}])"
            rf"(?P<p>{W.alternation(list(self.bare_parts))})"
        )
        self.nth_week = re.compile(
            rf"第{S}(?P<n>{COUNT}){S}(?:个|個)?{S}{week_word}(?![{week_nb}])"
        )
        self.first_last = re.compile(
            rf"(?P<fl>前|头|頭|最后|最後){S}(?P<n>{COUNT}){S}"
            rf"(?P<u>天|日|(?:个|個){S}{week_word}|周|週|(?:个|個)?{S}月)"
        )
        self.nth_weekday = re.compile(
            rf"(?:第{S}(?P<n>{COUNT})|(?P<last>最后|最後)(?:{S}一)?){S}(?:个|個)?{S}{week_word}(?P<wd>[一二三四五六日天])"
        )
        self.day_range = re.compile(
            rf"(?P<d1>{DNUM}){S}(?:{conn}){S}(?P<d2>{DNUM}){S}(?:日(?!元)|[号號])"
        )
        self.day = re.compile(rf"(?P<d>{DNUM}){S}(?P<du>日(?!元)|[号號])")
        self.bare_day = re.compile(rf"(?P<d>{DNUM})(?![\d.%]|{S}[{self.unit_block}])")
        self.rel_other = re.compile(rf"(?P<w>{W.alternation(rel_other)})")
        # numeric dates
        self.ymd = re.compile(
            r"(?<![\dA-Za-z./])(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"
            r"(?![\dA-Za-z]|[.\-/]\d)"
        )
        self.dmy = re.compile(
            r"(?<![\dA-Za-z.\-/:])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d.])"
        )
        self.ymd8 = re.compile(
            r"(?<![\dA-Za-z.\-/])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?![\dA-Za-z])"
        )
        self.ym = re.compile(
            rf"(?<![\dA-Za-z./])(?P<y>(?:1[89]|20)\d{{2}})(?P<s>[-/.])(?P<m>\d{{2}})"
            rf"(?![\dA-Za-z%]|\.\d|{S}[{self.unit_block}])"
        )
        md_block = self.unit_block + blockers["month_day_not_before"]
        self.md = re.compile(
            rf"(?<![\dA-Za-z.\-/])(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\dA-Za-z.\-/%:]|{S}[{md_block}])"
        )
        self.year_range = re.compile(
            rf"(?<![\dA-Za-z.\-/])(?P<y1>\d{{4}}){S}(?:年{S})?(?:{conn}){S}(?P<y2>\d{{4}})"
            rf"(?:{S}(?P<yu>年度|年))?(?![\d.%])"
        )
        self.bare_year = re.compile(
            r"(?<![\dA-Za-z./%])(?P<y>(?:19|20)\d{2})"
            rf"(?=$|[，。；、,;:：)）」』”\"\]】》!?！？{WHITE_SPACE}])"
        )
        # relative spans
        unit = (
            rf"(?P<u>年|天|日|(?:个|個){S}月|(?:个|個)?{S}{week_word}"
            rf"|(?:个|個)?{S}季度)"
        )
        self.recent = re.compile(
            rf"(?P<pre>最近|(?<![{blockers['recent_not_after']}])近|过去|過去|以往){S}(?P<n>{COUNT}){S}{unit}"
            rf"(?:{S}(?:以来|以來|来|來))?"
        )
        self.prev = re.compile(
            rf"(?<![\d{CN_CHARS}{blockers['prev_not_after']}])(?P<pre>前|上){S}(?P<n>{COUNT}){S}{unit}"
        )
        self.next = re.compile(
            rf"(?P<pre>未来|未來|今后|今後|接下来|接下來|(?<![\d{CN_CHARS}{blockers['next_not_after']}])(?:后|後|下))"
            rf"{S}(?P<n>{COUNT}){S}{unit}"
        )
        self.ago = re.compile(
            rf"(?<![\d.{CN_CHARS}])(?P<n>[1-9]\d{{0,2}}|[一二两兩三四五六七八九十]{{1,3}}){S}{unit}"
            rf"{S}(?P<dir>以前|之前|前|以后|以後|之后|之後|后|後)(?![{blockers['ago_not_before']}])"
        )
        self.within = re.compile(
            rf"(?<![\d.{CN_CHARS}])(?P<n>[1-9]\d{{0,2}}|[一二两兩三四五六七八九十]{{1,3}}){S}"
            rf"(?P<u>天|日){S}(?:以内|之内|内)"
        )
        self.this_next = re.compile(r"今明(?:两|兩)年")
        # weeks
        shifts = W.alternation(list(self.week_shifts))
        counters = W.alternation(week["counters"])
        self.week = re.compile(
            rf"(?<![{week['shift_not_after']}])(?P<sh>{shifts}){S}(?:{counters})?{S}{week_word}(?![{week_nb}])"
            rf"(?:{S}(?P<end>末)|{S}(?:的{S})?(?:{week_word})?(?P<wd>[一二三四五六日天]))?"
        )
        self.weekday = re.compile(
            rf"(?<![{CN_CHARS}{week['weekday_not_after']}])(?:(?<!\d)(?:周|週)|星期|礼拜|禮拜)(?P<wd>[一二三四五六日天])"
            rf"(?![{week_nb}])"
        )
        self.weekday_run = re.compile(rf"{S}(?:{conn}|、|和|及|与){S}{week_word}[一二三四五六日天]")
        self.weekday_gap = re.compile(rf"[{WHITE_SPACE}，,、（(）)]{{0,3}}")
        # plans and decades
        self.plan = re.compile(
            rf"(?P<q1>[“\"「『‘])?{S}{NOT_CN_BEFORE}(?P<n>十[一二三四五六七八九]?|[一二三四五六七八九]){S}五"
            rf"{S}(?P<q2>[”\"」』’])?(?P<w>{S}(?:期间|期間|时期|時期))?"
        )
        self.plan_words = tuple(anchors["plan_words"])
        self.decade = re.compile(
            rf"(?:(?P<c>上|本|(?P<cn>\d{{1,2}}|{CN}{{1,3}})){S}世纪{S})?"
            rf"(?<![\d{CN_CHARS}])(?P<d>[1-9]0|[一二三四五六七八九]十){S}年代"
        )
        self.century = re.compile(
            rf"(?P<c>上|本|(?P<cn>\d{{1,2}}|{CN}{{1,3}})){S}世纪(?!{S}(?:\d|{CN}))"
        )
        self.vague = re.compile(rf"(?P<w>{W.alternation(W.vague_words())})")
        starts = set(
            "0123456789"
            + CN_CHARS
            + 'QqF“"「『‘第首前头頭最近过過以未今接后後下上本这這星礼禮周週大去明昨来後年月'
        )
        for words in (rel, self.bare_parts, W.vague_words(), anchors["prefixes"]):
            starts.update(w[0] for w in words)
        self.start_chars = frozenset(starts)
        self.starts = re.compile(f"[{re.escape(''.join(sorted(starts)))}]")
        self._prefilter()

    def _prefilter(self) -> None:
        """The heads of each lead pattern, their first characters, and those of each rule."""
        lead_heads = {
            name: heads(getattr(self, name).pattern)
            for names in RULE_LEADS.values()
            for name in names
        }
        self._lead_first = {}
        for name, paths in lead_heads.items():
            first = first_class(paths)
            if first == ANY:
                raise ValueError(f"the {name} pattern can start with any character")
            self._lead_first[name] = re.compile(first)
        self._leads = {
            rule: frozenset().union(*(lead_heads[n] for n in names))
            for rule, names in RULE_LEADS.items()
        }
        self._leads_by_char: dict[str, frozenset[str]] = {}
        self._triggers: dict[bool, re.Pattern[str]] = {}

    def leads_at(self, ch: str) -> frozenset[str]:
        """The lead patterns (by name) whose matches can start with ``ch``."""
        found = self._leads_by_char.get(ch)
        if found is None:
            names = (n for n, first in self._lead_first.items() if first.match(ch))
            found = self._leads_by_char[ch] = frozenset(names)
        return found

    def trigger(self, vague: bool) -> re.Pattern[str]:
        """One ``re`` search for the positions where a reading can start: a character of
        ``starts`` where a rule's lead, or a prefix and then a lead, can match (the vague
        words only when ``vague``), one branch a character of ``starts``
        (:func:`heads_by_char`).  Built on first use (0.05-0.15 s)."""
        found = self._triggers.get(vague)
        if found is None:
            paths = frozenset().union(
                *(p for rule, p in self._leads.items() if vague or rule != "vague")
            )
            paths |= then(heads(self.prefix.pattern), lambda depth: paths, 3)
            found = re.compile(heads_by_char(paths, self.start_chars))
            self._triggers[vague] = found
        return found


@cache
def grammar() -> Grammar:
    return Grammar()
