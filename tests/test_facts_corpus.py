"""Facts, Duckling style: a sentence, its mentions, and what each figure must be tied to.

These are development examples written for the tests (not the gold sample in
``corpus/gold/facts.jsonl``, which is kept for evaluation).  Each case gives the text,
the mentions other extractors would find (surfaces; organizations with canonical
names; dates with value and granularity) and, by figure surface, the expected fields.
Only the fields named are checked; ``subject`` must occur in the predicted subject.
"""

from __future__ import annotations

import pytest

from facts_helpers import run

TG = "太原钢铁（集团）有限公司"
JK = "山西建投装备制造有限公司"

CASES = [
    # --- subject: X 达/为/完成/实现/突破/超过 + NUM ---------------------------------
    dict(
        text="全市规上工业增加值达1250亿元。",
        figures=["1250亿元"],
        expect={"1250亿元": dict(subject="规上工业增加值", org=None, period=None)},
    ),
    dict(
        text="该项目总投资为35亿元，建成后年产值可超过60亿元。",
        figures=["35亿元", "60亿元"],
        expect={"35亿元": dict(subject="总投资"), "60亿元": dict(subject="年产值")},
    ),
    dict(
        text="参赛人数已超过3000人，创历届新高。",
        figures=["3000人"],
        expect={"3000人": dict(subject="参赛人数")},
    ),
    dict(
        text="全省共有国家级孵化器45家。",
        figures=["45家"],
        expect={"45家": dict(subject="国家级孵化器", org=None)},
    ),
    # --- subject: verb + X + NUM -----------------------------------------------------
    dict(
        text="一季度，全省完成固定资产投资860亿元，同比增长12.5%。",
        figures=["860亿元"],
        percentages=["12.5%"],
        dates={"一季度": ("2025-Q1", "quarter")},
        expect={
            "860亿元": dict(subject="固定资产投资", period="2025-Q1", change=None),
            "12.5%": dict(
                subject="固定资产投资", period="2025-Q1", change="increase", basis="同比"
            ),
        },
    ),
    dict(
        text="该厂每年向省外输送电力120亿千瓦时，实现营业收入3.2亿元。",
        figures=["120亿千瓦时", "3.2亿元"],
        expect={"120亿千瓦时": dict(subject="电力"), "3.2亿元": dict(subject="营业收入")},
    ),
    dict(
        text="截至目前，该园区已拥有授权专利126项、软件著作权18项、注册商标9件。",
        figures=["126项", "18项", "9件"],
        dates={"截至目前": (None, "vague")},
        expect={
            "126项": dict(subject="授权专利", period=None),
            "18项": dict(subject="软件著作权"),
            "9件": dict(subject="注册商标"),
        },
    ),
    # --- subject: NUM + 的 + X, and counts followed by their noun --------------------
    dict(
        text="双方签订了总额1.2万吨的钢材订单。",
        figures=["1.2万吨"],
        expect={"1.2万吨": dict(subject="钢材订单")},
    ),
    dict(
        text="总投资50亿元的光伏项目落地大同。",
        figures=["50亿元"],
        expect={"50亿元": dict(subject="光伏项目")},
    ),
    dict(
        text="近年来，我市培育发展了120家高新技术企业。",
        figures=["120家"],
        expect={"120家": dict(subject="高新技术企业", org=None)},
    ),
    dict(
        text="超过八成的受访企业表示订单有所增加。",
        percentages=["八成"],
        expect={"八成": dict(subject="受访企业")},
    ),
    # --- subject: 占 X + PCT; ranges; 提高到 is a level, not a change ----------------
    dict(
        text="民营经济占全省生产总值的55%以上。",
        percentages=["55%"],
        expect={"55%": dict(subject="生产总值", change=None)},
    ),
    dict(
        text="农村自来水覆盖率由65%提高到80%，超出预期。",
        percentages=["65%", "80%"],
        expect={
            "65%": dict(subject="农村自来水覆盖率", change=None),
            "80%": dict(subject="农村自来水覆盖率", change=None, basis=None),
        },
    ),
    # --- change and basis -----------------------------------------------------------
    dict(
        text="全年粮食产量比上年增加15万吨。",
        figures=["15万吨"],
        expect={"15万吨": dict(subject="粮食产量", change="increase", basis="比上年")},
    ),
    dict(
        text="单位产品综合能耗环比下降8.3%。",
        percentages=["8.3%"],
        expect={"8.3%": dict(subject="综合能耗", change="decrease", basis="环比")},
    ),
    dict(
        text="企业负债比年初减少1.5亿元，资产负债率下降2.1个百分点。",
        figures=["1.5亿元"],
        percentages=["2.1个百分点"],
        expect={
            "1.5亿元": dict(subject="企业负债", change="decrease", basis="比年初"),
            "2.1个百分点": dict(subject="资产负债率", change="decrease", basis=None),
        },
    ),
    dict(
        text="全省规上工业增加值增速比全国高1.2个百分点。",
        percentages=["1.2个百分点"],
        expect={"1.2个百分点": dict(subject="规上工业增加值增速", change=None)},
    ),
    dict(
        text="其中，制造业投资较上年增长8.1%。",
        percentages=["8.1%"],
        expect={"8.1%": dict(subject="制造业投资", change="increase", basis="较上年")},
    ),
    # --- owner: anaphora, place, carrying over, resetting ---------------------------
    dict(
        text=f"{TG}是全球不锈钢行业的领军企业。去年，该集团不锈钢产量达450万吨。",
        figures=["450万吨"],
        orgs={TG: TG},
        dates={"去年": ("2024", "year")},
        expect={"450万吨": dict(subject="不锈钢产量", org=TG, period="2024")},
    ),
    dict(
        text=f"在{JK}的焊接车间，机器人正在作业。该车间焊接自动化率达95%，年产塔机标准节2万节。",
        figures=["2万节"],
        percentages=["95%"],
        orgs={JK: JK},
        expect={
            "95%": dict(subject="焊接自动化率", org=JK),
            "2万节": dict(subject="塔机标准节", org=JK),
        },
    ),
    dict(
        text=f"作为省级专精特新企业的{JK}，近年来加大研发投入。这家企业已获得发明专利12项。",
        figures=["12项"],
        orgs={JK: JK},
        expect={"12项": dict(subject="发明专利", org=JK)},
    ),
    dict(
        text="位于综改示范区的山西转型综改示范区管理委员会发布数据：区内企业营收达800亿元。",
        figures=["800亿元"],
        orgs={
            "综改示范区": "山西转型综改示范区",
            "山西转型综改示范区管理委员会": "山西转型综改示范区管理委员会",
        },
        expect={"800亿元": dict(org="山西转型综改示范区管理委员会")},
    ),
    dict(
        text=f"{TG}加快转型升级，产值达到300亿元。\n新增就业岗位2000个，带动周边增收。",
        figures=["300亿元", "2000个"],
        orgs={TG: TG},
        expect={
            "300亿元": dict(subject="产值", org=TG),
            "2000个": dict(subject="就业岗位", org=None),
        },
    ),
    dict(
        text="记者从山西焦煤集团有限责任公司获悉，今年一季度该集团原煤产量达4500万吨。",
        figures=["4500万吨"],
        orgs={"山西焦煤集团有限责任公司": "山西焦煤集团有限责任公司"},
        dates={"今年一季度": ("2025-Q1", "quarter")},
        expect={
            "4500万吨": dict(subject="原煤产量", org="山西焦煤集团有限责任公司", period="2025-Q1")
        },
    ),
    dict(
        text="省国资委向山西焦煤集团有限责任公司派驻工作组。该集团随即组建专班12个。",
        figures=["12个"],
        orgs={
            "省国资委": "山西省人民政府国有资产监督管理委员会",
            "山西焦煤集团有限责任公司": "山西焦煤集团有限责任公司",
        },
        kinds={"省国资委": "government", "山西焦煤集团有限责任公司": "company"},
        expect={"12个": dict(subject="专班", org="山西焦煤集团有限责任公司")},
    ),
    # --- owner: none ------------------------------------------------------------------
    dict(
        text="共有5家金融机构向山西建投装备制造有限公司发放贷款3亿元。",
        figures=["5家", "3亿元"],
        orgs={JK: JK},
        expect={"3亿元": dict(subject="贷款", org=None), "5家": dict(org=None)},
    ),
    dict(
        text=f"{TG}持续推进节能改造。据统计，全省钢材产量达6000万吨。",
        figures=["6000万吨"],
        orgs={TG: TG},
        expect={"6000万吨": dict(subject="钢材产量", org=None)},
    ),
    dict(
        text="山西大学、太原理工大学等7所高校参加了会议。",
        figures=["7所"],
        orgs={"山西大学": "山西大学", "太原理工大学": "太原理工大学"},
        expect={"7所": dict(subject="高校", org=None)},
    ),
    dict(
        text="省商务厅积极对接，为山西焦煤集团有限责任公司争取资金2000万元。",
        figures=["2000万元"],
        orgs={"省商务厅": "山西省商务厅", "山西焦煤集团有限责任公司": "山西焦煤集团有限责任公司"},
        expect={"2000万元": dict(subject="资金", org="山西省商务厅")},
    ),
    # --- period -----------------------------------------------------------------------
    dict(
        text="2024年，全省地区生产总值达2.58万亿元。其中，小麦产量52亿斤。",
        figures=["2.58万亿元", "52亿斤"],
        dates={"2024年": ("2024", "year")},
        expect={
            "2.58万亿元": dict(subject="地区生产总值", period="2024"),
            "52亿斤": dict(subject="小麦产量", period="2024"),
        },
    ),
    dict(
        text="本报太原3月29日讯（记者 王蕾）全省新建5G基站1.2万个。",
        figures=["1.2万个"],
        dates={"3月29日": ("2025-03-29", "day")},
        expect={"1.2万个": dict(subject="5G基站", period=None, org=None)},
    ),
    dict(
        text="3月26日，省工信厅召开推进会。全省已培育专精特新企业2903户。",
        figures=["2903户"],
        orgs={"省工信厅": "山西省工业和信息化厅"},
        dates={"3月26日": ("2025-03-26", "day")},
        expect={"2903户": dict(subject="专精特新企业", period=None, org=None)},
    ),
    dict(
        text="我省2025年春耕备耕进展顺利\n本报太原3月29日讯 截至目前，全省已完成春播面积120万亩。",
        figures=["120万亩"],
        dates={
            "2025年": ("2025", "year"),
            "3月29日": ("2025-03-29", "day"),
            "截至目前": (None, "vague"),
        },
        expect={"120万亩": dict(subject="春播面积", period="2025")},
    ),
    dict(
        text="2024年以来，省财政厅持续优化服务。\n截至目前，累计发放消费券3亿元。",
        figures=["3亿元"],
        orgs={"省财政厅": "山西省财政厅"},
        dates={"2024年以来": ("2024", "year"), "截至目前": (None, "vague")},
        expect={"3亿元": dict(subject="消费券", period=None, org=None)},
    ),
]


def _id(case: dict) -> str:
    return case["text"][:14]


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_facts_case(nlp, case):
    kw = {k: case[k] for k in ("figures", "percentages", "orgs", "dates", "kinds") if k in case}
    got = run(nlp, case["text"], **kw)
    for surface, expected in case["expect"].items():
        subject, org, period, change, basis = got[surface]
        actual = dict(subject=subject, org=org, period=period, change=change, basis=basis)
        for field, value in expected.items():
            if field == "subject":
                assert actual["subject"] is not None and value in actual["subject"], (
                    surface,
                    actual,
                )
            else:
                assert actual[field] == value, (surface, field, actual)
