"""The word lists of ``patterns/facts`` as sets and compiled patterns (loaded once)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

import regex

from zhjx.resources import load_words, pattern_path


@dataclass(frozen=True)
class Lexicon:
    """Word classes that tie a figure to its subject, owner, period and change."""

    clause_marks: frozenset[str]
    sentence_marks: frozenset[str]
    verbs: frozenset[str]
    function_words: frozenset[str]
    prepositions: frozenset[str]
    tail_words: frozenset[str]
    lead_words: frozenset[str]
    anaphora: dict[str, frozenset[str]]
    new_subjects: frozenset[str]
    openers: frozenset[str]
    topic_prefixes: frozenset[str]
    comparatives: frozenset[str]
    changes: dict[str, str]
    bases: frozenset[str]
    datelines: tuple[regex.Pattern[str], ...]

    @cached_property
    def boundaries(self) -> frozenset[str]:
        """Words a subject never spans: predicates and function words."""
        return self.verbs | self.function_words | self.prepositions

    @cached_property
    def trailing(self) -> frozenset[str]:
        """Words stripped between a subject and its number."""
        return (
            self.verbs
            | self.function_words
            | self.tail_words
            | frozenset(self.changes)
            | self.bases
        )

    @cached_property
    def leading(self) -> frozenset[str]:
        """Words stripped from a subject's start."""
        return (
            self.lead_words
            | frozenset(self.anaphora)
            | self.function_words
            | self.prepositions
            | self.verbs
        )

    @cached_property
    def longest_word(self) -> int:
        """How far a word look-up reaches: 8 characters, or the longest reference."""
        return max(8, *(len(w) for w in self.anaphora))

    @cached_property
    def anaphora_words(self) -> tuple[str, ...]:
        """The references (该公司 …), longest first."""
        return tuple(sorted(self.anaphora, key=len, reverse=True))

    @cached_property
    def anaphora_firsts(self) -> frozenset[str]:
        """The characters references start with (该, 这 …)."""
        return frozenset(w[0] for w in self.anaphora if w)

    @cached_property
    def change_words(self) -> frozenset[str]:
        """The change verbs (增长, 下降 …) as a set."""
        return frozenset(self.changes)

    @cached_property
    def tails(self) -> frozenset[str]:
        """Words between a change verb and its number (``增长了``, ``增长至``)."""
        return self.tail_words | {"了"}

    @cached_property
    def right_stops(self) -> frozenset[str]:
        """Words that end a subject written after its number."""
        return self.boundaries | self.lead_words | self.tail_words | self.change_words | self.bases


def _tsv(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in pattern_path(name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        word, _, value = line.partition("\t")
        if not value:
            raise ValueError(f"{name}: no TAB-separated value in {line!r}")
        out[word.strip()] = value.strip()
    return out


@cache
def lexicon() -> Lexicon:
    """The facts lexicon, read from ``patterns/facts`` once a process."""
    marks = load_words("facts/delimiters.txt")
    words = {
        name: frozenset(load_words(f"facts/{name}.txt"))
        for name in (
            "verbs",
            "function_words",
            "prepositions",
            "tail_words",
            "lead_words",
            "new_subjects",
            "openers",
            "topic_prefixes",
            "comparatives",
            "bases",
        )
    }
    return Lexicon(
        clause_marks=frozenset(m.split("|")[0] for m in marks) | {"\n"},
        sentence_marks=frozenset(m.split("|")[0] for m in marks if m.endswith("|S")) | {"\n"},
        changes=_tsv("facts/changes.tsv"),
        anaphora={
            w: frozenset(k.strip() for k in kinds.split(","))
            for w, kinds in _tsv("facts/anaphora.tsv").items()
        },
        datelines=tuple(regex.compile(p) for p in load_words("facts/datelines.txt")),
        **words,
    )
