"""Figures and percentages: every number with its unit, exact value, qualifier and range.

:func:`find_quantities` reads a text left to right.  At each numeral (see
:mod:`zhjx.normalize.numerals`) it reads what belongs to it: a sign, 多/余/来 inside,
a percent sign, 成, 个百分点 or a unit word (with compound money such as 3元4角 and 半),
a range to a second number (``6%—10%``, ``千万至亿元``, ``10000与20000之间``), qualifiers
before and after (``近``, ``不低于``, ``以下``, or a bound a few words away as in
``不超过交易金额20%``), and the direction and basis of a change (``同比增长``).

Bare numbers (no unit): a newspaper has few that matter and many traps, so only these
are figures: Chinese numerals of two or more characters with a magnitude or a decimal
point (``一百二十三``, ``两千万点五``), Arabic numbers with thousands separators,
decimals, a sign or 万/亿, a number standing alone between punctuation, a number with a
qualifier (``超过80``) and the ends of a range.  Never codes, versions (``3.0``),
ordinals (``第一``), enumerators (``一是``, ``一、``), years, dates, times, phone numbers
or the set phrases in ``patterns/numbers/set_phrases.txt``.  ``一`` with a count word
(``一个``, ``一批``, ``一项``) is an article, not a count, unless a qualifier or a range
makes it one.

Representation choices: money is in 元 (foreign money keeps its ISO code and its own
value); 成 and 折 are tens of percent (七成 = 70); ``X分之Y`` with a power of ten is a
percentage (千分之一 = 0.1), other fractions (三分之一) yield nothing (the contract has
no record for them); 个百分点 is a percentage with kind ``points``; ``增长3倍`` is a
figure with unit 倍 and kind ``multiple``; open ranges keep the finite end in
``low`` (over, at_least) or ``high`` (under, at_most); vague amounts are ranges
(``十几万`` 100000–190000 over, ``数百`` 200–900 about, ``两三个`` 2–3).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from itertools import accumulate

import regex

from zhjx.normalize import qualifiers as Q
from zhjx.normalize import units as U
from zhjx.normalize.numerals import (
    CN_DIGIT_CLASS,
    CN_MAG_CLASS,
    NUMERAL,
    Numeral,
    fold,
    parse_numeral,
)
from zhjx.normalize.types import Quantity

#: ``regex.compile`` once per pattern: the module-level ``regex`` functions look
#: the pattern up in regex's own cache, which costs microseconds a call.
_re = cache(regex.compile)

TEN = Decimal(10)
HUNDRED = Decimal(100)
HALF = Decimal("0.5")
_CAPITALS = set("壹贰叁肆伍陆柒捌玖")
_MAGS = "十百千万亿"
_CJK = r"\p{Han}"
_VAGUE_SHU_AFTER = "达有了近上约逾的在是为和与及等超"  # 数 after these is "several" (达数百家)
_SP = r"[ ]*"


_CORE = rf"(?:(?<![\d.])(?P<sign>[-负])[ ]?)?(?<![\d.A-Za-z])(?P<num>{NUMERAL})"


@cache
def _core_re() -> re.Pattern[str]:
    """A numeral with its sign, compiled by the standard library's ``re``.

    ``re`` matches it at a position in a third of the time ``regex`` takes, with the
    same matches, except that ``regex``'s ``\\d`` also takes the digits of scripts
    added in Unicode 16 (Garay, Kirat Rai …), which Python's ``Decimal`` cannot read
    anyway.  ``re`` does not skip quickly to where a numeral can start, so
    :func:`_core_search` looks for its first character with :data:`_CORE_FIRST`.
    """
    return re.compile(_CORE)


#: The characters a numeral (or its sign) can start with.
_CORE_FIRST = re.compile(rf"[-负\d.{CN_DIGIT_CLASS}{CN_MAG_CLASS}两点几多余个]")


def _core_search(t: str, pos: int) -> re.Match[str] | None:
    """``_core_re().search(t, pos)``: the pattern is tried only at its first characters."""
    first = _CORE_FIRST.search
    match = _core_re().match
    while (s := first(t, pos)) is not None:
        p = s.start()
        m = match(t, p)
        if m is not None:
            return m
        pos = p + 1
    return None


@cache
def _blocked_re(email: bool = True) -> regex.Pattern[str]:
    """Spans that hold numbers but no quantity: URLs, codes, dates, times, phones.

    ``email=False`` leaves out the e-mail branch, which can only match at an ``@`` but
    is tried at every word character (most of the time of the search).
    """
    parts = [
        r"(?:https?://|www\.)[\x21-\x7e]+",
        r"[\w.+-]+@[\w-]+\.[\w.]+" if email else None,
        r"[A-Za-z][A-Za-z_]*[\d][\w.-]*",  # ZB1605, B12, V2.1, Web3.0
        r"(?<![\d.])(?:1[5-9]|20)\d\d(?:-\d{1,2}(?:-\d{1,2})?|/\d{1,2}(?:/\d{1,2})?)(?!\d)",
        r"(?<![\d.])(?:1[5-9]|20)\d\d\.\d{1,2}\.\d{1,2}(?!\d)",  # 2026-01-27, 2025.3.29
        r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)",  # 14:30
        rf"\d+(?:\.\d+)?{_SP}[∶:]{_SP}\d+(?:\.\d+)?",  # ratios 1∶8
        r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)",  # 0351-4048888
        r"(?<!\d)400-?\d{3}-?\d{4}(?!\d)",
        r"(?<![\d.])1[3-9]\d{9}(?!\d)",  # mobile numbers
        rf"(?<![\d.])(?:1[5-9]|20)\d\d{_SP}年",  # years (a date, not a count of years)
        rf"(?<![\d.])\d{{1,2}}{_SP}月(?:份|{_SP}\d{{1,2}}{_SP}[日号])?",  # 3月, 3月29日
    ]
    # every branch starts with a letter or a digit (or, for e-mail, a word character):
    # the look-ahead lets a position that starts none fail at once
    first = r"[\w.+-]" if email else r"[A-Za-z\d]"
    return regex.compile(f"(?={first})(?:" + "|".join(f"(?:{p})" for p in parts if p) + ")")


_MONTH_DAY = regex.compile(r"(?<![\d.-])(\d{1,2})-(\d{1,2})(?![\d.])")


@cache
def _latin_after_re() -> regex.Pattern[str]:
    """A number glued to Latin letters: 5G, 4K, 3D (unless the letters are a unit)."""
    return regex.compile(r"\d+(?:\.\d+)?[A-Za-z]+(?:\d\w*)?")


@cache
def _percent_of_re() -> regex.Pattern[str]:
    """百分之X, 千分之X, 万分之X, 三分之一 (the denominator before 分之)."""
    den = rf"(?P<den>[{CN_DIGIT_CLASS}{_MAGS}\d]+(?:[ ]*[{_MAGS}])*)"
    return regex.compile(
        rf"(?:(?P<sign>[-负])[ ]?)?{den}[ ]*分[ ]*之[ ]*(?P<num>{NUMERAL}|[百千万])"
    )


#: The characters a range separator (with the spaces and （含） before it) starts with.
_RANGE_SEP_FIRST = frozenset(" （(至到—–-~〜与和")


@cache
def _range_sep_re() -> regex.Pattern[str]:
    return regex.compile(
        r"[ ]*(?:(?:（含）|\(含\))[ ]*)?(?P<sep>至|到|—{1,2}|–|-{1,2}|~|〜|与|和)[ ]*"
    )


@dataclass(slots=True)
class _Num:
    start: int  # start of the sign or numeral
    end: int
    core: str  # folded numeral text (spaces removed), no sign
    num: Numeral
    inside: str | None = None  # qualifier from 多/余/来 inside
    mag_suffix: str = ""  # trailing 万/亿 of the core


@dataclass(slots=True)
class _Expr:
    start: int
    end: int
    n: _Num
    type: str = "figure"
    value: Decimal = Decimal(0)
    unit: str = ""
    kind: str | None = None
    unit_word: str = ""
    qualifier: str = "exact"
    low: Decimal | None = None
    high: Decimal | None = None
    ranged: bool = False
    qualified: bool = False
    before_mag: bool = False
    change: str | None = None
    basis: str | None = None
    vague: bool = False  # 数百: a vague amount read from 数 before the number


#: A middle dot between digits is a decimal point in older typesetting (２１·４８美元).
_MIDDOT_DECIMAL = regex.compile(r"(?<=\d)[·・•](?=\d)")


def find_quantities(text: str) -> list[Quantity]:
    """Find figures and percentages in ``text``; non-overlapping, in text order."""
    if not isinstance(text, str) or not text:
        return []
    t = _MIDDOT_DECIMAL.sub(".", fold(text))
    blocked = _Blocked(_blocked_spans(t))
    phrases = _Phrases(m.span() for m in Q.set_phrase_re().finditer(t))
    out: list[Quantity] = []
    last = pos = 0
    # every 百分之/三分之一 holds 分 then 之; most texts have none (a fast literal search)
    ofs = [m.span() for m in _percent_of_re().finditer(t)] if _FEN_ZHI.search(t) else []
    of_starts = [a for a, _ in ofs]
    while (m := _next_candidate(t, pos, ofs, of_starts)) is not None:
        kind, mstart, mend, match = m
        reach = blocked.reach_over(mstart, mend)
        if reach is not None:
            pos = max(mstart + 1, reach)
            continue
        if kind == "of":
            expr = _percent_of(t, mstart, last)
            if expr is None:  # a fraction such as 三分之一: nothing, and nothing inside it
                pos = mend
                continue
        else:
            expr = _expression(t, mstart, last, phrases, match)
        if expr is None or expr.start < last:
            # a digit string (一九九七, 二〇〇二) is skipped whole, not read from inside
            digits = kind == "core" and _digit_string(t[mstart:mend])
            pos = mend if digits else mstart + 1
            continue
        if blocked.reach_over(expr.n.start, expr.n.end) is not None or not _keep(t, expr):
            pos = max(expr.n.end, mstart + 1)
            continue
        out.append(_quantity(text, expr))
        last = pos = expr.end
    return out


_FEN_ZHI = regex.compile(r"分[ ]*之")


def _digit_string(s: str) -> bool:
    """Two or more Chinese digits and nothing else: a digit string (一九九七), not a number."""
    return len(s) >= 2 and not s.strip(CN_DIGIT_CLASS)


class _Blocked:
    """Spans (overlapping or not) that hold no quantity, with quick overlap queries."""

    __slots__ = ("reach", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))  # furthest end so far

    def reach_over(self, s: int, e: int) -> int | None:
        """The furthest end of the spans that overlap ``[s, e)``, or None if none does."""
        k = bisect_left(self.starts, e)  # the spans that start before e
        if k and self.reach[k - 1] > s:
            return self.reach[k - 1]
        return None


class _Phrases:
    """Non-overlapping spans in text order (set phrases), with quick containment queries."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in spans:
            self.starts.append(a)
            self.ends.append(b)

    def holds(self, s: int, e: int) -> bool:
        """Whether one of the spans holds ``[s, e)``."""
        k = bisect_right(self.starts, s) - 1  # only the last span starting at or before s can
        return k >= 0 and e <= self.ends[k]


