"""A thin index over the language data in ``patterns/``.

Installed wheels carry the data as ``zhjx/_patterns``; a source checkout reads the
top-level ``patterns/`` folder.  Loaders are cached: data is read once a process.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


@cache
def patterns_dir() -> Path:
    """The folder holding zhjx's language data."""
    for candidate in (_HERE / "_patterns", _HERE.parents[1] / "patterns"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("zhjx's patterns/ folder is missing from this installation")


def pattern_path(name: str) -> Path:
    """The path of one data file, e.g. ``"numbers/units.jsonl"``."""
    path = patterns_dir() / name
    if not path.is_file():
        raise FileNotFoundError(f"zhjx language data file not found: {path}")
    return path


def iter_jsonl(name: str) -> Iterator[dict[str, Any]]:
    """Yield the objects of a JSONL data file, skipping blank and ``//`` comment lines."""
    with pattern_path(name).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                yield json.loads(line)
            except ValueError as exc:
                raise ValueError(f"{name}:{lineno}: {exc}") from None


@cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """All objects of a JSONL data file (cached)."""
    return tuple(iter_jsonl(name))


@cache
def load_json(name: str) -> Any:
    """A JSON data file (cached)."""
    return json.loads(pattern_path(name).read_text(encoding="utf-8"))


@cache
def load_words(name: str) -> tuple[str, ...]:
    """A word list: one entry a line, ``#`` starts a comment."""
    words = []
    for line in pattern_path(name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line)
    return tuple(words)
