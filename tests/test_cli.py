"""The CLI on folders with bad files, in parallel, resumed, and as tables."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import PAGES, points_back
from zhjx.cli import EXIT_NO_MODEL, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, main

GOOD = sorted(p.name for p in PAGES.glob("*.txt"))


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Good pages beside every kind of bad input."""
    root = tmp_path_factory.mktemp("pages")
    for page in PAGES.glob("*.txt"):
        shutil.copy(page, root / page.name)
    sub = root / "2025-03-30"
    sub.mkdir()
    (sub / "gb.txt").write_bytes(
        "本报讯 太原重工轨道交通设备有限公司输送车轮70万片。".encode("gb18030")
    )
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "scan.pdf").write_bytes(b"%PDF-1.4 not a page")  # passed over, and said so
    (root / "records.jsonl").write_bytes(b'{"doc": "a", "type": ')  # broken JSON
    (root / "empty.txt").write_bytes(b"")
    (root / "truncated.txt").write_bytes("润滑油销售收入".encode()[:-1])
    (root / "huge.txt").write_bytes(("增长" * 1000 + "\n").encode() * 9000)  # 54 MB
    (root / "broken.html").write_bytes(
        b"<html><body><p>\xe4\xb8\xad\xe5\xb0\x8f\xe4\xbc\x81\xe4\xb8\x9a 3 <div"
    )
    return root


@pytest.fixture(scope="module")
def serial(folder, tmp_path_factory) -> tuple[int, Path]:
    out = tmp_path_factory.mktemp("out") / "records.jsonl"
    return main(["extract", str(folder), "-o", str(out), "-q"]), out


def test_bad_input_is_named_and_the_run_goes_on(serial):
    status, out = serial
    assert status == EXIT_SOME_FAILED
    errors = {
        Path(e["file"]).name: e["error"] for e in read(out.with_name(out.name + ".errors.jsonl"))
    }
    assert {"binary.txt", "empty.txt", "truncated.txt", "huge.txt"} <= set(errors)
    assert "empty" in errors["empty.txt"]
    assert "too large" in errors["huge.txt"]
    for name, reason in errors.items():
        assert name in reason  # every line names its file
    docs = {r["doc"] for r in read(out)}
    assert set(GOOD) <= docs
    assert "2025-03-30/gb.txt" in docs  # GB18030 decoded, doc relative to the folder


def test_every_record_points_back_to_its_characters(serial, folder):
    _, out = serial
    for rec in read(out):
        raw = (folder / rec["doc"]).read_bytes()
        if rec["doc"].endswith(".txt") and rec["type"] != "article":
            from zhjx.ingest import decode

            assert points_back(decode(raw, rec["doc"]), rec), rec


def test_jobs_give_the_same_records_in_the_same_order(serial, folder, tmp_path):
    _, out1 = serial
    out2 = tmp_path / "records.jsonl"
    assert main(["extract", str(folder), "-o", str(out2), "-q", "--jobs", "2"]) == EXIT_SOME_FAILED
    assert out1.read_bytes() == out2.read_bytes()


def test_jobs_zero_means_one_per_core_and_negative_is_refused(folder, tmp_path, capsys):
    out = tmp_path / "records.jsonl"
    one = folder / GOOD[0]
    assert main(["extract", str(one), "-o", str(out), "-q", "--jobs", "0"]) == EXIT_OK
    assert read(out)
    assert main(["extract", str(one), "-o", str(out), "-q", "--jobs", "-1"]) == EXIT_USAGE
    assert "--jobs" in capsys.readouterr().err