@cache
def _half_re() -> regex.Pattern[str]:
    """半 as a number: 半小时, 半个月, 半折 (not 上半年, 一半, 大半)."""
    return regex.compile(r"(?<![上下前后大多一过夜对减折])半(?=[ ]*[\p{Han}])")


def _next_candidate(
    t: str, pos: int, ofs: list[tuple[int, int]], of_starts: list[int]
) -> tuple[str, int, int, re.Match[str] | None] | None:
    """The next place a quantity may start: ``(kind, start, end, numeral match)``."""
    core = _core_search(t, pos)
    numeral = core
    stop = core.start() if core else len(t)
    if t.find("半", pos, stop) >= 0:
        half = _half_re().search(t, pos, stop)
        if half is not None:
            core, numeral = half, None
    k = bisect_left(of_starts, pos)
    if k < len(ofs) and (core is None or ofs[k][0] <= core.start()):
        return "of", ofs[k][0], ofs[k][1], None
    if core is None:
        return None
    return "core", core.start(), core.end(), numeral


def _blocked_spans(t: str) -> list[tuple[int, int]]:
    blocked = _blocked_re(email="@" in t)
    spans = [(m.start(), m.end()) for m in blocked.finditer(t)]
    for m in _MONTH_DAY.finditer(t):
        # 11-16: a month and day, unless a unit or percent follows (1-2个月, 5-8%)
        j = _skip_spaces(t, m.end())
        if (
            int(m[1]) <= 12
            and int(m[2]) <= 31
            and not (U.match_unit(t, j) or t.startswith(("%", "个百分点", "‰"), j))
        ):
            spans.append((m.start(), m.end()))
    for m in _latin_after_re().finditer(t):
        # a Latin unit right after a number is a unit, not a code (35mg, 3.4kg)
        k = m.start() + _re(r"\d+(?:\.\d+)?").match(m[0]).end()
        word = U.unit_at(t, k)
        if not (word and k + len(word) == m.end()):
            spans.append((m.start(), m.end()))
    return spans


