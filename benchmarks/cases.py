"""Pass rates of zhjx on the public normalizer case suites.

    python benchmarks/cases.py [--group numbers|dates] [--suite NAME] [--failures] [--pure]

Reads ``../shared/data/cases/*.jsonl`` (or ``--cases DIR``).  By default each case runs
through the whole pipeline (``zhjx.extract``); ``--pure`` calls the normalizers directly.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from zhjx.evaluation import date_dict, load_cases, quantity_dict, run_case, summarize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CASES = ROOT.parent / "shared" / "data" / "cases"


def pipeline_extractor():
    """Records of the full pipeline as dicts."""
    import zhjx

    nlp = zhjx.load()

    def run(text: str, published: str | None) -> list[dict]:
        return [r.to_dict() for r in zhjx.extract(text, published, nlp=nlp)]

    return run


def pure_extractor():
    """Mentions of the pure normalizers as record-like dicts."""
    from zhjx.normalize.dates import find_dates
    from zhjx.normalize.numbers import find_quantities

    def run(text: str, published: str | None) -> list[dict]:
        ref = date.fromisoformat(published) if published else None
        dates = find_dates(text, ref)
        out = [date_dict(d) for d in dates]
        out += [
            quantity_dict(q)
            for q in find_quantities(text)
            if not any(q.start < d.end and d.start < q.end for d in dates)
        ]
        return out

    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    ap.add_argument("--group", choices=["numbers", "dates"])
    ap.add_argument("--suite", action="append", help="only these suites (file stems)")
    ap.add_argument("--failures", action="store_true", help="print each failed case")
    ap.add_argument("--pure", action="store_true", help="call the normalizers directly")
    a = ap.parse_args(argv)
    if not a.cases.is_dir():
        print(f"no case suites at {a.cases}", file=sys.stderr)
        return 2
    files = sorted(a.cases.glob("*.jsonl"))
    if a.suite:
        files = [f for f in files if f.stem in a.suite]
    cases = [c for c in load_cases(files) if not a.group or c["group"] == a.group]
    extractor = pure_extractor() if a.pure else pipeline_extractor()
    results = [run_case(c, extractor) for c in cases]
    for suite, (ok, n) in summarize(results).items():
        print(f"{suite:28s} {ok:4d}/{n:<4d} {ok / n:.3f}")
    ok = sum(r.passed for r in results)
    print(f"{'all':28s} {ok:4d}/{len(results):<4d} {ok / max(len(results), 1):.3f}")
    if a.failures:
        for r in results:
            if not r.passed:
                c = r.case
                got = [(p.get("text"), p.get("value"), p.get("unit")) for p in r.predicted]
                want = [(e.get("text"), e.get("value"), e.get("unit")) for e in r.missing]
                print(
                    json.dumps(
                        {
                            "id": c["id"],
                            "text": c["text"],
                            "published": c.get("published"),
                            "missing": want,
                            "got": got,
                            "forbidden": bool(r.forbidden_hits),
                            "error": r.error,
                        },
                        ensure_ascii=False,
                    )
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
