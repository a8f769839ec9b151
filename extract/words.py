"""English words, to tell a word a narrow column broke in two ("Recommendati" / "on") from
two words that happened to wrap there ("Safeguarding" / "adults").

The list is SCOWL's British English word list (Debian's wbritish, casefolded, possessives
dropped; the copyright notice is at the top of words.txt.gz). It is loaded the first time a
line ends full against its cell's edge, which most pages never ask. The file keeps its words
in byte order, and a word is looked up by binary search in the inflated bytes: building a
set of its 73,000 words took about 10 ms, a thirtieth of a 3-page plan's run, for the
dozen words a plan asks.
"""

from __future__ import annotations

import contextlib
import os
import re
import struct
import zlib
from functools import cache
from pathlib import Path

from dhrplan.extract.usercache import cache_folder
from dhrplan.output.files import write_bytes

FUNCTION_WORDS = frozenset(
    (
        "a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "by", "for",
        "from", "with", "within", "without", "into", "onto", "via", "as", "than", "that", "which",
        "who", "whom", "whose", "where", "when", "while", "if", "per", "including", "such", "all",
        "any", "each", "every", "some", "no", "not", "our", "their", "its", "his", "her", "your",
        "my", "this", "these", "those", "between", "among", "across", "about", "against", "under",
        "over", "through", "during", "after", "before", "like", "both", "either", "neither", "plus",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
        "should", "shall", "can", "could", "may", "might", "must", "do", "does", "did", "also",
        "only", "e.g", "i.e", "around", "since", "so", "towards", "upon", "what", "how",
        "whether", "new", "other", "&"
    )
)
"""Words a sentence or phrase does not end on: a capital after them is a name, not a new
paragraph, and a cell cut by a page break after one carries on."""

NAMES_IN_RUNNING_TEXT = frozenset(
    (
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec"
    )
)
"""Capitalised common words that continue a sentence ("bulletin" / "March 2016",
"published" / "Oct 2024")."""


