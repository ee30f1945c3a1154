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
