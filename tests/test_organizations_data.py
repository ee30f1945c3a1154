"""Every organization data file is well formed."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from zhjx.orgs import lexicon as lx
from zhjx.resources import load_jsonl, patterns_dir

FILES = ["national.jsonl", "enterprises.jsonl"]


@pytest.mark.parametrize("name", FILES)
def test_gazetteer_rows(name):
    rows = load_jsonl(lx.DIR + name)
    assert rows
    for row in rows:
        assert set(row) <= {"name", "abbr", "kind", "province", "note"}, row
        assert isinstance(row["name"], str) and row["name"].strip() == row["name"] != ""
        assert row["kind"] in lx.KINDS, row
        assert isinstance(row.get("abbr", []), list)
        assert all(isinstance(a, str) and a and a != row["name"] for a in row.get("abbr", []))
        if "province" in row:
            assert row["province"] in lx.provinces(), row


def test_no_surface_names_two_organizations():
    seen: dict[str, set[str]] = defaultdict(set)
    for name in FILES:
        for row in load_jsonl(lx.DIR + name):
            for surface in (row["name"], *row.get("abbr", [])):
                seen[surface].add(row["name"])
    clashes = {s: n for s, n in seen.items() if len(n) > 1}
    assert clashes == {}


def test_gazetteer_builds():
    table = lx.gazetteer()
    assert table["全国工商联"].name == "中华全国工商业联合会"
    assert table["太钢"].name == "太原钢铁（集团）有限公司"


def test_departments_rows():
    bare_names = defaultdict(set)
    for row in load_jsonl(lx.DIR + "departments.jsonl"):
        assert set(row) == {"name", "forms", "kind"}, row
        assert row["kind"] in lx.KINDS
        assert lx.REGION in row["name"]
        assert row["forms"] and len(set(row["forms"])) == len(row["forms"])
        for form in row["forms"]:
            assert form.count(lx.REGION) <= 1
            if lx.REGION not in form:
                bare_names[form].add(row["name"])
    assert {f: n for f, n in bare_names.items() if len(n) > 1} == {}
    lx.departments()  # raises on an ambiguous form


def test_suffixes_and_kinds():
    for row in load_jsonl(lx.DIR + "suffixes.jsonl"):
        assert row["kind"] in lx.KINDS
        assert row["anchor"] in {"name", "place"}
        assert isinstance(row["bare_place"], bool)
    for row in load_jsonl(lx.DIR + "kinds.jsonl"):
        assert row["kind"] in lx.KINDS and row["keyword"]


def test_places():
    assert lx.province_full("山西") == "山西省"
    assert lx.province_full("北京") == "北京市"
    assert lx.province_full("内蒙古") == "内蒙古自治区"
    assert lx.city_full("太原") == "太原市"
    for row in load_jsonl(lx.DIR + "cities.jsonl"):
        assert row["province"] in lx.provinces()
        assert row["name"] == row["short"] + "市"


def test_every_data_file_says_its_source():
    folder = patterns_dir() / "organizations"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for path in folder.iterdir():
        if path.name == "README.md":
            continue
        assert path.name in readme, f"{path.name} is not described in README.md"
        head = path.read_text(encoding="utf-8")[:2000]
        assert "Source" in head or "Sources" in head, f"{path.name} names no source"


def test_generic_words_are_not_gazetteer_names():
    table = lx.gazetteer()
    generic = lx.word_set("generic.txt")
    assert not (generic & set(table)), generic & set(table)


def test_json_lines_parse():
    for path in (patterns_dir() / "organizations").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("//"):
                json.loads(line)
