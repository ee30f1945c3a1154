"""Offset-mapped cleaning: number spacing, OCR doubling (and real repetition), width."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhjx.ingest.clean import (
    Piece,
    clean_line,
    concat,
    doubled_units,
    join_lines,
    line_is_doubled,
    squeeze,
)


def clean(s: str) -> str:
    return clean_line(Piece.raw(s))[0].text


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("本报太原 3 月 29 日讯", "本报太原3月29日讯"),
        ("本报太原3月 29日讯", "本报太原3月29日讯"),
        ("累计金额近 10 亿元。", "累计金额近10亿元。"),
        ("全程用时不超 1 分钟。", "全程用时不超1分钟。"),
        ("2025 年山西省西部计划", "2025年山西省西部计划"),
        ("同比增长 88.19 %", "同比增长88.19%"),
        ("迭代升级“政采智贷 3.0”", "迭代升级“政采智贷3.0”"),
        ("近 3 年，19 户企业", "近3年，19户企业"),
    ],
)
def test_spaces_inside_numbers_and_dates_dropped(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("唯有守正创新 方可行稳致远", "唯有守正创新 方可行稳致远"),
        ("优化金融服务   完善政策保障", "优化金融服务 完善政策保障"),
        ("  本报记者 王蕾  ", "本报记者 王蕾"),
        ("（记者 郝薇 通讯员 吴悦涛）", "（记者 郝薇 通讯员 吴悦涛）"),
        ("2021 2025", "2021 2025"),  # two numbers stay two numbers
        ("基于TOE (技术-组织-环境)框架", "基于TOE (技术-组织-环境)框架"),
    ],
)
def test_other_spaces_kept_once(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("１２３", "123"),
        ("ＡＢ公司", "AB公司"),
        ("增长３．５％", "增长3.5%"),
        (
            "潞安化工机械（集团）有限公司，员工１０００人。",
            "潞安化工机械（集团）有限公司，员工1000人。",
        ),
        ("“专精特新”：《意见》；好！对？", "“专精特新”：《意见》；好！对？"),
    ],
)
def test_full_width_folding(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("本报记者本报记者 王蕾王蕾 摄摄", "本报记者 王蕾 摄"),
        (
            "在潞安化工机械在潞安化工机械（（集团集团））有限公司有限公司",
            "在潞安化工机械（集团）有限公司",
        ),
        (
            "新质生产力新质生产力 发展新动能发展新动能培培育育 增增强强",
            "新质生产力 发展新动能培育 增强",
        ),
        ("民营经济民营经济 更广阔舞台更广阔舞台", "民营经济 更广阔舞台"),
        (
            "操作一机双工位镍丝网激光焊接机操作一机双工位镍丝网激光焊接机。。",
            "操作一机双工位镍丝网激光焊接机。",
        ),
    ],
)
def test_ocr_doubling_undone(raw, expected):
    assert line_is_doubled(raw)
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "研究研究",
        "我们要好好研究研究这个问题。",
        "他常常说谢谢。",
        "天天向上，试试看看。",
        "谢谢",
        "看看",
        "常常",
        "讨论讨论，商量商量",  # every run doubled? no: the comma is single
        "人人人人",  # too short to tell
        "大家天天锻炼，常常谢谢",
    ],
)
def test_real_repetition_untouched(raw):
    assert not line_is_doubled(raw)
    assert clean(raw) == raw.strip()


def test_doubled_units():
    assert doubled_units("王蕾王蕾") == [(0, 2)]
    assert doubled_units("培培育育") == [(0, 1), (2, 1)]
    assert doubled_units("（（集团集团））") == [(0, 1), (2, 2), (6, 1)]
    assert doubled_units("研究") is None
    assert doubled_units("天天向上") is None
    # backtracking: the shortest unit first, a longer one when the rest does not split
    assert doubled_units("王王王王蕾王王王王蕾") == [(0, 5)]
    assert doubled_units("王王王蕾王王王蕾") == [(0, 4)]


def test_a_long_doubled_line_is_undone():
    """A whole doubled paragraph on one line (thousands of characters) must not raise."""
    prose = "发展专精特新企业，正是山西培育新质生产力的关键路径。" * 120
    raw = "".join(ch + ch for ch in prose)
    piece, doubled = clean_line(Piece.raw(raw))
    assert doubled
    assert piece.text == prose
    assert (piece.offs[-1], piece.ends[-1]) == (len(raw) - 2, len(raw))


def test_undoubled_offsets_cover_both_copies():
    raw = "王蕾王蕾 摄摄摄摄"
    piece, doubled = clean_line(Piece.raw(raw))
    assert doubled
    assert piece.text == "王蕾 摄摄"
    i = piece.text.index("王")
    # first copy's start, second copy's end
    assert (piece.offs[i], piece.ends[i]) == (0, 3)
    assert raw[piece.offs[0] : piece.ends[1]] == "王蕾王蕾"


def test_offsets_point_back_to_raw():
    raw = "  本报太原 3 月 29 日讯（记者１２　马永亮）"
    piece, _ = clean_line(Piece.raw(raw))
    for ch, o, e in zip(piece.text, piece.offs, piece.ends, strict=True):
        assert e == o + 1
        if ch != " ":
            assert raw[o] == ch or (ch.isascii() and ord(raw[o]) - 0xFEE0 == ord(ch))


def test_join_lines():
    raw = "截至目前，我省拥有省级以上专\n精特新企业2903户，TOE\nmodel"
    first, second = raw.index("\n"), raw.rindex("\n")
    a = Piece.raw(raw, 0, first)
    b = Piece.raw(raw, first + 1, second)
    c = Piece.raw(raw, second + 1)
    joined = join_lines([a, b, c], raw)
    assert joined.text == "截至目前，我省拥有省级以上专精特新企业2903户，TOE model"
    space = joined.text.index(" ")
    assert raw[joined.offs[space]] == "\n"


def test_concat_separator_maps_inside():
    raw = "标题\n正文。"
    p = concat([Piece.raw(raw, 0, 2), Piece.raw(raw, 3, 6)], "\n")
    assert p.text == "标题\n正文。"
    assert p.offs[2] == 1


@given(st.text(alphabet="王蕾研究 １２３ 月日年亿元。，（）\u3000\n", max_size=40))
def test_squeeze_keeps_a_valid_map(s):
    p = squeeze(Piece.raw(s))
    assert len(p.text) == len(p.offs) == len(p.ends)
    assert all(0 <= o < e <= len(s) for o, e in zip(p.offs, p.ends, strict=True))
    assert p.text.replace(" ", "") == "".join(s.split()).replace("\u3000", "")


def test_run_spaces_are_what_separates_runs():
    """line_is_doubled strips RUN_SPACES before its cheap tests: exactly the run separators."""
    import regex

    from zhjx.ingest.clean import RUN_SPACES

    every = "".join(map(chr, range(0x110000)))
    assert "".join(regex.findall(r"[\s\u3000\xa0]", every)) == RUN_SPACES
