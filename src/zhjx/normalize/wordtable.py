"""The longest word of a list at (or ending) a position, by set look-ups, not a regex.

``regex`` tries the branches of an alternation one after another, so matching a list
of a few hundred words (``万吨|万元|…|元``) at a position costs microseconds.
:class:`WordTable` gives the same answer as such an alternation sorted longest first
(the first branch that matches is the longest word there) with one set look-up per
word length.
"""

from __future__ import annotations

from collections.abc import Iterable

_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


class WordTable:
    """Words to find at a position, longest first.

    With ``latin_bound`` a word that ends with a Latin letter is only found where no
    Latin letter follows (``kg`` in ``3kg`` but not in ``3kgs``), as the alternation
    ``kg(?![A-Za-z])`` would.
    """

    __slots__ = ("firsts", "lasts", "latin_bound", "lengths", "words")

    def __init__(self, words: Iterable[str], latin_bound: bool = False) -> None:
        self.words = frozenset(w for w in words if w)
        self.lengths = tuple(sorted({len(w) for w in self.words}, reverse=True))
        self.firsts = frozenset(w[0] for w in self.words)
        self.lasts = frozenset(w[-1] for w in self.words)
        self.latin_bound = latin_bound

    def at(self, text: str, pos: int) -> str | None:
        """The longest word that starts at ``pos`` in ``text``, or None."""
        if text[pos : pos + 1] not in self.firsts:
            return None
        words = self.words
        for n in self.lengths:
            word = text[pos : pos + n]
            if word in words and len(word) == n:
                if (
                    self.latin_bound
                    and word[-1] in _LATIN
                    and text[pos + n : pos + n + 1] in _LATIN
                ):
                    continue
                return word
        return None

    def ending(self, text: str) -> str | None:
        """The longest word that ends ``text``, or None (``(?:words)$`` without the
        newline rule: callers drop a final newline themselves)."""
        if text[-1:] not in self.lasts:
            return None
        words = self.words
        for n in self.lengths:
            if n <= len(text) and text[-n:] in words:
                return text[-n:]
        return None
