"""The command line under generated input: arbitrary bytes in a file (invalid UTF-8, NUL,
BOMs, surrogates, control characters), checked alone and against another file. Whatever the
bytes, the CLI exits 0, 1 or 2, prints a report that validates, and reports a problem as one
line naming the file, never as a traceback."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

from fuzzing import TRIED, VALIDATOR, check_document, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from garblecheck.cli import main
from garblecheck.ingest import decode

NEWS = b"The minister said the weapons were delivered today.\n"
BYTES = st.one_of(
    st.binary(max_size=300),
    st.builds(lambda a, b: a + NEWS + b, st.binary(max_size=40), st.binary(max_size=40)),
    st.sampled_from([b"\xef\xbb\xbf" + NEWS, b"\xff\xfe" + NEWS, b"\xed\xa0\x80" + NEWS]),
)


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


@settings(
    max_examples=examples(0.02), deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(BYTES, BYTES)
def test_cli_any_bytes(copy: bytes, source: bytes) -> None:
    TRIED["cli"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp, "copy.txt"), Path(tmp, "source.txt")
        a.write_bytes(copy)
        b.write_bytes(source)
        for args in (["check", str(a)], ["compare", str(a), "--source", str(b)]):
            code, out, err = _run([*args, "--format", "json"])
            assert code in (0, 1, 2), (code, err)
            assert "Traceback" not in err
            for line in err.splitlines():
                assert line.startswith("garblecheck: "), line
            if not out:  # nothing to report: the input itself was refused
                assert code == 2 and err
                continue
            report = json.loads(out)
            VALIDATOR.validate(report)
            for doc in report["documents"]:
                source_text = _decoded(b) if doc["source_path"] else None
                check_document(doc, _decoded(a), source_text)


def _decoded(path: Path) -> str:
    """The text as garblecheck decodes it (the encoding it reports for a file)."""
    return decode(path.read_bytes(), str(path))[0]
