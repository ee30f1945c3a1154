"""A regression floor on People's Daily 1998 (held-apart days); skipped without the data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhjx.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "pd1998" / "pd1998_visible.jsonl"


@pytest.mark.slow
def test_pd1998_day15_floor():
    if not DATA.is_file():
        pytest.skip(f"People's Daily 1998 data absent ({DATA}); the shared data is not here")
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    rows = [r for r in rows if r["doc"].startswith("19980115")][:300]
    nlp = build(components=("zhjx_organizations",))
    tp = fp = fn = 0
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        gold = {(s["start"], s["end"]) for s in row["spans"] if s["label"] == "ORG"}
        opt = {(s["start"], s["end"]) for s in row["nested"] if s["label"] == "ORG"}
        pred = {(s.start_char, s.end_char) for s in doc.spans["zhjx_organizations"]}
        tp += len(pred & gold)
        fp += len(pred - gold - opt)
        fn += len(gold - pred)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.6, f"F1 {f1:.3f} (tp={tp} fp={fp} fn={fn})"
