"""Extracting records from many files with Dask (``pip install "zhjx[dask]"``).

    >>> from zhjx.scale.dask import extract_bag
    >>> summary = extract_bag(["archive/"], "out/", scheduler="tcp://10.0.0.5:8786")

Files are spread over a Dask bag; each partition runs the CLI's per-file step
(``zhjx.batch.process``: size limits, decoding, named errors) on its files with the
pipeline of the worker process (loaded once per worker by a :class:`PipelinePlugin`,
never pickled) and writes Parquet itself, so the records never travel back to the client:

* ``OUT/type=<record type>/part-NNNNN.parquet``: one row per record, one column per
  field of that record type (lists and intervals JSON-encoded, numbers as float64,
  dates ISO strings; the type is the folder);
* ``OUT/errors/part-NNNNN.parquet``: one row per file that failed (``doc``, ``path``,
  ``error``), so a bad file is reported and never stops the job.

``OUT`` must be on a filesystem every worker can write to.  :func:`read_records`
reads the folder back as record dicts (``Record.to_dict`` form).
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import threading
import time
import types
import typing
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import dask.bag as db
import pyarrow as pa
import pyarrow.parquet as pq
from distributed import Client, WorkerPlugin, default_client

from zhjx.records import RECORD_TYPES

#: Files per bag partition unless told otherwise.
FILES_PER_PARTITION = 4

_LOCK = threading.Lock()
_PIPELINES: dict[str | None, Any] = {}
_LOADS = 0


# ---------------------------------------------------------------- the worker's pipeline


def worker_pipeline(model: str | None = None):
    """The pipeline of this process, loaded on first use (once per worker process)."""
    global _LOADS
    with _LOCK:
        if model not in _PIPELINES:
            from zhjx.pipeline import load

            _PIPELINES[model] = load(model)
            _LOADS += 1
        return _PIPELINES[model]


def load_count() -> int:
    """How many times this process has loaded a pipeline (for tests and monitoring)."""
    return _LOADS


class PipelinePlugin(WorkerPlugin):
    """Loads the zhjx pipeline when a worker starts, before its first task."""

    name = "zhjx-pipeline"

    def __init__(self, model: str | None = None):
        self.model = model

    def setup(self, worker) -> None:
        worker_pipeline(self.model)


# ---------------------------------------------------------------- rows and schemas


def _arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of a record field as written by ``Record.to_dict``."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _arrow_type(args[0])
    if origin is typing.Literal or hint is str or hint is date:
        return pa.string()
    if hint is bool:
        return pa.bool_()
    if hint is int:
        return pa.int64()
    if hint is Decimal:
        return pa.float64()
    return pa.string()  # lists, tuples, unions: JSON text


def schema(record_type: str) -> pa.Schema:
    """The Parquet schema of one record type (without ``type``, which is the folder)."""
    cls = RECORD_TYPES[record_type]
    hints = typing.get_type_hints(cls)
    fields = [f for f in dataclasses.fields(cls) if f.name != "type"]
    return pa.schema([pa.field(f.name, _arrow_type(hints[f.name])) for f in fields])


def _row(record: dict, sch: pa.Schema) -> dict:
    out = {}
    for f in sch:
        v = record.get(f.name)
        if f.type == pa.string() and isinstance(v, list | tuple | dict):
            v = json.dumps(v, ensure_ascii=False)
        out[f.name] = v
    return out


ERROR_SCHEMA = pa.schema([("doc", pa.string()), ("path", pa.string()), ("error", pa.string())])


# ---------------------------------------------------------------- one partition


def _partition(items: list[tuple[int, str, str]], out: str, published, model) -> list[dict]:
    """Extract the files of one partition and write its Parquet files; a summary."""
    from zhjx.batch import Job, groups, process_many

    worker_pipeline(model)
    started = time.perf_counter()
    index = items[0][0] if items else 0
    by_type: dict[str, list[dict]] = {}
    errors: list[dict] = []
    chars = 0
    jobs = [Job(path, root, published, model=model) for _, path, root in items]
    results = [r for group in groups(jobs) for r in process_many(group)]
    for result in results:
        if result.error:  # reported per file, never fails the job
            errors.append({"doc": result.doc, "path": result.path, "error": result.error})
            continue
        chars += result.chars
        for r in result.records:
            by_type.setdefault(r["type"], []).append(r)
    counts = {}
    for rtype, rows in by_type.items():
        sch = schema(rtype)
        folder = Path(out) / f"type={rtype}"
        folder.mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pylist([_row(r, sch) for r in rows], schema=sch)
        pq.write_table(table, folder / f"part-{index:05d}.parquet")
        counts[rtype] = len(rows)
    if errors:
        folder = Path(out) / "errors"
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(
            pa.Table.from_pylist(errors, schema=ERROR_SCHEMA), folder / f"part-{index:05d}.parquet"
        )
    return [
        {
            "partition": index,
            "files": len(items),
            "chars": chars,
            "records": counts,
            "errors": errors,
            "seconds": time.perf_counter() - started,
            "pid": os.getpid(),
        }
    ]


# ---------------------------------------------------------------- the job


def _resolve(scheduler: str | Client | None) -> tuple[Client | None, bool]:
    """(client, whether we opened it); None means Dask's local process scheduler."""
    if isinstance(scheduler, Client):
        return scheduler, False
    if isinstance(scheduler, str):
        return Client(scheduler), True
    try:
        return default_client(), False
    except ValueError:
        return None, False


