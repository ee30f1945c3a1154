"""Qualifier, change and context words around numbers (data in ``patterns/numbers/``)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import regex

from zhjx.normalize.wordtable import WordTable
from zhjx.resources import load_json, load_jsonl, load_words

QUALIFIERS_FILE = "numbers/qualifiers.jsonl"
CONTEXTS_FILE = "numbers/contexts.json"
SET_PHRASES_FILE = "numbers/set_phrases.txt"


@cache
def qualifier_words(position: str) -> dict[str, str]:
    """``word -> qualifier`` for one position (before, after, inside, distant …)."""
    return {
        row["word"]: row["qualifier"]
        for row in load_jsonl(QUALIFIERS_FILE)
        if row["position"] == position
    }


@cache
def contexts() -> dict[str, Any]:
    """The context word lists (ordinals, enumerators, change verbs, bases …)."""
    return load_json(CONTEXTS_FILE)


def _by_length(words: Any) -> list[str]:
    return sorted(set(words), key=lambda w: (-len(w), w))


def _alt(words: Any) -> str:
    return "|".join(regex.escape(w) for w in _by_length(words))


@cache
def ending_re(name: str, extra: str = "") -> regex.Pattern[str]:
    """Words of a context list (or qualifier position ``q:<position>``) ending a text."""
    return regex.compile(rf"(?:{_alt(_words(name))}){extra}$")


@cache
def starting_re(name: str) -> regex.Pattern[str]:
    """Words of a context list (or ``q:<position>``) at a position, longest first."""
    return regex.compile(rf"(?:{_alt(_words(name))})")


def _words(name: str) -> Any:
    return qualifier_words(name[2:]) if name.startswith("q:") else contexts()[name]


@cache
def word_table(name: str) -> WordTable:
    """The words of :func:`starting_re` for look-ups at a position (same matches)."""
    return WordTable(_words(name))


@cache
def set_phrases() -> tuple[str, ...]:
    """Set phrases and trap words that contain numerals but state no quantity."""
    return load_words(SET_PHRASES_FILE)


@cache
def set_phrase_re() -> re.Pattern[str]:
    """Any set phrase (longest first).

    A plain alternation of literal words: the standard library's ``re`` scans a text
    for it about four times faster than ``regex``, with the same matches.
    """
    return re.compile("|".join(re.escape(w) for w in _by_length(set_phrases())))