def listed(word: str, lines: bytes) -> bool:
    """Whether `word` is a line of `lines` (words one a line, each line ending in a newline,
    the lines in byte order), by binary search."""
    if not word or "\n" in word:
        return False
    key = word.encode("utf-8")
    low, high = 0, len(lines)
    while low < high:  # `low` and `high` stay at line starts; low: first line >= key
        start = lines.rfind(b"\n", low, (low + high) // 2) + 1 or low
        end = lines.index(b"\n", start)
        if lines[start:end] < key:
            low = end + 1
        else:
            high = start
    return lines.startswith(key + b"\n", low)


@cache
def english_words() -> bytes:
    """The list's words, one a line, in byte order (for `listed`)."""
    data = _unpacked(Path(__file__).with_name("words.txt.gz"))
    start = 0
    while data.startswith(b"#", start):  # the notice's lines, above the words
        start = data.index(b"\n", start) + 1
    return data[start:]


def _unpacked(packed: Path) -> bytes:
    """The file's inflated bytes, kept in the user's cache folder (beside the compiled schema
    and patterns): inflating them took 3 to 4 ms of each run that looks a word up. The copy
    is used only if it is whole: its size and CRC-32 are those the gzip trailer records."""
    with packed.open("rb") as fh:
        fh.seek(-8, os.SEEK_END)
        crc, size = struct.unpack("<II", fh.read(8))
    copy = cache_folder() / f"words_{crc:08x}_{size}.txt"
    with contextlib.suppress(OSError):
        data = copy.read_bytes()
        if len(data) == size and zlib.crc32(data) == crc:
            return data
    import gzip  # only to make the copy: a run that has it does without the module

    data = gzip.decompress(packed.read_bytes())
    with contextlib.suppress(OSError):
        copy.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(copy, data)
    return data


def normal_word(text: str) -> str:
    """The word as the list has it: outer punctuation and a possessive dropped, casefolded."""
    word = text.strip(PUNCTUATION).casefold()
    for possessive in ("’s", "'s"):
        word = word.removesuffix(possessive)
    return word


PUNCTUATION = "()[]{}.,;:!?'\"“”‘’/-–—•*"


def is_word(text: str, known: frozenset[str] = frozenset()) -> bool:
    """An English word or one of `known`; "multi-agency", "and/or" if each part is; words
    the list has without a prefix ("unachieved")."""
    english = english_words()
    parts = normal_word(text).replace("/", "-").split("-")
    return all(
        listed(part, english) or part in known or _prefixed(part, english)
        for part in parts
        if part
    )


PREFIXES = ("un", "re", "non", "pre", "co", "sub", "over", "under", "mis", "inter", "multi")


def _prefixed(word: str, english: bytes) -> bool:
    return any(
        word.startswith(prefix) and listed(word[len(prefix):], english)
        for prefix in PREFIXES
        if len(word) - len(prefix) >= 4
    )


def one_word(head: str, tail: str, known: frozenset[str] = frozenset()) -> bool:
    """Whether `head` and `tail`, met on either side of a break, are halves of one word:
    together they make a word, or they are not both words on their own."""
    if is_word(normal_word(head) + normal_word(tail)):
        return True
    return not (is_word(head, known) and is_word(tail, known))


ONE_LETTER_WORDS = frozenset("aAI")

HYPHEN_END = re.compile(r"[^\W\d_]-$")
"""A word hyphenated at the end of a line: "multi-" + "agency" is "multi-agency"."""

SUSPENDED_BEFORE = frozenset(("and", "or", "nor", "to"))
"""Words after which a hyphen is suspended, not a word cut: "pre- and post-course",
"short- or long-term", "one- to two-day"."""


def hyphen_goes_on(head: str, tail: str) -> bool:
    """Whether a word ending in a hyphen ("multi-") goes on in the next piece ("agency"),
    glued without a space; not before "and", "or", "to", where the hyphen is suspended
    ("Pre- and post-course questionnaires")."""
    return (
        bool(HYPHEN_END.search(head))
        and tail[:1].isalpha()
        and tail.strip(PUNCTUATION).casefold() not in SUSPENDED_BEFORE
    )

DATE_HEAD = re.compile(r"\d{1,2}[./]\d{1,2}[./](?P<year>\d{1,3})$")
"""The first half of a date a narrow column broke: "31.12.20" / "16", "31.12.201" / "6"."""


def split_word(
    before: str, after: str, room: float | None = None, known: frozenset[str] = frozenset()
) -> bool:
    """One word a narrow column broke where the text shows no line: at a page break
    ("professional" / "s", "Safeguardi" / "ng"), or in a cell a text export flattened
    ("completi on"): the halves make an English word and are not two words ("in" / "to"
    stay two), unless the line before the break was full to its last character (`room`, in
    ems, under one): then "operation" / "al" is "operational" too. `known` are words the
    document writes whole elsewhere ("Somerset")."""
    head, tail = before.rsplit(None, 1)[-1], after.split(None, 1)[0]  # not split(): a cell
    # joined row after row would be split whole each time
    if date := DATE_HEAD.search(head):
        digits = re.match(r"\d+\b", tail)
        return bool(digits) and len(date["year"]) + len(digits[0]) in (2, 4)
    if not (head[-1].isalpha() and tail[0].isalpha() and tail[0].islower()) or head.isupper():
        return False
    if tail.endswith("-"):
        return False  # "and" / "re-" + "write": the tail starts a hyphenated word
    if not is_word(normal_word(head) + normal_word(tail), known):
        return False
    letter = tail.strip(PUNCTUATION)
    if len(letter) == 1 and letter not in ONE_LETTER_WORDS:
        return True  # "professional" / "s"; but "in" / "a" is not "ina"
    if not (is_word(head) and is_word(tail)):
        return True
    return (
        room is not None
        and room < 1.0
        and normal_word(head) not in FUNCTION_WORDS
        and normal_word(tail) not in FUNCTION_WORDS
    )
