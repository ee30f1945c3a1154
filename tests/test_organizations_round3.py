"""Organizations, third round: unlisted counties before a standard body and one-character
country abbreviations before a state body, as a corpus of examples.

Sentences are the developers' own.
"""

from __future__ import annotations

import pytest

from zhjx.pipeline import build

KEY = "zhjx_organizations"


@pytest.fixture(scope="module")
def nlp():
    return build(components=("zhjx_organizations",))


def spans(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s._.canonical) for s in doc.spans[KEY]]


UNLISTED = {
    # a county or city not in the lists, written right before a standard body
    "山区的平顺县委、县政府决定修路。": ("平顺县委", "中国共产党平顺县委员会"),
    "他历任河北高邑县委常委。": ("河北高邑县委", "中国共产党高邑县委员会"),
    "中共宜阳县委召开扩大会议。": ("中共宜阳县委", "中国共产党宜阳县委员会"),
    "江西新干县纪委通报了三起案件。": ("江西新干县纪委", "中国共产党新干县纪律检查委员会"),
    "湖南省宁乡县科协组织专家下乡。": ("湖南省宁乡县科协", "宁乡县科学技术协会"),
}


@pytest.mark.parametrize(("text", "expected"), UNLISTED.items())
def test_unlisted_place_before_a_department(nlp, text, expected):
    assert expected in spans(nlp, text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("会上县委县政府作出部署。", "县委县政府"),  # two bodies, not a place 县委县
        ("工厂收到县环保局的通知。", "收到县环保局"),  # a verb is no place name
        ("今年县委书记换了人。", "今年县委"),
        ("各县县委都要落实。", "各县县委"),
    ],
)
def test_no_place_made_of_ordinary_words(nlp, text, wrong):
    assert wrong not in [t for t, _ in spans(nlp, text)]


COUNTRY = {
    "以色列总理说，以政府将在下周表决。": ("以政府", "以色列政府"),
    "卢布汇率由俄中央银行每天公布，俄罗斯企业": ("俄中央银行", "俄罗斯中央银行"),
    "菲律宾官员说，菲卫生部今天发出警告。": ("菲卫生部", "菲律宾卫生部"),
    "巴基斯坦大选以后，巴国民议会首次开会。": ("巴国民议会", "巴基斯坦国民议会"),
    "美国官员说，美国务院发言人今天表示": ("美国务院", "美国国务院"),
}


@pytest.mark.parametrize(("text", "expected"), COUNTRY.items())
def test_country_abbreviation_before_a_state_body(nlp, text, expected):
    assert expected in spans(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "这项工程以政府投资为主。",  # no country named: 以 is a preposition
        "以色列坚持以政府为主导的做法。",  # the frame 以…为
        "再加政府补贴，农民负担减轻了。",  # 加 is a verb; Canada is not named
        "俄罗斯的天气很冷。",
    ],
)
def test_no_country_abbreviation(nlp, text):
    assert spans(nlp, text) == []


SUFFIXES = {
    # the blocking word 公司制 is no block when 制 starts another word (公司|制定)
    "本报讯太原恒达国际贸易公司制定了新规。": "太原恒达国际贸易公司",
    "他在湖北省五峰县文化馆工作。": "湖北省五峰县文化馆",
    "资料由山西省档案馆提供。": "山西省档案馆",
    "云南漫水水电站开始蓄水。": "云南漫水水电站",
    "上海少年合唱团来太原演出。": "上海少年合唱团",
    "广东省监狱管理局和太原第一监狱": "太原第一监狱",
    "香港潮州商会总会召开会员大会。": "香港潮州商会总会",
}


@pytest.mark.parametrize(("text", "expected"), SUFFIXES.items())
def test_new_suffixes(nlp, text, expected):
    assert expected in [t for t, _ in spans(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "公司制改革稳步推进。",  # 公司制 is a word
        "这是公司定下的规矩。",  # a copula stops a name
        "他们荣获全国优秀童声合唱团称号。",  # a grading adjective: a description
        "当年的军事学院今天就是国防大学。",
        "他到一家高档饭店吃饭。",  # hotels are venues, no suffix
    ],
)
def test_descriptions_and_copulas(nlp, text):
    found = [t for t, _ in spans(nlp, text)]
    assert not any(t.startswith(("公司制", "这是", "全国优秀", "今天", "高档")) for t in found)
    assert "高档饭店" not in found


NAMED_BODIES = {
    # associations, foundations, troupes, police stations and primary schools need a proper
    # name before them, not a place: a person's or a trade name will do
    "他把稿费捐给了李贵林基金会。": "李贵林基金会",
    "东岳话剧团带着新戏下乡演出。": "东岳话剧团",
    "群众向桃园派出所报了案。": "桃园派出所",
    "图为红星小学的少先队员。": "红星小学",
    "中华园艺学会与华夏书画研究会联合举办展览。": "华夏书画研究会",
}


