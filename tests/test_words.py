"""The English-word test that tells a broken word from two words (extract/words.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dhrplan.extract.words import (
    english_words,
    hyphen_goes_on,
    is_word,
    listed,
    normal_word,
    one_word,
)


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


def test_the_list_is_in_byte_order_and_every_word_is_found() -> None:
    """`listed` is a binary search: it is right only while the file keeps its words in byte
    order, one a line; each word is found, and what lies between two words is not."""
    lines = english_words()
    words = lines.decode("utf-8").split("\n")
    assert words[-1] == "" and len(words) > 70_000
    words = words[:-1]
    assert [w.encode("utf-8") for w in words] == sorted({w.encode("utf-8") for w in words})
    assert not any(w.startswith("#") or not w for w in words)
    assert all(listed(w, lines) for w in words)
    misses = [w + "\u0001" for w in words[::50]] + [w[:-1] + "~" for w in words[::50]]
    misses += ["", "\n", "a\nb", "zzzzzzzz", "\u0000"]
    known = set(words)
    assert [m for m in misses if listed(m, lines)] == [m for m in misses if m in known]


def test_the_inflated_copy_is_used_only_whole(tmp_path, monkeypatch) -> None:
    """The list is inflated once into the cache folder; a copy cut short or changed is not
    used but made again."""
    import gzip

    from dhrplan.extract import words

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    packed = Path(words.__file__).with_name("words.txt.gz")
    whole = gzip.decompress(packed.read_bytes())
    assert words._unpacked(packed) == whole
    [copy] = (tmp_path / "dhrplan").glob("words_*.txt")
    assert copy.read_bytes() == whole
    for damaged in (whole[:1000], whole.replace(b"\nzoo\n", b"\nzoa\n")):
        copy.write_bytes(damaged)
        assert words._unpacked(packed) == whole
        assert copy.read_bytes() == whole


@pytest.mark.parametrize(("head", "tail", "goes_on"), [
    ("multi-", "agency", True),  # a word hyphenated where its line ended
    ("Multi-", "Agency", True),
    ("Pre-", "and", False),  # "Pre- and post-course questionnaires": a suspended hyphen
    ("short-", "or", False),
    ("one-", "to", False),
    ("full-", "and,", False),
    ("2024-", "25", False),  # a range of figures is no word
    ("abuse", "training", False),
])
def test_a_hyphen_goes_on_unless_suspended(head: str, tail: str, goes_on: bool) -> None:
    assert hyphen_goes_on(head, tail) is goes_on
