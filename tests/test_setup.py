"""`zhjx setup`: a missing model gives the clear error; the setup command brings it back."""

from __future__ import annotations

import pytest

from zhjx import model
from zhjx.cli import EXIT_NO_MODEL, EXIT_OK, main


def test_missing_model_names_the_setup_command(tmp_path, monkeypatch):
    monkeypatch.setenv(model.ENV_VAR, str(tmp_path / "gone"))
    with pytest.raises(model.ModelNotFoundError, match="zhjx setup"):
        model.require_model()
    with pytest.raises(model.ModelNotFoundError, match="zhjx setup"):
        from zhjx.pipeline import build

        build()


def test_setup_brings_a_removed_model_back(tmp_path, monkeypatch, capsys):
    if not (model.wheel_cache() / model.WHEEL_FILE).is_file():
        pytest.skip(f"no cached pkuseg wheel in {model.wheel_cache()} (run `zhjx setup` once)")
    monkeypatch.setenv(model.ENV_VAR, str(tmp_path / "model"))
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "o.jsonl")]) == EXIT_NO_MODEL
    assert "zhjx setup" in capsys.readouterr().err
    assert main(["setup"]) == EXIT_OK  # from the cached wheel: no network needed
    assert model.is_provisioned(tmp_path / "model")
    from zhjx.pipeline import build

    nlp = build(str(tmp_path / "model"))
    doc = nlp("润滑油销售收入达7.71亿元")
    assert [s.text for s in doc.spans["zhjx_figures"]] == ["7.71亿元"]


def test_a_damaged_cached_wheel_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    bad = model.wheel_cache() / model.WHEEL_FILE
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"not the pkuseg wheel")
    with pytest.raises(model.ModelNotFoundError, match="SHA-256"):
        model.fetch_wheel()
    assert not bad.exists()
