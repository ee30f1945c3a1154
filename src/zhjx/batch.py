"""Running the pipeline over many files, in one process or several, in input order.

Each worker process loads the pipeline once (``zhjx.pipeline.load`` is cached per
process).  A bad file never stops a run: it yields a :class:`FileResult` with an
``error`` in plain words that names the file.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
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


#: Files read and segmented together in one call, at most this many and about this size.
GROUP_FILES = 16
GROUP_BYTES = 1 << 20


def process(job: Job) -> FileResult:
    """Extract one file; never raises for a bad file."""
    return process_many([job])[0]


def process_many(jobs: Sequence[Job]) -> list[FileResult]:
    """Extract files that share a model, their articles segmented together; never
    raises for a bad file.  If the joint run fails, each file is run alone, so an
    error is reported for the file that caused it only."""
    from zhjx.extract import extract_pages
    from zhjx.pipeline import load

    read = [_read(job) for job in jobs]
    good = [i for i, (_, articles) in enumerate(read) if articles is not None]
    if len(good) > 1:
        try:
            pages = extract_pages([(read[i][1], read[i][0].doc) for i in good], load(jobs[0].model))
        except Exception:  # the files are run again one at a time below
            pass
        else:
            for i, records in zip(good, pages, strict=True):
                _finish(read[i][0], read[i][1], records, jobs[i])
            return [result for result, _ in read]
    for i in good:
        _extract_alone(read[i][0], read[i][1], jobs[i])
    return [result for result, _ in read]


def _read(job: Job) -> tuple[FileResult, list[Any] | None]:
    """The file's result so far and its articles; None (and ``error`` set) when it
    cannot be read."""
    from zhjx.extract import read_page
    from zhjx.ingest import DecodeError

    path, root = Path(job.path), Path(job.root)
    result = FileResult(path=str(path), doc=doc_name(path, root))
    try:
        raw, articles = read_page(path, job.published, max_bytes=job.max_bytes)
    except DecodeError as exc:
        result.error = str(exc)
        return result, None
    except OSError as exc:
        result.error = f"{path}: cannot read ({exc.strerror or exc})"
        return result, None
    except Exception as exc:  # a bug must not cost the other files their records
        result.error = f"{path}: internal error ({type(exc).__name__}: {exc})"
        return result, None
    result.chars = len(raw)
    return result, articles


def _extract_alone(result: FileResult, articles: list[Any], job: Job) -> None:
    from zhjx.extract import extract_articles
    from zhjx.pipeline import load

    try:
        records = extract_articles(articles, result.doc, load(job.model))
    except Exception as exc:  # a bug must not cost the other files their records
        result.error = f"{result.path}: internal error ({type(exc).__name__}: {exc})"
        result.chars = 0
        return
    _finish(result, articles, records, job)


def _finish(result: FileResult, articles: list[Any], records: list[Any], job: Job) -> None:
    result.articles = len(articles)
    result.records = [r.to_dict() for r in records if job.types is None or r.type in job.types]


def groups(jobs: Iterable[Job]) -> Iterator[list[Job]]:
    """Consecutive jobs with the same model, at most :data:`GROUP_FILES` files and about
    :data:`GROUP_BYTES` bytes a group (a file that cannot be measured counts as empty)."""
    group: list[Job] = []
    size = 0
    for job in jobs:
        try:
            n = Path(job.path).stat().st_size
        except OSError:
            n = 0
        if group and (
            len(group) >= GROUP_FILES or size + n > GROUP_BYTES or job.model != group[0].model
        ):
            yield group
            group, size = [], 0
        group.append(job)
        size += n
    if group:
        yield group


def _init_worker() -> None:
    from zhjx.pipeline import load

    load()


def run(jobs: Iterable[Job], processes: int = 1) -> Iterator[FileResult]:
    """Results in the order of ``jobs``, computed by ``processes`` worker processes,
    a group of small files at a time (see :func:`groups`)."""
    if processes <= 1:
        for group in groups(jobs):
            yield from process_many(group)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(processes, initializer=_init_worker) as pool:
        for results in pool.imap(process_many, groups(jobs), chunksize=1):
            yield from results
