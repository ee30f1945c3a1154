"""Page layout: a raw page → articles with clean text, offset maps and metadata.

``split_articles`` reads the page's lines (:mod:`zhjx.ingest.segment`), groups paragraphs
and furniture into articles by the page's convention (headline before or after the body),
and gives each article its reading-order text (header, headline, subheadline, body —
parts joined by ``"\\n"``), its offsets back into ``raw``, and its metadata: kind,
reporters, dateline place, publication date and source (:mod:`zhjx.ingest.pubdate`),
paper, page, province and city.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from zhjx.ingest import meta
from zhjx.ingest.article import Article
from zhjx.ingest.clean import Piece, concat
from zhjx.ingest.pubdate import page_years, resolve
from zhjx.ingest.segment import (
    HEADER_KINDS,
    META_KINDS,
    SKIP_KINDS,
    Item,
    classify,
    items,
    read_lines,
)

T = TypeVar("T")


@dataclass(slots=True)
class _Draft:
    """An article being assembled."""

    body: list[Item] = field(default_factory=list)
    furniture: list[Item] = field(default_factory=list)
    caption: Item | None = None
    fragment: bool = False  # no article structure: the page's text as it stands

    def empty(self) -> bool:
        return not self.body and self.caption is None

    @property
    def dateline(self) -> meta.Dateline | None:
        return self.body[0].dateline if self.body else None


@dataclass(slots=True)
class _Page:
    """Page-level facts: header lines and metadata fields."""

    header: list[Item] = field(default_factory=list)
    paper: str | None = None
    page: str | None = None
    date_field: str | None = None
    stamp: date | None = None


def _convention(seq: list[Item]) -> str:
    """``"after"`` when headlines follow their bodies on this page, else ``"before"``."""
    content = [it for it in seq if it.kind in META_KINDS or it.kind == "para"]
    if not content:
        return "before"
    first, last = content[0], content[-1]
    # the page's opening weighs more than its end: a page may end with an article
    # that has no headline at all (seed 000), but rarely opens with a bare body
    after = 2 * (first.kind == "para") + (last.kind in META_KINDS)
    before = 2 * (first.kind in META_KINDS) + (last.kind == "para")
    return "after" if after > before else "before"


def _drafts(seq: list[Item], convention: str, page: _Page) -> list[_Draft]:
    out: list[_Draft] = []
    cur = _Draft()
    furniture_after_body = False

    def close() -> None:
        nonlocal cur, furniture_after_body
        if not cur.empty():
            out.append(cur)
        elif out and convention == "after" and cur.furniture:
            out[-1].furniture.extend(cur.furniture)  # stray furniture after a caption
        cur = _Draft()
        furniture_after_body = False

    for it in seq:
        if it.kind in HEADER_KINDS:
            page.header.append(it)
            continue
        if it.kind == "caption":
            if (convention == "after" and furniture_after_body) or convention == "before":
                close()
            elif cur.body:
                close()
            cap = _Draft(caption=it)
            out.append(cap)
            continue
        if it.kind in META_KINDS:
            if convention == "after":
                if cur.body:
                    furniture_after_body = True
                cur.furniture.append(it)
            else:
                keeps = (
                    it.kind in ("byline", "names", "label")
                    and cur.body
                    and not any(f.kind in ("byline", "names") for f in cur.furniture)
                )
                if cur.body and not keeps:
                    close()
                cur.furniture.append(it)
            continue
        if it.kind != "para":
            continue
        if convention == "after" and furniture_after_body:
            close()
        elif cur.body and it.dateline is not None:
            close()
        cur.body.append(it)
    close()
    return out


def _read_header(page: _Page) -> None:
    from zhjx.ingest.pubdate import full_date

    for it in page.header:
        line = it.lines[0]
        if it.kind == "field" and line.value:
            kind, value = line.value
            if kind == "paper" and value and page.paper is None:
                page.paper = value
            elif kind == "page" and value and page.page is None:
                page.page = value
            elif kind == "date" and value and page.date_field is None:
                page.date_field = value
        elif it.kind == "stamp" and page.stamp is None:
            page.stamp = full_date(it.text)


def _header_piece(page: _Page) -> Piece:
    """The header lines that carry names and dates (paper, date stamps, date field)."""
    keep = []
    for it in page.header:
        if it.kind == "field" and it.lines[0].value and it.lines[0].value[0] == "page":
            continue
        keep.append(it.piece)
    return concat(keep, "\n")


def _titles(draft: _Draft) -> tuple[Piece | None, list[Piece]]:
    """The headline and the other title lines (kickers, subtitles) in reading order."""
    heads = [f.piece for f in draft.furniture if f.kind == "headline"]
    subs = [f.piece for f in draft.furniture if f.kind == "subtitle"]
    if not heads and subs:
        heads, subs = [subs[0]], subs[1:]
    if not heads:
        return None, subs

    # the main headline: no comma (kickers and subtitles are phrased as clauses), then
    # the longest (a kicker is shorter), then the last (a kicker stands above it)
    def rank(k: int) -> tuple[bool, int, int]:
        text = heads[k].text
        return ("，" not in text and "," not in text, len(text.replace(" ", "")), k)

    best = max(range(len(heads)), key=rank)
    return heads[best], [h for k, h in enumerate(heads) if k != best] + subs


def _reporters(draft: _Draft) -> list[str]:
    names: list[str] = []
    for f in draft.furniture:
        if f.kind in ("byline", "names"):
            names += meta.names_in(f.text)
    if draft.dateline is not None and draft.dateline.credit:
        names += meta.names_in(draft.dateline.credit)
    return list(dict.fromkeys(names))


def _kind(draft: _Draft) -> str:
    if draft.fragment:
        return "text"
    if draft.caption is not None:
        return "caption"
    for f in draft.furniture:
        if f.kind == "label":
            kind = meta.label_kind(f.text)
            if kind:
                return kind
    if draft.dateline is not None or any(f.kind == "byline" for f in draft.furniture):
        return "news"
    if any(f.kind == "names" for f in draft.furniture):
        return "essay"
    return "news"


def _caption_body(item: Item) -> tuple[Piece, list[str]]:
    """A caption's text without its photo credit, and the credited names."""
    m = meta.photo_credit(item.text)
    if m is None:
        return item.piece, []
    return item.piece[: m.start()].strip(), meta.names_in(m.group())


