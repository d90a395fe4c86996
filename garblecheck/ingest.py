"""Reading documents: bytes from a file or stdin to a Document with the text exactly as decoded.

Every way a file can be unusable (missing, a folder, empty, binary, too large, undecodable) is an
``InputError`` naming the file, so a batch can report it and carry on with the others.
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

from garblecheck.errors import InputError
from garblecheck.model import Document, Metadata

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, name: str | None) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM) or UTF-16/32 with a BOM, falling back to
    cp1252, which can decode almost anything a Western newsroom produced. Returns the text and
    the encoding used; binary data is refused rather than decoded into noise."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(
                    name, f"not valid {encoding}: {exc.reason} at byte {exc.start}"
                ) from None
    if b"\x00" in data:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"neither UTF-8 nor cp1252 text (byte {exc.start})") from None
    return text, "cp1252 (fallback: not valid UTF-8)"


def _check_text(text: str, name: str | None) -> None:
    if not text.strip():
        raise InputError(name, "empty file (no text to check)")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > 0.1 * min(len(text), 4096):
        raise InputError(name, "binary file (mostly control characters), not text")


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of a file, or of standard input for ``-``, within the size limit."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError("<stdin>", f"input larger than the {max_bytes:,}-byte limit")
        return data
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(path, "is a directory, not a file")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """The decoded text of a file (or ``-`` for stdin) and the encoding used; empty or binary
    content is refused."""
    name = "<stdin>" if path == "-" else path
    text, encoding = decode(read_bytes(path, max_bytes), name)
    _check_text(text, name)
    return text, encoding


def read_document(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a text file (or ``-`` for stdin) into a Document, its text exactly as decoded."""
    text, encoding = read_text(path, max_bytes)
    return Document(text=text, path=None if path == "-" else path, meta=Metadata(encoding=encoding))


def document_from_text(text: str, path: str | None = None) -> Document:
    """A Document from text already in memory (the Python API)."""
    if not isinstance(text, str):
        raise InputError(path, f"expected text (str), got {type(text).__name__}")
    return Document(text=text, path=path)
