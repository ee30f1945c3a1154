"""Change and basis: ``同比增长94.96%`` is an increase compared year on year."""

from __future__ import annotations

from zhjx.relate.lexicon import Lexicon
from zhjx.relate.segments import Scanner


def change_before(sc: Scanner, lo: int, hi: int, lex: Lexicon) -> tuple[str | None, str | None]:
    """``(change, basis)`` written right before a number at ``hi`` (``[lo, hi)`` its left).

    ``增长88.19%`` is an increase; ``提高到10%`` is a new level, not a change.
    """
    end = sc.lskip(hi, lo)
    while (start := sc.word_ending(end, lo, lex.tails)) is not None:
        end = sc.lskip(start, lo)
    start = sc.word_ending(end, lo, lex.change_words)
    if start is None:
        return None, None
    change = lex.changes[sc.text[start:end]]
    end = sc.lskip(start, lo)
    while (before := sc.word_ending(end, lo, lex.function_words)) is not None:
        end = sc.lskip(before, lo)  # 同比分别增长, 同比均下降
    basis_start = sc.word_ending(end, lo, lex.bases)
    basis = sc.text[basis_start:end] if basis_start is not None else None
    return change, basis
