"""How far the corpus's records can be trusted: convert every plan of tests/corpus through
every reader and compare with the expected records, field by field.

    .venv/bin/python benchmarks/evaluate_corpus.py [--show] [--reader NAME ...]

Prints, per plan and reader, the records that equal their expected record; then the two
figures of issue 8, for the documents (.docx and PDFs) and for the text exports of the PDFs
apart: of the records without a warning, the share that are right (floor 98 %), and of the
records that differ, the share whose warnings name a differing field (floor 90 %).
`--show` prints each differing field (got, want); `--reader` (repeatable, a prefix such as
"export/" or "pdf/pdfium") measures only those readers, to look at one column quickly.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from corpus_view import CORPUS, WARNING_FIELD, differences, expected, plans, view  # noqa: E402

from dhrplan.extract.model import ExtractError  # noqa: E402
from dhrplan.output.jsondoc import plan_to_dict  # noqa: E402
from dhrplan.pipeline import Options, convert_file  # noqa: E402

EXPORT_STYLES = ("br.md", "lines.tsv", "flat.md", "flat.tsv", "layout.txt", "plain.txt")

READERS = {
    "pdf/pdfplumber": (CORPUS, ".pdf", "pdfplumber"),
    "pdf/pdfium": (CORPUS, ".pdf", "pdfium"),
    "tagged/pdfium": (CORPUS, "-tagged.pdf", "pdfium"),
    "docx": (CORPUS, ".docx", None),
    "html": (CORPUS, ".html", None),
    "html/libreoffice": (CORPUS / "html", ".html", None),
    "chromium/pdfium": (CORPUS / "chromium", ".pdf", "pdfium"),
    **{f"export/{style}": (CORPUS / "exports", f".{style}", None) for style in EXPORT_STYLES},
}
"""Each reader's folder, file suffix and PDF backend: the text exports of the untagged PDFs
(tests/fixtures/make_converter_exports.py; `pdftotext` with and without -layout,
tests/fixtures/make_layout_exports.py) are in tests/corpus/exports/, the .docx files
LibreOffice saved as HTML in tests/corpus/html/, and Chromium's prints of those pages in
tests/corpus/chromium/; "html" is a plan made as a web page in the first place."""


@dataclass
class Trust:
    silent: int = 0
    silent_right: int = 0
    wrong: int = 0
    wrong_flagged: int = 0

    def report(self, what: str) -> None:
        if self.silent:
            print(f"{what}: records without a warning that are right: {self.silent_right}/"
                  f"{self.silent} ({100 * self.silent_right / self.silent:.1f} %)")
        if self.wrong:
            print(f"{what}: wrong records whose warnings name a differing field: "
                  f"{self.wrong_flagged}/{self.wrong} "
                  f"({100 * self.wrong_flagged / self.wrong:.1f} %)")


def main(argv: list[str]) -> int:
    show = "--show" in argv
    chosen = [argv[k + 1] for k, arg in enumerate(argv[:-1]) if arg == "--reader"]
    trust = {"documents": Trust(), "text exports": Trust()}
    totals: dict[str, list[int]] = {}
    for plan in plans():
        want = expected(plan)
        for reader, (folder, suffix, backend) in READERS.items():
            if chosen and not any(reader.startswith(c) for c in chosen):
                continue
            path = folder / f"{plan}{suffix}"
            tally = trust["text exports" if reader.startswith("export/") else "documents"]
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
            total = totals.setdefault(reader, [0, 0, 0])
            total[0] += 1
            total[1] += right
            total[2] += len(want["recommendations"])
            for i, record in enumerate(records):
                fields = {WARNING_FIELD[f] for j, f in diffs if j == i}
                warned = {w["field"] for w in record["warnings"]}
                if not record["warnings"]:
                    tally.silent += 1
                    tally.silent_right += i not in bad
                if i in bad:
                    tally.wrong += 1
                    tally.wrong_flagged += bool(fields & warned) or None in warned
                if show and i in bad:
                    w = want["recommendations"][i] if i < len(want["recommendations"]) else {}
                    got = view(record)
                    for f in sorted({f for j, f in diffs if j == i}):
                        print(f"    #{i} {f}: got {got[f]!r}\n{'':8}want {w.get(f)!r}")
    for reader, (count, right, of) in totals.items():
        print(f"{reader:16} {count:2} plans: {right} of {of} records right")
    for what, tally in trust.items():
        tally.report(what)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
