"""Publication dates: precedence, month-day completion, file-name dates."""

from __future__ import annotations

from datetime import date

import pytest

from zhjx.ingest.pubdate import (
    complete_month_day,
    full_date,
    latest_not_after,
    month_day,
    page_years,
    path_date,
    resolve,
)

VIEWED = date(2026, 1, 27)


def test_option_wins_over_everything():
    p = resolve(
        option=date(2024, 5, 1),
        metadata="11-16",
        viewed=VIEWED,
        dateline=(3, 29),
        years=[2025],
        name="2023-01-01.txt",
    )
    assert (p.value, p.source) == (date(2024, 5, 1), "option")


def test_epaper_month_day_before_viewing_date():
    # 日期:11-16 on a page viewed 2026-01-27: the latest 11-16 not after it
    p = resolve(metadata="11-16", viewed=VIEWED, dateline=(3, 29), years=[2023])
    assert (p.value, p.source) == (date(2025, 11, 16), "metadata")
    assert resolve(metadata="01-27", viewed=VIEWED).value == date(2026, 1, 27)
    assert resolve(metadata="01-28", viewed=VIEWED).value == date(2025, 1, 28)


def test_epaper_full_date_field():
    assert resolve(metadata="2025-11-16", viewed=VIEWED).value == date(2025, 11, 16)
    assert resolve(metadata="2025年11月16日").value == date(2025, 11, 16)


def test_header_date_alone_is_the_issue_date():
    assert resolve(viewed=date(2025, 3, 29)).source == "metadata"


def test_dateline_with_page_years():
    # seed 000: 3月29日 in datelines, the page writes 2024 and 2025
    years = page_years("2024年度亮眼成绩单 2024 年以来 2025 年山西省西部计划 2025年商会调解")
    assert years == [2024, 2024, 2025, 2025]
    p = resolve(dateline=(3, 29), years=years)
    assert (p.value, p.source) == (date(2025, 3, 29), "dateline")


@pytest.mark.parametrize(
    "text,years",
    [
        ("到2030年，全省", []),
        ("力争2035年前基本实现", []),
        ("2021—2025年", []),  # a plan period says nothing of today
        ("上世纪90年代", []),
        ("1990年代以来", []),
        ("20250年", []),
        ("2023 年科技战略课题", [2023]),
    ],
)
def test_page_years(text, years):
    assert page_years(text) == years


def test_dateline_year_from_file_name():
    p = resolve(dateline=(3, 29), years=[2030], name="sxjjrb/2025-04-02/page3.txt")
    assert (p.value, p.source) == (date(2025, 3, 29), "dateline")
    # a December dateline on a January file is last year's
    assert resolve(dateline=(12, 31), name="20250102.txt").value == date(2024, 12, 31)


def test_file_name_last():
    p = resolve(name="corpus/2025-03-29/a.txt")
    assert (p.value, p.source) == (date(2025, 3, 29), "file name")
    assert resolve(name="000_ffd3cc940e033b87.txt") == resolve()
    assert resolve().value is None


@pytest.mark.parametrize(
    "name,expected",
    [
        ("2025-03-29.txt", date(2025, 3, 29)),
        ("sxjjrb_20250329_03.txt", date(2025, 3, 29)),
        ("2025/03/29/page.txt", date(2025, 3, 29)),
        ("pages/2025_03_29-a.html", date(2025, 3, 29)),
        ("000_ffd3cc940e033b87.txt", None),
        ("a20250329bcdef012.txt", None),  # inside a hash
        ("20251399.txt", None),
        ("120250329.txt", None),
    ],
)
def test_path_date(name, expected):
    assert path_date(name) == expected


def test_helpers():
    assert full_date("2026-01-27 星期二") == VIEWED
    assert month_day("11-16") == (11, 16)
    assert month_day("3月29日") == (3, 29)
    assert month_day("13-40") is None
    assert latest_not_after(2, 29, date(2025, 3, 1)) == date(2024, 2, 29)
    assert complete_month_day(2, 29, [2025, 2024]) == date(2024, 2, 29)
    assert complete_month_day(3, 29, []) is None
