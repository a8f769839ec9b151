"""`python -m dhrplan`: with a Python that does not have dhrplan installed (run from the
repository root, say), one line on what to run instead, never a traceback."""

import sys

HOW = ("run .venv/bin/dhrplan (after make demo), or install it: "
       "python3.11 -m pip install PATH-TO-THE-REPOSITORY")

if sys.version_info < (3, 11):  # noqa: UP036 - the point: an older Python runs this
    sys.exit(f"dhrplan needs Python 3.11 or newer; this is Python "
             f"{sys.version_info[0]}.{sys.version_info[1]}: {HOW}")
try:
    from dhrplan.cli import main
except ImportError as error:
    sys.exit(f"dhrplan is not installed for this Python ({sys.executable}: {error}); {HOW}")

raise SystemExit(main())
