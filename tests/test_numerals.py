"""Numeral parsing: Chinese, Arabic, mixed, vague; and round trips through cn2an."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhjx.normalize.numerals import fold, parse_fraction, parse_numeral

# one expected value, many surface forms
FORMS = {
    Decimal(11): ["十一", "一十一", "拾壹", "壹拾壹", "11", "１１"],
    Decimal(22): ["廿二", "二十二", "贰拾贰"],
    Decimal(450): ["四百五", "四百五十", "肆佰伍拾", "450"],
    Decimal(1300): ["千三", "一千三", "一千三百", "1300", "1,300"],
    Decimal(2600): ["两千六", "二千六百", "兩千六"],
    Decimal(19000): ["万九", "一万九", "一万九千", "1万9千", "1.9万"],
    Decimal(10600): ["1万600", "一万零六百", "10,600"],
    Decimal(132000): ["13万2", "十三万二", "13.2万", "十三万两千"],
    Decimal(1203000): ["一百二十万三", "一百二十万三千", "120.3万"],
    Decimal(10010001): ["一千零一万零一", "1001万零1"],
    Decimal(400000000): ["四万万", "四亿", "4亿", "肆億", "4万万"],
    Decimal(771000000): ["7.71亿", "七点七一亿", "七亿七千一百万"],
    Decimal(58435000000): ["584.35亿", "五百八十四点三五亿"],
    Decimal(4780000000000): ["4.78万亿", "四点七八万亿"],
    Decimal(82225): ["82，225.00", "82,225", "８２,２２５"],
    Decimal("0.5"): ["零点五", ".5", "0.5"],
    Decimal("-6.6"): ["负六点六", "-6.6", "負六點六"],
    Decimal(200000000): ["两个亿", "两亿", "2亿"],
    Decimal(10): ["零十", "十", "拾"],
}


@pytest.mark.parametrize(
    ("expected", "form"), [(v, f) for v, forms in FORMS.items() for f in forms]
)
def test_surface_forms(expected: Decimal, form: str) -> None:
    n = parse_numeral(fold(form))
    assert n is not None, form
    assert n.value == expected


@pytest.mark.parametrize(
    ("form", "low", "high"),
    [
        ("十几万", 100000, 190000),
        ("二十几", 20, 29),
        ("几十", 20, 90),
        ("两三", 2, 3),
        ("八九亿", 800000000, 900000000),
        ("三四十", 30, 40),
        ("十七八", 17, 18),
    ],
)
def test_vague_and_approximate(form: str, low: int, high: int) -> None:
    n = parse_numeral(form)
    assert n is not None
    assert (n.low, n.high) == (Decimal(low), Decimal(high))
    assert n.value == n.low


@pytest.mark.parametrize(
    "form",
    ["一七二零", "二〇二五", "一一", "两两", "十七十八", "十三五", "千百万", "点一", "", "负"],
)
def test_not_numerals(form: str) -> None:
    assert parse_numeral(form) is None


def test_values_are_exact_decimals() -> None:
    n = parse_numeral("零点一")
    assert n is not None and n.value == Decimal("0.1")
    assert parse_numeral("零点零零零零一二三").value == Decimal("0.0000123")


def test_fractions() -> None:
    assert parse_fraction("三分之一") == Decimal(1) / Decimal(3)
    assert parse_fraction("1/4") == Decimal("0.25")
    assert parse_fraction("百分之五") == Decimal("0.05")
    assert parse_fraction("零分之一") is None


def test_fold_keeps_length() -> None:
    text = "１２３％，萬億兩點"
    assert len(fold(text)) == len(text)
    assert fold(text) == "123%,万亿两点"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**16 - 1), st.sampled_from(["low", "up"]))
def test_cn2an_integers_round_trip(n: int, mode: str) -> None:
    written = cn2an.an2cn(n, mode)
    parsed = parse_numeral(fold(written))
    assert parsed is not None, written
    assert parsed.value == n


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**8),
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(["low", "up"]),
)
def test_cn2an_decimals_round_trip(whole: int, frac: int, mode: str) -> None:
    text = f"{whole}.{frac}".rstrip("0")
    written = cn2an.an2cn(text, mode)
    parsed = parse_numeral(fold(written))
    assert parsed is not None, written
    assert parsed.value == Decimal(text)
