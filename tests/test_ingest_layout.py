"""Page segmentation into articles: datelines, headlines, bylines, labels, captions,
banners, e-paper furniture, reading order and offsets."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhjx.ingest import split_articles
from zhjx.ingest.meta import find_dateline, names_in, province_in_name, province_of


def nows(s: str) -> str:
    return "".join(s.split())


def check_offsets(raw: str, article) -> None:
    """Every clean character comes from its raw offset (or is a separator / space)."""
    assert len(article.offsets) == len(article.text) == len(article.ends)
    for ch, o, e in zip(article.text, article.offsets, article.ends, strict=True):
        assert 0 <= o < e <= len(raw)
        if ch not in " \n" and e == o + 1:
            assert raw[o] == ch or ord(raw[o]) - 0xFEE0 == ord(ch)


# -- headline after the body (OCR of a printed page) --------------------------------

AFTER = """\
中小企业也能出大力、干大事。截至目前，我省拥有省级以上专

精特新企业2903户，国家级专精特新
“小巨人”企业132户。

在方寸之间谋广阔天地，凭“硬
核”实力脱颖而出。

让中小企业爆发创新发展大能量
——我省全力推动专精特新企业攀“高”向“新”纪实

本报记者 王蕾

本报太原 3 月 29 日讯（记者
马永亮）省政府办公厅近日印发
的《关于加快我省数字贸易发展
的实施意见》。

在夯实数字贸易发展根基方

面，加快新型基础设施建设，继续开
展专项行动。

省政府办公厅印发实施意见

着力聚焦重点领域 创新发展数字贸易

创新，无疑是专精特新企业发
展的灵魂所在。只要持续强
化创新引领，定能注入活力。

唯有守正创新 方可行稳致远
王蕾

新质生产力新质生产力 发展新动能发展新动能培培育育 增增强强

短 评

本报太原3月29日讯（记
者 郝薇 通讯员 吴悦涛）
赴广袤西部磨砺青春，践志愿
精神与祖国同行。2025 年山西省西部计划
启动。
 民营经济民营经济 更广阔舞台更广阔舞台

在潞安化工机械在潞安化工机械（（集团集团））有限公司有限公司，，工人正在工人正在
操作焊接机操作焊接机。。 本报记者本报记者 王蕾王蕾 摄摄
"""


@pytest.fixture(scope="module")
def after():
    return split_articles(AFTER)


def test_after_finds_each_article(after):
    assert [a.kind for a in after] == ["news", "news", "commentary", "news", "caption"]


def test_after_headline_subtitle_byline(after):
    a = after[0]
    assert a.headline == "让中小企业爆发创新发展大能量"
    assert a.subheadline == "——我省全力推动专精特新企业攀“高”向“新”纪实"
    assert a.reporters == ["王蕾"]
    # a blank line inside a sentence joins (专\n\n精特新)
    assert "省级以上专精特新企业2903户" in a.body_text
    assert a.body_text.endswith("凭“硬核”实力脱颖而出。")
    # reading order: headline, subheadline, body
    assert a.text.startswith("让中小企业爆发创新发展大能量\n——我省全力推动")


def test_after_kicker_and_headline(after):
    a = after[1]
    assert a.headline == "着力聚焦重点领域 创新发展数字贸易"
    assert a.subheadline == "省政府办公厅印发实施意见"
    assert a.place == "太原"
    assert a.reporters == ["马永亮"]
    assert a.dateline == "本报太原3月29日讯（记者马永亮）"
    # a paragraph's first line alone is not a headline: 方\n\n面，
    assert "在夯实数字贸易发展根基方面，加快新型基础设施建设" in a.body_text


def test_after_commentary(after):
    a = after[2]
    assert a.headline == "唯有守正创新 方可行稳致远"
    assert a.reporters == ["王蕾"]
    assert a.body_text.startswith("创新，无疑是")
    assert "新质生产力" not in a.text  # the banner is nobody's text


def test_after_dateline_reporters_and_caption(after):
    a = after[3]
    assert a.reporters == ["郝薇", "吴悦涛"]
    assert a.body_text.endswith("启动。")
    assert "民营经济" not in a.text
    cap = after[4]
    assert cap.body_text == "在潞安化工机械（集团）有限公司，工人正在操作焊接机。"
    assert cap.reporters == ["王蕾"]
    assert cap.headline is None


def test_after_dates_and_places(after):
    # the page writes 2025: datelines' 3月29日 is 2025-03-29 for every article
    assert {a.published for a in after} == {date(2025, 3, 29)}
    assert {a.published_source for a in after} == {"dateline"}
    assert {a.province for a in after} == {"山西"}  # 本报太原 → 山西
    assert after[1].city == "太原"


def test_after_offsets(after):
    for a in after:
        check_offsets(AFTER, a)
        lo, hi = a.extent
        assert lo <= a.start < a.end <= hi
        assert nows(AFTER[a.start : a.end]) != ""


def test_no_banner_article():
    page = (
        "新质生产力新质生产力 发展新动能发展新动能培培育育 增增强强\n\n"
        "民营经济民营经济 更广阔舞台更广阔舞台\n"
    )
    assert split_articles(page) == []


# -- headline before the body ---------------------------------------------------------

BEFORE = """\
省财政厅着力降低采购门槛

