"""Figures and percentages: a corpus of surface forms, a negative corpus, and properties.

Examples are written for these tests (newspaper-style sentences), not taken from the
evaluation suites.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhjx.normalize.numbers import find_quantities
from zhjx.normalize.types import Quantity


def one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    return found[0]


# ---------------------------------------------------------------- figures

FIGURES = {
    # (value, unit, kind): surface forms in context
    (Decimal(650000000), "元", "money"): [
        "全年营收6.5亿元",
        "全年营收6.5 亿元",
        "全年营收六点五亿元",
        "全年营收六亿五千万元",
        "全年营收65000万元",
        "全年营收650,000,000元",
        "全年营收６．５亿元",
        "全年营收人民币6.5亿元",
        "全年营收6.5亿元人民币",
        "全年营收陆亿伍仟万元整",
    ],
    (Decimal(3200), "户", "count"): [
        "带动3200户农民",
        "带动3,200户农民",
        "带动三千二百户农民",
        "带动三千二户农民",
        "带动0.32万户农民",
        "带动３２００户农民",
    ],
    (Decimal(18), "个月", "duration"): ["工期18个月", "工期十八个月", "工期 18 个月"],
    (Decimal("2.5"), "小时", "duration"): ["全程两个半小时", "全程2.5小时", "全程两小时半"],
    (Decimal(120000), "吨", "measure"): ["年产12万吨", "年产十二万吨", "年产120000吨"],
    (Decimal("3.04"), "元", "money"): ["单价3.04元", "单价三块零四分", "单价3元4分"],
    (Decimal("45.5"), "USD", "money"): ["售价45.5美元", "售价四十五点五美元", "售价美元45.5"],
    (Decimal(2000000), "HKD", "money"): ["投资200万港元", "投资两百万港币", "投资港币200万"],
    (Decimal(30000), "JPY", "money"): ["花了3万日元", "花了三万日元"],
    (Decimal(15), "公顷", "measure"): ["流转土地15公顷", "流转土地十五公顷"],
}


@pytest.mark.parametrize(
    ("expected", "text"), [(k, t) for k, forms in FIGURES.items() for t in forms]
)
def test_figure_forms(expected: tuple[Decimal, str, str], text: str) -> None:
    q = one(text)
    assert (q.type, q.value, q.unit, q.kind) == ("figure", *expected)
    assert text[q.start : q.end] == q.text


PERCENTAGES = {
    Decimal(35): ["占比35%", "占比35％", "占比百分之三十五", "占比三成五", "占比３５%"],
    Decimal(70): ["占比七成", "占比7成", "占比百分之七十", "占比70%"],
    Decimal("0.3"): ["不良率千分之三", "不良率0.3%", "不良率3‰"],
    Decimal("12.5"): ["增速12.5%", "增速百分之十二点五"],
    Decimal(-3): ["增速-3%", "增速负3%", "增速负百分之三"],
}


@pytest.mark.parametrize(
    ("expected", "text"), [(k, t) for k, forms in PERCENTAGES.items() for t in forms]
)
def test_percentage_forms(expected: Decimal, text: str) -> None:
    q = one(text)
    assert (q.type, q.value) == ("percentage", expected)


def test_percentage_points() -> None:
    q = one("利率下调0.25个百分点")
    assert (q.type, q.value, q.kind, q.change) == (
        "percentage",
        Decimal("0.25"),
        "points",
        "decrease",
    )


def test_multiple() -> None:
    q = one("出口额增长3倍")
    assert (q.type, q.value, q.unit, q.kind, q.change) == (
        "figure",
        3,
        "倍",
        "multiple",
        "increase",
    )


# ---------------------------------------------------------------- qualifiers

QUALIFIED = [
    ("签约额近20亿元", "nearly", "近20亿元"),
    ("签约额将近20亿元", "nearly", "将近20亿元"),
    ("签约额约20亿元", "about", "约20亿元"),
    ("签约额20亿元左右", "about", "20亿元"),
    ("签约额超过20亿元", "over", "超过20亿元"),
    ("签约额逾20亿元", "over", "逾20亿元"),
    ("签约额突破20亿元", "over", "突破20亿元"),
    ("签约额20亿元以上", "over", "20亿元"),
    ("签约额20余亿元", "over", "20余亿元"),
    ("签约额20多亿元", "over", "20多亿元"),
    ("签约额不低于20亿元", "at_least", "不低于20亿元"),
    ("签约额不少于20亿元", "at_least", "不少于20亿元"),
    ("签约额至少20亿元", "at_least", "至少20亿元"),
    ("签约额20亿元（含）以上", "at_least", "20亿元"),
    ("签约额不到20亿元", "under", "不到20亿元"),
    ("签约额低于20亿元", "under", "低于20亿元"),
    ("签约额不超过20亿元", "at_most", "不超过20亿元"),
    ("签约额最多20亿元", "at_most", "最多20亿元"),
    ("签约额20亿元以下", "at_most", "20亿元"),
    ("签约额20亿元以内", "at_most", "20亿元"),
]


@pytest.mark.parametrize(("text", "qualifier", "span"), QUALIFIED)
def test_qualifiers(text: str, qualifier: str, span: str) -> None:
    q = one(text)
    assert (q.value, q.unit, q.qualifier, q.text) == (Decimal(2000000000), "元", qualifier, span)
    if qualifier in ("over", "at_least"):
        assert (q.low, q.high) == (q.value, None)
    if qualifier in ("under", "at_most"):
        assert (q.low, q.high) == (None, q.value)


def test_bound_a_few_words_away() -> None:
    q = one("补助不超过项目投资额30%")
    assert (q.text, q.value, q.qualifier) == ("30%", 30, "at_most")


def test_qualifier_not_read_from_a_word() -> None:
    assert one("节约资金3亿元").qualifier == "exact"
    assert one("签约项目12个").qualifier == "exact"


def test_magnitude_with_a_bound() -> None:
    q = one("参观人数突破万人")
    assert (q.text, q.value, q.unit, q.qualifier) == ("突破万人", 10000, "人", "over")
    q = one("每天接待上千人")
    assert (q.value, q.unit, q.qualifier) == (1000, "人", "over")
    assert find_quantities("万人空巷，千年古县，百年老店") == []


# ---------------------------------------------------------------- ranges

RANGES = [
    ("利率为3%—5%", "percentage", "", 3, 5),
    ("利率为3%-5%", "percentage", "", 3, 5),
    ("利率为3—5%", "percentage", "", 3, 5),
    ("利率为百分之三至百分之五", "percentage", "", 3, 5),
    ("投资额在5000万至1亿元", "figure", "元", 50000000, 100000000),
    ("投资额在5000万元到1亿元", "figure", "元", 50000000, 100000000),
    ("年营收千万至亿元级", "figure", "元", 10000000, 100000000),
    ("奖励3万—5万元", "figure", "元", 30000, 50000),
    ("奖励3—5万元", "figure", "元", 30000, 50000),
    ("工期8~12个月", "figure", "个月", 8, 12),
    ("工期八到十二个月", "figure", "个月", 8, 12),
    ("人数在300与500之间", "figure", "", 300, 500),
    ("来了两三个人", "figure", "个", 2, 3),
    ("损失七八亿元", "figure", "元", 700000000, 800000000),
]


@pytest.mark.parametrize(("text", "type_", "unit", "low", "high"), RANGES)
def test_ranges(text: str, type_: str, unit: str, low: int, high: int) -> None:
    q = one(text)
    assert (q.type, q.low, q.high, q.value) == (type_, low, high, low)
    if type_ == "figure":
        assert q.unit == unit


def test_open_range_and_vague() -> None:
    q = one("订单五百以上")
    assert (q.value, q.low, q.high, q.qualifier) == (500, 500, None, "over")
    q = one("吸引十几万游客")
    assert (q.low, q.high, q.qualifier) == (100000, 190000, "over")
    q = one("数百家企业参展")
    assert (q.low, q.high, q.unit) == (200, 900, "家")


# ---------------------------------------------------------------- change and basis

CHANGES = [
    ("利润同比增长12.5%", "increase", "同比"),
    ("利润环比下降3.2%", "decrease", "环比"),
    ("利润比上年减少1.2亿元", "decrease", "比上年"),
    ("利润较上年同期增长8%", "increase", "较上年同期"),
    ("利润增长了8%", "increase", None),
    ("利润下滑8%", "decrease", None),
]


@pytest.mark.parametrize(("text", "change", "basis"), CHANGES)
def test_change_and_basis(text: str, change: str, basis: str | None) -> None:
    q = one(text)
    assert (q.change, q.basis) == (change, basis)


def test_level_is_not_a_change() -> None:
    q = one("限额提高到400万元")
    assert q.change is None
    q = one("营收达7.71亿元")
    assert q.change is None


# ---------------------------------------------------------------- bare numbers

BARE = [
    ("总数为一百二十三。", 123),
    ("二百五十", 250),
    ("约有4,500", 4500),
    ("市值1.2万亿", 1200000000000),
    ("余额 35.6 ，", Decimal("35.6")),
    ("气温负十二", -12),
]


@pytest.mark.parametrize(("text", "value"), BARE)
def test_bare_numbers(text: str, value: int) -> None:
    q = one(text)
    assert (q.type, q.value, q.unit) == ("figure", value, "")


# ---------------------------------------------------------------- negative corpus

NEGATIVE = [
    "推进5G网络建设",
    "上线政采智贷3.0平台",
    "打造3.0版产业园",
    "项目编号ZB1605",
    "合同号202304031401037",
    "咨询电话0351-4048888",
    "手机13912345678",
    "【作者1系山西财经大学教师】",
    "一是实施精准赋能，二是构建平台，三是强化保障",
    "第一，在金融服务方面；第二，在数字赋能方面",
    "一、强化技术赋能",
    "（一）总体要求",
    "出台一系列政策，推进一体化发展",
    "制定“一企一策”服务台账",
    "促进“两个健康”",
    "全国数字贸易百强企业",
    "操作一机双工位",
    "出台新一轮支持政策",
    "推进城市千兆光网建设",
    "提供一对一法律服务",
    "培育了一批典型",
    "一方面要稳增长",
    "全球唯一车轮供应商",
    "统一标准，一些企业",
    "成为之一，一起努力，一直坚持",
    "进一步优化营商环境",
    "融入长三角",
    "十分重要，万一出现",
    "千方百计稳就业",
    "“十四五”规划",
    "学习贯彻党的二十大精神",
    "2025年3月29日",
    "2024年度报告",
    "日期:11-16",
    "日期:11-16字号:",
    "2026-01-27",
    "一九九七年",
    "八十年代",
    "上午10:30开会",
    "比例为1∶8",
    "详见https://www.example.com/a?id=30%25",
    "走出了一条创新之路",
    "这个人很肆意妄为，队伍在陆地上",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative_corpus(text: str) -> None:
    assert find_quantities(text) == []


def test_periods_are_left_to_dates() -> None:
    assert find_quantities("近3年，企业获奖") == []
    assert find_quantities("10年来，我省") == []
    q = one("配套五年税收减免")
    assert (q.value, q.unit, q.kind) == (5, "年", "duration")


# ---------------------------------------------------------------- properties


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60))
def test_any_text_valid_offsets(text: str) -> None:
    _check_offsets(text, find_quantities(text))


NUMBERY = st.text(
    alphabet=st.sampled_from(
        list(
            "0123456789.,，%％-—~至到与之间万亿千百十零一二两三四五六七八九"
            "几多余近约超过以上下元个年月日成折倍半 第是、"
        )
    ),
    max_size=40,
)


@settings(max_examples=600, deadline=None)
@given(NUMBERY)
def test_number_like_text_valid_offsets(text: str) -> None:
    _check_offsets(text, find_quantities(text))


def _check_offsets(text: str, found: list[Quantity]) -> None:
    last = 0
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= last
        assert text[q.start : q.end] == q.text
        assert isinstance(q.value, Decimal)
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        last = q.end


def test_bad_input_yields_nothing() -> None:
    assert find_quantities("") == []
    assert find_quantities(None) == []  # type: ignore[arg-type]


def test_a_middle_dot_between_digits_is_a_decimal_point():
    (q,) = find_quantities("国际石油价格可达每桶２１·４８美元")
    assert (q.text, q.value, q.unit) == ("２１·４８美元", Decimal("21.48"), "USD")
    (p,) = find_quantities("比上年增长１０·７％")
    assert p.value == Decimal("10.7")
