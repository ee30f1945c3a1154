"""From raw text or files to records: layout, the spaCy pipeline, raw offsets."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from zhjx.components.spans import doc_text, remember_text
from zhjx.components.values import plain_defaults
from zhjx.extensions import SPAN_KEYS
from zhjx.ingest import Article, DecodeError, decode, split_articles
from zhjx.records import (
    ArticleRecord,
    DateRecord,
    FigureRecord,
    OrganizationRecord,
    PercentageRecord,
    Record,
)
from zhjx.segmenter import FastPkuseg, words_and_spaces


def as_date(value: date | str | None) -> date | None:
    """A publication date from a ``date``, an ISO string or None."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _nlp(nlp: Language | None) -> Language:
    if nlp is not None:
        return nlp
    from zhjx.pipeline import load

    return load()


#: Texts are segmented together up to about this many characters (bounded memory).
BATCH_CHARS = 100_000


def tokenize(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``; with the zhjx segmenter the words are aligned to the text
    in linear time (spaCy's alignment is quadratic in the text's length)."""
    return tokenize_many(nlp, [text])[0]


def tokenize_many(nlp: Language, texts: Sequence[str]) -> list[Doc]:
    """``[tokenize(nlp, t) for t in texts]``; the zhjx segmenter segments the texts
    together, in batches of about :data:`BATCH_CHARS` characters."""
    tokenizer = nlp.tokenizer
    seg = getattr(tokenizer, "pkuseg_seg", None)
    if not (
        type(tokenizer) is ChineseTokenizer
        and tokenizer.segmenter == "pkuseg"
        and isinstance(seg, FastPkuseg)
    ):
        return [nlp.make_doc(t) for t in texts]
    if any(len(t) > nlp.max_length for t in texts):
        return [nlp.make_doc(t) for t in texts]  # spaCy's own error (E088) for the long one
    docs: list[Doc] = []
    for batch in _batches(texts, BATCH_CHARS):
        for words, text in zip(seg.cut_batch(batch), batch, strict=True):
            w, spaces = words_and_spaces(words, text)
            doc = Doc(tokenizer.vocab, words=w, spaces=spaces)
            remember_text(doc, text)  # the words and spaces spell ``text`` exactly
            docs.append(doc)
    return docs


def _batches(texts: Iterable[str], chars: int) -> Iterator[list[str]]:
    """Consecutive texts, a list of them at a time, each list over ``chars`` characters
    only when it holds one text."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and size + len(text) > chars:
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def make_docs(nlp: Language, articles: Sequence[Article]) -> list[Doc]:
    """Tokenized Docs for articles with their context set."""
    docs = tokenize_many(nlp, [a.text for a in articles])
    for doc, article in zip(docs, articles, strict=True):
        doc._.published = article.published
        doc._.province = article.province
        doc._.city = article.city
        doc._.paper = article.paper
        doc._.headline = article.headline
        doc._.article_index = article.index
    return docs


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenized Doc for an article with its context set."""
    return make_docs(nlp, [article])[0]


def article_record(article: Article, name: str) -> ArticleRecord:
    """The record of an article itself."""
    return ArticleRecord(
        doc=name,
        text=article.body_text,
        start=article.start,
        end=article.end,
        article=article.index,
        headline=article.headline,
        subheadline=article.subheadline,
        kind=article.kind,
        reporters=list(article.reporters),
        place=article.place,
        published=article.published,
        published_source=article.published_source,
        page=article.page,
        paper=article.paper,
    )


#: The span extension values each record type reads.
_MEASURED = ("value", "qualifier", "low", "high", "change", "basis", "subject", "org", "period")
_RECORD_ATTRS = (
    "canonical",
    "kind",
    "relative",
    "granularity",
    "interval",
    "reference",
    *_MEASURED,
    "points",
    "unit",
)


def _record(rtype: str, value: Callable[[str], Any], common: dict[str, Any]) -> Record:
    """The record of one span: ``value(name)`` reads its extension value ``name``;
    ``common`` holds doc, text, start, end and article."""
    if rtype == "organization":
        return OrganizationRecord(
            **common, name=value("canonical") or common["text"], kind=value("kind") or "other"
        )
    if rtype == "date":
        return DateRecord(
            **common,
            value=value("value"),
            relative=bool(value("relative")),
            granularity=value("granularity") or "day",
            interval=value("interval"),
            reference=value("reference"),
        )
    measured = {attr: value(attr) for attr in _MEASURED}
    measured["qualifier"] = measured["qualifier"] or "exact"
    if rtype == "percentage":
        return PercentageRecord(**common, **measured, points=bool(value("points")))
    return FigureRecord(**common, **measured, unit=value("unit") or "", kind=value("kind"))


def _span_record(rtype: str, span: Span, article: Article, name: str) -> Record:
    """The record of a span, its values read through ``span._``."""
    start, end = article.raw_span(span.start_char, span.end_char)
    common = dict(doc=name, text=span.text, start=start, end=end, article=article.index)
    return _record(rtype, partial(getattr, span._), common)


def doc_records(doc: Doc, article: Article, name: str) -> list[Record]:
    """Records of the spans a pipeline put on ``doc``, with raw offsets, in text order."""
    groups = [(rtype, doc.spans[key]) for rtype, key in SPAN_KEYS.items() if key in doc.spans]
    defaults = plain_defaults(_RECORD_ATTRS)
    if defaults is None:  # an extension with a getter or setter: read through span._
        out = [
            _span_record(rtype, span, article, name) for rtype, group in groups for span in group
        ]
    else:
        out = _plain_records(doc, groups, defaults, article, name)
    out.sort(key=lambda r: (r.start, r.end, r.type))
    return out


def _plain_records(
    doc: Doc,
    groups: list[tuple[str, SpanGroup]],
    defaults: dict[str, Any],
    article: Article,
    name: str,
) -> list[Record]:
    """``_span_record`` of every span, reading the (plain) extension values from
    ``doc.user_data`` directly and the text and raw offsets without a Span method."""
    text = doc_text(doc)
    get = doc.user_data.get
    offsets, ends, n_chars, index = article.offsets, article.ends, len(article.text), article.index
    out: list[Record] = []
    for rtype, group in groups:
        for span in group:
            s, e = span.start_char, span.end_char
            if 0 <= s < e <= n_chars:  # Article.raw_span, inline
                start = offsets[s]
                last = ends[e - 1] if ends is not None else offsets[e - 1] + 1
                end = last if last > start else start + 1
            else:
                start, end = article.raw_span(s, e)  # raises the error it names

            def value(attr: str, s: int = s, e: int = e) -> Any:
                return get(("._.", attr, s, e), defaults[attr])

            common = dict(doc=name, text=text[s:e], start=start, end=end, article=index)
            out.append(_record(rtype, value, common))
    return out


def extract_articles(
    articles: list[Article], name: str, nlp: Language | None = None
) -> list[Record]:
    """Run the pipeline over a page's articles: article records, then their contents."""
    return extract_pages([(articles, name)], nlp)[0]


def extract_pages(
    pages: Sequence[tuple[list[Article], str]], nlp: Language | None = None
) -> list[list[Record]]:
    """:func:`extract_articles` of several pages ``(articles, name)``, their articles
    segmented together (one segmenter call for many small files)."""
    nlp = _nlp(nlp)
    docs = iter(nlp.pipe(make_docs(nlp, [a for articles, _ in pages for a in articles])))
    out: list[list[Record]] = []
    for articles, name in pages:
        records: list[Record] = []
        for article in articles:
            records.append(article_record(article, name))
            records.extend(doc_records(next(docs), article, name))
        out.append(records)
    return out


def extract(
    text: str,
    published: date | str | None = None,
    *,
    name: str = "<text>",
    nlp: Language | None = None,
) -> list[Record]:
    """Records of one text (a page or an article) with offsets into ``text``."""
    articles = split_articles(text, published=as_date(published), name=name)
    return extract_articles(articles, name, nlp)


#: Not pages: named, they are reported as such rather than read as text.
DATA_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson", ".csv", ".parquet", ".pdf", ".zip"})
#: Files larger than this are reported, not read (a page is a few hundred kB at most).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def read_page(
    path: str | Path,
    published: date | str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[str, list[Article]]:
    """A file's raw text and its articles; :class:`DecodeError` (naming the file) for a
    data file, an empty, huge, binary or undecodable file, or a file with no text."""
    path = Path(path)
    if path.suffix.lower() in DATA_SUFFIXES:
        raise DecodeError(
            str(path),
            f"a {path.suffix} file is not a page: zhjx reads text (UTF-8, GB18030) and HTML pages",
        )
    size = path.stat().st_size
    if size == 0:
        raise DecodeError(str(path), "empty file")
    if size > max_bytes:
        raise DecodeError(
            str(path),
            f"file too large: {size / 2**20:.1f} MB (limit {max_bytes / 2**20:g} MB; "
            "raise it with --max-size)",
        )
    raw = decode(path.read_bytes(), str(path))
    articles = split_articles(raw, published=as_date(published), name=str(path))
    if not articles:
        raise DecodeError(str(path), "no text found")
    return raw, articles


def extract_file(
    path: str | Path,
    published: date | str | None = None,
    *,
    root: str | Path | None = None,
    nlp: Language | None = None,
) -> list[Record]:
    """Records of one file; ``doc`` is its path relative to ``root`` (or its name).

    Raises :class:`~zhjx.ingest.DecodeError` for a file that is not a readable page.
    """
    path = Path(path)
    name = path.relative_to(root).as_posix() if root else path.name
    _, articles = read_page(path, published)
    return extract_articles(articles, name, nlp)


#: Files a folder walk reads by default; others are counted and reported, not read.
PAGE_SUFFIXES = frozenset({".txt", ".text", ".htm", ".html", ".xhtml", ""})


def walk(
    paths: Iterable[str | Path], pattern: str | None = None
) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """``(file, root)`` pairs to read and the files passed over, sorted.

    Files named directly are always read.  In folders (walked recursively, hidden
    files left out) ``pattern`` selects files; without one, pages by their suffix
    (``.txt``, ``.html``, none …) are read and the others returned as passed over.
    """
    files: list[tuple[Path, Path]] = []
    passed: list[Path] = []
    for p in map(Path, paths):
        if not p.is_dir():
            files.append((p, p.parent))
            continue
        for f in sorted(p.rglob(pattern or "*")):
            if not f.is_file() or any(part.startswith(".") for part in f.relative_to(p).parts):
                continue
            if pattern is None and f.suffix.lower() not in PAGE_SUFFIXES:
                passed.append(f)
            else:
                files.append((f, p))
    return files, passed


def extract_dir(
    path: str | Path,
    published: date | str | None = None,
    *,
    pattern: str | None = None,
    nlp: Language | None = None,
    on_error: Callable[[Path, Exception], None] | None = None,
) -> Iterator[Record]:
    """Lazily yield the records of every page below ``path`` (see :func:`walk`).

    A file that is not a readable page raises, unless ``on_error(path, exc)`` is given:
    then it is called and the walk goes on.
    """
    for file, root in walk([path], pattern)[0]:
        try:
            records = extract_file(file, published, root=root, nlp=nlp)
        except (DecodeError, OSError) as exc:
            if on_error is None:
                raise
            on_error(file, exc)
            continue
        yield from records
