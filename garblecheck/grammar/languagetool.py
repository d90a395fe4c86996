"""LanguageTool, optional: a LanguageTool server (``--languagetool-url``), or a local install
found through language-tool-python (``LTP_PATH``), started as a server on a loopback port.

The adapter speaks LanguageTool's documented HTTP API itself (POST /v2/check, JSON answer), with
a timeout on every request, so an unreachable or stuck server is a one-line EngineError, never a
hang. language-tool-python is used only to find a local install and build its server command;
its ``LanguageTool()`` is never constructed, because without a server it downloads LanguageTool.
"""

from __future__ import annotations

import atexit
import bisect
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from garblecheck.errors import EngineError
from garblecheck.grammar.base import Match
from garblecheck.model import Segmentation

DEFAULT_TIMEOUT = 10.0  # seconds per request
STARTUP_TIMEOUT = 60.0  # seconds a local install gets to start answering


def check_url(url: str) -> str:
    """The /v2/check endpoint of a server given by its base URL (with or without /v2)."""
    base = url.rstrip("/")
    for suffix in ("/check", "/v2"):
        base = base.removesuffix(suffix)
    return f"{base}/v2/check"


def request_body(text: str, locale: str | None) -> bytes:
    """The form-encoded body of a /v2/check request for a whole document."""
    return urllib.parse.urlencode({"text": text, "language": locale or "en-US"}).encode()


def _code_points(text: str) -> Callable[[int], int]:
    """Converts LanguageTool's offsets (Java's UTF-16 code units) to code-point offsets: they
    differ after every character outside the Basic Multilingual Plane (emoji, say)."""
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    if not astral:
        return lambda unit: unit
    units = [i + k for k, i in enumerate(astral)]  # where each such character starts in UTF-16
    return lambda unit: unit - bisect.bisect_right(units, unit - 2)


def parse_response(data: Any, text: str) -> list[Match]:
    """The matches of a /v2/check JSON answer; ValueError when it is not one."""
    if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
        raise ValueError("no 'matches' list")
    to_cp = _code_points(text)
    out = []
    for m in data["matches"]:
        try:
            rule = m["rule"]
            offset, length = int(m["offset"]), int(m["length"])
            start, end = to_cp(offset), to_cp(offset + length)
            out.append(
                Match(
                    rule=str(rule["id"]),
                    category=str(rule["category"]["id"]),
                    start=start,
                    end=end,
                    message=str(m.get("message") or m.get("shortMessage") or ""),
                    replacements=tuple(
                        str(r["value"]) for r in m.get("replacements", []) if r.get("value")
                    ),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"malformed match ({exc!r})") from None
    return out


class LanguageToolEngine:
    """A LanguageTool server, checked one whole document per request."""

    name = "languagetool"

    def __init__(self, url: str, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.url = check_url(url)
        self.timeout = timeout

    def check(self, text: str, locale: str | None, seg: Segmentation | None = None) -> list[Match]:
        """The server checks the whole text (``seg`` is not needed: one request either way)."""
        request = urllib.request.Request(
            self.url,
            data=request_body(text, locale),
            headers={"Accept": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            raise EngineError(self.url, f"LanguageTool server answered {exc.code}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise EngineError(
                self.url, f"LanguageTool server unreachable ({reason}); check --languagetool-url"
            ) from None
        except ValueError as exc:
            raise EngineError(self.url, f"not a LanguageTool answer: {exc}") from None
        try:
            return parse_response(data, text)
        except ValueError as exc:
            raise EngineError(self.url, f"not a LanguageTool /v2/check answer: {exc}") from None


def local_engine(
    *, timeout: float = DEFAULT_TIMEOUT, startup: float = STARTUP_TIMEOUT
) -> LanguageToolEngine:
    """An engine on the LanguageTool install in ``$LTP_PATH`` (language-tool-python's layout),
    started as a loopback server that stops when the process exits. Never downloads: an unset
    LTP_PATH, a missing install, jar or Java is a one-line EngineError."""
    ltp_path = os.environ.get("LTP_PATH", "")
    if not ltp_path or not Path(ltp_path).is_dir():
        raise EngineError(
            ltp_path or None, "set LTP_PATH to a folder holding a LanguageTool install"
        )
    try:
        from language_tool_python.download_lt import LocalLanguageTool

        install = LocalLanguageTool.get_latest_installed_version()
        if install is None:
            raise FileNotFoundError("no LanguageTool-* folder")
        port = _free_port()
        command = install.get_server_cmd(port)
    except Exception as exc:  # language-tool-python raises its own errors for each case
        raise EngineError(ltp_path, f"no usable LanguageTool install: {exc}") from None
    server = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    atexit.register(server.terminate)
    engine = LanguageToolEngine(f"http://127.0.0.1:{port}", timeout=timeout)
    deadline = time.monotonic() + startup
    while time.monotonic() < deadline and server.poll() is None:
        try:
            engine.check("Ready.", "en-US")
            return engine
        except EngineError:
            time.sleep(0.5)
    server.terminate()
    raise EngineError(ltp_path, f"the local LanguageTool server did not start in {startup:g} s")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
