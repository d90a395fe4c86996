"""Compare mode: align a copy with its source, then classify every difference (GC7xx).

``garblecheck.compare`` is also the public API function ``compare(copy, source)``. Importing
this subpackage makes Python bind ``garblecheck.compare`` to the module, hiding the function,
so the module itself is made callable and hands the call to the API (imported at call time:
the analysers never depend on the layers above them).
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any


class _CallableModule(ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from garblecheck.api import compare

        return compare(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
