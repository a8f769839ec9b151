"""How far the corpus's records can be trusted: convert every plan of tests/corpus through
every reader and compare with the expected records, field by field.

    .venv/bin/python benchmarks/evaluate_corpus.py [--show]

Prints, per plan and reader, the records that equal their expected record; then the two
figures of issue 8: of the records without a warning, the share that are right (floor 98 %),
and of the records that differ, the share whose warnings name a differing field (floor 90 %).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from corpus_view import CORPUS, WARNING_FIELD, differences, expected, plans, view  # noqa: E402

from dhrplan.extract.model import ExtractError  # noqa: E402
from dhrplan.output.jsondoc import plan_to_dict  # noqa: E402
from dhrplan.pipeline import Options, convert_file  # noqa: E402

READERS = {
    "pdf/pdfplumber": (".pdf", "pdfplumber"),
    "pdf/pdfium": (".pdf", "pdfium"),
    "tagged/pdfium": ("-tagged.pdf", "pdfium"),
    "docx": (".docx", None),
    "html": (".html", None),
}


def main(argv: list[str]) -> int:
    show = "--show" in argv
    silent_right = silent = wrong = wrong_flagged = 0
    for plan in plans():
        want = expected(plan)
        for reader, (suffix, backend) in READERS.items():
            path = CORPUS / f"{plan}{suffix}"
            if not path.exists():
                continue
            try:
                doc = plan_to_dict(convert_file(path, Options(backend=backend or "pdfplumber")))
            except ExtractError as error:
                print(f"{plan:40} {reader:14} cannot read: {error}")
                continue
            diffs = differences(doc, want)
            records = doc["recommendations"]
            bad = {i for i, _ in diffs}
            right = len(want["recommendations"]) - len({i for i in bad
                                                        if i < len(want["recommendations"])})
            print(f"{plan:40} {reader:14} {right:3}/{len(want['recommendations'])} right, "
                  f"{len(records)} read")
            for i, record in enumerate(records):
                fields = {WARNING_FIELD[f] for j, f in diffs if j == i}
                warned = {w["field"] for w in record["warnings"]}
                if not record["warnings"]:
                    silent += 1
                    silent_right += i not in bad
                if i in bad:
                    wrong += 1
                    wrong_flagged += bool(fields & warned) or None in warned
                if show and i in bad:
                    w = want["recommendations"][i] if i < len(want["recommendations"]) else {}
                    got = view(record)
                    for f in sorted({f for j, f in diffs if j == i}):
                        print(f"    #{i} {f}: got {got[f]!r}\n{'':8}want {w.get(f)!r}")
    if silent:
        print(f"records without a warning that are right: {silent_right}/{silent} "
              f"({100 * silent_right / silent:.1f} %)")
    if wrong:
        print(f"wrong records whose warnings name a differing field: {wrong_flagged}/{wrong} "
              f"({100 * wrong_flagged / wrong:.1f} %)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
