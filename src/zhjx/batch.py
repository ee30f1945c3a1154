"""Running the pipeline over many files, in one process or several, in input order.

Each worker process loads the pipeline once (``zhjx.pipeline.load`` is cached per
process).  A bad file never stops a run: it yields a :class:`FileResult` with an
``error`` in plain words that names the file.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from zhjx.extract import DEFAULT_MAX_BYTES


@dataclass(slots=True)
class FileResult:
    """What one file gave: its records as dicts, or the reason it gave none."""

    path: str
    doc: str
    records: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    chars: int = 0
    articles: int = 0


@dataclass(frozen=True, slots=True)
class Job:
    """One file to process and how."""

    path: str
    root: str
    published: date | None = None
    types: frozenset[str] | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    model: str | None = None


def doc_name(path: Path, root: Path) -> str:
    """The ``doc`` field: the path relative to the folder given, or the file name."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def process(job: Job) -> FileResult:
    """Extract one file; never raises for a bad file."""
    from zhjx.extract import extract_articles, read_page
    from zhjx.ingest import DecodeError
    from zhjx.pipeline import load

    path, root = Path(job.path), Path(job.root)
    result = FileResult(path=str(path), doc=doc_name(path, root))
    try:
        raw, articles = read_page(path, job.published, max_bytes=job.max_bytes)
        records = extract_articles(articles, result.doc, load(job.model))
    except DecodeError as exc:
        result.error = str(exc)
        return result
    except OSError as exc:
        result.error = f"{path}: cannot read ({exc.strerror or exc})"
        return result
    except Exception as exc:  # a bug must not cost the other files their records
        result.error = f"{path}: internal error ({type(exc).__name__}: {exc})"
        return result
    result.chars = len(raw)
    result.articles = len(articles)
    result.records = [r.to_dict() for r in records if job.types is None or r.type in job.types]
    return result


def _init_worker() -> None:
    from zhjx.pipeline import load

    load()


def run(jobs: Iterable[Job], processes: int = 1) -> Iterator[FileResult]:
    """Results in the order of ``jobs``, computed by ``processes`` worker processes."""
    if processes <= 1:
        for job in jobs:
            yield process(job)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(processes, initializer=_init_worker) as pool:
        yield from pool.imap(process, jobs, chunksize=1)