# ---------------------------------------------------------------- numbers


#: 500余万, 十多万: 多/余 then a magnitude after a number.
_OVER_MAGNITUDE = regex.compile(r"[ ]{0,2}([多余])[ ]{0,2}([万亿]+)")
#: 十多, 500余 (not 多多), 二十来 before a word.
_INSIDE = regex.compile(r"([多余])(?![多余])|(来)(?=[ ]*[\p{Han}])")


def _read_number(t: str, i: int, m: re.Match[str] | None = None) -> _Num | None:
    """The number at ``i``; ``m`` is the match of the numeral pattern there, if known."""
    if t.startswith("半", i):
        return _Num(i, i + 1, "半", Numeral(HALF))
    if m is None:
        m = _core_re().match(t, i)
        if m is None:
            return None
    start = m.start("num")
    end = m.end()
    signed = start != m.start()  # the sign, when there is one, comes before the numeral
    # 2.3千克, 一百千瓦: a unit that starts with 千/百 takes it from the numeral
    if t[end - 1] in "千百":
        word = U.unit_at(t, end - 1)
        if word and len(word) > 1 and end - 1 > start:
            end -= 1
    # a numeral holds no whitespace but the spaces its pattern allows between parts
    run = t[start:end].replace(" ", "")
    if _digit_string(run) and parse_numeral(run) is None:
        return None  # a digit string (一九九七): no number inside it either
    # the longest prefix that is a well-formed numeral (五十千 -> 五十)
    num = None
    while end > start:
        core = t[start:end].replace(" ", "")
        num = parse_numeral(core)
        if num is not None:
            break
        end -= 1
        while end > start and t[end - 1] == " ":
            end -= 1
    if num is None:
        return None
    if signed:
        num = Numeral(-num.value, _neg(num.high), _neg(num.low), num.vague, num.arabic, True)
    n = _Num(m.start(), end, core, num)
    nxt = t[end : end + 1]
    x = _OVER_MAGNITUDE.match(t, end) if nxt in _OVER_FIRST else None
    if x and not num.vague:
        mult = Decimal(1)
        for c in x[2]:
            mult *= 10000 if c == "万" else 100000000
        v = num.value * mult
        n.num = Numeral(v, v, None, True, False, True)
        n.core += x[1] + x[2]
        n.end = x.end()
        n.inside = "over"
    elif nxt in _INSIDE_FIRST:
        x = _INSIDE.match(t, end)
        if x and _unit_or_end(t, x.end()):
            n.inside = "over" if x[1] else "about"
            n.end = x.end()
    if num.vague and n.inside is None:
        n.inside = "about" if core[:1] in ("几", "数") else "over"  # 几十万 / 十几万
    n.mag_suffix = core[len(core.rstrip("万亿")) :]
    return n


