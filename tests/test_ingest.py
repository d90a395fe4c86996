"""Reading files: encodings, and every kind of unusable input as a one-line InputError."""

from __future__ import annotations

from pathlib import Path

import pytest

from garblecheck.errors import InputError
from garblecheck.ingest import read_document

TEXT = "Britain’s Defence Secretary said the weapons were delivered today.\n"


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", TEXT.encode("utf-8")),
        ("utf-8-sig", TEXT.encode("utf-8-sig")),
        ("utf-16", TEXT.encode("utf-16")),
        ("utf-16", TEXT.encode("utf-16-be").join([b"\xfe\xff", b""])),
    ],
)
def test_decodes_unicode_encodings(tmp_path: Path, encoding: str, data: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    doc = read_document(str(path))
    assert doc.text == TEXT
    assert doc.meta.encoding == encoding


def test_cp1252_fallback_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("The café’s owner said “no”.".encode("cp1252"))
    doc = read_document(str(path))
    assert doc.text == "The café’s owner said “no”."
    assert doc.meta.encoding.startswith("cp1252")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_unusable_content(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_document(str(path))
    assert info.value.path == str(path)
    assert problem in info.value.problem


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="directory"):
        read_document(str(tmp_path))


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(InputError, match="limit"):
        read_document(str(path), max_bytes=1000)
