"""The progress bar of a batch."""

from __future__ import annotations

from typing import TextIO


class Progress:
    """A one-line bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.enabled = enabled and total > 0

    def _draw(self, name: str) -> None:
        width = 30
        filled = width * self.done // self.total
        bar = "#" * filled + "-" * (width - filled)
        where = name if len(name) <= 50 else "..." + name[-47:]  # its folder, then its name
        self.stream.write(f"\r\x1b[K[{bar}] {self.done}/{self.total} {where}")
        self.stream.flush()

    def step(self, name: str) -> None:
        self.done += 1
        if self.enabled:
            self._draw(name)

    def clear(self) -> None:
        """Before another stream writes to the same terminal."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def redraw(self) -> None:
        if self.enabled and self.done:
            self._draw("")

    def say(self, line: str) -> None:
        """Print a line without tearing the bar."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
        self.stream.write(line + "\n")
        if self.enabled and self.done:
            self._draw("")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