#: The characters the two patterns above can start with (a quick "no" for the rest).
_OVER_FIRST = frozenset(" 多余")
_INSIDE_FIRST = frozenset("多余来")


def _neg(v: Decimal | None) -> Decimal | None:
    return None if v is None else -v


def _unit_or_end(t: str, i: int) -> bool:
    j = _skip_spaces(t, i)
    if j >= len(t) or not _re(r"[\p{Han}A-Za-z\d%]").match(t[j]):
        return True
    return bool(U.unit_at(t, j) or t.startswith("个", j) or t[j] in "%万亿")


def _skip_spaces(t: str, i: int, most: int = 8) -> int:
    j = i
    while j < len(t) and j - i < most and t[j] == " ":
        j += 1
    return j


# ---------------------------------------------------------------- expressions


def _expression(
    t: str,
    i: int,
    floor: int,
    phrases: _Phrases | None = None,
    match: re.Match[str] | None = None,
) -> _Expr | None:
    """The quantity whose numeral starts at ``i`` (None if there is none, or if the
    numeral is inside one of the set ``phrases``); ``match``: the numeral's match."""
    n = _read_number(t, i, match)
    if n is None or (phrases is not None and phrases.holds(n.start, n.end)):
        return None
    e = _measure(t, n)
    if e is None:
        return None
    _range(t, e)
    _before(t, e, floor)
    _after(t, e)
    return e


#: 个百分点, 百分点 (percentage points).
_POINTS = regex.compile(r"个?百分点")
#: 两个半小时: 个半 before a unit.
_GE_HALF = regex.compile(r"个半")
#: 3个多月: 多/余 between 个 and the unit.
_GE_OVER = regex.compile(r"个([多余])(月|小时|钟头|星期|工作日|季度)")
#: 七成五: a digit after 成 (not 七成五十, 成折).
_CHENG_DIGIT = regex.compile(rf"[ ]*([{CN_DIGIT_CLASS}\d])(?![\d{_MAGS}成折.点])")


@cache
def _words(name: str) -> tuple[str, ...]:
    """A context word list as a tuple (for ``str.startswith`` and ``str.endswith``)."""
    return tuple(Q.contexts()[name])


def _measure(t: str, n: _Num) -> _Expr | None:
    """Read what follows a number: %, 成, 个百分点, a unit (with compounds and 半)."""
    num = n.num
    e = _Expr(n.start, n.end, n, value=num.value, low=num.low, high=num.high)
    if n.inside:
        e.qualifier = n.inside
    j = _skip_spaces(t, n.end)
    c = t[j : j + 1]  # what follows decides which of the readings below can apply
    if c == "%":
        return _as_percent(e, j + 1, Decimal(1))
    if c == "‰":
        return _as_percent(e, j + 1, Decimal("0.1"))
    if c == "个" or c == "百":
        m = _POINTS.match(t, j)
        if m:
            _as_percent(e, m.end(), Decimal(1))
            e.kind = "points"
            return e
    elif c == "成":
        if not num.vague and abs(num.value) <= 10:
            after = t[j + 1 : j + 3]
            if not after.startswith(_words("cheng_not_percent")):
                _as_percent(e, j + 1, TEN)
                extra = _CHENG_DIGIT.match(t, e.end)
                if extra and e.low is None:
                    digit = parse_numeral(extra[1])
                    if digit is not None and digit.value < 10:
                        e.value += digit.value
                        e.end = extra.end()
                return e
    elif c == "折":
        if n.core == "半":
            e.value = Decimal(5)
            return _as_percent(e, j + 1, TEN)
        if not num.vague and 0 < num.value < 100:
            after = t[j + 1 : j + 2]
            if not after or after not in Q.contexts()["zhe_not_percent"]:
                scale = TEN if num.value < 10 else Decimal(1)
                return _as_percent(e, j + 1, scale)
    elif c == "倍":
        e.end, e.unit, e.kind, e.unit_word = j + 1, "倍", "multiple", "倍"
        return e
    if c == "个":
        # 两个半小时: 个半 before the unit
        m = _GE_HALF.match(t, j)
        if m and n.core != "半" and not num.vague:
            found = U.match_unit(t, m.end())
            if found and found[0].kind in ("duration", "measure"):
                e.value += HALF
                return _as_unit(t, e, *found)
        # 3个多月: 多/余 between 个 and the unit
        m = _GE_OVER.match(t, j)
        if m:
            word = "个" + m[2]
            u = U.units().get(word)
            if u:
                e.qualifier = "over"
                return _as_unit(t, e, u, word, m.end())
    found = U.match_unit(t, j)
    if found:
        u, word, end = found
        if u.compound_only:
            return e
        if u.arabic_only and not (num.arabic or _CAPITALS & set(n.core)):
            return e
        return _as_unit(t, e, u, word, end)
    return e


