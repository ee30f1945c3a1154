"""The article: clean text in reading order with a map back to raw offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class Article:
    """One article of a page.

    ``text`` is the clean text the components see, in reading order (headline,
    subheadline, then dateline and body, even where OCR put the headline after the
    body); ``offsets[i]`` is the raw offset of ``text[i]``.  ``start``/``end`` are the
    raw offsets of the body.
    """

    index: int
    text: str
    offsets: list[int]
    start: int
    end: int
    body_text: str = ""
    headline: str | None = None
    subheadline: str | None = None
    kind: str = "news"
    reporters: list[str] = field(default_factory=list)
    place: str | None = None
    published: date | None = None
    published_source: str | None = None
    page: str | None = None
    paper: str | None = None
    province: str | None = None
    city: str | None = None

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` of the clean slice ``text[start:end]``."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"bad clean span {start}:{end} for a text of {len(self.text)}")
        return self.offsets[start], self.offsets[end - 1] + 1
