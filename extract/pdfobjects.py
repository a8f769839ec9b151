"""A PDF's objects read as pdfminer reads them, for the plain files most plans are, so that
the PDFium path needs no pdfminer: importing it (with the version lookup, the AES library
and the charset detector it loads) and parsing with it took about 60 ms of a 3-page plan's
350 ms.

Only what is unambiguous is read here: one or more classic cross-reference tables (an
incremental update's `/Prev` chain, newest first, as pdfminer takes them), no encryption,
no cross-reference or object streams, every object where its table says and every stream
ending where its `/Length` says. Anything else raises `Unsupported` and the caller reads
the file with pdfminer as before, so a file this reader does not take exactly as pdfminer
does is never read differently. Values are pdfminer's shapes: dicts with str keys (a null
value drops the entry), lists, int/float, bool, None, bytes for strings, `Name`, `Ref` and
`Stream` (with `attrs` and `rawdata`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 64 << 20
"""Larger files are left to pdfminer, which reads them piecemeal: this reader holds the file
in memory (a plan is well under a few megabytes)."""


class Unsupported(Exception):
    """The file is not one this reader takes exactly as pdfminer does: use pdfminer."""


class Missing(Exception):
    """An object the cross-reference tables do not list (pdfminer's PDFObjectNotFound)."""


class Ref:
    __slots__ = ("objid", "genno")

    def __init__(self, objid: int, genno: int) -> None:
        self.objid, self.genno = objid, genno


class Name:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class Stream:
    __slots__ = ("attrs", "rawdata", "objid", "genno")
    decipher = None

    def __init__(self, attrs: dict[str, Any], rawdata: bytes, objid: int, genno: int) -> None:
        self.attrs, self.rawdata, self.objid, self.genno = attrs, rawdata, objid, genno

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)

    def __contains__(self, key: str) -> bool:
        return key in self.attrs


_SPACE = rb"(?:[\t\n\x0b\x0c\r ]|%[^\r\n]*)*"
_TOKEN = re.compile(
    _SPACE + rb"""(?:
      (?P<num>[+-]?(?:\d+\.?\d*|\.\d+))(?![^\t\n\x0b\x0c\r ()<>\[\]{}/%])
    | (?P<name>/[^\t\n\x0b\x0c\r ()<>\[\]{}/%]*)
    | (?P<open><<|\[)
    | (?P<close>>>|\])
    | (?P<hex><[0-9A-Fa-f\t\n\x0b\x0c\r ]*>)
    | (?P<str>\()
    | (?P<word>[A-Za-z]+)(?![^\t\n\x0b\x0c\r ()<>\[\]{}/%])
    )""",
    re.VERBOSE,
)
_REF = re.compile(_SPACE + rb"(\d+)" + _SPACE + rb"R(?![^\t\n\x0b\x0c\r ()<>\[\]{}/%])")
_INT_AFTER = re.compile(rb"[\t\n\x0b\x0c\r ]+(\d+)")
_HEADER = re.compile(_SPACE + rb"(\d+)[\t\n\x0b\x0c\r ]+(\d+)[\t\n\x0b\x0c\r ]+obj")
_STREAM_START = re.compile(_SPACE + rb"stream(?:\r\n|\n)")
_STREAM_END = re.compile(rb"[\r\n]*endstream")
_XREF = re.compile(_SPACE + rb"xref")
_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)?")
_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b",
            ord("f"): b"\f", ord("("): b"(", ord(")"): b")", ord("\\"): b"\\"}


