"""Page layout (placeholder: one article, lines joined; replaced by the full layout)."""

from __future__ import annotations

from datetime import date

import regex

from zhjx.ingest.article import Article

_SPACE = regex.compile(r"\s+")


def split_articles(
    raw: str, published: date | None = None, name: str | None = None
) -> list[Article]:
    """Split a page into articles with clean text and offset maps."""
    chars, offsets = [], []
    for i, ch in enumerate(raw):
        if ch.isspace():
            continue
        chars.append(ch)
        offsets.append(i)
    text = "".join(chars)
    if not text:
        return []
    return [
        Article(
            index=0,
            text=text,
            offsets=offsets,
            start=offsets[0],
            end=offsets[-1] + 1,
            body_text=text,
            published=published,
            published_source="option" if published else None,
        )
    ]