本报太原3月29日讯（记者 马永亮）支持中小企业发展是政府
采购的重要任务。

在破解融资难题方面，省财政厅积极为金融机构
牵线搭桥。

我省西部计划报名人数破万

本报讯（记者 郝薇）赴广袤西部磨砺青春，践志愿
精神与祖国同行。
"""


def test_before_convention():
    arts = split_articles(BEFORE, name="pages/2025-03-30/p1.txt")
    assert [a.headline for a in arts] == ["省财政厅着力降低采购门槛", "我省西部计划报名人数破万"]
    assert arts[0].body_text.endswith("牵线搭桥。")
    assert arts[1].reporters == ["郝薇"]
    assert arts[1].place is None
    # year from the file name's date; 本报讯 takes the page's dateline date
    assert [a.published for a in arts] == [date(2025, 3, 29)] * 2
    for a in arts:
        check_offsets(BEFORE, a)


def test_published_option_and_file_name():
    arts = split_articles(BEFORE, published=date(2024, 1, 2), name="2025-03-30.txt")
    assert {(a.published, a.published_source) for a in arts} == {(date(2024, 1, 2), "option")}
    no_date = "标题在此\n\n本报讯 支持中小企业发展是政府采购的重要任务。\n"
    arts = split_articles(no_date, name="sxjjrb_20250329.txt")
    assert (arts[0].published, arts[0].published_source) == (date(2025, 3, 29), "file name")


# -- e-paper page ---------------------------------------------------------------------

EPAPER = """\
电子报阅读机
2026-01-27
星期二
当前报纸名称:山西经济日报

山西省专精特新中小企业发展壮大对策研究

日期:11-16
字号:
版面:第03版:理论·践悟       上一篇    下一篇

王晓亮 杜俊萍

  建设国家资源型经济转型综合配套改革试验区是党中央赋予山西的重大使命。发展“专精特新”企业，正是山西培育新质生产力、实现转型跨越的关键路径。

一、强化技术赋能，完善协同发展体系

  数字化转型是企业提升效能、融入高端产业链的核心抓手。山西应立足能源制造业基础，推动数字化与实体经济深度融合。
