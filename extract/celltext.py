"""Words inside a box -> text with paragraphs, undoing the line wrapping of the word processor.

A PDF only has lines. Whether a line break was a soft wrap or a paragraph end is decided the
way the word processor decided it: a wrap happens only when the next word does not fit, so if
the first word of the next line would have fitted at the end of this line (with room to
spare: Writer wraps words that fit by less than a point), the line ended on purpose; so did
it where the gap to the next line is wider than the cell's line spacing, and where the next
line starts off the left edge the paragraph's wrapped lines keep (a note indented under a
list item: `_moved_left_edge`). Bullets and item labels ("a.", "2)", "ii.") always start a
paragraph (a dash only where the line before had room for it), and so does a switch between
an all-bold and a plain line, and a line opening with the same two words as an earlier
paragraph of the cell ("Briefing to be ..."). When the
next word would not have fitted, a capitalised common word after a paragraph ending in a
lower-case content word ("...proactive approach" / "Briefing to be approved") is still read
as a new paragraph: mid-sentence, a capital after such a word is rare, while lists of
milestones look exactly like that.
A word processor breaks a word inside only when the line is full to the last character, so a
line ending full against the cell's edge may end in half a word: the two halves are glued
back when together they make an English word ("Recommendati" / "on"), or when one of them is
not a word at all ("Coordinat" / "or", "31.12.20" / "16"); two words stay two words
("Safeguarding" / "adults").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dhrplan.extract.geometry import Word
from dhrplan.extract.labels import (
    BULLETS,
    DASHES,
    ITEM_LABEL,
    SUB_ITEM_START,
    TICKS,
    is_bullet,
    opens_item,
    opens_labelled,
)
from dhrplan.extract.model import PARAGRAPHS_UNSURE, RowNote
from dhrplan.extract.vocabulary import IMPERATIVE_VERBS
from dhrplan.extract.words import (
    FUNCTION_WORDS,
    PUNCTUATION,
    hyphen_goes_on,
    is_word,
    normal_word,
    one_word,
)

SPACE_WIDTH = 0.278
"""Width of a space as a fraction of the font size (Arial/Liberation Sans/Helvetica)."""

COMMON_WORDS = FUNCTION_WORDS | frozenset(
    (
        "it", "he", "she", "they", "we", "you", "them", "up", "out", "so", "then", "there",
        "here", "what", "how", "why", "one", "two", "three", "new", "more", "most", "other",
        "make", "making", "made", "take", "given", "use", "used", "work", "working", "case",
        "cases", "staff", "team", "plan", "plans", "review", "action", "actions", "policy",
        "risk", "support", "training", "process", "processes", "procedure", "procedures",
        "practice", "service", "services", "agency", "agencies", "victim", "victims", "abuse",
        "domestic", "safeguarding", "partnership", "county", "council", "board", "group",
        "local", "national", "months", "weeks", "date", "report", "complete", "completed",
    )
)
"""Words a continuation line may start with that are words, even if the page shows them
nowhere else."""

FIT_MARGIN = 0.1
"""Room (in ems) a word must have had at the end of the line to count as fitting: Writer
wraps words that would fit by up to 0.8 pt, and the width of a space is estimated."""

FULL_LINE = 2.5
"""A line ends nearly full when less room than this many characters (or the next word), and
twice `FIT_MARGIN`, is left: Writer breaks inside a word whose next character would fit by up
to 1.4 pt, or before two characters that cannot be parted ("p/"). Halves met there are glued
only when they make a known word together; halves of which one is no word at all are glued
only after a line full to its last character."""

PARAGRAPH_GAP = 0.3
"""Extra space (in ems) between two lines, beyond the cell's line spacing, that marks a
paragraph break (space after a paragraph)."""


@dataclass(frozen=True)
class Measure:
    """How exactly a line's width is known. A PDF gives it in points (the defaults); a text
    export that kept a cell's visual lines gives only its characters, whose widths in the
    page's font are known to within a tenth or so (see extract/textlines.py)."""

    fit_margin: float = FIT_MARGIN
    """Room (in ems) beyond the next word's width that makes it count as fitting."""
    break_margin: float = 2 * FIT_MARGIN
    """Room (in ems) beyond `FULL_LINE` characters a line may have left and still end in
    half a word."""
    indent_margin: float = 0.5
    """Shift (in ems) of a line's left edge from where the paragraph's wrapped lines start
    that makes it a new paragraph (`_moved_left_edge`): a word processor starts every
    wrapped line of a paragraph at one indent, to the point, while list and note indents
    differ by a quarter inch or more. A text export shows no indents (infinite)."""


