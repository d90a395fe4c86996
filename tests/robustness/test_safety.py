"""Nothing unsafe is loaded and nothing reaches the network: YAML only through the safe
loader, no unpickling of files a user can point at, and a full run of the CLI makes no
connection and no name lookup."""

from __future__ import annotations

import re
import socket
from pathlib import Path
from typing import Any

import pytest

from garblecheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "garblecheck"
FIXTURES = ROOT / "fixtures"
# training runs offline on the maintainers' data; nothing at run time imports it
NOT_RUNTIME = ("training",)
# pickle is allowed where the process reads back only what it wrote itself: the scan's spill
# file is an anonymous temporary file no user can name
PICKLE_ALLOWED = {"scanning/articles.py"}

_UNSAFE_YAML = re.compile(
    r"yaml\.(?:load|load_all|full_load|unsafe_load\w*)\(|Loader=yaml\.(?!Safe)"
)
_PICKLERS = re.compile(r"^\s*(?:import|from)\s+(?:pickle|joblib|dill|cloudpickle|marshal|shelve)\b",
                       re.MULTILINE)  # fmt: skip
_NP_LOAD = re.compile(r"np\.load\((?![^)]*allow_pickle=False)")
_TORCH_LOAD = re.compile(r"torch\.load\(")


def _runtime_sources() -> list[tuple[str, str]]:
    files = sorted(PACKAGE.rglob("*.py"))
    return [
        (str(p.relative_to(PACKAGE)), p.read_text(encoding="utf-8"))
        for p in files
        if p.relative_to(PACKAGE).parts[0] not in NOT_RUNTIME
    ]


def test_yaml_only_through_the_safe_loader() -> None:
    found = [name for name, text in _runtime_sources() if _UNSAFE_YAML.search(text)]
    assert not found, f"YAML loaded without SafeLoader in {found}"


def test_nothing_is_unpickled_from_a_user_path() -> None:
    picklers = {name for name, text in _runtime_sources() if _PICKLERS.search(text)}
    assert picklers <= PICKLE_ALLOWED, picklers - PICKLE_ALLOWED
    loads = [n for n, t in _runtime_sources() if _NP_LOAD.search(t) or _TORCH_LOAD.search(t)]
    assert not loads, f"arrays loaded with pickling allowed in {loads}"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every attempt to connect or to look a name up, refused and recorded."""
    attempts: list[str] = []

    def refuse(what: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise OSError(f"network disabled in this test ({what})")

        return call

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("getaddrinfo", "gethostbyname", "create_connection"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(FIXTURES / "wallace-2022-spun.txt"), "--metrics", "--grammar"],
        ["compare", str(FIXTURES / "wallace-2022-spun.txt"),
         "--source", str(FIXTURES / "wallace-2022-source.txt")],
        ["check", str(FIXTURES / "seeds.jsonl"), str(FIXTURES / "html")],
    ],
    ids=["check", "compare", "jsonl-and-html"],
)
def test_cli_makes_no_network_access(
    args: list[str], no_network: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([*args, "--format", "json"])
    out = capsys.readouterr()
    assert code in (0, 1), out.err
    assert out.out.startswith("{")
    assert no_network == []
