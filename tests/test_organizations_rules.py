"""Organizations, second round: the grammar's newer rules as a corpus of examples.

Each rule has positive surface forms (the exact spans expected) and negatives (sentences that
must yield no organization, or not the wrong span).  Sentences are the developers' own.
"""

from __future__ import annotations

import pytest

from zhjx.pipeline import build

KEY = "zhjx_organizations"


@pytest.fixture(scope="module")
def nlp():
    return build(components=("zhjx_organizations",))


def found(nlp, text: str, province: str | None = None) -> list[str]:
    doc = nlp.make_doc(text)
    doc._.province = province
    doc = nlp(doc)
    return [s.text for s in doc.spans[KEY]]


def canonical(nlp, text: str) -> list[str]:
    doc = nlp(nlp.make_doc(text))
    return [s._.canonical for s in doc.spans[KEY]]


POSITIVE = {
    # autonomous areas are one place (ethnic_groups.txt)
    "广西壮族自治区党委召开全体会议。": ["广西壮族自治区党委"],
    "湖北长阳土家族自治县人民政府发布通告。": ["湖北长阳土家族自治县人民政府"],
    "新疆维吾尔自治区杂技团来到太原演出。": ["新疆维吾尔自治区杂技团"],
    # a sub-unit right after an organization (subunits.txt)
    "他在中国科学院沈阳金属研究所工作多年。": ["中国科学院沈阳金属研究所"],
    "山西大学物理系教授王明说，": ["山西大学物理系"],
    "山西省人民医院骨科主任介绍，": ["山西省人民医院骨科"],
    "工商银行太原分行行长表示，": ["工商银行太原分行"],
    "铁道部党组决定，": ["铁道部党组"],
    "浙江省科委社会发展处处长说，": ["浙江省科委社会发展处"],
    "中国人民银行四川德阳市分行发放贷款。": ["中国人民银行四川德阳市分行"],
    # a dateline: the agency and the place are apart
    "新华社太原１月６日电山西大学今天举行典礼。": ["新华社", "山西大学"],
    # two organizations side by side stay two (a list without separators)
    "太原市委宣传部山西省歌舞剧院联合演出。": ["太原市委宣传部", "山西省歌舞剧院"],
    # a name without a place: the trade name (字号), cut before verbs and foreign names
    "英格兰银行接管国商银行。": ["英格兰银行", "国商银行"],
    "人们纷纷抢购ＡＢＣ公司股票。": ["ＡＢＣ公司"],
    "李宁体育用品有限公司发布新品。": ["李宁体育用品有限公司"],
    "他毕业于第四军医大学。": ["第四军医大学"],
    # regional commissions of the 1990s and places written before a department
    "河北省科委主任指出，": ["河北省科委"],
    "湖南省张家界市社科联主席说，": ["湖南省张家界市社科联"],
    # foreign bodies: countries, 驻, parties, armed forces, parliaments, companies
    "马达加斯加政府表示欢迎。": ["马达加斯加政府"],
    "中国驻南非大使馆举行招待会。": ["中国驻南非大使馆"],
    "日本共产党发表声明。": ["日本共产党"],
    "英国工党领袖发表讲话。": ["英国工党"],
    "越南人民军代表出席。": ["越南人民军"],
    "墨西哥众议院通过法案。": ["墨西哥众议院"],
    "日本明治乳业株式会社在华投资。": ["日本明治乳业株式会社"],
    # teams
    "四川男排以三比一获胜。": ["四川男排"],
    # revolutionary-era areas and party committees before them (regions_named.txt)
    "中共太岳地委书记主持会议。": ["中共太岳地委"],
    "晋察冀军区司令员讲话。": ["晋察冀军区"],
    "中共晋冀豫省委统战部部长": ["中共晋冀豫省委统战部"],
    # a named region inside a name does not end it
    "山西潞安太行润滑科技股份有限公司亮出成绩单。": ["山西潞安太行润滑科技股份有限公司"],
    # national bodies and associations (national.jsonl)
    "中国记协主席出席。": ["中国记协"],
    "国家经委主任指出，": ["国家经委"],
}


@pytest.mark.parametrize(("text", "orgs"), list(POSITIVE.items()))
def test_positive(nlp, text, orgs):
    assert found(nlp, text) == orgs


NEGATIVE = [
    "该市第二大银行宣布降息。",  # an ordinal describes
    "这是全省首家民营航空公司。",
    "一家电影制作公司正在拍摄。",  # trade words only: no trade name
    "运动服装公司和速递公司都在增长。",
    "政府督促银行加大信贷投放。",  # a verb before the suffix
    "病人被送往医院抢救。",
    "公司内部管理需要加强。",  # 内部 is no sub-unit
    "尼加拉瓜反政府武装宣布停火。",
    "全国男篮甲级联赛开幕。",
    "该州游击队发动袭击。",
    "全国海关加强监管。",  # nationwide, not one body
    "国家银行和外资银行都在扩张。",
    "这所学校由一所普通中学改办而来。",  # a grading adjective describes
    "他考入了一所重点中学。",
    "市里新建了一家大型医院。",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(nlp, text):
    assert found(nlp, text) == []


def test_titles_stop_a_name(nlp):
    assert found(nlp, "省委宣传部副部长张学会见记者") == ["省委宣传部"]


def test_sub_unit_after_a_place_is_no_dateline(nlp):
    assert found(nlp, "新华社莫斯科１月５日电") == ["新华社"]


def test_sub_unit_canonical_names(nlp):
    assert canonical(nlp, "浙江省科委社会发展处处长说，") == ["浙江省科学技术委员会社会发展处"]
    assert canonical(nlp, "中国记协主席出席。") == ["中华全国新闻工作者协会"]
