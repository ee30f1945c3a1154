"""The fast paths of the numbers normalizer answer as the plain definitions they replace.

Each pre-filter, table or shortcut of ``zhjx.normalize.numbers`` is checked against the
plain way (a ``regex`` search, a full reading of the expression) on the sample pages
and on generated text mixing numerals, units, qualifiers and punctuation.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PAGES
from zhjx.normalize import numbers as N
from zhjx.normalize.numerals import fold

#: Characters that make numbers, their edges and their traps.
_ALPHABET = list(
    "0123456789.,，-负 一二两三五十百千万亿零〇廿几多余个点半%成倍元吨户年月日号"
    "约近超过以上下左右至到—~与和之间第是、人民币美元中国aZkg\n·٣"
)


def _pages() -> str:
    return fold("\n".join(p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt"))))


def _plain_search(t: str, pos: int) -> regex.Match[str] | None:
    """The numeral search as it was written first: ``regex``, trying every position."""
    return regex.compile(N._CORE).search(t, pos)


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.span("num") == b.span("num")


def test_numeral_search_is_the_regex_search_on_the_pages():
    text = _pages()
    pos = found = 0
    while pos < len(text):
        m = _plain_search(text, pos)
        assert _same(N._core_search(text, pos), m), pos
        if m is None:
            break
        found += 1
        pos = m.start() + 1
    assert found > 100


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30), st.integers(min_value=0, max_value=30))
def test_numeral_search_is_the_regex_search(text, pos):
    assert _same(N._core_search(text, pos), _plain_search(text, pos))


class _Everything(frozenset):
    """A set that holds every character: switches a "nothing can be here" check off."""

    def __contains__(self, item: object) -> bool:
        return True


def _slow_quantities(text: str) -> list:
    """``find_quantities`` with the quick exit of ``_before`` switched off."""
    fast = N._before_lasts
    N._before_lasts = lambda: _Everything()
    try:
        return N.find_quantities(text)
    finally:
        N._before_lasts = fast


def test_reading_before_a_number_skips_only_what_cannot_be_there():
    lines = _pages().splitlines()
    for line in lines:
        assert N.find_quantities(line) == _slow_quantities(line)
    assert sum(len(N.find_quantities(line)) for line in lines) > 30


#: Words that stand before numbers: currencies, qualifiers, links, change words, bounds.
_BEFORE_WORDS = (
    "人民币 美元 约 近 超过 不低于 不超过 以下 零下 数 上 破 了 为 达 增长 同比增长 下降 "
    "比上年 较 不少于交易金额 高于 低于 多 余 第 是 、 \n"
).split(" ")


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(_BEFORE_WORDS)
        | st.text(alphabet=_ALPHABET, max_size=4)
        | st.sampled_from(["3", "一百", "5%", "七成", "2万元", "千", "三十吨", " "]),
        max_size=10,
    )
)
def test_reading_before_a_number_is_the_full_reading(parts):
    text = "".join(parts)
    assert N.find_quantities(text) == _slow_quantities(text)


@settings(max_examples=300, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, places=None))
def test_cleaned_values_come_from_the_cache_unchanged(d):
    def outcome(clean):
        try:
            return str(clean(d))
        except ArithmeticError as error:  # too many digits to quantize: both raise
            return type(error)

    assert outcome(N._clean) == outcome(N._clean_value)