POINTS = Measure()
"""The measure of a PDF page."""


@dataclass
class Line:
    """One line of words in a cell."""
    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    @property
    def text(self) -> str:
        return join_words(self.words)


def join_words(words: list[Word]) -> str:
    """Words of one line; pieces split only by a font change are glued without a space."""
    parts = [words[0].text]
    for prev, word in zip(words, words[1:], strict=False):
        gap = word.x0 - prev.x1
        parts.append(word.text if gap < 0.12 * min(prev.size, word.size) else " " + word.text)
    return "".join(parts)


def group_lines(words: list[Word]) -> list[Line]:
    """Words -> lines, top to bottom; a word joins a line when its middle lies inside it."""
    lines: list[Line] = []
    current: list[Word] = []
    top = bottom = 0.0
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if current and top <= word.ymid <= bottom:
            current.append(word)
            bottom = max(bottom, word.bottom)
            continue
        if current:
            lines.append(Line(sorted(current, key=lambda w: w.x0)))
        current, top, bottom = [word], word.top, word.bottom
    if current:
        lines.append(Line(sorted(current, key=lambda w: w.x0)))
    return lines


def starts_item(word: Word) -> bool:
    text = word.text
    return is_bullet(text[0]) or bool(ITEM_LABEL.match(text))


def _normalise_bullet(text: str) -> str:
    if text.strip() and all(ch in TICKS for ch in text.strip()):
        return text.strip()  # a tick column's mark, not a bullet (labels.TICKS)
    if text and text[0] in BULLETS:
        return "• " + text[1:].lstrip()
    if len(text) > 1 and text[0] in DASHES and text[1] == " ":
        return "• " + text[2:].lstrip()
    return text


@dataclass(frozen=True)
class PageWords:
    """Words of the page seen after another word on the same line (not at a line start, where
    the tail of a broken word would be): real words, casefolded; and those written there with
    a capital, as written: names ("Trust", "Domestic"), which do not start a sentence."""

    words: frozenset[str] = COMMON_WORDS
    names: frozenset[str] = frozenset()


NO_PAGE_WORDS = PageWords()
"""For cells read without their page (borderless tables, tests): the common words only."""


def cell_text(
    words: list[Word],
    x0: float,
    x1: float,
    known: PageWords = NO_PAGE_WORDS,
    measure: Measure = POINTS,
    unsure: list[str] | None = None,
) -> str:
    """Text of the words in a cell whose ruling lines are at x0 and x1; `known` holds the
    page's words seen mid-line (see `known_words`). Breaks read as wraps that could as well
    end a paragraph (`unsure_break`) are told to `unsure`, as the sentence before them."""
    if not words:
        return ""
    return lines_text(group_lines(words), x0, x1, known, measure, unsure)


