"""Organizations: one canonical name from many surface forms, a negative corpus, province
context, shared-suffix lists, left edges, nested units, segmentation and kinds."""

from __future__ import annotations

import pytest

from zhjx.pipeline import build

KEY = "zhjx_organizations"


@pytest.fixture(scope="module")
def nlp():
    return build(components=("zhjx_organizations",))


def orgs(nlp, text: str, province: str | None = "山西", city: str | None = None):
    doc = nlp.make_doc(text)
    doc._.province = province
    doc._.city = city
    doc = nlp(doc)
    return [(s.text, s._.canonical, s._.kind) for s in doc.spans[KEY]]


def names(nlp, text: str, **kw) -> list[str]:
    return [name for _, name, _ in orgs(nlp, text, **kw)]


# --- one canonical name, many surface forms (a Shanxi paper) -----------------------------

CANONICAL = {
    "山西省财政厅": [
        "省财政厅积极为金融机构牵线搭桥。",
        "山西省财政厅发布通知。",
        "据山西财政厅介绍，",
    ],
    "山西省工业和信息化厅": [
        "省工信厅中小企业处处长表示，",
        "山西省工信厅近日发文。",
        "山西省工业和信息化厅召开会议。",
    ],
    "山西省发展和改革委员会": [
        "省发改委印发方案。",
        "山西省发展改革委表示，",
        "山西省发展和改革委员会批复。",
    ],
    "山西省人民政府办公厅": ["省政府办公厅近日印发实施意见。", "山西省人民政府办公厅发布。"],
    "山西省人民政府": [
        "本文是山西省政府重大决策咨询课题。",
        "省政府召开常务会议。",
        "山西省人民政府批准。",
    ],
    "山西省工商业联合会": ["省工商联相关负责人表示，", "山西省工商联近日组织召开交流活动。"],
    "中华全国工商业联合会": ["落实全国工商联行动部署，"],
    "共青团山西省委员会": ["共青团山西省委组织召开部署会。", "团省委书记出席。"],
    "太原钢铁（集团）有限公司": ["推动太钢、晋能控股等链主提供增信。", "太钢集团产量创新高。"],
    "太原重型机械集团有限公司": ["要求太重、汾酒等设定本地采购比例。", "太重集团签约。"],
    "山西杏花村汾酒集团有限责任公司": ["要求太重、汾酒等设定本地采购比例。", "汾酒集团营收增长。"],
    "晋能控股集团有限公司": ["推动晋能控股等通过混改剥离非核心业务。"],
    "山西金融投资控股集团有限公司": ["由山西金控牵头组建联盟。"],
    "潞安化工集团有限公司": ["潞安化工发布年报。"],
    "中国共产党中央委员会": ["这是党中央赋予山西的重大使命。", "中共中央总书记"],
    "中华人民共和国国务院": ["国务院常务会议指出，"],
    "全国人民代表大会常务委员会": ["全国人大常委会通过法律。"],
    "新华通讯社": ["新华社北京１月１日电"],
    "中华人民共和国外交部": ["外交部发言人说，", "中国外交部发言人说，"],
    "山西省高级人民法院": ["省高级人民法院、省司法厅代表分别解读。", "山西省高院发布典型案例。"],
}


@pytest.mark.parametrize(
    ("name", "text"), [(n, t) for n, texts in CANONICAL.items() for t in texts]
)
def test_canonical_name(nlp, name, text):
    assert name in names(nlp, text)


