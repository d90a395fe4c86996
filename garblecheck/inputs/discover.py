"""Expanding the paths given to a run into the files to read.

A folder is walked recursively, in sorted order so runs are reproducible; hidden entries
(``.git``, ``.cache``) are skipped; symbolic links are followed, but a folder already visited
(a link back up the tree) is entered once only, so a loop cannot make the walk endless.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath

from garblecheck.errors import InputError
from garblecheck.inputs.options import InputOptions


def matches(relative: str, patterns: Iterable[str]) -> bool:
    """Whether a path relative to the folder given matches a glob, matched from the right as
    ``PurePath.match`` does: ``*.txt`` matches any text file, ``drafts/*`` a file in any folder
    named drafts; ``*`` never crosses a ``/``."""
    path = PurePosixPath(relative)
    return any(path.match(p) for p in patterns)


def _walk(root: str, options: InputOptions) -> Iterator[str | InputError]:
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield InputError(folder, f"cannot list the folder: {exc.strerror or exc}")
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            relative = os.path.relpath(entry.path, root).replace(os.sep, "/")
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not matches(relative, options.exclude):
                    folders.append(entry.path)
            elif matches(relative, options.include) and not matches(relative, options.exclude):
                if entry.is_symlink() and not os.path.exists(entry.path):
                    yield InputError(entry.path, "broken symbolic link")
                else:
                    yield entry.path
        stack.extend(reversed(folders))


def expand(paths: Iterable[str], options: InputOptions) -> Iterator[str | InputError]:
    """Each file to read, lazily; a folder that cannot be listed is an error, not the end."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            yield from _walk(path, options)
        else:
            yield path
