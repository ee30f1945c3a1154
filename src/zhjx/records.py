"""Typed records: what zhjx returns in Python and writes as JSONL.

Field names and value conventions follow the record contract
(``docs/contract.md``): offsets are code points into the raw file text, money is in
元, percentages in percent, dates ISO 8601 at the written granularity.  Numbers are
``Decimal`` in Python and exact numbers in JSON (``7.71亿元`` is 771000000, never
771000000.0000001).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Literal

OrgKind = Literal[
    "company",
    "government",
    "education",
    "association",
    "party",
    "judicial",
    "finance",
    "media",
    "other",
]
Qualifier = Literal["exact", "about", "nearly", "over", "at_least", "under", "at_most"]


def _plain(value: Any) -> Any:
    """A JSON-ready form of a field value."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(value.normalize())
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


@dataclass(slots=True, kw_only=True)
class Record:
    """Fields every record carries."""

    type: ClassVar[str] = "record"
    doc: str
    text: str
    start: int
    end: int
    article: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the CLI writes for this record."""
        out: dict[str, Any] = {"doc": self.doc, "type": self.type}
        for f in dataclasses.fields(self):
            if f.name != "doc":
                out[f.name] = _plain(getattr(self, f.name))
        return out


@dataclass(slots=True, kw_only=True)
class OrganizationRecord(Record):
    """An organization: ``name`` is the canonical full name where known."""

    type: ClassVar[str] = "organization"
    name: str
    kind: OrgKind = "other"


@dataclass(slots=True, kw_only=True)
class _Measured(Record):
    """Fields shared by figures and percentages."""

    value: Decimal
    qualifier: Qualifier = "exact"
    low: Decimal | None = None
    high: Decimal | None = None
    change: Literal["increase", "decrease"] | None = None
    basis: str | None = None
    subject: str | None = None
    org: str | None = None
    period: str | None = None


@dataclass(slots=True, kw_only=True)
class FigureRecord(_Measured):
    """A number with its unit: money in 元, counts, measures and durations as written.

    ``kind`` is None for a bare number; ``multiple`` for 倍 (``增长3倍`` is 3 倍).
    """

    type: ClassVar[str] = "figure"
    unit: str = ""
    kind: Literal["money", "count", "measure", "duration", "multiple"] | None = None


@dataclass(slots=True, kw_only=True)
class PercentageRecord(_Measured):
    """A percentage in percent; ``points`` marks 个百分点 (percentage points)."""

    type: ClassVar[str] = "percentage"
    points: bool = False


@dataclass(slots=True, kw_only=True)
class DateRecord(Record):
    """A date or period: ``value`` ISO at the written granularity, ``interval`` in days."""

    type: ClassVar[str] = "date"
    value: str | None
    relative: bool = False
    granularity: str = "day"
    interval: tuple[date, date] | None = None
    reference: date | None = None


@dataclass(slots=True, kw_only=True)
class ArticleRecord(Record):
    """One article of a page; ``text`` is its clean body, ``start``/``end`` the raw body."""

    type: ClassVar[str] = "article"
    headline: str | None = None
    subheadline: str | None = None
    kind: str = "news"
    reporters: list[str] = field(default_factory=list)
    place: str | None = None
    published: date | None = None
    published_source: str | None = None
    page: str | None = None
    paper: str | None = None


RECORD_TYPES: dict[str, type[Record]] = {
    cls.type: cls
    for cls in (OrganizationRecord, FigureRecord, PercentageRecord, DateRecord, ArticleRecord)
}


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the JSONL output, generated from the classes."""
    from pydantic import TypeAdapter
    from pydantic.json_schema import GenerateJsonSchema

    class _Schema(GenerateJsonSchema):
        def decimal_schema(self, schema: Any) -> dict[str, Any]:
            return {"type": "number"}

    variants = []
    defs: dict[str, Any] = {}
    for name, cls in RECORD_TYPES.items():
        schema = TypeAdapter(cls).json_schema(
            schema_generator=_Schema, mode="serialization", ref_template="#/$defs/{model}"
        )
        defs.update(schema.pop("$defs", {}))
        schema["properties"] = {"type": {"const": name}, **schema.get("properties", {})}
        required = [r for r in schema.get("required", []) if r not in ("doc", "type")]
        schema["required"] = ["doc", "type", *required]
        schema["properties"]["doc"] = {"type": "string", "title": "Doc"}
        variants.append(schema)
    out: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "zhjx record",
        "oneOf": variants,
    }
    if defs:
        out["$defs"] = defs
    return out
