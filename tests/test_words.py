"""The English-word test that tells a broken word from two words (extract/words.py)."""

from __future__ import annotations

import pytest

from dhrplan.extract.words import is_word, normal_word, one_word


@pytest.mark.parametrize(("text", "expected"), [
    ("“women’s", "women"),
    ("(Somerset", "somerset"),
    ("procedures.", "procedures"),
    ("MARAC", "marac"),
])
def test_normal_word(text: str, expected: str) -> None:
    assert normal_word(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("publication", True),
    ("multi-agency", True),
    ("questions/discussions", True),
    ("unachieved", True),  # a word the list has without its prefix
    ("Recommendati", False),
    ("publicatio", False),
    ("Coordinat", False),
    ("SSP", False),
])
def test_is_word(text: str, expected: bool) -> None:
    assert is_word(text) is expected


@pytest.mark.parametrize(("head", "tail", "known", "expected"), [
    ("Recommendati", "on", (), True),  # together a word
    ("Partnershi", "p/", (), True),
    ("communicati", "on", (), True),
    ("Coordinat", "or", (), True),
    ("Somers", "et", (), True),  # "Somerset" is no English word, but "somers" is none either
    ("Safeguarding", "adults", (), False),  # two words
    ("unconditional", "bias", (), False),
    ("SSP", "and", (), True),  # "ssp" is not a word...
    ("SSP", "and", ("ssp",), False),  # ...unless the page uses it mid-line
])
def test_one_word(head: str, tail: str, known: tuple[str, ...], expected: bool) -> None:
    assert one_word(head, tail, frozenset(known)) is expected