def _as_percent(e: _Expr, end: int, scale: Decimal) -> _Expr:
    e.type, e.end, e.kind, e.unit = "percentage", end, "percent", "%"
    e.value = e.value * scale
    e.low = None if e.low is None else e.low * scale
    e.high = None if e.high is None else e.high * scale
    return e


_HALF_AFTER = regex.compile(r"半(?![\p{Han}])|半(?=[的了后内以多时过就才到至，。；、])")


def _as_unit(t: str, e: _Expr, u: U.Unit, word: str, end: int) -> _Expr:
    e.end, e.unit, e.kind, e.unit_word = end, u.unit, u.kind, word
    scale = u.factor
    if scale != 1:
        e.value *= scale
        e.low = None if e.low is None else e.low * scale
        e.high = None if e.high is None else e.high * scale
    if u.kind == "money" and u.unit == "元" and u.factor == 1:
        _money_tail(t, e)
    elif u.kind in ("measure", "duration") and not e.n.num.vague:
        m = _re(r"半(?![\p{Han}])|半(?=[的了后内以多时过就才到至，。；、])").match(t, e.end)
        if m and e.low is None:
            e.value += HALF
            e.end = m.end()
    if u.kind != "count":
        m = _re(r"([多余])(?![\p{Han}])|([多余])(?=[的了后内以，。；、])").match(t, e.end)
        if m and e.qualifier == "exact":
            e.qualifier = "over"
            e.end = m.end()
    return e


def _money_tail(t: str, e: _Expr) -> None:
    """3元4角5分, 一块二, 元整, 三万元欧元, 8亿元人民币."""
    cur = U.currency_table().at(t, e.end)
    if cur and e.unit_word in ("元", "圆", "块"):
        u = U.units()[cur]
        e.unit, e.end = u.unit, e.end + len(cur)
        return
    pos = e.end
    added = Decimal(0)
    for sub, factor in (("[角毛]", Decimal("0.1")), ("分", Decimal("0.01"))):
        m = _re(rf"[ ]*零?([{CN_DIGIT_CLASS}\d])[ ]*{sub}").match(t, pos)
        if m:
            d = parse_numeral(m[1])
            if d is not None:
                added += d.value * factor
                pos = m.end()
    if pos == e.end and e.unit_word == "块":
        m = _re(rf"([{CN_DIGIT_CLASS}])(?![\p{{Han}}\d])").match(t, pos)
        if m:
            d = parse_numeral(m[1])
            if d is not None and d.value:
                added, pos = d.value * Decimal("0.1"), m.end()
    if added and e.low is None and not e.n.num.vague:
        e.value += added
        e.end = pos
    m = _re(r"整|钱").match(t, e.end)
    if m:
        e.end = m.end()


# ---------------------------------------------------------------- ranges


def _range(t: str, e: _Expr) -> None:
    """Join ``e`` with a second number after 至/到/—/-/~ or in X与Y之间."""
    if (e.n.num.low is not None and e.n.num.high is not None) or e.n.inside:
        return
    if t[e.end : e.end + 1] not in _RANGE_SEP_FIRST:
        return
    m = _range_sep_re().match(t, e.end)
    if not m:
        return
    sep = m["sep"]
    n2 = _read_number(t, m.end())
    if n2 is None or n2.num.vague or n2.num.low is not None:
        return
    between = _re(r"[ ]*之?间").match(t, n2.end)
    if between:
        e2 = _Expr(n2.start, n2.end, n2, value=n2.num.value)
    else:
        e2 = _measure(t, n2)
        if e2 is None:
            return
        between = _re(r"[ ]*之?间").match(t, e2.end)
    if sep in ("与", "和") and not between:
        return
    if e.unit_word and e2.unit_word and (e.unit, e.type) != (e2.unit, e2.type):
        return
    if e.type == "percentage" and e2.type != "percentage":
        return
    if sep.startswith("-") and not (e.n.num.arabic and n2.num.arabic):
        if not (e.n.core and n2.core):
            return
    low = e.value
    if not e.unit_word and e.type == "figure":
        if n2.mag_suffix and not e.n.mag_suffix:
            mult = Decimal(1)
            for c in n2.mag_suffix:
                mult *= 10000 if c == "万" else 100000000
            pre = n2.num.value / mult
            if abs(low) <= abs(pre):
                low *= mult
        if e2.type == "percentage" or e2.unit_word:
            scale = Decimal(1)
            if e2.type == "percentage" and e2.kind == "percent" and e2.value != n2.num.value:
                scale = e2.value / n2.num.value if n2.num.value else Decimal(1)
            low = low * scale
            if e2.unit_word:
                u = U.units().get(e2.unit_word)
                if u is not None and u.factor != 1:
                    low = low * u.factor
    high = e2.value
    if low > high:
        return
    e.type, e.unit, e.kind, e.unit_word = e2.type, e2.unit, e2.kind, e2.unit_word
    e.value, e.low, e.high = low, low, high
    e.end = between.end() if between else e2.end
    e.ranged = True
    if e2.qualifier != "exact":
        e.qualifier = e2.qualifier


# ---------------------------------------------------------------- qualifiers


