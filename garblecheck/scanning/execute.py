"""Where the batches run: in this process, in a local process pool, or on a Dask cluster.

Every backend has the same one call, ``map(task, shared, batches, lost)``: ``shared`` reaches each
worker once (a pool's initializer, a Dask task's result), batches are submitted as results come
back, never more than a few per worker at a time (so a crawl of any size streams), and results
come in the order they finish. Tasks are plain functions of (shared, batch), so the same pass
runs unchanged on one laptop or on a cluster. ``lost`` turns a batch no worker could finish
into results (error rows), so a poison article never ends a run on a cluster.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Protocol, TypeVar

from garblecheck.errors import ConfigError

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")
Task = Callable[[S, list[T]], list[R]]
Lost = Callable[[list[T], str], Sequence[R]]

_IN_FLIGHT = 2  # batches queued per worker, so none waits while the parent writes
_SHARED: Any = None  # a pool worker's copy of what its pass shares


class Backend(Protocol):
    workers: int

    def map(
        self, task: Task[S, T, R], shared: S, batches: Iterable[list[T]], lost: Lost[T, R]
    ) -> Iterator[Sequence[R]]: ...

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

    def map(
        self, task: Task[S, T, R], shared: S, batches: Iterable[list[T]], lost: Lost[T, R]
    ) -> Iterator[Sequence[R]]:
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
    thread) and given the pass's shared state once. A worker that dies breaks the whole pool
    (``lost`` is not used): the run stops, and ``--resume`` goes on from there."""

    def __init__(self, jobs: int) -> None:
        self.workers = jobs

    def map(
        self, task: Task[S, T, R], shared: S, batches: Iterable[list[T]], lost: Lost[T, R]
    ) -> Iterator[Sequence[R]]:
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


def _given(value: S) -> S:
    return value


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

    def map(
        self, task: Task[S, T, R], shared: S, batches: Iterable[list[T]], lost: Lost[T, R]
    ) -> Iterator[Sequence[R]]:
        """The scheduler reruns the tasks of a worker that dies; a task whose workers died more
        often than it allows fails with KilledWorker, and its batch is retried one item at a
        time, so only the item that kills workers is ``lost``. ``shared`` is a task's result,
        not scattered data, so the scheduler makes it again if every worker holding it died."""
        everywhere = self.client.submit(_given, shared, pure=False)
        todo = iter(batches)
        retry: list[list[T]] = []
        submitted: dict[str, tuple[list[T], bool]] = {}  # key: the batch, and if a retry
        running = self._distributed.as_completed()

        def top_up() -> None:
            while len(submitted) < _IN_FLIGHT * self.workers:
                alone = bool(retry)
                batch = retry.pop() if alone else next(todo, None)
                if batch is None:
                    return
                future = self.client.submit(task, everywhere, batch, pure=False)
                submitted[future.key] = (batch, alone)
                running.add(future)

        top_up()
        for future in running:
            batch, alone = submitted.pop(future.key)
            try:
                results = future.result()
            except self._distributed.KilledWorker as exc:
                if alone:
                    results = lost(batch, f"a Dask worker died each time it was checked: {exc}")
                else:
                    retry.extend([item] for item in batch)
                    results = None
            finally:
                future.release()
            if results is not None:
                yield results
            top_up()

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
