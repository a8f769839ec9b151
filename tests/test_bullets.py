"""List bullets drawn as shapes (Chromium paints a `disc` marker as a small filled path):
each is read as a "•" word where it sits before its item."""

from __future__ import annotations

import pytest

from dhrplan.extract.geometry import Word, drawn_bullets

ITEM = Word("Amend", 394.0, 160.0, 425.0, 171.0, "Arial", 10.0)


@pytest.mark.parametrize(
    ("mark", "bullet"),
    [
        ((387.7, 164.0, 391.4, 167.7), True),  # Chromium's disc, 0.37 em, 2.6 pt before
        ((386.0, 163.0, 390.0, 167.0), True),  # a square marker
        ((380.0, 163.5, 384.0, 167.5), True),  # further left, within Word's list indent
        ((387.7, 164.0, 388.4, 164.7), False),  # a speck
        ((370.0, 160.0, 390.0, 171.0), False),  # a filled box as tall as the line
        ((386.0, 165.0, 392.0, 166.5), False),  # a dash-like bar, not a disc or square
        ((360.0, 164.0, 363.7, 167.7), False),  # too far from any word
        ((387.7, 180.0, 391.4, 183.7), False),  # below the line
        ((430.0, 164.0, 433.7, 167.7), False),  # after the word, not before it
    ],
)
def test_a_small_filled_shape_before_a_word_is_its_bullet(
    mark: tuple[float, float, float, float], bullet: bool
) -> None:
    words = drawn_bullets([ITEM], [mark])
    added = [w for w in words if w.text == "•"]
    assert bool(added) is bullet
    if bullet:
        assert (added[0].top, added[0].bottom, added[0].size) == (ITEM.top, ITEM.bottom, 10.0)


def test_a_bullet_already_in_the_text_is_not_doubled() -> None:
    glyph = Word("•", 386.0, 160.0, 390.0, 171.0, "Symbol", 10.0)
    words = drawn_bullets([glyph, ITEM], [(386.0, 163.0, 390.0, 167.0)])
    assert [w.text for w in words].count("•") == 1
