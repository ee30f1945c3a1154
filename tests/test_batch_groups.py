"""Small files are read and segmented together; every file still gets its own result."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest

from conftest import PAGES
from zhjx import batch
from zhjx.batch import Job, groups, process, process_many

ARTICLES = [
    "本报太原3月29日讯（记者 马永亮）省财政厅数据显示，一季度全省财政收入同比增长6.5%。",
    "太钢今年以来出口不锈钢4万多吨，近七成销往东南亚。",
    "截至3月底，政采智贷3.0累计放款近10亿元，惠及企业200余户。",
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Short articles (one a file), whole pages and bad files, mixed."""
    root = tmp_path_factory.mktemp("mixed")
    for i, text in enumerate(ARTICLES):
        (root / f"a{i}.txt").write_text(text, encoding="utf-8")
    for page in sorted(PAGES.glob("*.txt"))[:2]:
        shutil.copy(page, root / page.name)
    (root / "gb.txt").write_bytes("本报讯 太原重工输送车轮70万片。".encode("gb18030"))
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "empty.txt").write_bytes(b"")
    return root


def _jobs(root: Path) -> list[Job]:
    return [Job(str(p), str(root)) for p in sorted(root.iterdir())]


def test_a_group_gives_what_each_file_gives_alone(folder, nlp):
    jobs = _jobs(folder)
    together = process_many(jobs)
    alone = [process(j) for j in jobs]
    assert [r.doc for r in together] == [j.path.rsplit("/", 1)[1] for j in jobs]
    assert together == alone
    assert sum(bool(r.error) for r in together) == 2  # the binary and the empty file
    assert all(r.records for r in together if not r.error)


def test_a_failing_group_is_run_file_by_file(folder, nlp, monkeypatch):
    extract = importlib.import_module("zhjx.extract")  # zhjx.extract is also a function

    jobs = _jobs(folder)
    expected = [process(j) for j in jobs]
    original = extract.extract_pages

    def broken(pages, nlp=None):
        if len(pages) > 1:
            raise RuntimeError("a bug in the joint run")
        return original(pages, nlp)

    monkeypatch.setattr(extract, "extract_pages", broken)
    assert process_many(jobs) == expected  # no file lost to the group's failure


def test_groups_keep_order_and_limits(folder, monkeypatch):
    monkeypatch.setattr(batch, "GROUP_FILES", 3)
    jobs = [*_jobs(folder), Job(str(folder / "missing.txt"), str(folder))]
    got = list(groups(jobs))
    assert [j for g in got for j in g] == jobs
    assert all(1 <= len(g) <= 3 for g in got)
    monkeypatch.setattr(batch, "GROUP_BYTES", 1)  # every file over the limit: one a group
    assert all(len(g) == 1 for g in groups(jobs))
    monkeypatch.setattr(batch, "GROUP_BYTES", 1 << 20)
    mixed = [Job(j.path, j.root, model=m) for j, m in zip(jobs, "aabba", strict=False)]
    assert [len(g) for g in groups(mixed[:5])] == [2, 2, 1]
