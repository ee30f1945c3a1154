"""zhjx: typed, normalized records with provenance from Chinese provincial newspapers.

>>> import zhjx
>>> records = zhjx.extract("本报太原3月29日讯 润滑油销售收入达7.71亿元。", published="2025-03-29")
"""

from zhjx.display import render
from zhjx.extract import extract, extract_dir, extract_file
from zhjx.io.facts import facts
from zhjx.io.tables import to_dataframe
from zhjx.model import ModelNotFoundError
from zhjx.pipeline import build, load
from zhjx.records import (
    ArticleRecord,
    DateRecord,
    FigureRecord,
    OrganizationRecord,
    PercentageRecord,
    Record,
    json_schema,
)

__version__ = "0.1.0"

__all__ = [
    "ArticleRecord",
    "DateRecord",
    "FigureRecord",
    "ModelNotFoundError",
    "OrganizationRecord",
    "PercentageRecord",
    "Record",
    "build",
    "extract",
    "extract_dir",
    "extract_file",
    "facts",
    "json_schema",
    "load",
    "render",
    "to_dataframe",
]
