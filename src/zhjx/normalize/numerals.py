"""Chinese, Arabic and mixed numerals to exact ``Decimal`` values.

Pure functions, no spaCy.  :func:`fold` maps a text to a same-length text in which
full-width digits and traditional numeral characters have their plain forms, so
offsets found in the folded text are offsets into the original.  :func:`parse_numeral`
reads one numeral written in any mix of Arabic digits and Chinese characters
(``584.35亿``, ``一百二十万三``, ``壹仟零壹``, ``2千零30万``, ``十几万``, ``八九亿``).

cn2an is the reference for plain numerals (the tests check that every number
``cn2an.an2cn`` writes parses back to itself) but it is not used here: it rejects
abbreviated and mixed forms (``千三``, ``万九``, ``四万万``, ``4.78万亿``, ``卅三``) and
returns floats for decimals, while zhjx needs exact values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

import regex

#: ``regex.compile`` once per pattern: the module-level ``regex`` functions look
#: the pattern up in regex's own cache, which costs microseconds a call.
_re = cache(regex.compile)

# Traditional and variant characters that matter for numbers, mapped one to one.
_TRAD = (
    "萬億兩點個負幾參叄陸貳貮鐘時塊圓幣臺噸釐鎊韓盧圓圜拾佰仟"
    "雙對隻場項條張頭戶筆輛歲畝錢餘數來約與間過達週門層處種類級組隊節冊"
)
_SIMP = (
    "万亿两点个负几叁叁陆贰贰钟时块圆币台吨厘镑韩卢圆圆十百千"
    "双对只场项条张头户笔辆岁亩钱余数来约与间过达周门层处种类级组队节册"
)


@cache
def _fold_table() -> dict[int, int]:
    table = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # full-width ASCII
    table[0x3000] = 0x20  # ideographic space
    table[0x2212] = ord("-")  # minus sign
    for a, b in zip(_TRAD, _SIMP, strict=True):
        table[ord(a)] = ord(b)
    return table


@cache
def _fold_chars() -> tuple[re.Pattern[str], dict[str, str]]:
    """A character class of the characters :func:`fold` changes, and their plain forms."""
    table = {chr(a): chr(b) for a, b in _fold_table().items()}
    return re.compile("[" + "".join(map(re.escape, sorted(table))) + "]"), table


def fold(text: str) -> str:
    """``text`` with plain forms of digits, signs and numeral characters (same length)."""
    # one C-level pass finds the few characters to change (str.translate looks every
    # character up in a Python dict)
    pattern, table = _fold_chars()
    return pattern.sub(lambda m: table[m[0]], text)


DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "两": 2,
    "贰": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
SMALL = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10**4, "亿": 10**8}
TENS = {"廿": "二十", "卅": "三十", "卌": "四十"}

CN_DIGIT_CLASS = "零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖"
_NO_LIANG = CN_DIGIT_CLASS.replace("两", "")
CN_MAG_CLASS = "十百千万亿廿卅卌"
ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:，\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# One numeral: Arabic numbers, Chinese digits and magnitudes, 点 before a digit, 几/多/余
# between magnitudes (十几万, 三十一万多亿), 个 in 两个亿, spaces between Chinese parts.
# 两 is a digit at the start, after 一 (一两个) and before a magnitude (两千两百); after a
# numeral otherwise it is the weight unit (三十两, 九两半).
_ATOM = (
    rf"(?:{ARABIC}|[{_NO_LIANG}{CN_MAG_CLASS}]"
    rf"|(?<![{_NO_LIANG}{CN_MAG_CLASS}\d])两|(?<=一)两|两(?=[ ]{{0,2}}[十百千万亿])"
    rf""
    rf"|点(?=[ ]{{0,2}}[{CN_DIGIT_CLASS}\d])"
    rf"|几(?=[ ]{{0,2}}[十百千万亿])|(?<=[{CN_DIGIT_CLASS}{CN_MAG_CLASS}])几"
    rf"|(?<=[{CN_MAG_CLASS}])[多余](?=[万亿])|(?<=[{CN_DIGIT_CLASS}])个(?=亿))"
)
NUMERAL = rf"{_ATOM}(?:[ ]{{0,2}}{_ATOM})*"


@dataclass(frozen=True, slots=True)
class Numeral:
    """A parsed numeral: ``value`` (the low end for vague forms) and an optional range."""

    value: Decimal
    low: Decimal | None = None
    high: Decimal | None = None
    vague: bool = False  # 几, 数, 多 inside: "more than value"
    arabic: bool = False  # written with Arabic digits only
    magnitude: bool = False  # has a Chinese magnitude (十百千万亿)


class _Fail(Exception):
    pass


_TOKEN = regex.compile(rf"{ARABIC}|[{CN_DIGIT_CLASS}]|[{CN_MAG_CLASS}]|点|几|数|多|余|个|-|负")


def _tokens(s: str) -> list[str]:
    s = _re(r"\s+").sub("", s)
    for k, v in TENS.items():
        s = s.replace(k, v)
    toks = _TOKEN.findall(s)
    if "".join(toks) != s:
        raise _Fail
    return toks


def _arabic(tok: str) -> Decimal:
    try:
        return Decimal(tok.replace(",", "").replace("，", ""))
    except InvalidOperation:
        raise _Fail from None


def _is_num(tok: str) -> bool:
    return tok in DIGITS or tok[0].isdigit() or tok[0] == "."


def _num(tok: str) -> Decimal:
    return Decimal(DIGITS[tok]) if tok in DIGITS else _arabic(tok)


def _below(toks: list[str], unit: int) -> Decimal:
    """Value of ``toks`` below the magnitude ``unit`` (10 for 十 …, 10**4 for 万 …)."""
    if not toks:
        return Decimal(0)
    mags = [(i, t) for i, t in enumerate(toks) if t in BIG or t in SMALL]
    if not mags:
        if len(toks) == 1 and _is_num(toks[0]):
            return _num(toks[0])
        if toks[0] in ("零", "〇") and len(toks) == 2 and _is_num(toks[1]):
            return _num(toks[1])
        raise _Fail
    # split at the largest magnitude, its last occurrence (四万万, 一千零一亿一千零一万)
    big = max(_mag(t) for _, t in mags)
    i = max(i for i, t in mags if _mag(t) == big)
    if big >= unit:
        raise _Fail
    left, right = toks[:i], toks[i + 1 :]
    if not left:
        head = Decimal(1)
    elif big in SMALL.values():
        if not (len(left) == 1 and _is_num(left[0])):
            raise _Fail  # 三十百
        head = _num(left[0])
    else:
        head = _below(left, 10**17)  # 四万万, 三百五十万亿
    if head == 0:
        raise _Fail
    value = head * big
    if not right:
        return value
    if right[0] in ("百", "千"):
        raise _Fail  # 千百万: two magnitudes with no digit between
    if right[0] in ("零", "〇"):
        rest = right[1:]
        if not rest:
            return value
        return value + _below(rest, big)
    if len(right) == 1 and (right[0] in DIGITS or _re(r"\d").fullmatch(right[0])):
        # abbreviated: 四百五 = 450, 九万四 = 94000, 13万2 = 132000
        return value + _num(right[0]) * big / 10
    return value + _below(right, big)


def _mag(tok: str) -> int:
    return BIG.get(tok) or SMALL[tok]


def _integer(toks: list[str]) -> Decimal:
    if not toks:
        raise _Fail
    if all(t in DIGITS for t in toks) and len(toks) > 1:
        raise _Fail  # digit by digit: 一七二零, 二〇〇二
    while len(toks) > 1 and toks[0] in ("零", "〇"):
        toks = toks[1:]  # 零十
    return _below(toks, 10**17)


def _fraction_digits(toks: list[str]) -> Decimal:
    digits = []
    for t in toks:
        if t in DIGITS:
            digits.append(str(DIGITS[t]))
        elif t.isdigit():
            digits.append(t)
        else:
            raise _Fail
    if not digits:
        raise _Fail
    return Decimal("0." + "".join(digits))


def _value(toks: list[str]) -> Decimal:
    """The value of a numeral without vague parts."""
    if "点" in toks:
        i = toks.index("点")
        head, tail = toks[:i], toks[i + 1 :]
        # trailing magnitudes multiply the whole: 一点二万 = 12000
        mult = Decimal(1)
        while tail and tail[-1] in BIG:
            mult *= BIG[tail.pop()]
        return (_integer(head) + _fraction_digits(tail)) * mult
    # Arabic decimal followed by magnitudes: 4.78万亿, 584.35亿
    if toks and "." in toks[0] and all(t in BIG or t in SMALL for t in toks[1:]):
        value = _arabic(toks[0])
        for t in toks[1:]:
            value *= _mag(t)
        return value
    return _integer(toks)


_NEXT = {1: 2, 2: 3, 3: 4, 4: 5, 5: 6, 6: 7, 7: 8, 8: 9}


@lru_cache(maxsize=4096)
def parse_numeral(s: str) -> Numeral | None:
    """Read one numeral (already folded); None if it is not a well-formed number.

    Cached: a newspaper writes the same few hundred numerals over and over (一, 两, 10).

    >>> parse_numeral("一百二十万三").value
    Decimal('1203000')
    """
    try:
        return _parse(s)
    except (_Fail, InvalidOperation, ValueError, IndexError, KeyError):
        return None


def _parse(s: str) -> Numeral | None:
    toks = _tokens(s)
    sign = Decimal(1)
    if toks and toks[0] in ("-", "负"):
        sign = Decimal(-1)
        toks = toks[1:]
    if not toks or any(t in ("-", "负") for t in toks):
        return None
    arabic = all(t[0].isdigit() or t[0] == "." for t in toks)
    magnitude = any(t in SMALL or t in BIG for t in toks)
    # two neighbouring digits: an approximate range (两三个, 八九亿, 三四十, 十七八)
    point = toks.index("点") if "点" in toks else len(toks)
    for i in range(point - 1):
        a, b = toks[i], toks[i + 1]
        if (
            a in DIGITS
            and b in DIGITS
            and (_NEXT.get(DIGITS[a]) == DIGITS[b] or (i == 0 and a + b == "三五"))
        ):
            if point < len(toks):
                return None
            low = _value(toks[: i + 1] + toks[i + 2 :])
            high = _value(toks[:i] + toks[i + 1 :])
            return Numeral(sign * low, sign * low, sign * high, False, False, magnitude)
    # 几 / 数: a vague digit (十几万, 二十几万, 几十万, 数百)
    vague_at = [i for i, t in enumerate(toks) if t in ("几", "数")]
    if vague_at:
        if len(vague_at) > 1 or "点" in toks:
            return None
        i = vague_at[0]
        rest = toks[:i] + toks[i + 1 :]
        if i > 0 and toks[i - 1] in ("零", "〇"):  # 一千五百零几万
            low = _value(toks[: i - 1] + toks[i + 1 :])
            high = _value([*toks[:i], "九", *toks[i + 1 :]])
        elif i == 0:
            if i + 1 >= len(toks) or (toks[i + 1] not in SMALL and toks[i + 1] not in BIG):
                return None
            low = _value([*toks[:i], "二", *toks[i + 1 :]])
            high = _value([*toks[:i], "九", *toks[i + 1 :]])
        else:
            low = _value(rest)
            high = _value([*toks[:i], "九", *toks[i + 1 :]])
        return Numeral(sign * low, sign * low, sign * high, True, False, True)
    # 多 / 余 between magnitudes: 三十一万多亿
    if "多" in toks or "余" in toks:
        rest = [t for t in toks if t not in ("多", "余")]
        if len(rest) != len(toks) - 1:
            return None
        value = _value(rest)
        return Numeral(sign * value, sign * value, None, True, False, True)
    if "个" in toks:
        toks = [t for t in toks if t != "个"]
    return Numeral(sign * _value(toks), arabic=arabic, magnitude=magnitude)


def parse_fraction(s: str) -> Decimal | None:
    """``三分之一``, ``1/3``, ``百分之五`` as a Decimal ratio (``1/3`` to 28 digits)."""
    s = fold(s).replace(" ", "")
    m = _re(r"(.+?)分之(.+)").fullmatch(s)
    if m:
        den_text, num_text = m[1], m[2]
    else:
        m = _re(r"(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)").fullmatch(s)
        if not m:
            return None
        num_text, den_text = m[1], m[2]
    den = (
        parse_numeral(den_text)
        if den_text not in ("百", "千", "万")
        else Numeral(_value([den_text]))
    )
    num = parse_numeral(num_text)
    if den is None or num is None or den.value == 0 or den.low is not None or num.low is not None:
        return None
    return num.value / den.value
