"""Scoring facts against gold: per-field and fully-right rates, with the failures.

A gold fact (``corpus/gold/facts.jsonl``) names a figure or percentage by ``doc``,
``type``, ``text`` and ``value`` and gives ``subject``, ``org``, ``period``, ``change``
and ``basis``.  The subject is right when the gold subject occurs in the predicted one;
the others must be equal (org by canonical name, period by value).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

FIELDS = ("subject", "org", "period", "change", "basis")


def _squeeze(text: Any) -> str:
    return "".join(str(text or "").split())


def _same_value(a: Any, b: Any) -> bool:
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except (ArithmeticError, ValueError):
        return a == b


def field_right(name: str, gold: Any, pred: Any) -> bool:
    """Whether one field of a prediction matches the gold."""
    if name == "subject":
        return gold is not None and pred is not None and _squeeze(gold) in _squeeze(pred)
    return gold == pred


@dataclass
class FactScore:
    """Rates over the gold facts and the failures behind them."""

    total: int = 0
    found: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    fully_right: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    overlong: list[dict[str, Any]] = field(default_factory=list)

    def rate(self, name: str) -> float:
        """The share of gold facts right on ``name`` (``fully`` for all fields, ``found``)."""
        if not self.total:
            return 0.0
        if name == "fully":
            return self.fully_right / self.total
        if name == "found":
            return self.found / self.total
        return self.right[name] / self.total


def sentence_around(raw: str, start: int, end: int, marks: Iterable[str]) -> str:
    """The text of ``raw`` around ``[start, end)`` up to the nearest ``marks`` (no whitespace)."""
    marks = set(marks) - {"\n"}
    lo = start
    while lo > 0 and raw[lo - 1] not in marks:
        lo -= 1
    hi = end
    while hi < len(raw) and raw[hi] not in marks:
        hi += 1
    return _squeeze(raw[lo:hi])


def overlong(subject: str, sentence: str, clause_marks: Iterable[str]) -> bool:
    """Whether a subject is not inside its sentence or longer than the sentence's longest clause.

    (A change percentage takes its subject from the figure before it, in another clause
    of the same sentence, so the bound is the longest clause, not the figure's own.)
    """
    subject = _squeeze(subject)
    clauses = [sentence]
    for mark in set(clause_marks) - {"\n"}:
        clauses = [part for c in clauses for part in c.split(mark)]
    return subject not in sentence or len(subject) > max(len(c) for c in clauses)


def _match(gold: Mapping[str, Any], cands: list[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The first prediction with the gold's text, else one whose text holds the gold's
    (``突破万人`` for ``万人``: qualifiers may be in or out of a mention), same value first."""
    text = _squeeze(gold["text"])
    for same_text in (True, False):
        for same_value in (True, False):
            for p in cands:
                ptext = _squeeze(p["text"])
                if (ptext == text) if same_text else (text in ptext or ptext in text):
                    if not same_value or _same_value(p.get("value"), gold.get("value")):
                        return p
    return None


def score_facts(
    gold: Iterable[Mapping[str, Any]],
    predicted: Iterable[Mapping[str, Any]],
    raw_texts: Mapping[str, str] | None = None,
) -> FactScore:
    """Score predicted records (dicts) against gold facts.

    With ``raw_texts`` (doc name -> raw text) every predicted subject is also checked
    against its sentence (:func:`overlong`); offenders are listed in ``overlong``.
    """
    from zhjx.relate.lexicon import lexicon

    pool: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    preds = [p for p in predicted if p.get("type") in ("figure", "percentage")]
    for p in preds:
        pool.setdefault((p["doc"], p["type"]), []).append(p)
    score = FactScore()
    for g in gold:
        if g.get("type") not in ("figure", "percentage"):
            continue
        score.total += 1
        cands = pool.get((g["doc"], g["type"]), [])
        match = _match(g, cands)
        if match is None:
            score.failures.append({"gold": dict(g), "pred": None, "wrong": ["found"]})
            continue
        cands.remove(match)
        score.found += 1
        wrong = [f for f in FIELDS if not field_right(f, g.get(f), match.get(f))]
        for f in FIELDS:
            score.right[f] += f not in wrong
        if wrong:
            score.failures.append({"gold": dict(g), "pred": dict(match), "wrong": wrong})
        else:
            score.fully_right += 1
    if raw_texts is not None:
        lex = lexicon()
        for p in preds:
            raw = raw_texts.get(p["doc"])
            if raw is None or not p.get("subject"):
                continue
            sentence = sentence_around(raw, p["start"], p["end"], lex.sentence_marks)
            if overlong(p["subject"], sentence, lex.clause_marks):
                score.overlong.append({"pred": dict(p), "sentence": sentence})
    return score
