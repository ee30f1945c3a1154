"""Shared fixtures: the pipeline (loaded once), the sample corpus, the shared data."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
PAGES = CORPUS / "pages"
GOLD = CORPUS / "gold"
SHARED = Path(os.environ.get("ZHJX_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"public data not available: {path} is absent (set ZHJX_SHARED)")
    return path


def points_back(raw: str, record: dict) -> bool:
    """Whether ``raw[start:end]`` reads as the record's text, whitespace aside, after
    NFKC (as the shared scorer compares: full-width ``１２３`` is cleaned to ``123``).

    Inside OCR-doubled text (``潞安化工机械在潞安化工机械…``) the record's text has the
    doubling removed while its raw span covers both copies: there the text must be
    a subsequence of the slice (see ``zhjx.ingest.clean``).
    """
    sliced = "".join(unicodedata.normalize("NFKC", raw[record["start"] : record["end"]]).split())
    text = "".join(unicodedata.normalize("NFKC", record["text"]).split())
    if sliced == text:
        return True
    it = iter(sliced)
    return len(sliced) < 3 * len(text) and all(ch in it for ch in text)


@pytest.fixture(scope="session")
def nlp():
    """The default zhjx pipeline (loads the pkuseg model once per test session)."""
    import zhjx

    return zhjx.load()
