"""Records: exact values, the JSON shape of the contract, the JSON Schema."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import jsonschema

import zhjx
from zhjx.records import DateRecord, FigureRecord, PercentageRecord, json_schema


def test_values_are_exact_in_json():
    rec = FigureRecord(
        doc="a.txt",
        text="0.3亿元",
        start=0,
        end=5,
        value=Decimal("0.1") + Decimal("0.2"),
        unit="元",
    )
    assert rec.to_dict()["value"] == 0.3
    rec = FigureRecord(
        doc="a.txt", text="7.71亿元", start=0, end=6, value=Decimal("7.71") * 10**8, unit="元"
    )
    out = json.dumps(rec.to_dict())
    assert '"value": 771000000' in out


def test_every_record_has_the_contract_fields():
    rec = PercentageRecord(doc="a.txt", text="88.19%", start=3, end=9, value=Decimal("88.19"))
    d = rec.to_dict()
    assert list(d)[:7] == ["doc", "type", "text", "start", "end", "article", "value"]
    assert d["type"] == "percentage" and d["value"] == 88.19 and d["qualifier"] == "exact"


def test_dates_serialize_as_iso():
    rec = DateRecord(
        doc="a.txt",
        text="一季度",
        start=0,
        end=3,
        value="2025-01-01/2025-04-01",
        interval=(date(2025, 1, 1), date(2025, 4, 1)),
        reference=date(2025, 3, 29),
        relative=True,
        granularity="quarter",
    )
    d = rec.to_dict()
    assert d["interval"] == ["2025-01-01", "2025-04-01"]
    assert d["reference"] == "2025-03-29"


def test_output_validates_against_the_schema(nlp):
    schema = json_schema()
    records = zhjx.extract(
        "本报讯 润滑油销售收入达7.71亿元，同比增长94.96%。", "2025-03-29", nlp=nlp
    )
    assert {r.type for r in records} >= {"article", "figure", "percentage"}
    for rec in records:
        jsonschema.validate(rec.to_dict(), schema)
    bad = records[1].to_dict() | {"start": "zero"}
    try:
        jsonschema.validate(bad, schema)
    except jsonschema.ValidationError:
        pass
    else:  # pragma: no cover - the schema must catch a wrong type
        raise AssertionError("schema accepted a string offset")


def test_the_schema_in_the_docs_is_current():
    from conftest import ROOT

    shipped = json.loads((ROOT / "docs" / "record-schema.json").read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(json_schema())), (
        "run: zhjx schema > docs/record-schema.json"
    )