NEGATIVE = [
    "中小企业也能出大力、干大事。",
    "由政府购买服务，委托第三方评估企业数字化水平。",
    "整合龙头企业、技术服务商等资源。",
    "明确链主企业责任，将带动成效纳入考核。",
    "引导机构开发知识产权质押工具，联合金融机构创新产品。",
    "从省内高校选拔人员，各高校项目办要提高政治站位。",
    "该公司每年向国内外输送车轮70万片。",
    "鼓励支持专精特新企业与科研院所、大型企业开展产学研联合。",
    "是商协会有效解决问题的重要手段。",
    "在太原、大同、长治等工业集聚区设立数字化转型共享中心。",
    "构建了省市县三级调解组织体系。",
    "依托山西省政府采购平台，开发上线电子保函模块。",
    "2025年山西省西部计划招募宣传工作专项部署会",
    "建立院士工作站、技术中心等，提升自主创新能力。",
    "各级政府和地方政府都要重视。",
    "山西和太原都在发展。",
    "形成新发展格局，把握全局。",
    "各商协会深化与法院、司法部门的协同配合。",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(nlp, text):
    assert orgs(nlp, text) == []


# --- province and city context -----------------------------------------------------------


def test_province_resolves_bare_level_words(nlp):
    assert names(nlp, "省财政厅积极发力。", province="河北") == ["河北省财政厅"]
    assert names(nlp, "省政府办公厅印发意见。", province="山西") == ["山西省人民政府办公厅"]


def test_unknown_province_keeps_surface(nlp):
    assert orgs(nlp, "省财政厅积极发力。", province=None) == [
        ("省财政厅", "省财政厅", "government")
    ]


def test_city_context(nlp):
    assert names(nlp, "市政府召开会议。", city="太原") == ["太原市人民政府"]
    assert names(nlp, "市财政局发布数据。", city="大同") == ["大同市财政局"]
    assert names(nlp, "市政府召开会议。", province=None) == ["市政府"]


def test_municipality_and_autonomous_region(nlp):
    assert names(nlp, "市政府召开会议。", province="北京") == ["北京市人民政府"]
    assert names(nlp, "北京市财政局发布数据。", province=None) == ["北京市财政局"]
    assert names(nlp, "内蒙古自治区人民政府召开会议。", province=None) == ["内蒙古自治区人民政府"]
    assert names(nlp, "自治区政府召开会议。", province="内蒙古") == ["内蒙古自治区人民政府"]


def test_explicit_region_wins_over_context(nlp):
    assert names(nlp, "太原市发改委发布通知。", province="山西") == ["太原市发展和改革委员会"]


# --- lists that share a suffix or region -------------------------------------------------


def test_list_shares_region(nlp):
    assert names(nlp, "省发改委、财政厅联合印发通知。") == [
        "山西省发展和改革委员会",
        "山西省财政厅",
    ]
    assert names(nlp, "省教育厅、科技厅和商务厅参加。") == [
        "山西省教育厅",
        "山西省科学技术厅",
        "山西省商务厅",
    ]


def test_list_of_full_names(nlp):
    found = [t for t, _, _ in orgs(nlp, "会上，山西大学、太原理工大学、山西农业大学等高校交流。")]
    assert found == ["山西大学", "太原理工大学", "山西农业大学"]


# --- left edges --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("在太原重工轨道交通设备有限公司生产车间，", "太原重工轨道交通设备有限公司"),
        (
            "位于长治高新技术产业开发区的山西潞安太行润滑科技股份有限公司亮出成绩单。",
            "山西潞安太行润滑科技股份有限公司",
        ),
        ("在山西建投装备制造有限公司智能制造车间，", "山西建投装备制造有限公司"),
        ("作为国家级专精特新“小巨人”企业的山西天宝集团在创新发展上", "山西天宝集团"),
        ("支持太原理工大学建设一流学科。", "太原理工大学"),
    ],
)
def test_left_edge(nlp, text, org):
    assert [t for t, _, _ in orgs(nlp, text)] == [org]


# --- nested sub-units ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "org",
    [
        "潞安化工机械（集团）有限公司新能源装备分公司",
        "山西省工商联（总商会）调解委员会",
        "山西财经大学会计学院",
        "山西大学经济管理学院",
        "中央电视台体育部",
    ],
)
def test_nested_unit_is_one_span(nlp, org):
    assert [t for t, _, _ in orgs(nlp, f"在{org}，工人正在操作。")] == [org]


# --- segmentation-proofness ------------------------------------------------------------------


def test_found_when_pkuseg_splits_the_name(nlp):
    text = "省工信厅中小企业处处长杜红伟表示"
    tokens = [t.text for t in nlp.make_doc(text)]
    assert "省" in tokens and "工信厅" in tokens  # pkuseg splits 省/工信厅
    assert orgs(nlp, text) == [("省工信厅", "山西省工业和信息化厅", "government")]


def test_found_when_pkuseg_glues_the_region(nlp):
    text = "完善政策保障省财政厅着力降低门槛"
    assert "保障省" in [t.text for t in nlp.make_doc(text)]
    assert orgs(nlp, text) == [("省财政厅", "山西省财政厅", "government")]


def test_span_text_is_exact(nlp):
    doc = nlp.make_doc("推动太钢、晋能控股等链主提供增信")
    doc._.province = "山西"
    doc = nlp(doc)
    for span in doc.spans[KEY]:
        assert span.text == doc.text[span.start_char : span.end_char]
        assert span.label_ == "ORG"


# --- kinds -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("当前报纸名称:山西经济日报", "media"),
        ("依托山西股权交易中心现有基础，", "finance"),
        ("省高级人民法院发布。", "judicial"),
        ("共青团山西省委组织召开会议。", "party"),
        ("太原师范学院学生", "education"),
        ("山西省专精特新企业联合会秘书长", "association"),
        ("晋商银行发放贷款。", "finance"),
        ("山西天宝集团发展迅速。", "company"),
        ("省司法厅代表解读。", "government"),
    ],
)
def test_kind(nlp, text, kind):
    found = orgs(nlp, text)
    assert len(found) == 1
    assert found[0][2] == kind


def test_empty_and_odd_input(nlp):
    assert orgs(nlp, "") == []
    assert orgs(nlp, "？？？……（）") == []
    assert orgs(nlp, "（（集团））有限公司") == []
