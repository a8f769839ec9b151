"""The one item-label vocabulary every reader and splitter shares."""

import pytest

from dhrplan.extract.labels import ITEM_START, inline_label, leading_marker, successor


@pytest.mark.parametrize(
    ("paragraph", "label", "rest"),
    [
        ("a. Review the policy", "a", "Review the policy"),
        ("b) Circulate it", "b", "Circulate it"),
        ("(iv) Audit cases", "iv", "Audit cases"),
        ("IV. Audit cases", "IV", "Audit cases"),
        ("3. Train staff", "3", "Train staff"),
        ("12) Train staff", "12", "Train staff"),
        ("1a Map current training", "1a", "Map current training"),
        ("2b) Agree the framework", "2b", "Agree the framework"),
        ("1.2 Publish the strategy", "1.2", "Publish the strategy"),
        ("3.10) Audit twenty cases", "3.10", "Audit twenty cases"),
        ("2 SSP to review", "2", "SSP to review"),
        ("• Deliver workshops", None, "Deliver workshops"),
        ("\uf0b7 Deliver workshops", None, "Deliver workshops"),
        ("- Deliver workshops", None, "Deliver workshops"),
        ("* Deliver workshops", None, "Deliver workshops"),
        ("– Deliver workshops", None, "Deliver workshops"),
    ],
)
def test_a_paragraph_opening_with_a_marker(paragraph: str, label: str | None, rest: str) -> None:
    marker = leading_marker(paragraph)
    assert marker is not None
    assert marker.label == label
    assert paragraph[marker.end :] == rest


@pytest.mark.parametrize(
    "paragraph",
    [
        "3 months after publication",
        "24-48 hours",
        "1.5 hours of training",
        "2.5 days a week",
        "Review the policy",
        "-5 degrees",
        "e.g. three weeks",
        "Iv. mixed case is no numeral",
        "2024 audit",
    ],
)
def test_a_paragraph_that_is_not_an_item(paragraph: str) -> None:
    assert leading_marker(paragraph) is None


@pytest.mark.parametrize(
    ("label", "next_label"),
    [("a", "b"), ("B", "C"), ("ii", "iii"), ("IV", "V"), ("9", "10"), ("z", None), ("xii", None),
     ("1.1", "1.2"), ("2.9", "2.10")],
)
def test_successor(label: str, next_label: str | None) -> None:
    assert successor(label) == next_label


@pytest.mark.parametrize(
    ("label", "text", "cut"),
    [
        ("b", "Raise with staff. b. To be raised at the forum", ". b. "),
        ("b", "Raise with staff; (b) Brief the team", "; (b) "),
        ("2", "Share with MARAC. 2 SSP to review", ". 2 "),
        ("2", "Allow 2 weeks for it", None),
        ("b", "Raise with staff b. not after a sentence", None),
    ],
)
def test_inline_label(label: str, text: str, cut: str | None) -> None:
    found = inline_label(label, text)
    if cut is None:
        assert found is None
    else:
        assert found is not None
        assert text[found[0] - 1 : found[1]] == cut


@pytest.mark.parametrize(
    ("line", "starts"),
    [("+ Brief staff", True), ("a) Brief staff", True), ("–", False), ("Brief staff", False)],
)
def test_item_start(line: str, starts: bool) -> None:
    assert bool(ITEM_START.match(line)) is starts
