"""Provisioning and locating the pkuseg segmentation model.

The mixed-domain pkuseg model (MIT licence) ships inside the ``pkuseg==0.0.25`` wheel
on PyPI.  ``zhjx setup`` downloads that wheel with pip (a package registry, never a
model hub), unpacks ``pkuseg/models/default`` and compiles it (:mod:`zhjx.segmenter`) into flat
arrays that load in milliseconds with ``mmap``: a hash table of the features, the
weights as exact ``int32`` ten-thousandths, and the unigram list as a hash table.
Features whose five node weights are all within ``prune`` of zero are dropped (by
default only the exact zeros, which cannot change a segmentation).  A standard
spacy-pkuseg ``features.msgpack`` of the kept features is written beside them for
``nlp.to_disk``.  Nothing is downloaded at run time: a missing model raises
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

from zhjx import segmenter

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
FORMAT_VERSION = 3
#: The cache folder name carries the format, so an older zhjx keeps its own folder.
MODEL_NAME = f"pkuseg-mixed-0.0.25-v{FORMAT_VERSION}"
ENV_VAR = "ZHJX_MODEL_DIR"
SETUP_COMMAND = "zhjx setup"
#: Default pruning threshold (absolute node weight): only features that are all zero.
PRUNE = 0.0
_MEMBERS = ("pkuseg/models/default/features.pkl", "pkuseg/models/default/weights.npz")
_LICENSE = "pkuseg-0.0.25.dist-info/LICENSE"
#: Files of a provisioned model folder.
MODEL_FILES = (
    segmenter.KEYS_FILE,
    segmenter.ROWS_FILE,
    segmenter.BLOOM_FILE,
    segmenter.UNIGRAM_FILE,
    segmenter.UNIGRAM_BLOOM_FILE,
    segmenter.WEIGHTS_FILE,
    segmenter.EDGES_FILE,
    segmenter.FEATURES_FILE,
)


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
        (path / name).is_file() for name in MODEL_FILES
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


#: The wheel pip downloads (pkuseg 0.0.25, manylinux1, cp37): its name and checksum.
WHEEL_FILE = "pkuseg-0.0.25-cp37-cp37m-manylinux1_x86_64.whl"
WHEEL_SHA256 = "6fc2f97d0f66cc6722cf772e65dbcde1b01d8cc53b66ac4aa7bce639de79588f"


def wheel_cache() -> Path:
    """Where a downloaded wheel is kept, so ``zhjx setup --force`` needs no network."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "zhjx" / "wheels"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_wheel() -> Path:
    """The pkuseg wheel from the wheel cache, downloaded from PyPI when absent; checked."""
    cached = wheel_cache() / WHEEL_FILE
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        download_wheel(cached.parent)
    if _sha256(cached) != WHEEL_SHA256:
        cached.unlink()
        raise ModelNotFoundError(
            f"the downloaded {WHEEL_FILE} does not have the expected SHA-256; "
            f"run `{SETUP_COMMAND}` again"
        )
    return cached


def download_wheel(dest: Path) -> Path:
    """Download the pkuseg wheel from PyPI with pip and return its path."""
    cmd = [sys.executable, "-m", "pip", "download", PKUSEG_WHEEL, *WHEEL_ARGS, "-d", str(dest)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wheels = sorted(dest.glob("pkuseg-0.0.25-*.whl"))
    if not wheels:
        raise ModelNotFoundError(f"pip did not leave a pkuseg wheel in {dest}")
    return wheels[0]


def prune(
    feature_to_idx: dict[str, int], weights: np.ndarray, n_tag: int, threshold: float
) -> tuple[dict[str, int], np.ndarray]:
    """Drop features whose node weights are all within ``threshold`` of zero.

    Node weights are ``n_feature * n_tag`` values (feature-major), followed by the
    ``n_tag * n_tag`` transition weights, which are kept as they are.  Feature 0
    (pkuseg's ``$$``, on at every character) is always kept.  The kept features are
    renumbered in their old order.
    """
    n_feature = len(feature_to_idx)
    node = weights[: n_feature * n_tag].reshape(n_feature, n_tag)
    keep = np.abs(node).max(axis=1) > threshold
    keep[0] = True
    new_index = np.cumsum(keep) - 1
    kept = {k: int(new_index[i]) for k, i in feature_to_idx.items() if keep[i]}
    new_weights = np.concatenate([node[keep].reshape(-1), weights[n_feature * n_tag :]])
    return kept, new_weights


def convert(
    features: dict, weights: np.ndarray, sizes: np.ndarray, out: Path, threshold: float = PRUNE
) -> dict:
    """Compile a pkuseg model into ``out``; return counts for ``meta.json``."""
    out.mkdir(parents=True, exist_ok=True)
    n_tag = int(sizes[0])
    if int(sizes[1]) != len(features["feature_to_idx"]):
        raise ValueError("weights.npz and features.pkl disagree on the number of features")
    tags = features["tag_to_idx"]
    if sorted(tags, key=tags.get) != ["B", "B_single", "I", "I_end", "I_first"]:
        raise ValueError(f"unexpected pkuseg tags: {tags}")
    feature_to_idx, weights = prune(features["feature_to_idx"], weights, n_tag, threshold)
    arrays = segmenter.compile_model(feature_to_idx, features["unigram"], weights, n_tag)
    for name, array in arrays.items():
        np.save(out / name, array)
    data = {
        "unigram": sorted(features["unigram"]),
        "bigram": [],  # used only when training
        "feature_to_idx": feature_to_idx,
        "tag_to_idx": tags,
    }
    srsly.write_msgpack(out / segmenter.FEATURES_FILE, data)
    return {
        "features": len(feature_to_idx),
        "features_original": len(features["feature_to_idx"]),
        "prune": threshold,
    }


def provision(
    wheel: Path | None = None,
    dest: Path | None = None,
    force: bool = False,
    threshold: float = PRUNE,
) -> Path:
    """Download (unless ``wheel`` is given), unpack and convert the model into ``dest``.

    An older format in ``dest`` is replaced.
    """
    dest = dest or model_dir()
    if is_provisioned(dest) and not force:
        return dest
    with tempfile.TemporaryDirectory(prefix="zhjx-setup-") as tmp:
        tmp_path = Path(tmp)
        wheel = Path(wheel) if wheel else fetch_wheel()
        digest = _sha256(wheel)
        with zipfile.ZipFile(wheel) as zf:
            features = pickle.loads(zf.read(_MEMBERS[0]))
            with zf.open(_MEMBERS[1]) as fh:
                npz = np.load(fh)
                weights, sizes = npz["w"], npz["sizes"]
            licence = zf.read(_LICENSE).decode("utf-8")
        staging = tmp_path / "model"
        counts = convert(features, weights, sizes, staging, threshold)
        (staging / "LICENSE").write_text(licence, encoding="utf-8")
        meta = {
            "format": FORMAT_VERSION,
            "source": f"{PKUSEG_WHEEL} wheel from PyPI, pkuseg/models/default",
            "wheel": wheel.name,
            "wheel_sha256": digest,
            "licence": "MIT",
            "weights": "int32 ten-thousandths (exact)",
            **counts,
        }
        (staging / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
        if dest.exists():
            shutil.rmtree(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staging), dest)
    return dest
