"""The ``zhjx`` command line.

Exit status: 0 when every file succeeded; 3 when some files failed (each is named on
stderr and in the errors report beside OUT); 2 for a usage error; 4 when the
segmentation model is missing (``zhjx setup`` fetches it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from zhjx import model

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_SOME_FAILED = 3
EXIT_NO_MODEL = 4

FORMATS = ("jsonl", "csv", "parquet")
RECORD_TYPES = ("article", "organization", "figure", "percentage", "date")


def _cmd_setup(args: argparse.Namespace) -> int:
    dest = Path(args.dir) if args.dir else None
    path = model.provision(wheel=args.wheel, dest=dest, force=args.force)
    print(f"zhjx: pkuseg model ready at {path}", file=sys.stderr)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from zhjx.records import json_schema

    json.dump(json_schema(), sys.stdout, ensure_ascii=False, indent=1)
    print()
    return EXIT_OK


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    suffix = Path(args.output).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "jsonl"


def _types(value: str | None) -> frozenset[str] | None:
    if not value:
        return None
    types = frozenset(t.strip() for t in value.split(",") if t.strip())
    unknown = types - set(RECORD_TYPES)
    if unknown:
        raise ValueError(
            f"unknown record type(s) for --types: {', '.join(sorted(unknown))} "
            f"(choose from {', '.join(RECORD_TYPES)})"
        )
    return types


def _resume_state(staging: Path) -> set[str]:
    """Docs already complete in a staging JSONL; the last doc is redone (it may be cut)."""
    if not staging.exists():
        return set()
    kept: list[str] = []
    order: list[str] = []
    with staging.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                doc = json.loads(line)["doc"]
            except (ValueError, KeyError, TypeError):
                break  # a line cut by the interruption: stop here
            if not order or order[-1] != doc:
                order.append(doc)
            kept.append(line)
    done = set(order[:-1])
    with staging.open("w", encoding="utf-8") as fh:
        fh.writelines(line for line in kept if json.loads(line)["doc"] in done)
    return done


def _cmd_extract(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from zhjx.batch import Job, run
    from zhjx.extract import as_date, walk
    from zhjx.io.tables import read_jsonl, write_table

    fmt = _format(args)
    types = _types(args.types)
    if args.facts:
        if types is not None:
            raise ValueError("--facts keeps figures and percentages; leave out --types")
        types = frozenset({"article", "figure", "percentage"})
    published = as_date(args.published) if args.published else None
    if args.jobs < 0:
        raise ValueError("--jobs takes a whole number: 0 for one per CPU core, or more")
    args.jobs = args.jobs or os.cpu_count() or 1
    if args.scheduler:
        return _extract_on_dask(args, published)
    model.require_model()  # fail early, before walking folders

    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    direct = fmt == "jsonl" and not args.facts
    staging = out if direct else out.with_name(out.name + ".partial.jsonl")
    errors_path = out.with_name(out.name + ".errors.jsonl")
    done = _resume_state(staging) if args.resume else set()
    if not args.resume and staging.exists():
        staging.unlink()

    errors: list[dict[str, str]] = []
    for p in args.paths:
        if not Path(p).exists():
            errors.append({"file": str(p), "error": f"{p}: no such file or folder"})
            print(f"zhjx: error: {p}: no such file or folder", file=sys.stderr)
    max_bytes = int(args.max_size * 1024 * 1024)
    found, passed = walk([p for p in args.paths if Path(p).exists()], args.glob)
    jobs = [Job(str(f), str(root), published, types, max_bytes) for f, root in found]
    if passed:
        suffixes = ", ".join(sorted({f.suffix or "(none)" for f in passed}))
        print(
            f"zhjx: passed over {len(passed)} files that are not pages ({suffixes}); "
            "name them or use --glob to read them",
            file=sys.stderr,
        )
    skipped = 0
    if done:
        from zhjx.batch import doc_name

        todo = [j for j in jobs if doc_name(Path(j.path), Path(j.root)) not in done]
        skipped = len(jobs) - len(todo)
        jobs = todo

    if args.jobs == 1 and jobs:
        from zhjx.pipeline import load

        load()  # before the clock: chars/s measures the work, not the start-up
    started = time.perf_counter()
    counts: Counter[str] = Counter()
    chars = 0
    bar = tqdm(total=len(jobs), unit="file", disable=args.quiet, file=sys.stderr, smoothing=0.1)
    with staging.open("a", encoding="utf-8") as fh:
        for result in run(jobs, args.jobs):
            bar.update(1)
            if result.error:
                errors.append({"file": result.path, "error": result.error})
                tqdm.write(f"zhjx: error: {result.error}", file=sys.stderr)
                continue
            fh.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in result.records))
            fh.flush()
            counts["files"] += 1
            counts["articles"] += result.articles
            counts.update(r["type"] for r in result.records)
            chars += result.chars
            rate = chars / max(time.perf_counter() - started, 1e-9)
            bar.set_postfix(articles=counts["articles"], chars_s=f"{rate:,.0f}", refresh=False)
    bar.close()

    if args.facts:
        _write_facts(staging, out, fmt)
    elif fmt != "jsonl":
        write_table(read_jsonl(staging), out, fmt)
        staging.unlink()
    if errors:
        with errors_path.open("w", encoding="utf-8") as eh:
            for err in errors:
                eh.write(json.dumps(err, ensure_ascii=False) + "\n")
    elif errors_path.exists():
        errors_path.unlink()

    elapsed = time.perf_counter() - started
    kinds = ", ".join(f"{counts[t]} {t}s" for t in ("organization", "figure", "percentage", "date"))
    resumed = f" ({skipped} files already done)" if skipped else ""
    print(
        f"zhjx: {counts['files']} files{resumed}, {counts['articles']} articles; {kinds}; "
        f"{len(errors)} errors; {len(passed)} passed over; {elapsed:.1f}s -> {out}"
        + (f"; errors listed in {errors_path}" if errors else ""),
        file=sys.stderr,
    )
    return EXIT_SOME_FAILED if errors else EXIT_OK


def _write_facts(staging: Path, out: Path, fmt: str) -> None:
    """Rewrite the finished records as the facts table: one row a figure or percentage."""
    from zhjx.io.facts import facts
    from zhjx.io.tables import read_jsonl

    table = facts(read_jsonl(staging))
    if fmt == "jsonl":
        table.to_json(out, orient="records", lines=True, force_ascii=False)
    elif fmt == "csv":
        table.to_csv(out, index=False)
    else:
        table.to_parquet(out, index=False, engine="pyarrow")
    staging.unlink()


def _extract_on_dask(args: argparse.Namespace, published) -> int:
    """``--scheduler``: the same extraction on a Dask cluster, into a Parquet folder."""
    from zhjx.scale.dask import extract_bag

    summary = extract_bag(
        args.paths, args.output, scheduler=args.scheduler, published=published, pattern=args.glob
    )
    for err in summary["errors"]:
        print(f"zhjx: error: {err['error']}", file=sys.stderr)
    kinds = ", ".join(f"{n} {t}s" for t, n in sorted(summary["records"].items()))
    print(
        f"zhjx: {summary['files']} files on {summary['processes']} workers; {kinds}; "
        f"{len(summary['errors'])} errors; {len(summary['passed_over'])} passed over; "
        f"{summary['seconds']:.1f}s -> {args.output}/",
        file=sys.stderr,
    )
    return EXIT_SOME_FAILED if summary["errors"] else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``zhjx``."""
    parser = argparse.ArgumentParser(
        prog="zhjx",
        description="Typed, normalized records with provenance from Chinese newspaper pages: "
        "organizations, figures, percentages and dates, each pointing back to its "
        "characters in the raw file.",
        epilog="First run `zhjx setup` once to fetch the segmentation model. "
        "Exit status of extract: 0 all files done, 3 some files failed (see the errors "
        "report), 2 usage error, 4 model missing.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "setup",
        help="download and convert the pkuseg segmentation model (once)",
        description="Fetch the MIT-licensed pkuseg==0.0.25 wheel from PyPI with pip, "
        "unpack its mixed-domain model and convert it into the cache "
        f"({model.model_dir()}; set {model.ENV_VAR} to put it elsewhere).",
    )
    p.add_argument("--wheel", help="use this local pkuseg-0.0.25 wheel instead of downloading")
    p.add_argument("--dir", help=f"where to put the model (default: ${model.ENV_VAR} or the cache)")
    p.add_argument("--force", action="store_true", help="convert again even if present")
    p.set_defaults(func=_cmd_setup)

    p = sub.add_parser(
        "extract",
        help="extract records from files and folders of articles",
        description="Walk files and folders of newspaper text (UTF-8, GB18030, HTML) and "
        "write one record a line: articles, organizations, figures, percentages and dates "
        "(see docs/contract.md). Files that cannot be read are named on stderr and in "
        "OUT.errors.jsonl; the run goes on.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (walked recursively)")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="the output file")
    p.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="output format (default: from OUT's suffix, else jsonl)",
    )
    p.add_argument(
        "--published",
        metavar="DATE",
        help="publication date YYYY-MM-DD for every file (default: from the page, its "
        "datelines, or a date in the file or folder name)",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="worker processes, each loading the pipeline once (0: one per CPU core)",
    )
    p.add_argument(
        "--types",
        metavar="T,T",
        help=f"only these record types (of {', '.join(RECORD_TYPES)})",
    )
    p.add_argument(
        "--glob",
        metavar="PATTERN",
        help="read the files matching this pattern inside folders (default: pages by suffix: "
        ".txt .text .htm .html .xhtml or none; others are counted and reported)",
    )
    p.add_argument(
        "--facts",
        action="store_true",
        help="write the facts view instead of records: one row a figure or percentage "
        "with its subject, organization, period, change and basis",
    )
    p.add_argument(
        "--resume", action="store_true", help="keep OUT's finished files and do the rest"
    )
    p.add_argument(
        "--max-size",
        type=float,
        default=20,
        metavar="MB",
        help="files larger than this are reported, not read (default: 20)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster at ADDRESS (needs zhjx[dask]); OUT is then a new folder "
        "of Parquet parts, OUT/type=<type>/ and OUT/errors/",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("schema", help="print the JSON Schema of the output records")
    p.set_defaults(func=_cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except model.ModelNotFoundError as exc:
        print(f"zhjx: {exc}", file=sys.stderr)
        return EXIT_NO_MODEL
    except ValueError as exc:
        print(f"zhjx: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("zhjx: interrupted; run again with --resume to finish", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