@pytest.mark.parametrize(("text", "expected"), NAMED_BODIES.items())
def test_named_bodies_without_a_place(nlp, text, expected):
    assert expected in [t for t, _ in spans(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "他每次剧团到外地演出都去。",
        "村里成立了业余剧团。",
        "天涯夜总会被查封了。",  # 夜总会 is a word, not 夜 + 总会
        "她慢慢地学会了走路。",  # 学会 is a verb here
        "特困职工子女就读小学可免学费。",
        "民办科研组织或者专业协会都可申请。",
    ],
)
def test_no_named_body(nlp, text):
    found = [t for t, _ in spans(nlp, text)]
    assert not any(t.endswith(("剧团", "总会", "学会", "小学", "协会")) for t in found)


OWN_PLACE = {
    # a place before a known organization: the place's own body or its branch
    "古巴全国人大举行换届选举。": ("古巴全国人大", "古巴全国人大"),
    "中国全国人大代表团出席会议。": ("中国全国人大", "全国人民代表大会"),
    "据晋城市农发行统计，": ("晋城市农发行", "晋城市农发行"),
}


@pytest.mark.parametrize(("text", "expected"), OWN_PLACE.items())
def test_place_before_a_known_organization(nlp, text, expected):
    assert expected in spans(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("秘书长在纽约联合国总部宣布。", "联合国"),  # located there, not New York's own
        ("歌唱家来到北京全国政协礼堂。", "全国政协"),
    ],
)
def test_place_that_only_locates(nlp, text, expected):
    assert [t for t, _ in spans(nlp, text)] == [expected]


def test_attached_institution_is_one_name(nlp):
    text = "他在山西医学研究中心附属太原康宁医院治疗。"
    assert [t for t, _ in spans(nlp, text)] == ["山西医学研究中心附属太原康宁医院"]


def test_belonging_to_is_two_names(nlp):
    text = "太原钢铁集团所属太原恒达机械有限公司"
    assert "太原恒达机械有限公司" in [t for t, _ in spans(nlp, text)]


CONGRESSES = {
    "中国共产党第十五次全国代表大会胜利召开。": "中国共产党第十五次全国代表大会",
    "他出席了中共第八次全国代表大会。": "中共第八次全国代表大会",
}


@pytest.mark.parametrize(("text", "expected"), CONGRESSES.items())
def test_numbered_congress_of_a_party(nlp, text, expected):
    assert [t for t, _ in spans(nlp, text)] == [expected]


def test_term_of_a_national_body_is_not_part_of_its_name(nlp):
    found = spans(nlp, "他当选为第六届全国政协副主席。")
    assert found == [("全国政协", "中国人民政治协商会议全国委员会")]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("全省共有１４０家玩具公司参展。", "家玩具公司"),  # a measure word stops a name
        ("他办起了两个矿业公司。", "个矿业公司"),
        ("全省３５个贫困县妇联主席参加培训。", "贫困县妇联"),  # 贫困县 is no particular place
    ],
)
def test_measure_words_and_descriptive_places(nlp, text, wrong):
    assert wrong not in [t for t, _ in spans(nlp, text)]


def test_term_inside_a_name_is_kept(nlp):
    text = "中共山西省第十一届委员会第一次全体会议召开。"
    assert "中共山西省第十一届委员会" in [t for t, _ in spans(nlp, text)]


def test_troupe_of_a_place(nlp):
    assert "太原市歌舞团" in [t for t, _ in spans(nlp, "太原市歌舞团赴京演出。")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("当时的大藏省大臣宣布辞职。", ("大藏省", "日本大藏省")),
        ("航天总公司召开工作会议。", ("航天总公司", "中国航天工业总公司")),
        ("他被武警总部评为先进个人。", ("武警总部", "中国人民武装警察部队总部")),
    ],
)
def test_long_tail_bodies(nlp, text, expected):
    assert expected in spans(nlp, text)


def test_office_of_a_known_body(nlp):
    found = spans(nlp, "全省妇联与国务院扶贫办联合开展活动。")
    assert ("国务院扶贫办", "中华人民共和国国务院扶贫办") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("病人住进太原钢铁医院接受治疗。", "太原钢铁医院"),  # 进 is no part of a name
        ("记者访山西农业大学校长。", "山西农业大学"),
    ],
)
def test_verbs_of_going_stop_a_name(nlp, text, expected):
    assert [t for t, _ in spans(nlp, text)] == [expected]


@pytest.mark.parametrize("text", ["这件事怎么办才好？", "发达国家是国家不办，社会办。"])
def test_ban_is_no_suffix(nlp, text):
    assert not any(t.endswith("办") for t, _ in spans(nlp, text))
