"""Where the batches run: in this process, in a local process pool, or on a Dask cluster.

Every backend has the same one call, ``map(task, shared, batches)``: ``shared`` reaches each
worker once (a pool's initializer, a Dask broadcast), batches are submitted as results come
back, never more than a few per worker at a time (so a crawl of any size streams), and results
come in the order they finish. Tasks are plain functions of (shared, batch), so the same pass
runs unchanged on one laptop or on a cluster.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Protocol, TypeVar

from garblecheck.errors import ConfigError

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")
Task = Callable[[S, list[T]], list[R]]

_IN_FLIGHT = 2  # batches queued per worker, so none waits while the parent writes
_SHARED: Any = None  # a pool worker's copy of what its pass shares


class Backend(Protocol):
    workers: int

    def map(
        self, task: Task[S, T, R], shared: S, batches: Iterable[list[T]]
    ) -> Iterator[list[R]]: ...

    def close(self) -> None: ...


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


class Serial:
    """Everything in this process: no start-up cost, for one job or a small run."""

    workers = 1

    def map(self, task: Task[S, T, R], shared: S, batches: Iterable[list[T]]) -> Iterator[list[R]]:
        for batch in batches:
            yield task(shared, batch)

    def close(self) -> None:
        pass


def _install(shared: object) -> None:
    global _SHARED
    _SHARED = shared


def _call(task: Task[Any, T, R], batch: list[T]) -> list[R]:
    return task(_SHARED, batch)


class Pool:
    """A local process pool; workers are spawned (not forked: the parent may run a progress
    thread) and given the pass's shared state once."""

    def __init__(self, jobs: int) -> None:
        self.workers = jobs

    def map(self, task: Task[S, T, R], shared: S, batches: Iterable[list[T]]) -> Iterator[list[R]]:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_install, initargs=(shared,)
        ) as pool:
            todo = iter(batches)
            pending: set[Future[list[R]]] = set()
            while True:
                while len(pending) < _IN_FLIGHT * self.workers:
                    batch = next(todo, None)
                    if batch is None:
                        break
                    pending.add(pool.submit(_call, task, batch))
                if not pending:
                    return
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()

    def close(self) -> None:
        pass


def _distributed() -> Any:
    """The distributed package (untyped, so held as Any), imported only for a Dask run."""
    try:
        return importlib.import_module("distributed")
    except ImportError:
        raise ConfigError("--dask", "needs dask[distributed] installed") from None


class Dask:
    """A Dask cluster: ``local`` starts a LocalCluster of ``jobs`` single-threaded worker
    processes for this run; anything else is the address of a running scheduler."""

    def __init__(self, address: str, jobs: int) -> None:
        self._distributed = _distributed()
        self._cluster: Any = None
        if address == "local":
            self._cluster = self._distributed.LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client: Any = self._distributed.Client(self._cluster)
        else:
            try:
                self.client = self._distributed.Client(address, timeout=10)
            except (OSError, TimeoutError) as exc:
                raise ConfigError(
                    "--dask", f"cannot reach the scheduler at {address}: {exc}"
                ) from None
        self.workers = max(1, len(self.client.scheduler_info()["workers"]))

    def map(self, task: Task[S, T, R], shared: S, batches: Iterable[list[T]]) -> Iterator[list[R]]:
        everywhere = self.client.scatter(shared, broadcast=True, hash=False)
        todo = iter(batches)
        running = self._distributed.as_completed()
        in_flight = 0

        def submit() -> bool:
            batch = next(todo, None)
            if batch is None:
                return False
            running.add(self.client.submit(task, everywhere, batch, pure=False))
            return True

        while in_flight < _IN_FLIGHT * self.workers and submit():
            in_flight += 1
        for future in running:
            yield future.result()
            future.release()
            if not submit():
                in_flight -= 1

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def backend(jobs: int | None, dask: str | None) -> Backend:
    """The backend for ``--jobs`` and ``--dask``."""
    jobs = jobs or default_jobs()
    if jobs < 1:
        raise ConfigError("--jobs", f"{jobs} is not a number of workers (1 or more)")
    if dask is not None:
        return Dask(dask, jobs)
    return Serial() if jobs == 1 else Pool(jobs)
