"""Words inside a box -> text with paragraphs, undoing the line wrapping of the word processor.

A PDF only has lines. Whether a line break was a soft wrap or a paragraph end is decided the
way the word processor decided it: a wrap happens only when the next word does not fit, so if
the first word of the next line would have fitted at the end of this line, the line ended on
purpose. Bullets and item labels ("a.", "2)", "ii.") always start a paragraph, and so does a
switch between an all-bold and a plain line, and a line opening with the same two words as
an earlier paragraph of the cell ("Briefing to be ..."). When the next word would not have fitted, a
capitalised common word after a line ending in a lower-case content word ("...proactive
approach" / "Briefing to be approved") is still read as a new paragraph: mid-sentence, a
capital after such a word is rare, while lists of milestones look exactly like that.
A single word filling the whole line was broken by a too-narrow column and is glued back,
unless the continuation is a word the page uses elsewhere ("opportunities" / "to").
"""

from __future__ import annotations

from dataclasses import dataclass

from dhrplan.extract.geometry import Word
from dhrplan.extract.labels import BULLETS, DASHES, ITEM_LABEL, is_bullet

SPACE_WIDTH = 0.278
"""Width of a space as a fraction of the font size (Arial/Liberation Sans/Helvetica)."""

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
        "only", "e.g", "i.e"
    )
)
"""Words a sentence does not end on: a capital after them is a name, not a new paragraph."""

NAMES_IN_RUNNING_TEXT = frozenset(
    (
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday"
    )
)
"""Capitalised common words that continue a sentence ("bulletin" / "March 2016")."""

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

FIT_SLACK = 0.1
"""Points a word may overrun the line and still count as fitting; wraps are often decided
by less than half a point, so this stays small."""


@dataclass
class Line:
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
    if text and text[0] in BULLETS:
        return "• " + text[1:].lstrip()
    if len(text) > 1 and text[0] in DASHES and text[1] == " ":
        return "• " + text[2:].lstrip()
    return text


def cell_text(
    words: list[Word], x0: float, x1: float, known: frozenset[str] = frozenset()
) -> str:
    """Text of the words in a cell whose ruling lines are at x0 and x1; `known` holds the
    page's words seen mid-line (see `known_words`)."""
    if not words:
        return ""
    lines = group_lines(words)
    padding = max(0.0, min(line.x0 for line in lines) - x0)
    right = x1 - padding
    paragraphs: list[str] = [lines[0].text]
    for prev, line in zip(lines, lines[1:], strict=False):
        first = line.words[0]
        if _broken_word(prev, first, right, known):
            paragraphs[-1] += line.text
        elif (
            starts_item(first)
            or prev.bold != line.bold
            or _would_fit(prev, line, right)
            or _starts_sentence(prev, first)
            or _numbered_item(prev, line)
            or _repeats_opening(paragraphs, line)
        ):
            paragraphs.append(line.text)
        elif _ends_with_hyphen(prev):
            paragraphs[-1] += line.text
        else:
            paragraphs[-1] += " " + line.text
    return "\n".join(_normalise_bullet(p.strip()) for p in paragraphs if p.strip())


def _would_fit(prev: Line, line: Line, right: float) -> bool:
    space = SPACE_WIDTH * prev.words[-1].size
    return prev.x1 + space + _unbreakable_width(line) <= right + FIT_SLACK


NO_BREAK_BEFORE = frozenset(")]}!?,.;:/%")
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


def normal_word(text: str) -> str:
    return text.strip(PUNCTUATION).casefold()


PUNCTUATION = "()[]{}.,;:!?'\"“”‘’/-–—•*"


def known_words(words: list[Word]) -> frozenset[str]:
    """Words that follow another word on the same line somewhere on the page: real words,
    unlike the tail of a word a narrow column broke, which only ever starts a line."""
    known: set[str] = set()
    ordered = sorted(words, key=lambda w: (round(w.top), w.x0))
    for prev, word in zip(ordered, ordered[1:], strict=False):
        if round(prev.top) == round(word.top) and 0 <= word.x0 - prev.x1 < 0.6 * word.size:
            known.add(normal_word(word.text))
    return frozenset(known | COMMON_WORDS)


def _broken_word(prev: Line, first: Word, right: float, known: frozenset[str]) -> bool:
    """A lone word filling the line up to less than one character, then a lower-case
    continuation that is not a word of its own: one word split by the column. A real word
    pair can fill the line just as well ("(Somerset" + "county)"), hence the vocabulary."""
    words = prev.words
    if len(words) > 1 and starts_item(words[0]) and first.x0 >= words[1].x0 - 1:
        words = words[1:]  # a list label hanging left of the text: not part of the line
    if len(words) != 1:
        return False
    head, tail = words[0].text, first.text
    if normal_word(tail) in known:
        return False
    if not (head[-1].isalpha() and tail[0].islower()):
        return False
    if "(" in head and ")" not in head and ")" in tail:
        return False
    char_width = (first.x1 - first.x0) / max(len(tail), 1)
    return prev.x1 + char_width > right


def _starts_sentence(prev: Line, first: Word) -> bool:
    last = prev.words[-1].text
    word = first.text
    return (
        last.isalpha()
        and last.islower()
        and last not in FUNCTION_WORDS
        and len(word) > 1
        and word[0].isupper()
        and word[1:].replace("-", "").isalpha()
        and word[1:].replace("-", "").islower()
        and word.casefold() not in NAMES_IN_RUNNING_TEXT
    )


def _repeats_opening(paragraphs: list[str], line: Line) -> bool:
    """ "Briefing to be approved" after "Briefing to be written...": a list whose items open
    alike. A wrapped line seldom starts with the same two words as a paragraph."""
    if len(line.words) < 2:
        return False
    opening = [w.text for w in line.words[:2]]
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


def _ends_with_hyphen(prev: Line) -> bool:
    last = prev.words[-1].text
    return len(last) > 1 and last.endswith("-") and last[-2].isalpha()
