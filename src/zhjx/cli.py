"""The ``zhjx`` command line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from zhjx import model

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_SOME_FAILED = 3
EXIT_NO_MODEL = 4


def _cmd_setup(args: argparse.Namespace) -> int:
    dest = Path(args.dir) if args.dir else None
    path = model.provision(wheel=args.wheel, dest=dest, force=args.force)
    print(f"pkuseg model ready at {path}", file=sys.stderr)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from zhjx.records import json_schema

    json.dump(json_schema(), sys.stdout, ensure_ascii=False, indent=1)
    print()
    return EXIT_OK


def _cmd_extract(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from zhjx.extract import as_date, extract_file, iter_files
    from zhjx.pipeline import load

    published = as_date(args.published) if args.published else None
    files = list(iter_files(args.paths, args.glob))
    missing = [p for p in args.paths if not Path(p).exists()]
    for p in missing:
        print(f"zhjx: {p}: no such file or folder", file=sys.stderr)
    started = time.perf_counter()
    nlp = load()
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    errors_path = out.with_name(out.name + ".errors.jsonl")
    counts: Counter[str] = Counter()
    errors = [{"file": str(p), "error": "no such file or folder"} for p in missing]
    with out.open("w", encoding="utf-8") as fh:
        bar = tqdm(files, unit="file", disable=args.quiet, file=sys.stderr)
        for path, root in bar:
            try:
                records = extract_file(path, published, root=root, nlp=nlp)
            except Exception as exc:  # one bad file never stops the run
                errors.append({"file": str(path), "error": str(exc)})
                tqdm.write(f"zhjx: error: {exc}", file=sys.stderr)
                continue
            for rec in records:
                fh.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
                counts[rec.type] += 1
            counts["files"] += 1
    if errors:
        with errors_path.open("w", encoding="utf-8") as eh:
            for err in errors:
                eh.write(json.dumps(err, ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - started
    kinds = ", ".join(
        f"{counts[t]} {t}" for t in ("organization", "figure", "percentage", "date") if counts[t]
    )
    print(
        f"zhjx: {counts['files']} files, {counts['article']} articles, {kinds or 'no records'}; "
        f"{len(errors)} errors; {elapsed:.1f}s -> {out}"
        + (f" (errors in {errors_path})" if errors else ""),
        file=sys.stderr,
    )
    return EXIT_SOME_FAILED if errors else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``zhjx``."""
    parser = argparse.ArgumentParser(
        prog="zhjx",
        description="Typed, normalized records with provenance from Chinese newspaper pages.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "setup",
        help="download and convert the pkuseg segmentation model (once)",
        description="Fetch the MIT-licensed pkuseg==0.0.25 wheel from PyPI with pip, "
        f"unpack its mixed-domain model and convert it into the cache ({model.model_dir()}).",
    )
    p.add_argument("--wheel", help="use this local pkuseg-0.0.25 wheel instead of downloading")
    p.add_argument("--dir", help=f"where to put the model (default: ${model.ENV_VAR} or the cache)")
    p.add_argument("--force", action="store_true", help="convert again even if present")
    p.set_defaults(func=_cmd_setup)

    p = sub.add_parser(
        "extract",
        help="extract records from files and folders of articles",
        description="Walk files and folders of newspaper text and write one JSON record "
        "a line (see docs/contract.md).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output file")
    p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) for all")
    p.add_argument("--glob", default="*", help="file name pattern inside folders (default: *)")
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


if __name__ == "__main__":
    sys.exit(main())