def _before(t: str, e: _Expr, floor: int) -> None:
    """Qualifiers, currency names, 零下 and 数 before the number; a change and its basis."""
    s = e.start
    near = t[max(floor, s - 16) : s]
    if near.rstrip(" \n")[-1:] not in _before_lasts():
        # no word read below ends right before the number (the usual case): only a
        # bound a few words away can be there
        if not e.ranged:
            d = _distant_bound(near[-10:])
            if d:
                e.qualifier, e.qualified = d, True
        return
    head = near[-12:]
    # a currency name before the number, up to two spaces away: 人民币3.14, 新台币 177.1 亿元
    body = _before_newline(head)
    name = body.rstrip(" ")
    gap = len(body) - len(name)
    word = U.currency_table().ending(name) if gap <= 2 else None
    if word and (e.kind in (None, "money") or not e.unit_word) and e.type == "figure":
        u = U.units()[word]
        if not e.unit_word or e.unit == "元":
            e.unit, e.kind = u.unit, "money"
            e.unit_word = e.unit_word or word
            s -= len(word) + gap
            head = t[max(floor, s - 12) : s]
    if head.endswith("零下") and e.value > 0:
        e.value, s = -e.value, s - 2
        head = head[:-2]
    if head.endswith("数") and _magnitude_only(e.n.core) and not e.ranged:
        before = head[-2:-1]
        if not before or not _HAN.match(before) or before in "达有了近上约逾的在是为和与及等超":
            e.low, e.high = e.value * 2, e.value * 9
            e.value = e.low
            e.qualifier, s = "about", s - 1
            e.vague = True
            head = head[:-1]
    qual, length = _qualifier_before(head, e)
    if qual:
        e.qualifier, e.qualified = qual, True
        s -= length
        head = head[: len(head) - length]
    elif not e.ranged:
        d = _distant_bound(t[max(floor, s - 10) : s])
        if d:
            e.qualifier, e.qualified = d, True
    e.start = s
    _change(t[max(floor, s - 16) : s], e)


@cache
def _before_lasts() -> frozenset[str]:
    """The characters the words :func:`_before` reads can end with: currency names,
    零下, 数, qualifiers (and 了/是/为/有/达 after them), change words (and 了/达)."""
    return frozenset().union(
        U.currency_table().lasts,
        "下数了达",
        Q.word_table("q:before").lasts,
        Q.word_table("q:before_magnitude").lasts,
        _LINKS,
        _change_lasts(),
    )


def _qualifier_before(head: str, e: _Expr) -> tuple[str | None, int]:
    """The qualifier word that ends ``head`` (right before the number): its qualifier
    and how many characters it takes (with the spaces and a 了/是/为/有/达 after it)."""
    stripped = head.rstrip(" ")
    spaces = len(head) - len(stripped)
    before = Q.word_table("q:before")
    h = _before_newline(stripped)  # a pattern anchored by $ matches before it too
    word = before.ending(h)
    if word and not _blocked_qualifier(h, word):
        return Q.qualifier_words("before")[word], len(word) + spaces
    if _magnitude_only(e.n.core):  # 上千, 破万
        word = Q.word_table("q:before_magnitude").ending(h)
        if word and not _blocked_qualifier(h, word):
            e.before_mag = True
            return Q.qualifier_words("before_magnitude")[word], len(word) + spaces
    if h[-1:] in _LINKS:  # 超过了, 约为
        h = _before_newline(h[:-1])
        word = before.ending(h)
        if word and not _blocked_qualifier(h, word):
            return Q.qualifier_words("before")[word], len(word) + 1 + spaces
    return None, 0


#: 了/是/为/有/达 between a qualifier and its number (超过了, 约为).
_LINKS = frozenset("了是为有达")
_HAN = regex.compile(_CJK)


def _before_newline(h: str) -> str:
    """``h`` without a final newline: where a pattern anchored by ``$`` can end a match."""
    return h[:-1] if h.endswith("\n") else h


def _blocked_qualifier(h: str, word: str) -> bool:
    """Whether the character before ``word`` (which ends ``h``) makes it part of another
    word (约 in 合约, 近 in 最近)."""
    blockers = Q.contexts().get("qualifier_blockers", {})
    start = len(h) - len(word)
    prev = h[start - 1 : start]
    return bool(prev) and prev in blockers.get(word, "")


@cache
def _distant_words() -> tuple[str, ...]:
    return tuple(sorted(Q.qualifier_words("distant"), key=len, reverse=True))


@cache
def _distant_firsts() -> tuple[str, ...]:
    return tuple({w[0] for w in _distant_words()})


def _distant_bound(head: str) -> str | None:
    for c in _distant_firsts():
        if c in head:
            break
    else:
        return None  # no bound word can be in the text (all start with 不): a quick "no"
    table = Q.qualifier_words("before")
    for w in _distant_words():
        k = head.rfind(w)
        if k >= 0:
            gap = head[k + len(w) :]
            if 0 < len(gap) <= 6 and _re(rf"{_CJK}+").fullmatch(gap):
                return table.get(w)
    return None


