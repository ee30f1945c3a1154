"""Dates in running text: offsets, ranges, anchors, weekdays, no reference, robustness."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from zhjx.evaluation import day_span
from zhjx.normalize.dates import find_dates

REF = date(2025, 3, 29)


def values(text: str, ref: date | None = REF) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, ref)]


def test_dateline_and_running_text() -> None:
    text = "本报太原3月29日讯 2024年以来，我省累计帮助企业融资；今年以来新增7家银行。"
    assert values(text) == [("3月29日", "2025-03-29"), ("2024年以来", "2024"), ("今年以来", "2025")]


def test_offsets_point_into_the_text() -> None:
    text = "据统计，自 3 月 1 日西部计划启动以来，报名人数已达2903户。"
    found = find_dates(text, REF)
    assert len(found) == 1
    d = found[0]
    assert text[d.start : d.end] == d.text
    assert d.value == "2025-03-01"


def test_relative_flag_and_reference() -> None:
    (d,) = find_dates("今年以来", REF)
    assert d.relative and d.reference == REF and d.granularity == "year"
    (d,) = find_dates("2024年度", REF)
    assert not d.relative and d.reference is None and d.value == "2024"
    (d,) = find_dates("3月29日", REF)
    assert not d.relative and d.reference == REF


def test_granularity() -> None:
    grans = {
        d.text: d.granularity for d in find_dates("2025年、3月、一季度、上半年、本周、近3年", REF)
    }
    assert grans == {
        "2025年": "year",
        "3月": "month",
        "一季度": "quarter",
        "上半年": "half",
        "本周": "week",
        "近3年": "period",
    }


def test_no_reference_gives_no_guessed_year() -> None:
    assert values("3月29日", None) == [("3月29日", None)]
    assert values("今年以来", None) == [("今年以来", None)]
    assert values("一季度", None) == [("一季度", None)]
    assert values("2025年3月29日", None) == [("2025年3月29日", "2025-03-29")]
    assert values("2021—2025年", None) == [("2021—2025年", "2021/2025")]


def test_partial_dates_take_the_nearest_year() -> None:
    jan = date(2025, 1, 10)
    assert values("12月28日", jan) == [("12月28日", "2024-12-28")]
    assert values("2月3日", jan) == [("2月3日", "2025-02-03")]
    assert values("11-16", date(2025, 11, 16)) == [("11-16", "2025-11-16")]


def test_weekday_beside_a_date_is_that_date() -> None:
    page = "电子报阅读机\n2026-01-27\n星期二\n当前报纸名称"
    assert values(page, date(2025, 11, 16)) == [
        ("2026-01-27", "2026-01-27"),
        ("星期二", "2026-01-27"),
    ]
    assert values("10月12日（星期日）", REF)[-1] == ("星期日", "2024-10-12")


def test_a_range_with_an_inherited_year_runs_forward() -> None:
    assert values("12月至次年2月", REF)[0][1] is not None
    assert values("2024年11月至2月", REF) == [("2024年11月至2月", "2024-11/2025-02")]


def test_figures_are_left_alone() -> None:
    text = "近3年，19户企业获评；配套五年税收减免，2903户企业受益，26863家经营主体。"
    assert values(text) == [("近3年", "2022/2025")]


def test_vague_words_only_on_request() -> None:
    text = "截至目前，近日印发，近年来"
    assert find_dates(text, REF) == []
    found = find_dates(text, REF, vague=True)
    assert [(d.text, d.value, d.granularity) for d in found] == [
        ("截至目前", None, "vague"),
        ("近日", None, "vague"),
        ("近年来", None, "vague"),
    ]


def test_empty_and_odd_input() -> None:
    assert find_dates("", REF) == []
    assert find_dates("0000年00月00日 9999年12月31日 99999999", REF) is not None
    assert values("2月30日", REF) == []


ALPHABET = (
    "0123456789年月日号至到—-./~以来前后近上下本今去明周星期"
    "一二三四五六七八九十〇两季度半旬初底末世纪代Q“”十四五期间，。 \n"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40), st.none() | st.dates())
def test_any_text_gives_valid_mentions(text: str, ref: date | None) -> None:
    found = find_dates(text, ref)
    last_end = 0
    for d in found:
        assert last_end <= d.start < d.end <= len(text)
        assert text[d.start : d.end] == d.text
        last_end = d.end
        if d.value is not None:
            assert d.interval == day_span(d.value)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.none() | st.dates())
def test_any_unicode_text_never_raises(text: str, ref: date | None) -> None:
    for d in find_dates(text, ref):
        assert 0 <= d.start < d.end <= len(text)


def test_the_component_reports_vague_words_only_when_asked(nlp):
    import datetime

    import zhjx

    text = "近日，省财政厅印发通知。"
    doc = nlp.make_doc(text)
    doc._.published = datetime.date(2025, 3, 29)
    assert [s.text for s in nlp(doc).spans["zhjx_dates"]] == []
    vague = zhjx.build()
    vague.replace_pipe("zhjx_dates", "zhjx_dates", config={"vague": True})
    doc = vague.make_doc(text)
    doc._.published = datetime.date(2025, 3, 29)
    spans = vague(doc).spans["zhjx_dates"]
    assert [(s.text, s._.value, s._.granularity) for s in spans] == [("近日", None, "vague")]


def test_the_component_spans_are_exact_whether_or_not_tokens_align(nlp):
    import datetime

    from spacy.tokens import Doc

    dates = nlp.get_pipe("zhjx_dates")
    aligned = Doc(nlp.vocab, words=["截至", "3月29日", "，", "去年", "同期"], spaces=[False] * 5)
    glued = Doc(nlp.vocab, words=["截至3月29", "日，去年同期"], spaces=[False, False])
    for doc in (aligned, glued):
        doc._.published = datetime.date(2025, 3, 29)
        spans = dates(doc).spans["zhjx_dates"]
        assert [(s.text, s._.value, s._.relative) for s in spans] == [
            ("截至3月29日", "2025-03-29", False),
            ("去年", "2024", True),
        ]
    assert [t.text for t in aligned] == ["截至", "3月29日", "，", "去年", "同期"]
    assert [t.text for t in glued][:3] == ["截至3月29", "日", "，"]
