"""Reading the shipped knowledge files that are numpy arrays (``.npz``), never with pickle."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import numpy.typing as npt

from garblecheck.errors import RuleError


def load_npz(
    path: Path, what: str, builder: str, version: int
) -> dict[str, npt.NDArray[np.generic]]:
    """The arrays of a ``.npz`` knowledge file whose ``meta[0]`` is its format version. A
    missing, damaged or outdated file is a RuleError naming it and the command that rebuilds it."""
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise RuleError(
            str(path),
            f"cannot read the {what} ({exc}); "
            f"rebuild it with python -m garblecheck.build.{builder}",
        ) from exc
    if "meta" not in arrays or int(arrays["meta"][0]) != version:
        raise RuleError(str(path), f"not a version {version} {what}")
    return arrays
