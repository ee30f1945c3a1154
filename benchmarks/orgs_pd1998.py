"""Organization spans on People's Daily, January 1998 (PFR annotation): exact-span P/R/F1.

The data is ../shared/data/pd1998/pd1998_visible.jsonl (evaluation use only; never copied
into the project).  Gold is every ORG in ``spans``; ORG spans nested inside another
(``nested``) are optional: finding one is neither a hit nor a false hit.  Days 1-10 are
for development, days 11-15 are held apart; the script reports both and all.

    python benchmarks/orgs_pd1998.py [--file PATH] [--errors N] [--days 1-15]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "pd1998" / "pd1998_visible.jsonl"
SPLITS = {"dev (days 1-10)": range(1, 11), "eval (days 11-15)": range(11, 16)}


def load(path: Path) -> list[dict]:
    """Paragraphs with their gold and optional ORG spans."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            rows.append(
                {
                    "day": int(row["doc"][6:8]),
                    "text": row["text"],
                    "gold": {(s["start"], s["end"]) for s in row["spans"] if s["label"] == "ORG"},
                    "optional": {
                        (s["start"], s["end"]) for s in row.get("nested", []) if s["label"] == "ORG"
                    },
                }
            )
    return rows


def predict(rows: list[dict]) -> None:
    """Run the zhjx organizations component over every paragraph (no province context)."""
    from zhjx.pipeline import build

    nlp = build(components=("zhjx_organizations",))
    docs = nlp.pipe(row["text"] for row in rows)
    for row, doc in zip(rows, docs, strict=True):
        row["pred"] = {(s.start_char, s.end_char) for s in doc.spans["zhjx_organizations"]}


def score(rows: list[dict]) -> dict:
    tp = fp = fn = 0
    misses: Counter[str] = Counter()
    falses: Counter[str] = Counter()
    for row in rows:
        pred, gold, opt = row["pred"], row["gold"], row["optional"]
        tp += len(pred & gold)
        for s, e in pred - gold - opt:
            fp += 1
            falses[row["text"][s:e]] += 1
        for s, e in gold - pred:
            fn += 1
            misses[row["text"][s:e]] += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "p": p,
        "r": r,
        "f1": f,
        "misses": misses,
        "falses": falses,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", type=Path, default=DEFAULT)
    ap.add_argument("--errors", type=int, default=0, help="show the N commonest misses/false hits")
    ap.add_argument(
        "--split",
        choices=["dev", "eval", "all"],
        default="all",
        help="which days to list errors for",
    )
    args = ap.parse_args(argv)
    if not args.file.is_file():
        print(f"skipped: {args.file} is absent (the shared evaluation data is not here)")
        return 0
    rows = load(args.file)
    t0 = time.perf_counter()
    predict(rows)
    secs = time.perf_counter() - t0
    chars = sum(len(r["text"]) for r in rows)
    print(f"{len(rows)} paragraphs, {chars} characters, {secs:.1f} s ({chars / secs:,.0f} chars/s)")
    results = {}
    for label, days in [*SPLITS.items(), ("all (days 1-15)", range(1, 16))]:
        res = score([r for r in rows if r["day"] in days])
        results[label] = res
        print(
            f"{label:18} P={res['p']:.3f} R={res['r']:.3f} F1={res['f1']:.3f}"
            f"  tp={res['tp']} fp={res['fp']} fn={res['fn']}"
        )
    if args.errors:
        key = {"dev": "dev (days 1-10)", "eval": "eval (days 11-15)", "all": "all (days 1-15)"}
        res = results[key[args.split]]
        print("\ncommonest misses:", res["misses"].most_common(args.errors))
        print("\ncommonest false hits:", res["falses"].most_common(args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