def _most_common(values: Iterable[T | None]) -> T | None:
    """The most frequent value that is not None, the first seen on a tie (as
    ``Counter.most_common``); None when there is none."""
    counts: dict[T, int] = {}
    for v in values:
        if v is not None:
            counts[v] = counts.get(v, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def split_articles(
    raw: str, published: date | None = None, name: str | None = None
) -> list[Article]:
    """Split a page into articles with clean text, offset maps and metadata.

    ``published`` overrides every other source of the publication date; ``name`` is the
    file's path, whose date (``2025-03-29``, ``20250329``) is the last resort.
    """
    lines = read_lines(raw)
    classify(lines)
    seq = items(lines, raw)
    page = _Page()
    drafts = _drafts(seq, _convention(seq), page)
    _read_header(page)
    if not drafts:  # a snippet, a lone headline: nothing is dropped, it is one text
        text = [it for it in seq if it.kind not in SKIP_KINDS and it.text.strip()]
        body = [it for it in text if it.kind not in HEADER_KINDS]
        if not body:  # only header lines (a paper's name, a date): they are the text
            page.header = []
            body = text
        drafts = [_Draft(body=body, fragment=True)] if body else []
    years = page_years(raw)
    if page.stamp is not None:
        years = [y for y in years if y <= page.stamp.year]

    datelines = [d.dateline for d in drafts if d.dateline is not None]
    page_md = _most_common((dl.month, dl.day) for dl in datelines if dl.month is not None)
    paper_prov, paper_city = meta.province_in_name(page.paper)
    page_prov = (
        paper_prov
        or _most_common(meta.province_of(dl.place) for dl in datelines if dl.place)
        or _most_common(
            meta.province_in_name(dl.agency)[0]
            for dl in datelines
            if dl.agency not in ("本报", "本刊", "本台")
        )
    )

    header = _header_piece(page)
    articles: list[Article] = []
    for draft in drafts:
        reporters = _reporters(draft)
        if draft.caption is not None:
            caption, credited = _caption_body(draft.caption)
            body = [caption] if caption else []
            reporters = list(dict.fromkeys(reporters + credited))
        else:
            body = [it.piece for it in draft.body if it.piece]
        if not body:
            continue
        body_text = "\n".join(p.text for p in body)
        headline, subs = _titles(draft)
        parts = [header] if not articles and header else []
        parts += [p for p in (headline, *subs) if p is not None]
        full = concat(parts + body, "\n")  # the body joined by "\n" ends it
        dl = draft.dateline
        md = (dl.month, dl.day) if dl is not None and dl.month is not None else page_md
        pub = resolve(
            option=published,
            metadata=page.date_field,
            viewed=page.stamp,
            dateline=md,
            years=years,
            name=name,
        )
        place = dl.place if dl is not None else None
        city = place if meta.is_city(place) else paper_city
        province = page_prov or meta.province_of(place)
        articles.append(
            Article(
                index=len(articles),
                text=full.text,
                offsets=full.offs,
                ends=full.ends,
                start=min(p.start for p in body),
                end=max(p.end for p in body),
                body_text=body_text,
                headline=headline.text if headline is not None else None,
                subheadline=" ".join(s.text for s in subs) or None,
                kind=_kind(draft),
                reporters=reporters,
                place=place,
                published=pub.value,
                published_source=pub.source,
                page=page.page,
                paper=page.paper,
                province=province,
                city=city,
                dateline=body_text[: dl.end] if dl is not None else None,
            )
        )
    return articles
