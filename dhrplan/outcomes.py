"""What became of one input in its worker: converted (the plan and its encoded outputs),
unchanged since the last run, or why not, in one line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from dhrplan.extract.model import ExtractError
from dhrplan.names import shown

if TYPE_CHECKING:
    from dhrplan.normalize.record import Plan

T = TypeVar("T")


def one_line(text: str) -> str:
    return " ".join(text.split()) or "unknown error"


@dataclass(frozen=True)
class Converted:
    """A worker's result for a file it converted."""
    plan: Plan
    sha256: str
    blobs: tuple[tuple[str, bytes], ...]
    """(suffix, bytes) of each per-plan output, encoded and validated in the worker."""


@dataclass(frozen=True)
class Unchanged:
    """The file's content is what the manifest recorded: its outputs stand."""

    sha256: str


@dataclass(frozen=True)
class Failed:
    """A file that could not be converted, with the one line that says why."""
    reason: str
    sha256: str | None = None


Outcome = Converted | Unchanged | Failed

OUT_OF_MEMORY = "out of memory: the file needs more than the --max-memory limit"


def _reason(error: ExtractError, path: Path) -> str:
    """Readers start their messages with the path; the batch names the file itself."""
    text = str(error)
    prefix = f"{path}: "
    return shown(one_line(text[len(prefix):] if text.startswith(prefix) else text))


def guarded(
    step: Callable[[], T], path: Path, expected: tuple[type[Exception], ...] = ()
) -> T | Failed:
    """`step()`, or why it failed in one line: never raises. Errors of the `expected` types,
    like `ExtractError`, are reasons; any other is an internal error."""
    try:
        return step()
    except ExtractError as error:
        return Failed(_reason(error, path))
    except MemoryError:
        return Failed(OUT_OF_MEMORY)
    except RecursionError:
        return Failed("too deeply nested to read")
    except expected as error:
        return Failed(shown(one_line(str(error))))
    except Exception as error:
        return Failed(shown(one_line(f"internal error: {type(error).__name__}: {error}")))