class PdfObjects:
    """The objects of one PDF, parsed when first asked for."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offsets: dict[int, int] = {}
        self.cache: dict[int, Any] = {}
        self.trailer = self._read_xrefs()
        root = self.resolve(self.trailer.get("Root"))
        if not isinstance(root, dict):
            raise Unsupported("no catalog")
        self.catalog = root

    @classmethod
    def open(cls, path: Path) -> PdfObjects:
        with Path(path).open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise Unsupported("large file")
        return cls(data)

    # --- cross-reference tables ----------------------------------------------------------

    def _read_xrefs(self) -> dict[str, Any]:
        at = self.data.rfind(b"startxref", max(0, len(self.data) - 4096))
        found = _INT_AFTER.match(self.data, at + 9) if at >= 0 else None
        if found is None:
            raise Unsupported("no startxref")
        position: int | None = int(found[1])
        newest: dict[str, Any] | None = None
        seen: set[int] = set()
        while position is not None:
            if position in seen:
                raise Unsupported("xref loop")
            seen.add(position)
            trailer = self._read_xref(position)
            if "Encrypt" in trailer or "XRefStm" in trailer:
                raise Unsupported("encrypted or hybrid")
            newest = newest if newest is not None else trailer
            if newest.get("Root") is None and trailer.get("Root") is not None:
                raise Unsupported("root in an older trailer")
            prev = trailer.get("Prev")
            if prev is not None and not isinstance(prev, int):
                raise Unsupported("odd Prev")
            position = prev
        assert newest is not None
        return newest

    def _read_xref(self, position: int) -> dict[str, Any]:
        """One table, line by line as pdfminer's `PDFXRef.load` reads it (single spaces, one
        entry a line); what it would not read so is left to it."""
        data = self.data
        found = _XREF.match(data, position)
        if found is None:
            raise Unsupported("not an xref table")
        lines = _LINE.finditer(data, _LINE.match(data, found.end()).end())
        table: dict[int, int] = {}
        for line in lines:
            text = line[0].strip()
            if not text:
                if not line[0]:
                    raise Unsupported("xref runs to the end")
                continue
            if text.startswith(b"trailer"):
                value, _ = self._object(line.start() + line[0].index(b"trailer") + 7)
                if not isinstance(value, dict):
                    raise Unsupported("no trailer")
                for objid, offset in table.items():
                    self.offsets.setdefault(objid, offset)  # the newest table wins
                return value
            head = text.split(b" ")
            if len(head) != 2 or not all(part.isdigit() for part in head):
                raise Unsupported("bad xref subsection")
            start, count = int(head[0]), int(head[1])
            for objid in range(start, start + count):
                entry = next(lines, None)
                fields = entry[0].strip().split(b" ") if entry is not None else []
                if len(fields) != 3 or not (fields[0].isdigit() and fields[1].isdigit()):
                    raise Unsupported("bad xref entry")
                if fields[2] != b"n":
                    continue
                if objid in table:
                    raise Unsupported("an object listed twice in one table")
                table[objid] = int(fields[0])
        raise Unsupported("no trailer")

    # --- objects --------------------------------------------------------------------------

    def getobj(self, objid: int) -> Any:
        if objid in self.cache:
            return self.cache[objid]
        offset = self.offsets.get(objid)
        if offset is None:
            raise Missing(objid)
        header = _HEADER.match(self.data, offset)
        if header is None or int(header[1]) != objid:
            raise Unsupported(f"object {objid} is not where its table says")
        value, pos = self._object(header.end())
        if isinstance(value, dict):
            start = _STREAM_START.match(self.data, pos)
            if start is not None:  # not kept: a stream's bytes are sliced again if asked for
                return self._stream(value, start.end(), objid, int(header[2]))
        self.cache[objid] = value
        return value

    def resolve(self, value: Any) -> Any:
        """pdfminer's `resolve1` (a reference loop or a missing object is Unsupported)."""
        seen: set[int] = set()
        while isinstance(value, Ref):
            if value.objid in seen:
                raise Unsupported("reference loop")
            seen.add(value.objid)
            try:
                value = self.getobj(value.objid)
            except Missing:
                return None
        return value

    def _stream(self, attrs: dict[str, Any], start: int, objid: int, genno: int) -> Stream:
        length = attrs.get("Length")
        if isinstance(length, Ref):
            if length.objid == objid:
                raise Unsupported("stream length refers to itself")
            length = self.resolve(length)
        if not isinstance(length, int) or isinstance(length, bool) or length < 0:
            raise Unsupported("stream without a length")
        end = start + length
        if end > len(self.data) or _STREAM_END.match(self.data, end) is None:
            raise Unsupported("stream length does not end at endstream")
        return Stream(attrs, self.data[start:end], objid, genno)

    def _object(self, pos: int) -> tuple[Any, int]:
        token = _TOKEN.match(self.data, pos)
        if token is None:
            raise Unsupported(f"unreadable at byte {pos}")
        kind, end = token.lastgroup, token.end()
        text = token[kind]
        if kind == "num":
            if b"." in text:
                return float(text), end
            number = int(text)
            ref = _REF.match(self.data, end) if text.isdigit() else None
            if ref is not None:
                return Ref(number, int(ref[1])), ref.end()
            return number, end
        if kind == "name":
            return Name(_name(text[1:])), end
        if kind == "open":
            return self._container(text, end)
        if kind == "hex":
            digits = bytes(c for c in text[1:-1] if c not in b"\t\n\x0b\x0c\r ")
            even = len(digits) - len(digits) % 2
            value = bytes.fromhex(digits[:even].decode())
            if even < len(digits):  # pdfminer reads a last odd digit as a byte of its own
                value += bytes([int(digits[even:], 16)])
            return value, end
        if kind == "str":
            return self._string(end)
        if text == b"true":
            return True, end
        if text == b"false":
            return False, end
        if text == b"null":
            return None, end
        raise Unsupported(f"keyword {text[:20]!r}")

    def _container(self, opener: bytes, pos: int) -> tuple[Any, int]:
        closer = b">>" if opener == b"<<" else b"]"
        items: list[Any] = []
        while True:
            token = _TOKEN.match(self.data, pos)
            if token is not None and token.lastgroup == "close":
                if token["close"] != closer:
                    raise Unsupported("mismatched brackets")
                pos = token.end()
                break
            value, pos = self._object(pos)
            items.append(value)
        if closer == b"]":
            return items, pos
        if len(items) % 2:
            raise Unsupported("odd dictionary")
        result: dict[str, Any] = {}
        for key, value in zip(items[::2], items[1::2], strict=True):
            if not isinstance(key, Name):
                raise Unsupported("dictionary key is not a name")
            if value is not None:
                result[key.name] = value
        return result, pos

    def _string(self, pos: int) -> tuple[bytes, int]:
        data, out, depth = self.data, bytearray(), 1
        while pos < len(data):
            c = data[pos]
            pos += 1
            if c == 0x5C:  # backslash
                if pos >= len(data):
                    break
                e = data[pos]
                pos += 1
                if e in _ESCAPES:
                    out += _ESCAPES[e]
                elif 0x30 <= e <= 0x37:
                    digits = bytes([e])
                    while len(digits) < 3 and pos < len(data) and 0x30 <= data[pos] <= 0x37:
                        digits += data[pos:pos + 1]
                        pos += 1
                    if int(digits, 8) > 255:
                        raise Unsupported("an octal escape past 255")  # pdfminer fails
                    out.append(int(digits, 8))
                elif e == 0x0D and data[pos:pos + 1] == b"\n":
                    pos += 1
                # pdfminer drops any other escaped character (an escaped end of line too)
                continue
            if c == 0x28:
                depth += 1
            elif c == 0x29:
                depth -= 1
                if depth == 0:
                    return bytes(out), pos
            out.append(c)
        raise Unsupported("unterminated string")


def _name(raw: bytes) -> str:
    if b"#" in raw:
        if re.search(rb"#(?![0-9A-Fa-f]{2})", raw):
            raise Unsupported("a name with a stray #")
        raw = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Unsupported("a name that is not UTF-8") from None
