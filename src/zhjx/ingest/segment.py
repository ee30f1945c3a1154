"""Page segmentation: raw lines → classified lines → paragraphs and furniture → articles.

Line kinds:

``blank``; ``nav`` (e-paper chrome: ``电子报阅读机``, ``字号:``); ``field`` (``当前报纸名称:…``,
``日期:11-16``, ``版面:…``); ``stamp`` (a full date alone in the header) and ``weekday``;
``banner`` (OCR-doubled decorative text that is not a caption); ``caption`` (lines closed
by a photo credit ``… 本报记者 王蕾 摄``); ``byline`` (``本报记者 王蕾``); ``names`` (a
bare byline ``王蕾``); ``label`` (``短 评``); ``subtitle`` (``——…``); ``headline`` (a
short isolated line without sentence punctuation that the next line does not continue);
``body``.

Two page conventions are told apart by where the furniture stands: OCR of a printed page
often reads a column's headline *after* its body (seed 000: body, headline, subtitle,
byline), an e-paper page *before* it.  A page whose first content is body text, or whose
last content is a headline block, is read "headline after"; otherwise "headline before".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from statistics import median

import regex

from zhjx.ingest import meta
from zhjx.ingest.clean import (
    Piece,
    clean_line,
    clean_span,
    concat,
    fold_text,
    join_lines,
    line_is_doubled,
)

TERMINAL = "。！？!?…；;"
_CLOSERS = "”’）)」』】》\"'"
_SENTENCE_PUNCT = regex.compile(r"[，。；？！,;?!]")
_CONTINUES = regex.compile(r"^\S[，。、；：？！）》”」』,.;:?!)]")
_ENUMERATED = regex.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.．]\D"
    r"|第[一二三四五六七八九十]+[，、部分章节条]|[①-⑳])"
)
_STAMP = regex.compile(
    r"^(?:19|20)[0-9]{2}\s*[-/.年]\s*[01]?[0-9]\s*[-/.月]\s*[0-3]?[0-9]\s*日?"
    r"(?:\s*(?:星期|周)[一二三四五六日天])?$"
)
_WEEKDAY = regex.compile(r"^(?:星期|周)[一二三四五六日天]$")
META_KINDS = frozenset({"headline", "subtitle", "byline", "names", "label"})
HEADER_KINDS = frozenset({"field", "stamp", "weekday"})
SKIP_KINDS = frozenset({"blank", "nav", "banner"})


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (``。``, ``！``, ``…”`` …)."""
    t = text.rstrip()
    while t and t[-1] in _CLOSERS:
        if t[-1] in "】" or (len(t) > 1 and t[-2] in TERMINAL):
            return True
        t = t[:-1]
    return bool(t) and t[-1] in TERMINAL


_UNSET = object()


@dataclass(slots=True)
class Line(Piece):
    """One raw line, cleaned and classified: the clean piece (text and raw offsets) with
    the line's number and kind.  (One object a line: a page has thousands.)"""

    index: int = 0
    doubled: bool = False
    kind: str = "body"
    value: tuple[str, str] | None = None  # (field kind, value) for fields
    _dateline: object = field(default=_UNSET, init=False, repr=False, compare=False)

    @property
    def piece(self) -> Piece:
        return self

    @property
    def dateline(self) -> meta.Dateline | None:
        """The dateline the line opens with, if any (looked up once)."""
        if self._dateline is _UNSET:
            self._dateline = meta.find_dateline(self.text)
        return self._dateline  # type: ignore[return-value]