def lines_text(
    lines: list[Line],
    x0: float,
    x1: float,
    known: PageWords = NO_PAGE_WORDS,
    measure: Measure = POINTS,
    unsure: list[str] | None = None,
) -> str:
    """`cell_text` of a cell whose words are already grouped into lines (`group_lines`), for
    a reader that needs the lines too."""
    right = _text_right(lines, x0, x1)
    pitch = _line_pitch(lines)
    tails = _whole_first_words(lines, right, known, measure)
    tagged = tag_breaks(lines)
    paragraphs: list[str] = [lines[0].text]
    opening = lines[0]  # the first line of the paragraph being read
    left = _aligned_left(lines, measure)
    hang = _hang(lines, measure)
    for i, (prev, line, tail) in enumerate(zip(lines, lines[1:], tails, strict=False)):
        first = line.words[0]
        below = lines[i + 2] if i + 2 < len(lines) else None
        last = paragraphs[-1].rsplit(" ", 1)[-1]
        count = len(paragraphs)
        if tagged is not None and tagged[i]:
            paragraphs.append(line.text)
        elif _broken_word(prev, last, first, tail, right, known, measure):
            paragraphs[-1] += line.text
        elif _wrapped_dash(prev, line, right, measure):
            paragraphs[-1] += " " + line.text
        elif (
            would_fit(prev, line, right, measure)  # tagged too: a break inside a paragraph
            or _spaced(prev, line, pitch)
        ) or tagged is None and (
            starts_item(first)
            or bool(SUB_ITEM_START.match(line.text))
            or prev.bold != line.bold
            or _starts_sentence(last, line, known)
            or opens_action(last, first.text, line.words[1].text if len(line.words) > 1 else "")
            or _numbered_item(prev, line)
            or _labelled(prev, line)
            or _repeats_opening(paragraphs, line, below)
            or left and _moved_left_edge(opening, prev, line, hang, measure)
        ):
            paragraphs.append(line.text)
        elif _ends_with_hyphen(prev, line):
            paragraphs[-1] += line.text
        else:
            if unsure is not None and tagged is None and unsure_break(paragraphs[-1], first.text):
                unsure.append(paragraphs[-1])
            paragraphs[-1] += " " + line.text
        if len(paragraphs) > count:
            opening = line
    return "\n".join(_normalise_bullet(p.strip()) for p in paragraphs if p.strip())


def _aligned_left(lines: list[Line], measure: Measure) -> bool:
    """Whether the cell's text is set flush left (or justified), so that its lines' left
    edges mean indents: not when they are centred or set flush right (their left edges
    then follow their lengths), nor in a text export (`indent_margin` infinite)."""
    if measure.indent_margin == float("inf") or len(lines) < 2:
        return False
    size = max(line.size for line in lines)
    tolerance = measure.indent_margin * size

    def spread(values: list[float]) -> float:
        return max(values) - min(values)

    if spread([line.x0 for line in lines]) <= tolerance:
        return True
    return (
        spread([(line.x0 + line.x1) / 2 for line in lines]) > tolerance
        and spread([line.x1 for line in lines]) > tolerance
    )


def _opens_item(line: Line) -> bool:
    """A line that starts with a bullet or an item label as a word of its own."""
    first = line.words[0].text
    return len(line.words) > 1 and (first in BULLETS or bool(ITEM_LABEL.match(first)))


def _hang(lines: list[Line], measure: Measure) -> float | None:
    """Where the cell's list items wrap to (a list's hanging indent, which need not be where
    the text after the bullet starts): the nearest left edge right of the bullets of the
    lines that open no item. None without items, or with none such."""
    items = [line.x0 for line in lines if _opens_item(line)]
    if not items:
        return None
    tolerance = measure.indent_margin * max(line.size for line in lines)
    others = [
        line.x0 for line in lines
        if not _opens_item(line) and line.x0 > min(items) + tolerance
    ]
    return min(others, default=None)


def _moved_left_edge(
    opening: Line, prev: Line, line: Line, hang: float | None, measure: Measure
) -> bool:
    """A line that starts elsewhere than the paragraph's wrapped lines do starts a paragraph
    of its own ("• Report the findings to the Board." / a note under the item, indented
    further). The wrapped lines start where the line before starts when that is itself a
    wrapped line; under an item's first line, at the cell's hang (`_hang`), where its text
    after the bullet or label starts, or at the bullet (typed as text); under any other
    first line, nothing is known (a first-line indent, a hanging one), so nothing is said."""
    tolerance = measure.indent_margin * prev.size
    if prev is not opening:
        starts = [prev.x0]
    elif _opens_item(opening):
        starts = [opening.x0, opening.words[1].x0, *([] if hang is None else [hang])]
    else:
        return False
    return all(abs(line.x0 - x) > tolerance for x in starts)


_SENTENCE_END = re.compile(r"[.!?;:][)\]\"'’”]*$")


