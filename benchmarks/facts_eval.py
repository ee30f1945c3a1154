"""How well zhjx ties figures to subject, owner, period and change, against gold facts.

    python benchmarks/facts_eval.py [--gold corpus/gold/facts.jsonl] [--pages corpus/pages]
                                    [--pred records.jsonl]

Runs ``zhjx.extract_file`` over every page (or reads the CLI's JSONL with ``--pred``)
and prints per-field and fully-right rates, the failures and any subject longer than
its clause.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def predict(pages: Path) -> list[dict]:
    """Records of every page below ``pages`` as dicts."""
    import zhjx

    nlp = zhjx.load()
    out: list[dict] = []
    for path in sorted(p for p in pages.iterdir() if p.is_file()):
        out.extend(r.to_dict() for r in zhjx.extract_file(path, root=pages, nlp=nlp))
    return out


def _show(rec: dict | None) -> str:
    if rec is None:
        return "-"
    keys = ("subject", "org", "period", "change", "basis")
    return " | ".join(f"{k}={rec.get(k)}" for k in keys)


def main(argv: list[str] | None = None) -> int:
    from zhjx.ingest import decode
    from zhjx.relate.evaluation import FIELDS, score_facts

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold" / "facts.jsonl")
    ap.add_argument("--pages", type=Path, default=ROOT / "corpus" / "pages")
    ap.add_argument("--pred", type=Path, help="records the CLI wrote (JSONL)")
    args = ap.parse_args(argv)

    gold = _jsonl(args.gold)
    pred = _jsonl(args.pred) if args.pred else predict(args.pages)
    raws = {p.name: decode(p.read_bytes(), str(p)) for p in args.pages.iterdir() if p.is_file()}
    score = score_facts(gold, pred, raws)
    print(f"gold facts: {score.total}  found: {score.found} ({score.rate('found'):.2f})")
    for f in FIELDS:
        print(f"  {f:8s} {score.right[f]:3d}/{score.total}  {score.rate(f):.2f}")
    print(f"fully right: {score.fully_right}/{score.total}  {score.rate('fully'):.2f}")
    print(f"subjects longer than their clause: {len(score.overlong)}")
    if score.failures:
        print("\nfailures:")
        for fail in score.failures:
            g = fail["gold"]
            print(f"  {g['doc']} {g['text']} wrong: {','.join(fail['wrong'])}")
            print(f"    gold: {_show(g)}")
            print(f"    pred: {_show(fail['pred'])}")
    for item in score.overlong:
        print(f"  overlong: {item['pred']['text']} subject={item['pred']['subject']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
