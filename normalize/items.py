"""Actions and milestones: one item per label, bullet or paragraph.

Labels ("a.", "ii)", "3.", "1 " at a paragraph start) and bullets start items. Exports that lost
paragraph breaks leave labels inline ("...staff. b. To be raised..."): a label is split out
inline only when it is the successor of the previous one (a->b, ii->iii, 2->3), so ordinary
text such as "e.g. 3 weeks" is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from dhrplan.extract.labels import inline_label, leading_marker, successor
from dhrplan.extract.patterncache import compiled
from dhrplan.extract.vocabulary import IMPERATIVE_VERBS as MILESTONE_VERBS
from dhrplan.extract.vocabulary import names_a_column

_WORD = compiled(r"\S+")
_COLUMN_LABEL = compiled(r"^(?:\w+\s+){0,2}\w+\s*:$")
"""A cell's first line that only labels what follows ("Actions:", "Key actions:", "Steps:"),
when it names a column (`vocabulary.names_a_column`) and bullets or labels follow."""
_JOINERS = {"and", "to", "or", "the", "a", "of", "&"}


@dataclass(frozen=True)
class Item:
    """A labelled item of a list in a cell."""
    label: str | None
    text: str


def _split_inline(label: str, text: str) -> list[Item]:
    items: list[Item] = []
    current_label, rest = label, text
    while True:
        nxt = successor(current_label)
        if nxt is None:
            break
        found = inline_label(nxt, rest)
        if found is None:
            break
        items.append(Item(current_label, rest[: found[0]].strip()))
        current_label, rest = nxt, rest[found[1] :]
    items.append(Item(current_label, rest.strip()))
    return items


def split_items(text: str) -> list[Item]:
    """Items with their printed label ("a", "2", or None for bullets and plain paragraphs).

    In a cell whose items open with bullets or labels, a plain paragraph after an item is
    that item's own sub-paragraph ("• Deliver workshops." / "Two in each locality."); in a
    cell with no bullet or label at all, each paragraph is an item."""
    items: list[Item] = []
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    marked = any(leading_marker(p) for p in paragraphs)
    if marked and paragraphs and _COLUMN_LABEL.match(paragraphs[0]) \
            and names_a_column(paragraphs[0].rstrip(" :")):
        paragraphs = paragraphs[1:]  # "Actions:" over the bullets: the cell's label, no item
    for para in paragraphs:
        m = leading_marker(para)
        if m is None:
            if marked and items:
                items[-1] = Item(items[-1].label, f"{items[-1].text}\n{para}")
            else:
                items.append(Item(None, para))
            continue
        body = para[m.end :].strip()
        if m.label:
            items.extend(_split_inline(m.label, body))
        else:
            items.append(Item(None, body))
    return [i for i in items if i.text.strip(" .;-–")]


def _title_case_milestone(words: list[str]) -> bool:
    return words[0] in MILESTONE_VERBS and all(w[:1].isupper() for w in words)


def split_run_on(text: str) -> list[str]:
    """Re-split one paragraph whose line breaks were lost: "Review current procedures Revise
    current procedures Implement new procedure" is three milestones.

    A new milestone starts at a repeat of the paragraph's own first word ("Briefing to be
    written ... Briefing to be circulated") after a word that ends a phrase, or at a
    capitalised imperative verb after a lower-case word or closing punctuation. After a
    capitalised word a verb starts a milestone only when the one before is in Title Case and
    starts with a verb ("Review Policy | Re-write policy", "Develop Training Package | Deliver
    Training"), so names such as "Domestic Homicide Review" stay whole."""
    words = _WORD.findall(text)
    if len(words) < 4:
        return [text]
    first = words[0]
    parts: list[list[str]] = [[words[0]]]
    for prev, word in zip(words, words[1:], strict=False):
        part = parts[-1]
        if len(part) < 2 or prev.lower() in _JOINERS or not word[:1].isupper():
            part.append(word)
            continue
        closes = prev[-1] in ".;:!?)"
        if word == first:
            starts = closes or prev[-1].islower()
        elif word in MILESTONE_VERBS:
            starts = closes or prev[:1].islower() or _title_case_milestone(part)
        else:
            starts = False
        if starts:
            parts.append([word])
        else:
            part.append(word)
    return [" ".join(p) for p in parts]


def milestones(text: str) -> tuple[list[str], list[str]]:
    """Milestone strings without labels, and a warning when run-on text had to be re-split."""
    out: list[str] = []
    warnings: list[str] = []
    for item in split_items(text):
        pieces = split_run_on(item.text)
        if len(pieces) > 1:
            warnings.append(
                f"milestones split at capitalised verbs (line breaks lost): {item.text[:60]!r}"
            )
        out.extend(pieces)
    return out, warnings
