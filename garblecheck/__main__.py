"""``python -m garblecheck``: the same as the ``garblecheck`` command."""

import sys

from garblecheck.cli import main

sys.exit(main())