def read_lines(raw: str) -> list[Line]:
    """Raw lines cleaned (width folded, doubling undone, spaces squeezed), chrome cut."""
    folded = fold_text(raw)
    # one pass over the page finds each line's chrome words (they hold no line breaks);
    # k walks through them line by line
    nav = meta.navigation_spans(raw)
    k = 0
    next_nav = nav[0][0] if nav else len(raw)  # where the next chrome word starts
    out = []
    append = out.append
    pos = 0
    for i, chunk in enumerate(raw.splitlines(keepends=True)):
        end = pos + len(chunk.rstrip("\r\n"))
        text = folded[pos:end]
        n = end - pos
        if next_nav < end:
            piece = Piece.raw(raw, pos, end)
            keep, last = [], 0
            while k < len(nav) and nav[k][0] < end:
                a, b = nav[k]
                keep.append(piece[last : a - pos])
                last = b - pos
                k += 1
            next_nav = nav[k][0] if k < len(nav) else len(raw)
            keep.append(piece[last:])
            clean, doubled = clean_line(concat(keep))
            line = Line(clean.text, clean.offs, clean.ends, clean.bounds, i, doubled)
            if not line.text:
                line.kind = "nav"
        elif (
            " " in text
            or not text.isprintable()
            # the cheap tests line_is_doubled opens with (the line holds no space
            # character, so it is its own stripped text), then the function itself
            or (
                n >= 8
                and (text[0] == text[1] or text[:2] in text[2 : n // 2 + 2])
                and line_is_doubled(text)
            )
        ):
            # (every space character but " " is non-printable)
            clean, doubled = clean_span(folded, pos, end)
            line = Line(clean.text, clean.offs, clean.ends, clean.bounds, i, doubled)
            if not line.text:
                line.kind = "blank"
        elif text:  # no space, no doubling: clean_span would give the raw text as it stands
            line = Line(text, range(pos, end), range(pos + 1, end + 1), None, i)
        else:
            line = Line(text, range(pos, end), range(pos + 1, end + 1), None, i, False, "blank")
        append(line)
        pos += len(chunk)
    return out


def _context_free(line: Line) -> str:
    text = line.text
    f = meta.field_of(text)
    if f is not None:
        line.value = f
        return "nav" if f[0] == "junk" else "field"
    if _STAMP.match(text):
        return "stamp"
    if _WEEKDAY.match(text):
        return "weekday"
    if meta.label_kind(text):
        return "label"
    if meta.is_byline(text):
        return "byline"
    return "body"


@cache
def _furniture_initials() -> frozenset[str]:
    """What a line :func:`_context_free` does not call body starts with, whitespace
    aside: a stamp's ``19``/``20``, a weekday's ``星期``/``周``, a field, label or byline."""
    return frozenset("12星周") | meta.furniture_initials()


def classify(lines: list[Line]) -> None:
    """Give every line its kind (see the module docstring)."""
    initials = _furniture_initials()
    endings = meta.credit_endings()
    doubled = []
    # one pass: each line's own kind, then whether it closes a caption (which looks
    # back only at lines already given theirs)
    for i, line in enumerate(lines):
        if line.kind == "body":
            first = line.text[0]
            if first in initials or first.isspace():
                line.kind = _context_free(line)
        if line.kind in ("body", "byline") and line.text.endswith(endings):
            _mark_caption(lines, i)
        if line.doubled:
            doubled.append(line)
    for line in doubled:
        if line.kind == "body":
            line.kind = "banner"

    def kind_at(i: int) -> str:
        return lines[i].kind if 0 <= i < len(lines) else "blank"

    def next_text(i: int) -> Line | None:
        j = i + 1
        while j < len(lines) and lines[j].kind in SKIP_KINDS:
            j += 1
        return lines[j] if j < len(lines) else None

    def prev_text(i: int) -> Line | None:
        j = i - 1
        while j >= 0 and lines[j].kind in SKIP_KINDS:
            j -= 1
        return lines[j] if j >= 0 else None

    def shaped(line: Line) -> bool:
        """Headline-shaped: short, no sentence punctuation, not a section number."""
        text = line.text
        return (
            line.kind in ("body", "headline")
            and not _SENTENCE_PUNCT.search(text)
            and len(text) - text.count(" ") <= 40
            and not _ENUMERATED.match(text)
            and line.dateline is None
        )

    def open_before(i: int) -> bool:
        prev = prev_text(i)
        return prev is not None and prev.kind == "body" and not ends_sentence(prev.text)

    def continued_after(i: int) -> bool:
        nxt = next_text(i)
        return nxt is not None and nxt.kind == "body" and bool(_CONTINUES.match(nxt.text))

    def under_headline(i: int) -> bool:
        """Right under a headline-shaped line that itself stands alone, or after a break."""
        if kind_at(i - 1) != "body" and not open_before(i):
            return True
        return (
            i > 0 and shaped(lines[i - 1]) and kind_at(i - 2) != "body" and not open_before(i - 1)
        )

    # pass 1: subtitles (——…) and bare-name bylines, which may sit right under a headline
    # (the cheap tests first: the rules are pure, so their order does not matter)
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if line.kind != "body" or (i < last and lines[i + 1].kind == "body"):
            continue
        if _is_subtitle(line.text) and under_headline(i):
            line.kind = "subtitle"
        elif meta.is_bare_names(line.text) and under_headline(i) and not continued_after(i):
            line.kind = "names"
    if not wrapped(lines):
        _classify_line_mode(lines)
        return
    # pass 2: headlines (and kickers): isolated headline-shaped lines nobody continues
    for i, line in enumerate(lines):
        if (
            line.kind == "body"
            and (i == last or lines[i + 1].kind != "body")
            and kind_at(i - 1) != "body"
            and shaped(line)
            and not open_before(i)
            and not continued_after(i)
        ):
            line.kind = "headline"


_MULTI_SENTENCE = regex.compile(r"[。！？!?]")


def _title_like(line: Line) -> bool:
    """A title line on a one-paragraph-a-line page: short, no sentence end inside."""
    text = line.text
    return (
        line.kind == "body"
        and len(text) - text.count(" ") <= 40
        and not _MULTI_SENTENCE.search(text)
        and not ends_sentence(text)
        and not _ENUMERATED.match(text)
        and line.dateline is None
    )


def _classify_line_mode(lines: list[Line]) -> None:
    """Headlines on a page with one paragraph a line (e-paper, archives).

    Lines are paragraphs, so a title need not stand between blank lines.  Before the
    first body paragraph every title-like line is a headline (or kicker/subtitle); after
    it, a run of title-like lines is a new article's headline only when a dateline or a
    byline follows it, else it is a section heading inside the body.
    """
    content = [ln for ln in lines if ln.kind not in ("blank", "nav", "banner")]
    seen_body = False
    k = 0
    while k < len(content):
        line = content[k]
        if not _title_like(line):
            if line.kind == "body":
                seen_body = True
            k += 1
            continue
        run_end = k + 1  # content[k] is title-like
        while run_end < len(content) and (
            _title_like(content[run_end]) or content[run_end].kind == "subtitle"
        ):
            run_end += 1
        nxt = content[run_end] if run_end < len(content) else None
        opens = nxt is not None and (
            nxt.kind in ("byline", "names", "field", "stamp")
            or (nxt.kind == "body" and nxt.dateline is not None)
        )
        if not seen_body or opens:
            for ln in content[k:run_end]:
                if ln.kind == "body":
                    ln.kind = "headline"
        k = run_end


def _is_subtitle(text: str) -> bool:
    return text.startswith(("——", "--", "－－")) and not ends_sentence(text)


def _mark_caption(lines: list[Line], i: int) -> None:
    """If line ``i`` closes with a photo credit: it and the lines before it back to the
    previous blank or sentence end are a caption."""
    if meta.photo_credit(lines[i].text) is None:
        return
    j = i
    while (
        j - 1 >= 0
        and lines[j - 1].kind == "body"
        and not (ends_sentence(lines[j - 1].text) and not lines[j - 1].doubled)
    ):
        j -= 1
    for k in range(j, i + 1):
        lines[k].kind = "caption"


# -- paragraphs ---------------------------------------------------------------------


@dataclass(slots=True)
class Item:
    """A paragraph, a furniture line or a caption, in raw order."""

    kind: str  # "para", "caption", or a line kind
    piece: Piece
    dateline: meta.Dateline | None = None
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.piece.text


def wrapped(lines: list[Line]) -> bool:
    """Whether body lines are column-wrapped (OCR) rather than one paragraph a line."""
    lengths = [len(line.text) for line in lines if line.kind == "body"]
    if not lengths:
        return False
    long_lines = sum(n > 60 for n in lengths)  # no newspaper column is this wide
    return median(lengths) <= 45 and long_lines < 0.1 * len(lengths)


def items(lines: list[Line], raw: str) -> list[Item]:
    """Paragraphs (body lines joined where a sentence runs on) and furniture, in order."""
    is_wrapped = wrapped(lines)
    out: list[Item] = []
    para: list[Line] = []
    caption: list[Line] = []

    def flush_para() -> None:
        if para:
            piece = join_lines(para, raw)
            dateline = para[0].dateline if piece is para[0] else meta.find_dateline(piece.text)
            out.append(Item("para", piece, dateline, list(para)))
            para.clear()

    def flush_caption() -> None:
        if caption:
            piece = join_lines(caption, raw)
            out.append(Item("caption", piece, None, list(caption)))
            caption.clear()

    for line in lines:
        if line.kind == "caption":
            flush_para()
            caption.append(line)
            continue
        if caption:
            flush_caption()
        if line.kind == "blank":
            continue
        if line.kind != "body":
            if line.kind in ("banner", "nav") and para and not ends_sentence(para[-1].text):
                continue  # decoration inside a running sentence: skip it, keep the sentence
            flush_para()
            out.append(Item(line.kind, line.piece, None, [line]))
            continue
        if para and (
            not is_wrapped
            or (
                line.index - para[-1].index > 1  # something stands between them
                and _blank_between(lines, para[-1], line)
                and ends_sentence(para[-1].text)
            )
            or line.dateline is not None
        ):
            flush_para()
        if not para and out and out[-1].kind == "para" and is_wrapped:
            # a sentence broken by a blank line (``专\n\n精特新``) runs on
            prev = out[-1]
            if not ends_sentence(prev.text) and line.dateline is None:
                out.pop()
                para.extend(prev.lines)
        para.append(line)
    flush_para()
    flush_caption()
    return out


def _blank_between(lines: list[Line], a: Line, b: Line) -> bool:
    return any(lines[k].kind == "blank" for k in range(a.index + 1, b.index))
