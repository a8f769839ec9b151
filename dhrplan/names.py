"""How file names appear in messages, labels and documents: printable, on one line.

A file name is bytes; Python gives undecodable bytes to us as lone surrogates, which no UTF-8
output can hold, and a newline or an escape sequence in a name would split or garble the
one-line error. Both are written as backslash escapes instead ("\\xff", "\\n", "\\x1b").
"""

from __future__ import annotations

import os


def printable(name: str) -> str:
    """`name` with undecodable bytes and control characters as backslash escapes."""
    if name.isprintable() and not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    out: list[str] = []
    for ch in name:
        if "\udc80" <= ch <= "\udcff":
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ch == "\\":
            out.append("\\\\")
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


def shown(path: os.PathLike[str] | str) -> str:
    return printable(os.fspath(path))
