"""The `dhrplan` command: convert, schema, validate.

Exit status: 0 when everything worked, 1 when any input failed or any document is invalid,
2 for usage errors (argparse's own). No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

from dhrplan import __version__, batch, pipeline
from dhrplan.extract.formats import BACKENDS
from dhrplan.names import shown
from dhrplan.outcomes import one_line
from dhrplan.output.manifest import FILENAME as MANIFEST
from dhrplan.workers import DEFAULT_TIMEOUT, LEAST_MEMORY, default_memory

PASSWORD_VARIABLE = "DHRPLAN_PASSWORD"
"""Where the password may come from instead of `--password`, which every local user can read
in `ps`."""


COMBINED_FORMATS = ("xlsx", "sqlite")
"""Formats only the combined outputs have: naming one implies --combine."""
WRITABLE = (*batch.FORMATS, *COMBINED_FORMATS)
STDOUT = Path("-")


def _formats(text: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    unknown = [f for f in chosen if f not in WRITABLE]
    if not chosen or unknown:
        raise argparse.ArgumentTypeError(
            f"expected a comma-separated list of {', '.join(WRITABLE)}; got {text!r}"
        )
    return chosen


def _per_plan(chosen: Sequence[str], combine: bool) -> tuple[tuple[str, ...], bool]:
    """The per-plan formats and whether to combine: xlsx and sqlite imply the combined
    outputs, which read each plan back from its JSON on later runs, so JSON comes too."""
    combine = combine or any(f in COMBINED_FORMATS for f in chosen)
    per_plan = tuple(f for f in chosen if f in batch.FORMATS)
    if combine and "json" not in per_plan:
        per_plan = ("json", *per_plan)
    return per_plan, combine


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD; got {text!r}") from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more; got {text!r}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds, 0 for none; got {text!r}")
    return value


def _megabytes(text: str) -> int:
    least = LEAST_MEMORY >> 20
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value != 0 and value < least:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of MB, at least {least}, or 0 for none; got {text!r}"
        )
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dhrplan",
        description="Turn Domestic Homicide Review action plans into validated JSON, CSV, XLSX.",
    )
    parser.add_argument("--version", action="version", version=f"dhrplan {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser(
        "convert", help=f"convert plans ({pipeline.SUPPORTED_LIST}) into an output folder"
    )
    convert.add_argument(
        "inputs", nargs="+", type=Path, metavar="INPUT",
        help=f"a plan file, or a folder searched recursively for {pipeline.SUPPORTED_LIST} files",
    )
    convert.add_argument(
        "-o", "--output", required=True, type=Path, metavar="OUTDIR",
        help="the output folder (made if missing; a second run into it skips unchanged "
        "inputs); '-' writes the one input's JSON document to stdout",
    )
    convert.add_argument(
        "--format", type=_formats, default=batch.FORMATS, metavar="json,csv,xlsx,sqlite",
        help="outputs to write (default: json,csv): json and csv per plan; xlsx "
        "(plans.xlsx) and sqlite (plans.sqlite) imply --combine",
    )
    loudness = convert.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true",
                          help="print only errors and the totals")
    loudness.add_argument("-v", "--verbose", action="store_true",
                          help="also print each file's warnings under its line")
    convert.add_argument(
        "--combine", action="store_true",
        help="also write recommendations.csv, actions.csv, plans.xlsx and plans.sqlite for the "
        "whole folder",
    )
    convert.add_argument(
        "--as-of", type=_day, metavar="DATE",
        help="judge progress (done, overdue, due soon, open, undated) on this day "
        "(YYYY-MM-DD; default: today)",
    )
    convert.add_argument(
        "--published", type=_day, metavar="DATE",
        help="the day the plan was published: relative target dates ('3 months after "
        "publication') count from it, instead of the day the plan states",
    )
    convert.add_argument(
        "-j", "--jobs", type=_positive_int, default=os.cpu_count() or 1, metavar="N",
        help="files converted in parallel (default: the number of CPUs); with fewer files, "
        "the spare processes read a long PDF's pages",
    )
    convert.add_argument(
        "--review", action="store_true",
        help="also write <stem>.review.html beside each JSON: the records beside their source",
    )
    convert.add_argument(
        "--force", action="store_true", help="convert again even inputs that have not changed"
    )
    default_backend = pipeline.Options().backend
    convert.add_argument("--backend", choices=BACKENDS, default=default_backend,
                         help=f"PDF table reader (default: {default_backend})")
    password = convert.add_mutually_exclusive_group()
    password.add_argument(
        "--password", metavar="PW",
        help="password for encrypted PDFs (visible to other users in ps: prefer "
        f"--password-file or the {PASSWORD_VARIABLE} environment variable)",
    )
    password.add_argument("--password-file", type=Path, metavar="FILE",
                          help="read the password for encrypted PDFs from the first line of FILE")
    convert.add_argument("--max-pages", type=_positive_int, metavar="N",
                         help="fail any PDF of more than N pages (default: no limit)")
    convert.add_argument(
        "--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
        help="give up on a file after this many seconds of work, reading to validating "
        f"(default: {DEFAULT_TIMEOUT:g}; 0: no limit)",
    )
    convert.add_argument(
        "--max-memory", type=_megabytes, metavar="MB",
        help="fail a file whose worker needs more than MB megabytes (default: half the "
        "machine's memory shared by the -j workers, at least 1024; 0: no limit)",
    )

    debug = commands.add_parser(
        "debug", help="draw what the PDF reader decided over one page (a PNG for tuning)")
    debug.add_argument("file", type=Path, metavar="FILE.pdf")
    debug.add_argument("--page", type=_positive_int, required=True, metavar="N")
    debug.add_argument("-o", "--output", required=True, type=Path, metavar="PAGE.png")
    debug.add_argument("--backend", choices=BACKENDS, default=default_backend,
                       help=f"PDF table reader (default: {default_backend})")
    debug.add_argument("--password", metavar="PW", help="password for an encrypted PDF")

    review = commands.add_parser(
        "review", help="write an HTML page setting each recommendation beside its source")
    review.add_argument("file", type=Path, metavar="FILE.pdf|FILE.json")
    review.add_argument("-o", "--output", required=True, type=Path, metavar="REVIEW.html")
    review.add_argument("--source", type=Path, metavar="FILE.pdf",
                        help="for FILE.json: the PDF it was read from (default: beside it)")
    review.add_argument("--backend", choices=BACKENDS, default=default_backend,
                        help=f"PDF table reader (default: {default_backend})")
    review.add_argument("--password", metavar="PW", help="password for an encrypted PDF")

    commands.add_parser("schema", help="print the JSON Schema of the output documents")

    validate = commands.add_parser("validate", help="check JSON documents against the schema")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE.json")
    return parser


def _password(args: argparse.Namespace) -> str | None:
    """--password, else the first line of --password-file, else the environment variable."""
    if args.password is not None:
        return args.password
    if args.password_file is not None:
        try:
            lines = args.password_file.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or error
            raise SystemExit(f"cannot read the password file: {reason}") from None
        return lines[0] if lines else ""
    return os.environ.get(PASSWORD_VARIABLE) or None


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP: stop as Ctrl-C stops, so the workers are killed on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise Terminated(signum)

    stops = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s]
    before = {s: signal.signal(s, stop) for s in stops}
    try:
        yield
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)


def _config(args: argparse.Namespace, password: str | None, outdir: Path) -> batch.Config:
    memory = default_memory(args.jobs) if args.max_memory is None else args.max_memory << 20
    formats, combine = _per_plan(args.format, args.combine)
    return batch.Config(
        outdir=outdir,
        formats=formats,
        combine=combine,
        jobs=args.jobs,
        force=args.force,
        options=pipeline.Options(
            backend=args.backend, password=password, max_pages=args.max_pages,
            published=args.published,
        ),
        timeout=args.timeout or None,
        progress=sys.stderr.isatty() and not args.quiet,
        max_memory=memory or None,
        as_of=args.as_of,
        published=args.published,
    )


def _convert(args: argparse.Namespace) -> int:
    if args.review and "json" not in args.format:
        print("dhrplan: --review reads the JSON documents: keep json in --format",
              file=sys.stderr)
        return 2
    try:
        password = _password(args)
    except SystemExit as stop:
        print(f"dhrplan: {shown(args.password_file)}: {stop.code}", file=sys.stderr)
        return 2
    if args.output == STDOUT:
        return _to_stdout(args, password)
    config = _config(args, password, args.output)
    where = shown(config.outdir)
    try:
        config.outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"dhrplan: {where}: cannot create output folder: {reason}", file=sys.stderr)
        return 1

    def show(result: batch.FileResult, width: int) -> None:
        print(result_line(result, width), flush=True)
        if args.verbose:
            for detail in result.details:
                print(f"    {one_line(detail)}", flush=True)

    try:
        report = batch.run(args.inputs, config, sys.stderr, None if args.quiet else show)
    except batch.FolderError as error:
        print(f"dhrplan: {where}: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise  # our reader has gone (`| head`): main() stops quietly
    except OSError as error:
        print(one_line(f"dhrplan: {where}: {error.strerror or error}"), file=sys.stderr)
        return 1
    print(summary(report, config.outdir))
    if args.review:
        from dhrplan.review import review_outputs

        failures = review_outputs(config.outdir, password)
        for failure in failures:
            print(one_line(f"dhrplan: {failure}"), file=sys.stderr)
        if failures:
            return 1
    return report.exit_code


def _to_stdout(args: argparse.Namespace, password: str | None) -> int:
    """`-o -`: one plan's JSON on stdout, converted in a scratch folder by the same batch
    (limits, messages, validation), so nothing differs but where the document goes."""
    import tempfile

    if len(args.inputs) != 1 or args.inputs[0].is_dir():
        print("dhrplan: -o - writes one plan to stdout: name exactly one input file",
              file=sys.stderr)
        return 2
    if args.combine or args.format not in (batch.FORMATS, ("json",)):
        print("dhrplan: -o - writes the JSON document only (no --format, no --combine)",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="dhrplan-") as scratch:
        config = replace(_config(args, password, Path(scratch)), formats=("json",),
                         combine=False, progress=False)
        report = batch.run(args.inputs, config, sys.stderr)
        for result in report.results:
            print(result_line(result, 0), file=sys.stderr)
        if report.exit_code:
            return report.exit_code
        written = [p for p in Path(scratch).rglob("*.json") if p.name != MANIFEST]
        sys.stdout.write(written[0].read_text("utf-8"))
        sys.stdout.flush()
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def result_line(r: batch.FileResult, width: int) -> str:
    """"converted  samples/x.pdf  44 recommendations, 9 warnings", or the error."""
    if r.status == "failed":
        detail = f"error: {r.error}"
    else:
        detail = f"{_count(r.recommendations, 'recommendation')}, {_count(r.warnings, 'warning')}"
    return f"{r.status:<9}  {r.shown:<{width}}  {detail}"


def summary(report: batch.Report, outdir: Path) -> str:
    """The totals, the copies of one plan, the combined files and what is overdue (each
    file's line was printed as it finished)."""
    lines = []
    counts = {s: sum(r.status == s for r in report.results)
              for s in ("converted", "skipped", "failed")}
    recs = sum(r.recommendations for r in report.results)
    warns = sum(r.warnings for r in report.results)
    lines.append(
        f"{_count(len(report.results), 'file')}: {counts['converted']} converted, "
        f"{counts['skipped']} skipped (unchanged), {counts['failed']} failed; "
        f"{_count(recs, 'recommendation')}, {_count(warns, 'warning')}; output in {shown(outdir)}"
    )
    for item in report.renamed:
        plain, owner = item.clash or ("", "")
        lines.append(f"same output name: {item.shown} is written as {shown(item.stem)}.*, "
                     f"since {plain}.* is {owner}'s")
    for copy in report.duplicates:
        lines.append(f"same plan: {copy.source} is {copy.kept} ({copy.reason}); "
                     f"the combined files keep {copy.kept}")
    if report.combined:
        lines.append("combined: " + ", ".join(p.name for p in report.combined))
    if report.overdue:
        lines.append(report.overdue)
    return "\n".join(lines)


def _validate(files: Sequence[Path]) -> int:
    from dhrplan.output.jsondoc import validation_errors

    invalid = 0
    for path in files:
        if path.name == MANIFEST:
            print(f"{path}: skipped (a run's manifest, not a plan)")
            continue
        try:
            doc = json.loads(path.read_text("utf-8"))
        except OSError as error:
            problems = [f"cannot read: {error.strerror or error}"]
        except ValueError as error:
            problems = [f"not JSON: {one_line(str(error))}"]
        else:
            problems = validation_errors(doc)
        for problem in problems:
            print(f"{path}: {one_line(problem)}")
        if problems:
            invalid += 1
        else:
            print(f"{path}: valid")
    return 1 if invalid else 0


def _review(args: argparse.Namespace) -> int:
    from dhrplan.review import load_plan, write_review

    def work() -> None:
        plan, source = load_plan(args.file, pipeline.Options(backend=args.backend,
                                                             password=args.password))
        write_review(plan, args.source or source, args.output, args.password)

    return _one_output(args.output, work)


def _debug(args: argparse.Namespace) -> int:
    from dhrplan.output.files import write_bytes
    from dhrplan.pagepicture import draw_page

    def work() -> None:
        picture = draw_page(args.file, args.page, args.backend, args.password)
        buffer = io.BytesIO()
        picture.image.save(buffer, "PNG", optimize=True)
        write_bytes(args.output, buffer.getvalue())

    return _one_output(args.output, work)


def _one_output(output: Path, work: Callable[[], None]) -> int:
    """Run a command that writes one file: its errors are one line each, exit status 1."""
    from dhrplan.extract.model import ExtractError

    try:
        work()
    except ExtractError as error:
        print(one_line(f"dhrplan: {error}"), file=sys.stderr)
        return 1
    except OSError as error:
        print(one_line(f"dhrplan: {shown(output)}: {error.strerror or error}"), file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 2
    try:
        if args.command == "schema":
            from dhrplan.output.jsondoc import schema

            print(json.dumps(schema(), indent=2, ensure_ascii=False))
            return 0
        if args.command == "validate":
            return _validate(args.files)
        if args.command == "debug":
            return _debug(args)
        if args.command == "review":
            return _review(args)
        with _stopped_by_signals():
            return _convert(args)
    except Terminated as stop:
        print(f"dhrplan: stopped by {signal.Signals(stop.signum).name}", file=sys.stderr)
        return 128 + stop.signum
    except KeyboardInterrupt:
        print("dhrplan: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of our output (`| head`) has gone: stop quietly, as other tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:
        print(one_line(f"dhrplan: internal error: {type(error).__name__}: {error}"),
              file=sys.stderr)
        return 1