def _change(head: str, e: _Expr) -> None:
    h = head[:-1] if head.endswith("\n") else head  # $ matches before a final newline
    h = h.rstrip(" ")
    lasts = _change_lasts()
    if not (h[-1:] in lasts or (h[-1:] in ("了", "达") and h[-2:-1] in lasts)):
        return  # no change word ends the text (before 了 or 达): a quick "no"
    m = _change_re().search(head)
    if not m:
        return
    if m["inc"] in ("多",) or m["dec"] in ("少",):
        if not m["basis"]:
            return
    verb_start = m.start("inc") if m["inc"] else m.start("dec")
    if m["inc"] == "增" and head[verb_start - 1 : verb_start] == "新":
        return
    e.change = "increase" if m["inc"] else "decrease"
    e.basis = m["basis"] or None


@cache
def _change_lasts() -> frozenset[str]:
    """The characters the change words (增长, 下降 …) end with."""
    ctx = Q.contexts()
    return frozenset(w[-1] for k in ("change_increase", "change_decrease") for w in ctx[k] if w)


@cache
def _change_re() -> regex.Pattern[str]:
    ctx = Q.contexts()
    inc, dec, bases = (
        "|".join(sorted(map(regex.escape, ctx[k]), key=len, reverse=True))
        for k in ("change_increase", "change_decrease", "bases")
    )
    return regex.compile(
        rf"(?:(?P<basis>{bases}|(?:比|较)\d{{4}}年(?:同期)?)(?:分别|均|也|还|又)?)?"
        rf"(?:(?P<inc>{inc})|(?P<dec>{dec}))(?:了|达)?[ ]*$"
    )


def _after(t: str, e: _Expr) -> None:
    """以上, 以下, 左右 … after the number and its unit (not part of the span)."""
    j = _skip_spaces(t, e.end, 4)
    word = Q.word_table("q:after").at(t, j)
    if word:
        q = Q.qualifier_words("after")[word]
        if word in ("多", "余"):
            return
        if e.qualifier == "exact" or (not e.qualified and e.qualifier == q):
            e.qualifier = q
    # 大于X并小于Y: a closed range from two bounds
    if e.qualifier in ("over", "at_least") and e.qualified and not e.ranged:
        m = _re(r"[ ]*(?:并且|并|且|而且|而|但|，|,)[ ]*").match(t, j)
        if m:
            head_end = m.end()
            n2 = _read_number_after_bound(t, head_end)
            if n2 is not None:
                e2, q2 = n2
                if q2 in ("under", "at_most") and e2.value >= e.value:
                    e.low, e.high = e.value, e2.value
                    e.end, e.qualifier, e.ranged = e2.end, "exact", True


def _read_number_after_bound(t: str, i: int) -> tuple[_Expr, str] | None:
    word = Q.word_table("q:before").at(t, i)
    if not word:
        return None
    j = i + len(word)
    link = _re(r"(?:了|是|为|有|达)?[ ]*").match(t, j)
    n = _read_number(t, link.end())
    if n is None:
        return None
    e = _measure(t, n)
    if e is None:
        return None
    return e, Q.qualifier_words("before")[word]


# ---------------------------------------------------------------- policy


def _magnitude_only(core: str) -> bool:
    """Whether ``core`` is nothing but magnitudes (十百千万亿)."""
    return bool(core) and not core.strip(_MAGS)


_LATIN_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _keep(t: str, e: _Expr) -> bool:
    """Whether an expression is a quantity worth a record (see the module docstring)."""
    ctx = Q.contexts()
    n = e.n
    core = n.core
    before = t[max(0, n.start - 4) : n.start]
    after = t[e.end : e.end + 4]
    # a Latin letter ends what is before (before a final newline too, as $ would)
    if _before_newline(before)[-1:] in _LATIN_LETTERS or (
        not e.unit_word and after[:1] in _LATIN_LETTERS
    ):
        return False
    if e.type == "figure" and not e.unit_word and not e.ranged:
        if before.endswith(_words("ordinal_before")):
            return False
    if not e.unit_word and e.type == "figure":
        enumerators = _words("enumerator_after")
        num_after = t[n.end : n.end + 4]
        if num_after.lstrip(" ").startswith(enumerators) or after.lstrip(" ").startswith(
            enumerators
        ):
            return False
    elif before.endswith("第"):
        return False
    if e.type == "figure" and e.unit_word in ("日", "号"):
        # 二日, 20日: in a newspaper the day of a month, unless 为期/历时 … make it a duration
        head = t[max(0, e.start - 3) : e.start].rstrip(" ")
        if n.num.arabic or not head.endswith(_words("day_duration_before")):
            return False
    if e.kind == "duration":
        if _re(r"[ ]*(?:以来|来)").match(after):
            return False
        head = t[max(0, e.start - 4) : e.start]
        if e.unit_word in ctx["period_units"] and not e.qualified:
            if head.rstrip(" ").endswith(_words("period_before")):
                return False
        if e.qualifier == "nearly" and e.unit_word in ctx["period_units"] and e.qualified:
            return False  # 近3年: a period (the dates normalizer reads it)
    if not e.unit_word and after.lstrip(" ").startswith(_words("version_after")):
        return False
    if e.ranged or e.qualified or n.inside or n.num.vague or e.vague:
        return _plausible(e)
    single = len(core) == 1 and not core.isdigit()
    if core == "半" and not (e.unit_word or e.type == "percentage"):
        return False
    if e.type == "percentage":
        return True
    if e.unit_word:
        if single and core in "百千万亿":
            return False  # 万家, 千年, 百年: set phrases unless a bound makes a number
        if core in ("一", "壹") and (e.kind == "count" or e.unit_word == "块"):
            return False  # 一个, 一批, 一项, 一块: an article, not a count
        if single and core in _CAPITALS and e.kind != "money":
            return False  # 大陆人次, 队伍: a financial capital alone is a word, not a number
        return True
    return _bare_ok(t, e)


