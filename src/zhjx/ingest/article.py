"""The article: clean text in reading order with a map back to raw offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class Article:
    """One article of a page.

    ``text`` is the clean text the components see, in reading order (page header for
    the first article of an e-paper page, headline, subheadline, then dateline and body,
    even where OCR put the headline after the body; parts joined by ``"\\n"``);
    ``offsets[i]`` is the raw offset of ``text[i]``.  ``ends[i]``, when given, is the raw
    end of ``text[i]``: it differs from ``offsets[i] + 1`` where OCR doubling was undone
    (a clean character stands for both copies: ``offsets`` points at the first copy,
    ``ends`` past the second).  ``start``/``end`` are the raw offsets of the body.
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
    ends: list[int] | None = None
    dateline: str | None = None

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` of the clean slice ``text[start:end]``."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"bad clean span {start}:{end} for a text of {len(self.text)}")
        last = self.ends[end - 1] if self.ends is not None else self.offsets[end - 1] + 1
        return self.offsets[start], max(last, self.offsets[start] + 1)

    @property
    def extent(self) -> tuple[int, int]:
        """The raw ``[first, last)`` the article's text covers (header and headline too)."""
        if not self.offsets:
            return self.start, self.end
        last = max(self.ends) if self.ends is not None else max(self.offsets) + 1
        return min(self.offsets), last