def extract_bag(
    paths: Iterable[str | os.PathLike],
    output_dir: str | os.PathLike,
    scheduler: str | Client | None = None,
    published: date | str | None = None,
    *,
    pattern: str | None = None,
    files_per_partition: int = FILES_PER_PARTITION,
    model: str | None = None,
    overwrite: bool = False,
) -> dict:
    """Extract the records of every file under ``paths`` on Dask into Parquet.

    ``scheduler`` is a ``distributed.Client``, a scheduler address
    (``"tcp://host:8786"``) or None (the default client if one exists, else Dask's
    local multiprocessing scheduler).  ``doc`` names are relative to the folder given,
    as with ``zhjx extract``.  Returns a summary: files, records per type, errors
    (one per bad file, naming it), seconds, partitions, worker processes.
    """
    from zhjx.extract import as_date, walk

    out = Path(output_dir)
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise FileExistsError(f"{out} is not empty (pass overwrite=True to replace it)")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    when = as_date(published)
    found, passed = walk(paths, pattern)
    files = [(str(f.resolve()), str(root.resolve())) for f, root in found]
    size = max(1, files_per_partition)
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    items = [[(n, f, r) for f, r in chunk] for n, chunk in enumerate(chunks)]
    started = time.perf_counter()
    client, opened = _resolve(scheduler)
    try:
        if client is not None:
            client.register_plugin(PipelinePlugin(model), name=PipelinePlugin.name)
        bag = db.from_sequence(items, npartitions=max(1, len(items)))
        bag = bag.map(_partition, str(out.resolve()), when, model).flatten()
        parts = bag.compute(scheduler=client if client is not None else "processes")
    finally:
        if opened and client is not None:
            client.close()
    records: dict[str, int] = {}
    for part in parts:
        for rtype, n in part["records"].items():
            records[rtype] = records.get(rtype, 0) + n
    summary = {
        "files": len(files),
        "chars": sum(p["chars"] for p in parts),
        "records": records,
        "errors": [e for p in parts for e in p["errors"]],
        "passed_over": [str(f) for f in passed],
        "partitions": len(parts),
        "processes": len({p["pid"] for p in parts}),
        "seconds": round(time.perf_counter() - started, 3),
        "output": str(out),
    }
    (out / "_summary.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return summary


def read_records(output_dir: str | os.PathLike) -> list[dict]:
    """The records of an :func:`extract_bag` folder as ``Record.to_dict`` dicts."""
    out: list[dict] = []
    for folder in sorted(Path(output_dir).glob("type=*")):
        rtype = folder.name.split("=", 1)[1]
        sch = schema(rtype)
        jsons = {f.name for f in sch if f.type == pa.string() and _is_json(rtype, f.name)}
        for part in sorted(folder.glob("*.parquet")):
            for row in pq.read_table(part, schema=sch).to_pylist():
                for name in jsons:
                    if row[name] is not None:
                        row[name] = json.loads(row[name])
                out.append({"doc": row.pop("doc"), "type": rtype, **row})
    return out


def read_errors(output_dir: str | os.PathLike) -> list[dict]:
    """The files that failed, as ``{"doc", "path", "error"}`` dicts."""
    folder = Path(output_dir) / "errors"
    rows: list[dict] = []
    for part in sorted(folder.glob("*.parquet")):
        rows.extend(pq.read_table(part).to_pylist())
    return rows


def _is_json(rtype: str, name: str) -> bool:
    hint = typing.get_type_hints(RECORD_TYPES[rtype])[name]
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        hint = args[0] if len(args) == 1 else hint
    return typing.get_origin(hint) in (list, tuple, dict)