def opens_action(last: str, word: str, second: str) -> bool:
    """After a finished sentence, a capitalised verb that opens an action ("...checklist." /
    "Audit closed cases") starts the next item: in action and milestone cells each item is a
    sentence of its own, and mid-paragraph a new sentence rarely opens with a bare verb."""
    return (
        bool(_SENTENCE_END.search(last))
        and not ITEM_LABEL.match(last)  # "2." / "Develop": the label of the item it opens
        and word in IMPERATIVE_VERBS
        and not second[:1].isupper()
    )


_ASIDE_END = re.compile(r"[.!?]\s*\([^()]*(?:\([^()]*\)[^()]*)*\)$")
"""A sentence, then a bracketed aside that ends the paragraph: "...behaviour. (Recommendation
5 (page 11))"."""


def unsure_break(text: str, word: str) -> bool:
    """A line break read as a wrap that is as likely a paragraph that ended where its line
    was full; nothing on an untagged page tells which. After a finished sentence (or a
    bracketed aside after one), any capital; after a content word with no punctuation, a
    capitalised common word the page also writes mid-sentence ("Agreement re-launched" /
    "Agency leads named") or a figure ("Screening tool live" / "90% of staff trained"), as
    the next item of a list opens. `text` is the paragraph so far."""
    last = text.rsplit(" ", 1)[-1]
    if _SENTENCE_END.search(last) or _ASIDE_END.search(text):
        return word[:1].isupper()
    content = last.replace("-", "").isalpha() and last.islower() and last not in FUNCTION_WORDS
    return opens_item(last, word) or content and word[:1].isdigit()


def quoted_end(text: str, words: int = 6) -> str:
    """The end of a sentence, as a warning quotes it."""
    parts = text.split()
    return ("…" if len(parts) > words else "") + " ".join(parts[-words:])


def break_said(text: str) -> str:
    """How a row's note on the line break after `text` opens: one wording, so that a later
    rule (`columnbreaks`) can find the note it decides."""
    return f'the line break after "{quoted_end(text)}"'


def unsure_notes(sentences: list[str], column: int) -> list[RowNote]:
    """A row's notes for the line breaks `cell_text` told to `unsure` in one column."""
    return [
        RowNote(
            PARAGRAPHS_UNSURE,
            f"{break_said(s)} was read as a wrap; it may end a paragraph",
            column,
        )
        for s in sentences
    ]


def tag_breaks(lines: list[Line]) -> list[bool] | None:
    """Tagged PDFs: for each line after the first, whether the structure tags start a new
    paragraph there (the guesses from bullets, bold and capitals are then not needed; a
    line ending where the next word would have fitted is still a line break). None when the
    tags cannot say: a word without one, two paragraphs on one line, or a paragraph taken up
    again after another (the tags disagree with the page, so the layout decides)."""
    keys: list[int] = []
    for line in lines:
        found = {word.paragraph for word in line.words}
        if len(found) != 1 or None in found:
            return None
        keys.append(found.pop())
    if len(set(keys)) != sum(1 for i, key in enumerate(keys) if i == 0 or key != keys[i - 1]):
        return None
    return [a != b for a, b in zip(keys, keys[1:], strict=False)]


def end_room(lines: list[Line], x0: float, x1: float) -> float | None:
    """Free width at the end of the last line (`group_lines`) of a cell ruled at x0 and x1,
    in ems."""
    if not lines:
        return None
    last = lines[-1]
    return max(0.0, _text_right(lines, x0, x1) - last.x1) / last.size


def _text_right(lines: list[Line], x0: float, x1: float) -> float:
    """Where the cell's lines may reach: its right rule less the padding the text keeps from
    its left rule (Word pads both sides alike)."""
    left = min(line.x0 for line in lines)
    return x1 - max(0.0, left - x0)


def would_fit(prev: Line, line: Line, right: float, measure: Measure = POINTS) -> bool:
    """Whether the first word of `line` had room at the end of `prev`: if so, `prev` ended
    on purpose."""
    size = prev.words[-1].size
    room = right - measure.fit_margin * size - prev.x1
    return SPACE_WIDTH * size + _unbreakable_width(line) <= room


