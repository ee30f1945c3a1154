"""Provisioning and locating the pkuseg segmentation model.

The mixed-domain pkuseg model (MIT licence) ships inside the ``pkuseg==0.0.25`` wheel
on PyPI.  ``zhjx setup`` downloads that wheel with pip (a package registry, never a
model hub), unpacks ``pkuseg/models/default`` and converts it to the format
spacy-pkuseg loads fastest: ``features.msgpack`` and a ``weights.npz`` of float32
weights.  Nothing is downloaded at run time: a missing model raises
:class:`ModelNotFoundError` with the one command that provisions it.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import srsly

PKUSEG_WHEEL = "pkuseg==0.0.25"
WHEEL_ARGS = (
    "--no-deps",
    "--only-binary",
    ":all:",
    "--python-version",
    "3.7",
    "--platform",
    "manylinux1_x86_64",
)
MODEL_NAME = "pkuseg-mixed-0.0.25"
ENV_VAR = "ZHJX_MODEL_DIR"
SETUP_COMMAND = "zhjx setup"
FORMAT_VERSION = 1
_MEMBERS = ("pkuseg/models/default/features.pkl", "pkuseg/models/default/weights.npz")
_LICENSE = "pkuseg-0.0.25.dist-info/LICENSE"


class ModelNotFoundError(RuntimeError):
    """The pkuseg model has not been provisioned yet."""


def model_dir() -> Path:
    """Where the converted model lives: ``$ZHJX_MODEL_DIR`` or the per-user cache."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "zhjx" / MODEL_NAME


def is_provisioned(path: Path | None = None) -> bool:
    """True when a complete converted model is at ``path``."""
    path = path or model_dir()
    meta = path / "meta.json"
    if not meta.is_file():
        return False
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return data.get("format") == FORMAT_VERSION and all(
        (path / name).is_file() for name in ("features.msgpack", "weights.npz")
    )


def require_model(path: Path | None = None) -> Path:
    """Return the model folder or raise the clear error that says how to get it."""
    path = path or model_dir()
    if not is_provisioned(path):
        raise ModelNotFoundError(
            f"The pkuseg segmentation model is not at {path}. "
            f"Run `{SETUP_COMMAND}` once (it downloads the MIT-licensed {PKUSEG_WHEEL} "
            f"wheel from PyPI and converts its model), or set {ENV_VAR} to a folder "
            "that holds a converted model."
        )
    return path


def download_wheel(dest: Path) -> Path:
    """Download the pkuseg wheel from PyPI with pip and return its path."""
    cmd = [sys.executable, "-m", "pip", "download", PKUSEG_WHEEL, *WHEEL_ARGS, "-d", str(dest)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wheels = sorted(dest.glob("pkuseg-0.0.25-*.whl"))
    if not wheels:
        raise ModelNotFoundError(f"pip did not leave a pkuseg wheel in {dest}")
    return wheels[0]


def convert(features: dict, weights: np.ndarray, sizes: np.ndarray, out: Path) -> None:
    """Write a spacy-pkuseg model folder: msgpack features and float32 weights."""
    out.mkdir(parents=True, exist_ok=True)
    data = {
        "unigram": sorted(features["unigram"]),
        "bigram": sorted(features["bigram"]),
        "feature_to_idx": features["feature_to_idx"],
        "tag_to_idx": features["tag_to_idx"],
    }
    srsly.write_msgpack(out / "features.msgpack", data)
    np.savez(out / "weights.npz", sizes=sizes, w=weights.astype(np.float32))


def provision(wheel: Path | None = None, dest: Path | None = None, force: bool = False) -> Path:
    """Download (unless ``wheel`` is given), unpack and convert the model into ``dest``."""
    dest = dest or model_dir()
    if is_provisioned(dest) and not force:
        return dest
    with tempfile.TemporaryDirectory(prefix="zhjx-setup-") as tmp:
        tmp_path = Path(tmp)
        wheel = Path(wheel) if wheel else download_wheel(tmp_path)
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        with zipfile.ZipFile(wheel) as zf:
            features = pickle.loads(zf.read(_MEMBERS[0]))
            with zf.open(_MEMBERS[1]) as fh:
                npz = np.load(fh)
                weights, sizes = npz["w"], npz["sizes"]
            licence = zf.read(_LICENSE).decode("utf-8")
        staging = tmp_path / "model"
        convert(features, weights, sizes, staging)
        (staging / "LICENSE").write_text(licence, encoding="utf-8")
        meta = {
            "format": FORMAT_VERSION,
            "source": f"{PKUSEG_WHEEL} wheel from PyPI, pkuseg/models/default",
            "wheel": wheel.name,
            "wheel_sha256": digest,
            "licence": "MIT",
            "weights": "float32",
        }
        (staging / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
        if dest.exists():
            shutil.rmtree(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staging), dest)
    return dest
