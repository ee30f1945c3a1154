"""zhjx.scale.dask on a local two-process Dask cluster: same records as a local run,
the pipeline loaded once per worker, bad files reported without failing the job."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("dask.bag", reason="the dask extra is not installed")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

from zhjx import model  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "corpus" / "pages"


def _key(r: dict) -> tuple:
    return (r["doc"], r["start"], r["end"], r["type"], r["text"])


@pytest.fixture(scope="module")
def job(tmp_path_factory):
    if not model.is_provisioned():
        pytest.skip(f"pkuseg model not provisioned at {model.model_dir()} (run `zhjx setup`)")
    from zhjx.scale.dask import extract_bag, load_count

    tmp = tmp_path_factory.mktemp("dask")
    src = tmp / "pages"
    shutil.copytree(PAGES, src)
    (src / "sub").mkdir()
    shutil.copy(next(iter(sorted(PAGES.glob("*.txt")))), src / "sub" / "copy.txt")
    (src / "bad.txt").write_bytes(b"\x00\x01\x02 not a text file \xff")
    missing = tmp / "missing.txt"
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        summary = extract_bag(
            [src, missing],
            tmp / "out",
            scheduler=client,
            published="2025-03-29",
            files_per_partition=1,
        )
        loads = client.run(load_count)
    return {"summary": summary, "loads": loads, "src": src, "out": tmp / "out"}


def test_records_equal_the_local_run(job):
    import zhjx
    from zhjx.extract import walk
    from zhjx.scale.dask import read_records

    nlp = zhjx.load()
    local = []
    for f, root in walk([job["src"]])[0]:
        if f.name == "bad.txt":
            continue
        local += [r.to_dict() for r in zhjx.extract_file(f, "2025-03-29", root=root, nlp=nlp)]
    remote = read_records(job["out"])
    assert len(local) > 0
    assert sorted(remote, key=_key) == sorted(local, key=_key)
    assert {r["doc"] for r in remote} >= {"sub/copy.txt"}


def test_pipeline_loaded_once_per_worker(job):
    assert len(job["loads"]) == 2
    assert set(job["loads"].values()) == {1}
    assert job["summary"]["partitions"] > 2  # more files than workers


def test_bad_files_are_reported_not_skipped(job):
    from zhjx.scale.dask import read_errors

    errors = {e["doc"]: e["error"] for e in job["summary"]["errors"]}
    assert set(errors) == {"bad.txt", "missing.txt"}
    assert "cannot read" in errors["missing.txt"]
    assert "binary" in errors["bad.txt"]
    assert {e["doc"] for e in read_errors(job["out"])} == set(errors)


def test_summary_counts_match_the_parquet(job):
    from zhjx.scale.dask import read_records

    by_type: dict[str, int] = {}
    for r in read_records(job["out"]):
        by_type[r["type"]] = by_type.get(r["type"], 0) + 1
    assert job["summary"]["records"] == by_type
    assert job["summary"]["files"] == 5
    assert (job["out"] / "_summary.json").is_file()


def test_output_folder_must_be_empty(job):
    from zhjx.scale.dask import extract_bag

    with pytest.raises(FileExistsError):
        extract_bag([job["src"]], job["out"], scheduler=None)


def test_the_cli_runs_on_a_scheduler_address(tmp_path):
    """``zhjx extract --scheduler ADDRESS`` writes the Parquet folder of the local run."""
    from distributed import LocalCluster

    from conftest import PAGES
    from zhjx.cli import EXIT_OK, main
    from zhjx.scale.dask import read_records

    with LocalCluster(n_workers=1, processes=True, threads_per_worker=1) as cluster:
        out = tmp_path / "parts"
        status = main(
            ["extract", str(PAGES), "-o", str(out), "--scheduler", cluster.scheduler_address]
        )
    assert status == EXIT_OK
    got = read_records(out)
    assert {r["doc"] for r in got} == {p.name for p in PAGES.glob("*.txt")}
    assert {"organization", "figure", "percentage", "date", "article"} <= {r["type"] for r in got}