def _line_pitch(lines: list[Line]) -> float | None:
    """The cell's usual distance from one line's top to the next (the smallest one seen)."""
    steps = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False)]
    return min(steps) if steps else None


def _spaced(prev: Line, line: Line, pitch: float | None) -> bool:
    if pitch is None or abs(line.size - prev.size) > 0.5:
        return False
    return line.top - prev.top > pitch + PARAGRAPH_GAP * prev.size


def _wrapped_dash(prev: Line, line: Line, right: float, measure: Measure) -> bool:
    """ "... use of DVRIM" / "– to all relevant staff": a dash the line had no room for, after
    an unfinished sentence, is the sentence going on, not a bullet."""
    dash = line.words[0].text
    if dash not in DASHES or len(line.words) < 2:
        return False
    return not would_fit(prev, line, right, measure) and prev.words[-1].text[-1] not in ".:;!?"


WHOLE_YEAR = re.compile(r"(?:19|20)\d\d")
"""A number that is whole as it stands: the year ending a date ("31 st January 2016")."""

NO_BREAK_BEFORE = frozenset(")]}!?,.;:/%”’")
NO_BREAK_AFTER = frozenset("([{")


def _unbreakable_width(line: Line) -> float:
    """Width of the line's first piece that cannot be wrapped: "support /safety", "( how",
    "abuse ." stay together under the Unicode line-breaking rules word processors follow."""
    words = line.words
    end = 0
    while end + 1 < len(words) and (
        words[end + 1].text[0] in NO_BREAK_BEFORE or words[end].text[-1] in NO_BREAK_AFTER
    ):
        end += 1
    return words[end].x1 - words[0].x0


def known_words(
    words: list[Word], cell_of: Callable[[Word], object] | None = None
) -> PageWords:
    """`cell_of` tells which cell a word is in: neighbours across a column rule are no pair.
    A name is a capitalised word met mid-sentence beside another capitalised word ("an
    internal Domestic Abuse protocol", "NHS Trust"), unlike a verb that opens a list item."""
    known: set[str] = set()
    names: set[str] = set()
    ordered = sorted(words, key=lambda w: (round(w.top), w.x0))

    def pair(a: Word, b: Word) -> bool:
        return (
            round(a.top) == round(b.top)
            and 0 <= b.x0 - a.x1 < 0.6 * b.size
            and (cell_of is None or cell_of(a) == cell_of(b))
        )

    for i in range(1, len(ordered)):
        prev, word = ordered[i - 1], ordered[i]
        if not pair(prev, word):
            continue
        known.add(normal_word(word.text))
        if not (word.text[:1].isupper() and prev.text[-1:].isalpha()) or starts_item(prev):
            continue
        after = ordered[i + 1] if i + 1 < len(ordered) else None
        if prev.text[:1].isupper() or (after and pair(word, after) and after.text[:1].isupper()):
            names.add(word.text.strip(PUNCTUATION))
    return PageWords(frozenset(known | COMMON_WORDS), frozenset(names))


def _whole_first_words(
    lines: list[Line], right: float, known: PageWords, measure: Measure
) -> list[str]:
    """The first word of each line after the first, with the pieces the lines below carry it
    on in when it is alone on its line ("publicatio" / "n"): a word is judged whole."""
    tails = [""] * len(lines)
    for i in range(len(lines) - 1, 0, -1):
        line, tail = lines[i], lines[i].words[0].text
        if (
            len(line.words) == 1
            and i + 1 < len(lines)
            and _broken_word(
                line, tail, lines[i + 1].words[0], tails[i + 1], right, known, measure
            )
        ):
            tail += tails[i + 1]
        tails[i] = tail
    return tails[1:]