"""


def test_epaper():
    (a,) = split_articles(EPAPER)
    assert a.kind == "essay"
    assert a.headline == "山西省专精特新中小企业发展壮大对策研究"
    assert a.reporters == ["王晓亮", "杜俊萍"]
    assert (a.paper, a.page) == ("山西经济日报", "第03版:理论·践悟")
    assert (a.published, a.published_source) == (date(2025, 11, 16), "metadata")
    assert a.province == "山西"
    assert a.body_text.startswith("建设国家资源型经济转型")
    assert a.body_text.endswith("深度融合。")
    assert "一、强化技术赋能，完善协同发展体系\n" in a.body_text  # one paragraph a line
    # the header part carries the paper and both dates; reader chrome is gone
    header = a.text[: a.text.index(a.headline)]
    for kept in ("山西经济日报", "2026-01-27", "11-16"):
        assert kept in header
    for dropped in ("电子报阅读机", "字号", "上一篇", "下一篇", "第03版"):
        assert dropped not in a.text
    check_offsets(EPAPER, a)


# -- datelines, bylines, places -------------------------------------------------------


@pytest.mark.parametrize(
    "text,agency,place,md,credit",
    [
        ("本报太原3月29日讯（记者马永亮）省政府", "本报", "太原", (3, 29), "记者马永亮"),
        ("本报讯（记者 王蕾）今天", "本报", None, (None, None), "记者 王蕾"),
        ("太原晚报讯 近日", "太原晚报", None, (None, None), None),
        ("新华社北京3月1日电（记者 张三）", "新华社", "北京", (3, 1), "记者 张三"),
        ("本报大同三月二十九日讯 近日", "本报", "大同", (3, 29), None),
    ],
)
def test_datelines(text, agency, place, md, credit):
    d = find_dateline(text)
    assert (d.agency, d.place, (d.month, d.day), d.credit) == (agency, place, md, credit)


@pytest.mark.parametrize(
    "text", ["本报记者王蕾说", "报讯", "他说本报太原3月29日讯", "本报将继续关注"]
)
def test_not_datelines(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    "credit,names",
    [
        ("记者 郝薇 通讯员 吴悦涛", ["郝薇", "吴悦涛"]),
        ("记者马永亮", ["马永亮"]),
        ("本报记者 王蕾 摄", ["王蕾"]),
        ("王晓亮 杜俊萍", ["王晓亮", "杜俊萍"]),
        ("本报见习记者 欧阳明", ["欧阳明"]),
    ],
)
def test_names_in(credit, names):
    assert names_in(credit) == names


def test_places():
    assert province_in_name("山西经济日报") == ("山西", None)
    assert province_in_name("太原日报") == ("山西", "太原")
    assert province_of("太原") == "山西"
    assert province_of("石家庄") == "河北"
    assert province_of("火星") is None


def test_xinhua_dateline_province():
    page = "新华社北京3月1日电（记者 张三）国务院近日印发通知。\n"
    (a,) = split_articles(page, name="2025-03-02.txt")
    assert (a.place, a.province, a.city) == ("北京", "北京", "北京")
    assert a.reporters == ["张三"]
    assert a.published == date(2025, 3, 1)


def test_empty_and_blank_pages():
    assert split_articles("") == []
    assert split_articles("\n\n   \n") == []


def test_doubled_caption_span_covers_both_copies(after):
    """The known trade-off: clean text has doubling removed, the raw span covers both
    copies (offsets point at the first copy, ends past the second)."""
    cap = after[4]
    name = "潞安化工机械（集团）有限公司"
    i = cap.text.index(name)
    start, end = cap.raw_span(i, i + len(name))
    assert AFTER[start:end] == "潞安化工机械在潞安化工机械（（集团集团））有限公司有限公司"
    whole = "在潞安化工机械（集团）有限公司"
    start, end = cap.raw_span(0, len(whole))
    assert AFTER[start:end] == "在潞安化工机械在潞安化工机械（（集团集团））有限公司有限公司"


@given(
    st.lists(
        st.sampled_from(
            [
                "本报太原3月29日讯（记者 王蕾）",
                "标题",
                "王蕾",
                "短 评",
                "。",
                "\n",
                "\n\n",
                " ",
                "——副题",
                "王蕾王蕾",
                "本报记者 王蕾 摄",
                "日期:11-16",
                "2026-01-27",
                "１２",
                "上一篇",
                "创新发展",
                "，",
                "\r\n",
                "\u3000",
            ]
        ),
        max_size=30,
    )
)
def test_any_page_splits_without_error(chunks):
    raw = "".join(chunks)
    for a in split_articles(raw):
        check_offsets(raw, a)
        lo, hi = a.extent
        assert lo <= a.start < a.end <= hi


ARCHIVE = """\
全总致全国各族职工慰问信
勉励广大职工发挥工人阶级主力军作用，为企业改革发展建功立业
本报北京１月１日讯中华全国总工会今日发出《致全国各族职工慰问信》，向全国各族职工祝贺新年。慰问信说，过去的一年，广大职工在改革开放和现代化建设中作出了重要贡献，各级工会组织也做了大量工作，取得了明显成效。
坚持深化企业改革
慰问信指出，新的一年里，要坚持深化企业改革，继续推进国有企业改革和发展，努力实现三年目标，全面完成各项任务。
"""


def test_one_paragraph_a_line_without_blank_lines():
    (a,) = split_articles(ARCHIVE, name="19980101.txt")
    assert a.headline == "全总致全国各族职工慰问信"  # the clause with a comma is the subtitle
    assert a.subheadline == "勉励广大职工发挥工人阶级主力军作用，为企业改革发展建功立业"
    assert a.place == "北京"
    assert a.published == date(1998, 1, 1)
    # a section heading inside the body does not open a new article
    assert "\n坚持深化企业改革\n" in a.body_text
    check_offsets(ARCHIVE, a)


# -- fast paths against their plain definitions --------------------------------------

LINE_PARTS = ["王蕾", "王", "蕾", "研究", "研研究究", "新质生产力", " ", "\u3000", "１", "1"]
LINE_PARTS += ["。", "摄"]


@given(st.lists(st.lists(st.sampled_from(LINE_PARTS), max_size=12), max_size=6))
def test_read_lines_is_clean_line_of_each_raw_line(lines):
    """read_lines skips cleaning for a line that its cheap tests show has no space and
    no doubling: every line must still be what clean_line makes of it."""
    from zhjx.ingest.clean import Piece, clean_line
    from zhjx.ingest.segment import read_lines

    raw = "\n".join("".join(parts) for parts in lines)
    pos = 0
    for line, text in zip(read_lines(raw), raw.splitlines(), strict=True):
        clean, doubled = clean_line(Piece.raw(raw, pos, pos + len(text)))
        assert (line.text, list(line.offs), list(line.ends), line.doubled) == (
            clean.text,
            list(clean.offs),
            list(clean.ends),
            doubled,
        )
        pos += len(text) + 1


CAPTION_PARTS = ["（", "）", "新华社记者", "本报记者", "记者", "王蕾", "欧阳", "兰红光"]
CAPTION_PARTS += ["、", " ", "，"]
CAPTION_PARTS += ["摄", "摄影", "。", "发展", "王", "文/图", "\u3000"]


@given(st.lists(st.sampled_from(CAPTION_PARTS), max_size=40))
def test_photo_credit_search_from_its_earliest_start(parts):
    """photo_credit searches from where a credit may start at the earliest: it finds
    what a search over the whole text finds."""
    from zhjx.ingest import meta

    text = "".join(parts)
    m = meta._photo_credit().search(text, meta._credit_start(text))
    plain = meta._photo_credit().search(text)
    assert (m and m.span()) == (plain and plain.span())
