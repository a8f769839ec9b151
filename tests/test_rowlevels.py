"""Parent rows and the rows they number: "1." above "1.1", "1.2"; "2" above "a)", "b)"."""

import pytest

from dhrplan.normalize.rowlevels import child_of, parent_rows, row_label

LABELS = [
    ("1.", "1"), ("1.1", "1.1"), ("1.1.1", "1.1.1"), ("a)", "a"), ("(ii)", "ii"), ("b.", "b"),
    ("R3", "R3"), ("Recommendation 2", "2"), ("Action 2.1", "2.1"), ("Progress", None),
    ("", None), ("Police", None),
]


@pytest.mark.parametrize(("text", "label"), LABELS)
def test_row_label(text: str, label: str | None) -> None:
    assert row_label(text) == label


CHILDREN = [
    ("1", "1.1", True), ("1", "1.1.1", True), ("1.1", "1.1.1", True), ("1", "a", True),
    ("R3", "ii", True), ("1", "10", False), ("1", "2", False), ("1", "2.1", False),
    ("a", "b", False), ("1.1", "1.2", False),
]


@pytest.mark.parametrize(("parent", "child", "is_child"), CHILDREN)
def test_child_of(parent: str, child: str, is_child: bool) -> None:
    assert child_of(parent, child) is is_child


PARENTS = [
    # nested decimals
    (["1", "1.1", "1.2", "2", "2.1", "3"], {0: [1, 2], 3: [4]}),
    # letters under numbers, numbering that restarts
    (["1", "a", "b", "2", "a"], {0: [1, 2], 3: [4]}),
    # an unlabelled row between children (a cell continued) stays with them
    (["1", "1.1", None, "1.2"], {0: [1, 3]}),
    # flat numbering and sub-numbers with no parent row: no hierarchy
    (["1", "2", "3"], {}),
    (["1.1", "1.2", "2.1"], {}),
    # a row without a label (the parent's text continued) between parent and child
    (["1", None, "1.1"], {0: [2]}),
]


@pytest.mark.parametrize(("labels", "parents"), PARENTS)
def test_parent_rows(labels: list[str | None], parents: dict[int, list[int]]) -> None:
    assert parent_rows(labels) == parents
