"""What became of one input: read into the document model, or why not, in one line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from dhrplan import pipeline
from dhrplan.extract.model import ExtractError

T = TypeVar("T")


def one_line(text: str) -> str:
    return " ".join(text.split()) or "unknown error"


@dataclass(frozen=True)
class Converted:
    read: pipeline.Read


@dataclass(frozen=True)
class Failed:
    reason: str


Outcome = Converted | Failed


def _reason(error: ExtractError, path: Path) -> str:
    """Readers start their messages with the path; the batch names the file itself."""
    text = one_line(str(error))
    prefix = f"{path}: "
    return text[len(prefix):] if text.startswith(prefix) else text


def guarded(
    step: Callable[[], T], path: Path, expected: tuple[type[Exception], ...] = ()
) -> T | Failed:
    """`step()`, or why it failed in one line: never raises. Errors of the `expected` types,
    like `ExtractError`, are reasons; any other is an internal error."""
    try:
        return step()
    except ExtractError as error:
        return Failed(_reason(error, path))
    except expected as error:
        return Failed(one_line(str(error)))
    except Exception as error:
        return Failed(one_line(f"internal error: {type(error).__name__}: {error}"))
