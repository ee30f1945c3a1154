"""Offset-mapped cleaning of OCR'd and scraped newspaper text.

A :class:`Piece` is clean text whose every character carries the raw ``[start, end)`` it
came from.  All operations here return new pieces and never lose that map:

* :func:`fold_width` – full-width ASCII digits, letters and a few symbols to ASCII
  (``１２３`` → ``123``, ``ＡＢ`` → ``AB``, ``．`` → ``.``, ``％`` → ``%``); Chinese
  punctuation (``，。（）：；！？``) is kept as is because names use it;
* :func:`undouble` – undo OCR doubling of bold text (``王蕾王蕾`` → ``王蕾``, mapping each
  clean character to both copies) when a whole line is made of doubled runs;
* :func:`squeeze` – drop whitespace that OCR puts inside numbers and dates (``3 月 29 日``,
  ``近 10 亿元``) and at the ends, and collapse other runs to one space (headline
  fragments such as ``唯有守正创新 方可行稳致远`` keep their space);
* :func:`join_lines` – join column-wrapped lines of a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

import regex

from zhjx.resources import load_json

_SPACE_CHARS = " \t\r\f\v\u3000\xa0\u2002\u2003\u2009\u200b\ufeff"
_STRIP_CHARS = _SPACE_CHARS + "\n"
# a plain character class: the stdlib engine searches a short line several times faster
# a run of spaces, written ``XX*`` rather than ``X+``: the stdlib engine then skips to
# the first character of a match with its fast character-class scan
_SPACE_RUN = re.compile(f"[{re.escape(_STRIP_CHARS)}][{re.escape(_STRIP_CHARS)}]*")
_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_DIGITS = frozenset("0123456789")
# What may sit next to a digit with the space between them dropped: Han characters,
# digits, Chinese punctuation, % and the decimal point.
_NUM_NEIGHBOUR = regex.compile(r"[\p{Han}0-9%.．％，。、；：（）《》“”‘’—\-~～]")


@dataclass(slots=True)
class Piece:
    """Clean text with, for each character, the raw offsets ``[offs[i], ends[i])``.

    ``offs`` and ``ends`` are lists, or ranges where the piece is raw text as it stands
    (a range is made in constant time and slices to a range).  Pieces are never changed
    in place: every operation returns a new one, which may share its offsets.
    """

    text: str = ""
    offs: Sequence[int] = field(default_factory=list)
    ends: Sequence[int] = field(default_factory=list)
    #: ``(start, end)`` when known without a pass over the offsets (see :func:`concat`)
    bounds: tuple[int, int] | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.text)

    def __bool__(self) -> bool:
        return bool(self.text)

    def __getitem__(self, key: slice) -> Piece:
        return Piece(self.text[key], self.offs[key], self.ends[key])

    @property
    def start(self) -> int:
        """Raw start of the piece (smallest offset)."""
        if self.bounds is not None:
            return self.bounds[0]
        offs = self.offs
        if isinstance(offs, range) and offs.step == 1 and offs:
            return offs.start
        return min(offs)

    @property
    def end(self) -> int:
        """Raw end of the piece (largest end)."""
        if self.bounds is not None:
            return self.bounds[1]
        ends = self.ends
        if isinstance(ends, range) and ends.step == 1 and ends:
            return ends.stop - 1
        return max(ends)

    @classmethod
    def raw(cls, raw: str, start: int = 0, end: int | None = None) -> Piece:
        """The piece of ``raw[start:end]`` as it stands."""
        end = len(raw) if end is None else min(end, len(raw))
        return cls(raw[start:end], range(start, end), range(start + 1, end + 1))

    def strip(self) -> Piece:
        """Without leading and trailing whitespace."""
        text = self.text
        i = len(text) - len(text.lstrip(_STRIP_CHARS))
        j = max(i, len(text.rstrip(_STRIP_CHARS)))
        return self[i:j]


_INTS: list[int] = []  # _INTS[i] == i: offsets shared, not made anew (see _shared_ints)
_INTS_MAX = 1 << 18  # a page longer than this makes its own ints


def _shared_ints(stop: int) -> list[int]:
    """A list with ``ints[i] == i`` for every ``i < stop`` (if ``stop`` is not too big):
    an article's offsets are sliced from it instead of making an int object (for ints
    above 256) per character."""
    global _INTS
    ints = _INTS
    if len(ints) < stop <= _INTS_MAX:
        # grown by rebinding a new list, never in place: another thread holding the
        # old one still reads ints[i] == i
        ints = _INTS = list(range(min(_INTS_MAX, max(stop, 2 * len(ints), 1 << 14))))
    return ints


def _listed(seq: Sequence[int]) -> Sequence[int]:
    """``seq``, when it is a raw span's range, as a list of shared ints (slicing the
    list then makes no new int objects)."""
    if isinstance(seq, range) and seq.step == 1 and seq.start >= 0:
        ints = _shared_ints(seq.stop)
        if seq.stop <= len(ints):
            return ints[seq.start : seq.stop]
    return seq


def concat(pieces: Iterable[Piece], sep: str = "") -> Piece:
    """Pieces joined by ``sep``; a separator maps to the last character before it."""
    text: list[str] = []
    offs: list[int] = []
    ends: list[int] = []
    lo = hi = -1  # the raw extent, kept as bounds (separators add no new offsets)
    ints = _INTS
    for p in pieces:
        if not p.text:
            continue
        if text and sep:
            text.append(sep)
            offs.extend([offs[-1]] * len(sep))
            ends.extend([ends[-1]] * len(sep))
        text.append(p.text)
        o, e = p.offs, p.ends
        if (
            isinstance(o, range)
            and isinstance(e, range)
            and o.step == e.step == 1
            and e.start == o.start + 1
            and e.stop == o.stop + 1
        ):
            # raw text as it stands: offsets and ends (the next offsets) from shared ints
            start, end = o.start, o.stop
            if end >= len(ints):
                ints = _shared_ints(end + 1)
            if 0 <= start and end < len(ints):
                offs.extend(ints[start:end])
                ends.extend(ints[start + 1 : end + 1])
            else:
                offs.extend(o)
                ends.extend(e)
        else:
            offs.extend(o)
            ends.extend(p.ends)
            start, end = p.start, p.end
        if lo < 0 or start < lo:
            lo = start
        if end > hi:
            hi = end
    return Piece("".join(text), offs, ends, (lo, hi) if text else None)


@cache
def _fold_table() -> dict[str, str]:
    data = load_json("layout/fold.json")
    table = {}
    for lo, hi in data["ranges"]:
        for cp in range(ord(lo), ord(hi) + 1):
            table[chr(cp)] = chr(cp - 0xFEE0)
    for ch in data["chars"]:
        table[ch] = chr(ord(ch) - 0xFEE0)
    return table


@cache
def _fold_translation() -> dict[int, str]:
    return {ord(ch): to for ch, to in _fold_table().items()}


@cache
def _fold_runs() -> re.Pattern[str]:
    # the stdlib engine scans a page for a plain character class several times faster
    # than regex, and ``XX*`` (unlike ``X+``) lets it skip ahead with its class scan
    chars = "[" + re.escape("".join(sorted(_fold_table()))) + "]"
    return re.compile(chars + chars + "*")


def fold_text(text: str) -> str:
    """``text`` with full-width ASCII folded (one character for one, offsets unchanged).

    Only the runs of full-width characters are translated: ``str.translate`` looks
    every character of a Chinese text up in the table, which is slow.
    """
    table = _fold_translation()
    return _fold_runs().sub(lambda m: m[0].translate(table), text)


def fold_width(p: Piece) -> Piece:
    """Full-width ASCII digits, letters and symbols to ASCII; Chinese punctuation kept."""
    return Piece(fold_text(p.text), p.offs, p.ends)


# -- OCR doubling -------------------------------------------------------------------


def doubled_units(s: str) -> list[tuple[int, int]] | None:
    """Split ``s`` into doubled units ``XX``; ``(start, length of X)`` each, or None.

    ``王蕾王蕾`` → ``[(0, 2)]``; ``培培育育`` → ``[(0, 1), (2, 1)]``; ``研究`` → None.  The
    shortest unit is tried first, backtracking when the rest does not split (a
    depth-first search with an explicit stack, so a line of any length is safe).
    """
    n = len(s)
    if n < 2 or n % 2:
        return None
    if s[0::2] == s[1::2]:  # every character doubled: what the search finds first
        return [(i, 1) for i in range(0, n, 2)]
    path: list[tuple[int, int]] = []
    dead: set[int] = set()  # positions from which the rest does not split
    i, tried = 0, 0  # the position and the longest unit already tried there
    while i < n:
        for length in range(tried + 1, (n - i) // 2 + 1):
            nxt = i + 2 * length
            if nxt not in dead and s[i : i + length] == s[i + length : nxt]:
                path.append((i, length))
                i, tried = nxt, 0
                break
        else:
            dead.add(i)
            if not path:
                return None
            i, tried = path.pop()
    return path


_RUN = regex.compile(r"[^\s\u3000\xa0]+")
#: the characters that separate runs (what ``[\s\u3000\xa0]`` matches; a test checks it)
RUN_SPACES = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def line_is_doubled(text: str, min_chars: int = 8) -> bool:
    """Whether a line is OCR-doubled bold text rather than prose with real repetition.

    Every whitespace-separated run must split into doubled units, the line must hold at
    least ``min_chars`` non-space characters, and at least one unit must be two or more
    characters long or the runs must hold two units or more each (``培培育育``): a
    line such as ``研究研究`` or ``谢谢`` alone is too short to tell and is left alone.
    """
    # cheap tests first: the first run opens with a unit XX, so X is one character or
    # its first two characters recur within the run's first half; the last run closes
    # with one.  From the first run's start to the last run's end:
    t = text.strip(RUN_SPACES)
    n = len(t)
    if n < min_chars or n < 2:
        return False
    if t[0] != t[1] and t[:2] not in t[2 : n // 2 + 2]:
        return False
    if t[-1] != t[-2] and t[-2:] not in t[max(0, n - n // 2 - 2) : n - 2]:
        return False
    runs = _RUN.findall(t)
    for run in runs:  # the same for every run
        m = len(run)
        if m % 2 or (run[0] != run[1] and run[:2] not in run[2 : m // 2 + 2]):
            return False
        if run[-1] != run[-2] and run[-2:] not in run[max(0, m - m // 2 - 2) : m - 2]:
            return False
    if not runs or sum(map(len, runs)) < min_chars:
        return False
    units = []
    for run in runs:
        u = doubled_units(run)
        if u is None:
            return False
        units.append(u)
    return sum(len(u) for u in units) >= 2


def undouble(p: Piece) -> Piece:
    """Undo OCR doubling in a doubled line (see :func:`line_is_doubled`).

    Each clean character maps to the first copy's start and the second copy's end, so a
    record's raw span covers both copies.
    """
    t = p.text
    po, pe = _listed(p.offs), _listed(p.ends)
    text: list[str] = []
    offs: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _RUN.finditer(t):
        a, b = m.span()
        text.append(t[pos:a])
        offs.extend(po[pos:a])
        ends.extend(pe[pos:a])
        pos = b
        units = doubled_units(m.group())
        if units is None:  # not doubled after all: keep the run
            text.append(t[a:b])
            offs.extend(po[a:b])
            ends.extend(pe[a:b])
        elif 2 * len(units) == b - a:  # every character doubled (培培育育)
            text.append(t[a:b:2])
            offs.extend(po[a:b:2])
            ends.extend(pe[a + 1 : b : 2])
        else:
            for i, length in units:
                i += a
                text.append(t[i : i + length])
                offs.extend(po[i : i + length])
                ends.extend(pe[i + length : i + 2 * length])
    text.append(t[pos:])
    offs.extend(po[pos:])
    ends.extend(pe[pos:])
    return Piece("".join(text), offs, ends)


# -- spaces -------------------------------------------------------------------------


def _drop_space(left: str, right: str) -> bool:
    """Whether a space run between ``left`` and ``right`` (one character each) is OCR
    spacing to drop."""
    if left in _DIGITS:
        return right not in _DIGITS and bool(_NUM_NEIGHBOUR.match(right))
    if right in _DIGITS:
        return bool(_NUM_NEIGHBOUR.match(left))
    return False


def squeeze(p: Piece) -> Piece:
    """Strip the ends, drop spaces inside numbers and dates, collapse other runs to one.

    ``本报太原 3 月 29 日讯`` → ``本报太原3月29日讯``; ``近 10 亿元`` → ``近10亿元``;
    ``唯有守正创新  方可行稳致远`` → ``唯有守正创新 方可行稳致远``.  Spaces between two
    digits are kept (``2021 2025`` are two numbers).
    """
    t = p.text
    if _SPACE_RUN.search(t) is None:  # the common line: nothing to strip or squeeze
        return p
    start = len(t) - len(t.lstrip(_STRIP_CHARS))
    stop = max(start, len(t.rstrip(_STRIP_CHARS)))
    if _SPACE_RUN.search(t, start, stop) is None:
        return p[start:stop]  # spaces at the ends only
    po, pe = _listed(p.offs), _listed(p.ends)
    text: list[str] = []
    offs: list[int] = []
    ends: list[int] = []
    prev = start
    for m in _SPACE_RUN.finditer(t, start, stop):
        i, j = m.span()
        text.append(t[prev:i])
        offs.extend(po[prev:i])
        ends.extend(pe[prev:i])
        if not _drop_space(t[i - 1], t[j]):
            text.append(" ")
            offs.append(po[i])
            ends.append(pe[i])
        prev = j
    text.append(t[prev:stop])
    offs.extend(po[prev:stop])
    ends.extend(pe[prev:stop])
    return Piece("".join(text), offs, ends)


def clean_line(p: Piece) -> tuple[Piece, bool]:
    """A raw line cleaned: width folded, doubling undone, spaces squeezed.

    Returns the clean piece and whether the line was OCR-doubled.
    """
    p = fold_width(p)
    doubled = line_is_doubled(p.text)
    if doubled:
        p = undouble(p)
    return squeeze(p), doubled


def clean_span(folded: str, start: int, end: int) -> tuple[Piece, bool]:
    """``clean_line(Piece.raw(raw, start, end))`` where ``folded`` is ``fold_text(raw)``.

    The same result without the intermediate pieces.  A line that holds no space
    character (``" "`` or a non-printable one) and is not doubled comes back as it stands:
    ``Piece(folded[start:end], range(start, end), range(start + 1, end + 1))``.
    """
    p = Piece(folded[start:end], range(start, end), range(start + 1, end + 1))
    if line_is_doubled(p.text):
        return squeeze(undouble(p)), True
    return squeeze(p), False


def join_lines(lines: Sequence[Piece], raw: str) -> Piece:
    """Column-wrapped lines of one paragraph joined into one line.

    Chinese text joins without a space; where both sides are ASCII letters or digits
    the line break becomes a space (mapped to the raw line break).
    """
    if len(lines) == 1:  # nothing to join (pieces are never changed in place)
        return lines[0]
    out: list[Piece] = []
    for line in lines:
        if not line.text:
            continue
        if out:
            prev = out[-1]
            if prev.text[-1] in _ALNUM and line.text[0] in _ALNUM:
                brk = prev.ends[-1]
                while brk < line.offs[0] and raw[brk] not in "\n\r":
                    brk += 1
                brk = min(brk, line.offs[0] - 1)
                out.append(Piece(" ", [brk], [brk + 1]))
        out.append(line)
    return concat(out)
