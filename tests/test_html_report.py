"""The HTML report of the seed pair, opened in a real headless Chromium over the DevTools
protocol: every finding highlighted exactly once, filters that hide and show, keyboard moves
between flagged sentences, no console errors, and a screenshot kept in test-artifacts/."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SOURCE, SPUN
from garblecheck.api import check, compare
from garblecheck.report import render
from garblecheck.result import RunReport

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--remote-debugging-port=0", "--hide-scrollbars",
]  # fmt: skip

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (apt-get install chromium)"
)


def _browser_url(port_file: Path) -> str:
    """The browser's DevTools websocket, from the file Chromium writes once it listens."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        lines = port_file.read_text().splitlines() if port_file.exists() else []
        if len(lines) == 2:
            return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
        time.sleep(0.1)
    raise TimeoutError("Chromium did not write DevToolsActivePort")


class Page:
    """One tab of a headless Chromium, driven over the DevTools protocol; events are kept so
    console errors can be read after the fact."""

    def __init__(self, url: str, port_file: Path) -> None:
        import websocket  # the `test` extra: websocket-client

        self.ws = websocket.create_connection(
            _browser_url(port_file), timeout=30, suppress_origin=True
        )
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=None)
        attached = self.call(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, None
        )
        self.session: str | None = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False},
        )
        self.call("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def call(self, method: str, params: dict[str, Any] | None = None, session: Any = ...) -> Any:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        session = self.session if session is ... else session
        if session is not None:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") != self.next_id:
                self.events.append(reply)
                continue
            if "error" in reply:
                raise RuntimeError(f"{method}: {reply['error']}")
            return reply["result"]

    def wait_for(self, event: str) -> None:
        while not any(e.get("method") == event for e in self.events):
            self.events.append(json.loads(self.ws.recv()))

    def js(self, expression: str) -> Any:
        """The value of a JavaScript expression (JSON-serialisable), exceptions raised."""
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def key(self, key: str) -> None:
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", {"type": kind, "key": key, "text": key})

    def console_errors(self) -> list[str]:
        errors = []
        for e in self.events:
            p = e.get("params", {})
            if e.get("method") == "Runtime.exceptionThrown":
                errors.append(json.dumps(p["exceptionDetails"])[:500])
            elif e.get("method") == "Runtime.consoleAPICalled" and p["type"] in ("error", "assert"):
                errors.append(json.dumps(p["args"])[:500])
            elif e.get("method") == "Log.entryAdded" and p["entry"]["level"] == "error":
                errors.append(p["entry"]["text"])
        return errors

    def screenshot(self, path: Path) -> None:
        shot = self.call("Page.captureScreenshot", {"format": "png"})
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))


@pytest.fixture(scope="module")
def seed_report() -> RunReport:
    """The seed pair compared, plus the source checked alone: its scraping junk gives info
    findings on lines that are not prose."""
    copy = compare(
        SPUN.read_text(encoding="utf-8"),
        SOURCE.read_text(encoding="utf-8"),
        copy_path=str(SPUN.relative_to(ROOT)),
        source_path=str(SOURCE.relative_to(ROOT)),
    )
    source = check(SOURCE.read_text(encoding="utf-8"), path=str(SOURCE.relative_to(ROOT)))
    return RunReport(documents=[copy, source])


@pytest.fixture(scope="module")
def page(seed_report: RunReport, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    folder = tmp_path_factory.mktemp("html")
    report = folder / "report.html"
    report.write_text(render(seed_report, "html"), encoding="utf-8")
    profile = folder / "profile"
    proc = subprocess.Popen(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        tab = Page(report.as_uri(), profile / "DevToolsActivePort")
        yield tab
        tab.ws.close()
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


def _spans(report: RunReport) -> list[str]:
    """Each finding's text without whitespace, in page order (ids are page-wide)."""
    return ["".join(d.doc.text[f.start : f.end].split()) for d in report.documents
            for f in d.findings]  # fmt: skip


def test_every_finding_is_highlighted_once(page: Page, seed_report: RunReport) -> None:
    spans = _spans(seed_report)
    assert any(f.sentence is None for d in seed_report.documents for f in d.findings)
    found = page.js(
        f"""Array.from({{length: {len(spans)}}}, (_, i) => {{
            const heads = document.querySelectorAll('[data-finding="' + i + '"]');
            const all = document.querySelectorAll(
                '[data-finding="' + i + '"],[data-part="' + i + '"]');
            return [heads.length, heads.length ? heads[0].tagName : '',
                    Array.from(all, (e) => e.textContent).join('').replace(/\\s+/g, '')];
        }})"""
    )
    assert [n for n, _, _ in found] == [1] * len(spans)
    assert {tag for _, tag, _ in found} == {"MARK"}
    assert [text for _, _, text in found] == spans
    assert page.js("document.querySelectorAll('[data-finding]').length") == len(spans)


def _hidden(page: Page, selector: str) -> list[bool]:
    """For each finding matched: highlight gone and its note item hidden."""
    return list(
        page.js(
            f"""Array.from(document.querySelectorAll('{selector}'), (m) => {{
                const item = document.querySelector('.item[data-note="' + m.dataset.finding + '"]');
                const bg = getComputedStyle(m).backgroundColor;
                const line = getComputedStyle(m).borderBottomColor;
                return m.classList.contains('off') && item.offsetParent === null &&
                    (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent') &&
                    line === 'rgba(0, 0, 0, 0)';
            }})"""
        )
    )


@pytest.mark.parametrize(("key", "value"), [("category", "quote"), ("severity", "info")])
def test_filters_hide_and_show(page: Page, key: str, value: str) -> None:
    chosen = f"mark.f.{'c' if key == 'category' else 's'}-{value}[data-finding]"
    others = f"mark.f[data-finding]:not(.{'c' if key == 'category' else 's'}-{value})"
    box = f"document.querySelector('input[data-filter={key}][value={value}]')"
    assert _hidden(page, chosen) and not any(_hidden(page, chosen))
    page.js(f"{box}.click()")
    assert all(_hidden(page, chosen))
    assert not any(_hidden(page, others))
    page.js(f"{box}.click()")
    assert not any(_hidden(page, chosen))


def test_keys_move_between_flagged_sentences(page: Page, seed_report: RunReport) -> None:
    flagged = [f"0-{d.sentence.index}" for d in seed_report.documents[0].flagged]
    current = "(document.querySelector('.sent.current') || {dataset: {}}).dataset.sentence"
    visited = []
    for _ in flagged:
        page.key("j")
        visited.append(page.js(current))
    assert visited == flagged
    page.key("k")
    assert page.js(current) == flagged[-2]
    assert page.js("document.querySelector('.note.current').dataset.sentence") == flagged[-2]


def test_no_console_errors_and_screenshot(page: Page) -> None:
    page.js("window.scrollTo(0, 0)")
    page.screenshot(ARTIFACTS / "html-report.png")
    assert (ARTIFACTS / "html-report.png").stat().st_size > 10_000
    pdf = page.call("Page.printToPDF", {"printBackground": True})
    assert base64.b64decode(pdf["data"]).startswith(b"%PDF")
    assert page.console_errors() == []