def _plausible(e: _Expr) -> bool:
    if not e.unit_word and e.type == "figure" and len(e.n.core) == 1 and not e.n.core.isdigit():
        return e.before_mag or e.ranged or e.vague  # 破万, 上千, 数百
    return True


def _bare_ok(t: str, e: _Expr) -> bool:
    n = e.n
    core = n.core
    negative = n.num.value < 0
    if not n.num.arabic:
        if (len(core) < 2 and not negative) or not (n.num.magnitude or "点" in core or negative):
            return False
        return negative or not (_magnitude_only(core) and len(core) == 1)
    digits = _re(r"\D").sub("", core)
    if _re(r"[,，]").search(core):
        return True
    if "." in core:
        frac = core.split(".", 1)[1]
        if set(frac) == {"0"} and len(frac) == 1 and not negative:
            return False  # 3.0, 2.0: versions
        return True
    if n.mag_suffix or _re(r"[万亿千百十]").search(core):
        return True
    if len(digits) > 1 and digits.startswith("0"):
        return False
    if len(digits) >= 12:
        return False  # codes
    if negative:
        return True
    if len(digits) == 4 and 1900 <= int(digits) <= 2099:
        return False  # a year
    prev = t[n.start - 1 : n.start]
    nxt = t[n.end : n.end + 1]
    if prev and (_re(rf"[{_CJK[1:-1]}\w（(【\[/#№]").match(prev) and prev != "_"):
        return False
    if nxt and (_re(r"[\w、.．)）\]】/:：·”’\"']").match(nxt)):
        return False
    if prev and prev in "“‘\"'·":
        return False
    return True


def _clean(d: Decimal | None) -> Decimal | None:
    """``771000000`` not ``771000000.00``; ``0.1`` not ``0.10``."""
    if d is None:
        return None
    if not d:
        return _clean_value(d)  # 0 and -0 are equal but print apart: not cached
    return _clean_cached(d)


def _clean_value(d: Decimal) -> Decimal:
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


#: A non-zero value cleans to the same Decimal however it is written (7.71E+8,
#: 771000000.00), so the cache may hand back what an equal value cleaned to.
_clean_cached = lru_cache(maxsize=4096)(_clean_value)


def _quantity(text: str, e: _Expr) -> Quantity:
    low, high = e.low, e.high
    if not e.ranged and low is None and high is None:
        if e.qualifier in ("over", "at_least"):
            low = e.value
        elif e.qualifier in ("under", "at_most"):
            high = e.value
    elif e.qualifier in ("over", "at_least") and not e.ranged and high is None:
        low = low if low is not None else e.value
    kind = e.kind
    if e.type == "figure" and not e.unit_word:
        kind = None
    return Quantity(
        start=e.start,
        end=e.end,
        text=text[e.start : e.end],
        type="percentage" if e.type == "percentage" else "figure",
        value=_clean(e.value),  # type: ignore[arg-type]
        unit="%" if e.type == "percentage" else e.unit,
        kind=kind,
        qualifier=e.qualifier,  # type: ignore[arg-type]
        low=_clean(low),
        high=_clean(high),
        change=e.change,  # type: ignore[arg-type]
        basis=e.basis,
    )


def _percent_of(t: str, i: int, floor: int = 0) -> _Expr | None:
    """百分之三十 (30), 千分之一 (0.1), 万分之四 (0.04); other fractions give None."""
    e = _percent_of_core(t, i)
    if e is None:
        return None
    m = _range_sep_re().match(t, e.end)
    if m and m["sep"] not in ("与", "和"):
        e2 = _percent_of_core(t, m.end())
        if e2 is not None and e.value <= e2.value:
            e.low, e.high, e.end, e.ranged = e.value, e2.value, e2.end, True
    _before(t, e, floor)
    _after(t, e)
    return e


def _percent_of_core(t: str, i: int) -> _Expr | None:
    m = _percent_of_re().match(t, i)
    if m is None:
        return None
    den_text = _re(r"\s+").sub("", m["den"])
    if not _re(r"[一壹]?[百千万亿]+").fullmatch(den_text):
        return None
    den = parse_numeral(den_text)
    num_text = _re(r"\s+").sub("", m["num"])
    num = parse_numeral(num_text)
    if den is None or num is None or den.value < 100 or num.low is not None:
        return None
    digits = str(int(den.value)) if den.value == den.value.to_integral_value() else ""
    if not _re(r"10+").fullmatch(digits):
        return None
    value = num.value * HUNDRED / den.value
    if m["sign"]:
        value = -value
    n = _Num(m.start(), m.end(), num_text, num)
    e = _Expr(m.start(), m.end(), n, type="percentage", value=value, kind="percent", unit="%")
    e.unit_word = "%"
    return e