def _broken_word(
    prev: Line,
    last: str,
    first: Word,
    tail: str,
    right: float,
    known: PageWords,
    measure: Measure = POINTS,
) -> bool:
    """`last` (the paragraph's last word) and `first` (whose whole word is `tail`) are the
    halves of one word the column was too narrow for: the head is alone on its line (a word
    that does not fit a line starts a new one, then breaks), the line is full up to the next
    character, and the halves make a word together, or are not both words (a whole word
    after an unknown one, "Forcewide" / "circulation", is taken as a second word)."""
    head = prev.words[-1]
    width = first.x1 - first.x0
    room = right - prev.x1
    char = width / len(first.text)
    if room > min(width, FULL_LINE * char) + measure.break_margin * head.size:
        return False
    # only a line full to its last character may end in a word that is no word at all
    # ("Somers" / "et"); with more room left, only halves that make a word are glued
    sure_only = room > char + measure.fit_margin * head.size
    words = prev.words[1:] if starts_item(prev.words[0]) else prev.words
    if len(words) > 1:
        return False  # a word too long for a line starts a line of its own, then breaks
    if tail[0] in NO_BREAK_BEFORE and (not sure_only or not tail.strip(PUNCTUATION)):
        # "procedures" / "." or "Safeguarding" / "”": only a break inside a word; but with
        # room left, "Efficient" / "/effective" wrapped at the space before the slash
        return True
    if head.text[-1].isdigit() and tail[0].isdigit():
        # "31.12.20" / "16", a code "R1" / "0"; not "2016" / "28 th", nor "Q3" / "2024/25"
        if any(c.isalpha() for c in head.text):
            return not re.match(r"\d{4}", tail)
        return not WHOLE_YEAR.fullmatch(head.text)
    if not (head.text[-1].isalpha() and tail[0].isalpha()):
        return False
    if tail[0].isupper() and not (last.isupper() and tail.isupper()):
        return False  # a capital starts a word, except in "RECOMMENDATI" / "ON"
    if "(" in last and ")" not in last and ")" in tail:
        return False  # "(Somerset" / "county)"
    if last.isupper() and tail.islower():
        return False  # "DVPN/DVPO" / "and": an acronym is not broken into lower case
    if sure_only:
        return is_word(normal_word(last) + normal_word(tail))  # "Scop" / "e"
    if len(normal_word(tail)) >= 4 and is_word(tail):
        return is_word(normal_word(last) + normal_word(tail))  # "Forcewide" / "circulation"
    return one_word(last, tail, known.words)


def _starts_sentence(last: str, line: Line, known: PageWords) -> bool:
    word = line.words[0].text
    second = line.words[1].text if len(line.words) > 1 else ""
    return starts_item_after(last, word, second, known)


def starts_item_after(last: str, word: str, second: str, known: PageWords) -> bool:
    """The next item of a list (`opens_item`) at `word` after `last`, unless the word is a
    name ("Domestic Abuse": `second` capitalised too, or a word the page writes with a
    capital mid-sentence)."""
    return (
        word.strip(PUNCTUATION) not in known.names
        and not second[:1].isupper()
        and opens_item(last, word)
    )


def _repeats_opening(paragraphs: list[str], line: Line, below: Line | None) -> bool:
    """ "Briefing to be approved" after "Briefing to be written...": a list whose items open
    alike. A wrapped line seldom starts with the same two words as a paragraph. A line of one
    word ("Briefing" / "to be circulated" in a narrow column) opens with the line below."""
    words = line.words[:2]
    if len(words) == 1 and below is not None:
        words = [*words, below.words[0]]
    if len(words) < 2:
        return False
    opening = [w.text for w in words]
    return any(p.split(" ", 2)[:2] == opening for p in paragraphs)


def _numbered_item(prev: Line, line: Line) -> bool:
    """ "2 SSP to review...": a bare item number after a finished sentence."""
    words = line.words
    return (
        len(words) > 1
        and words[0].text.isdigit()
        and len(words[0].text) <= 2
        and words[1].text[0].isupper()
        and prev.words[-1].text[-1] in ".:;"
    )


def _labelled(prev: Line, line: Line) -> bool:
    return opens_labelled(prev.words[-1].text, line.words[0].text)


def _ends_with_hyphen(prev: Line, line: Line) -> bool:
    return hyphen_goes_on(prev.words[-1].text, line.words[0].text)
