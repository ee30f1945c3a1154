"""Assembling the zhjx pipeline: ``spacy.blank("zh")`` with pkuseg plus the components."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

import zhjx.components  # noqa: F401  (registers the factories)
from zhjx import extensions
from zhjx.model import require_model
from zhjx.segmenter import FastPkuseg

#: The components of the default pipeline, in order.
COMPONENTS: tuple[str, ...] = ("zhjx_organizations", "zhjx_dates", "zhjx_numbers", "zhjx_facts")

_CONFIG = {"nlp": {"tokenizer": {"segmenter": "pkuseg"}}}


def blank(model: str | Path | None = None) -> Language:
    """``spacy.blank("zh")`` with the pkuseg segmenter loaded from the zhjx model cache.

    The segmenter is :class:`zhjx.segmenter.FastPkuseg` (same words as spacy-pkuseg,
    memory-mapped arrays); ``nlp.to_disk`` still writes a standard spaCy pipeline.
    """
    return use_segmenter(spacy.blank("zh", config=_CONFIG), model)


def use_segmenter(nlp: Language, model: str | Path | None = None) -> Language:
    """Give a user's own ``spacy.blank("zh", ...pkuseg...)`` pipeline the zhjx segmenter.

    Use this instead of ``nlp.tokenizer.initialize(pkuseg_model=...)``: the zhjx model
    folder is compiled for :class:`~zhjx.segmenter.FastPkuseg`, not for spacy-pkuseg.
    """
    if getattr(nlp.tokenizer, "segmenter", None) != "pkuseg":
        raise ValueError('the pipeline needs spacy.blank("zh") with the pkuseg segmenter')
    nlp.tokenizer.pkuseg_seg = FastPkuseg(require_model(Path(model) if model else None))
    return nlp


def build(model: str | Path | None = None, components: tuple[str, ...] = COMPONENTS) -> Language:
    """A new pipeline with the given zhjx components."""
    extensions.register()
    nlp = blank(model)
    for name in components:
        nlp.add_pipe(name)
    return nlp


def load(model: str | Path | None = None) -> Language:
    """The default pipeline, built once a process (per model folder)."""
    return _load(str(model) if model else None)


@cache
def _load(model: str | None) -> Language:
    return build(model)