def test_resume_completes_an_interrupted_run(serial, folder, tmp_path):
    _, full = serial
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    first_doc = json.loads(lines[0])["doc"]
    cut = [line for line in lines if json.loads(line)["doc"] == first_doc]
    partial = tmp_path / "records.jsonl"
    partial.write_text("".join(cut) + lines[len(cut)][:25], encoding="utf-8")  # cut mid-line
    assert main(["extract", str(folder), "-o", str(partial), "-q", "--resume"]) == EXIT_SOME_FAILED
    assert partial.read_bytes() == full.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_have_the_rows_of_the_jsonl(serial, folder, tmp_path, fmt):
    _, jsonl = serial
    out = tmp_path / f"records.{fmt}"
    main(["extract", str(folder), "-o", str(out), "-q"])
    df = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
    rows = read(jsonl)
    assert len(df) == len(rows)
    assert list(df["type"]) == [r["type"] for r in rows]
    assert list(df["start"]) == [r["start"] for r in rows]
    assert not out.with_name(out.name + ".partial.jsonl").exists()


def test_types_filter(folder, tmp_path):
    out = tmp_path / "figures.jsonl"
    main(["extract", str(folder / GOOD[0]), "-o", str(out), "-q", "--types", "figure"])
    assert {r["type"] for r in read(out)} == {"figure"}


def test_missing_model_gives_the_setup_command(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ZHJX_MODEL_DIR", str(tmp_path / "nowhere"))
    assert main(["extract", str(PAGES), "-o", str(tmp_path / "o.jsonl")]) == EXIT_NO_MODEL
    err = capsys.readouterr().err
    assert "zhjx setup" in err and "nowhere" in err


def test_help_reads_well():
    proc = subprocess.run(
        [sys.executable, "-m", "zhjx", "extract", "--help"], capture_output=True, text=True
    )
    assert proc.returncode == EXIT_OK
    for flag in ("--format", "--jobs", "--resume", "--published", "--types", "--glob"):
        assert flag in proc.stdout


def test_files_that_are_not_pages_are_reported(folder, tmp_path, capsys):
    main(
        [
            "extract",
            str(folder / GOOD[0]),
            str(folder / "scan.pdf"),
            "-o",
            str(tmp_path / "a.jsonl"),
            "-q",
        ]
    )
    capsys.readouterr()
    main(["extract", str(folder), "-o", str(tmp_path / "b.jsonl"), "-q", "--types", "article"])
    assert "passed over 2 files that are not pages (.jsonl, .pdf)" in capsys.readouterr().err


def test_data_files_named_directly_are_errors_not_pages(folder, tmp_path):
    out = tmp_path / "c.jsonl"
    assert (
        main(["extract", str(folder / "records.jsonl"), "-o", str(out), "-q"]) == EXIT_SOME_FAILED
    )
    (err,) = read(out.with_name(out.name + ".errors.jsonl"))
    assert "records.jsonl" in err["error"] and "not a page" in err["error"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_facts_view(serial, tmp_path, fmt):
    _, records = serial
    out = tmp_path / f"facts.{fmt}"
    assert main(["extract", str(PAGES), "-o", str(out), "-q", "--facts"]) == EXIT_OK
    df = pd.read_json(out, lines=True) if fmt == "jsonl" else pd.read_csv(out)
    quantities = [
        r for r in read(records) if r["type"] in ("figure", "percentage") and r["doc"] in GOOD
    ]
    assert len(df) == len(quantities)
    for col in ("subject", "org", "period", "change", "basis", "headline"):
        assert col in df.columns
    row = df[df["text"] == "7.71亿元"].iloc[0]
    assert row["subject"] == "润滑油销售收入"
    assert not out.with_name(out.name + ".partial.jsonl").exists()


def test_extract_dir_reports_bad_files_to_on_error(folder, nlp):
    import zhjx
    from zhjx.ingest import DecodeError

    with pytest.raises(DecodeError, match="empty file"):
        list(zhjx.extract_dir(folder, pattern="empty.txt", nlp=nlp))
    bad: list[str] = []
    records = list(
        zhjx.extract_dir(folder, nlp=nlp, on_error=lambda path, exc: bad.append(path.name))
    )
    assert {"binary.txt", "empty.txt", "truncated.txt", "huge.txt"} <= set(bad)
    assert {r.doc for r in records} >= set(GOOD)
