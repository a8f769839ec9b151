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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from dhrplan import __version__, batch, pipeline
from dhrplan.extract.formats import BACKENDS
from dhrplan.names import shown
from dhrplan.outcomes import one_line
from dhrplan.workers import DEFAULT_TIMEOUT, LEAST_MEMORY, default_memory

PASSWORD_VARIABLE = "DHRPLAN_PASSWORD"
"""Where the password may come from instead of `--password`, which every local user can read
in `ps`."""


def _formats(text: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    unknown = [f for f in chosen if f not in batch.FORMATS]
    if not chosen or unknown:
        raise argparse.ArgumentTypeError(
            f"expected a comma-separated list of {', '.join(batch.FORMATS)}; got {text!r}"
        )
    return chosen


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
    convert.add_argument("-o", "--output", required=True, type=Path, metavar="OUTDIR")
    convert.add_argument(
        "--format", type=_formats, default=batch.FORMATS, metavar="json,csv",
        help="per-plan outputs to write (default: json,csv)",
    )
    convert.add_argument(
        "--combine", action="store_true",
        help="also write recommendations.csv, actions.csv and plans.xlsx for the whole folder",
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
    memory = default_memory(args.jobs) if args.max_memory is None else args.max_memory << 20
    config = batch.Config(
        outdir=args.output,
        formats=args.format,
        combine=args.combine,
        jobs=args.jobs,
        force=args.force,
        options=pipeline.Options(
            backend=args.backend, password=password, max_pages=args.max_pages
        ),
        timeout=args.timeout or None,
        progress=sys.stderr.isatty(),
        max_memory=memory or None,
    )
    where = shown(config.outdir)
    try:
        config.outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"dhrplan: {where}: cannot create output folder: {reason}", file=sys.stderr)
        return 1
    try:
        report = batch.run(args.inputs, config, sys.stderr)
    except batch.FolderError as error:
        print(f"dhrplan: {where}: {error}", file=sys.stderr)
        return 1
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


def summary(report: batch.Report, outdir: Path) -> str:
    """Per file: recommendations and warnings, or the error; then the totals."""
    def count(n: int, noun: str) -> str:
        return f"{n} {noun}" if n == 1 else f"{n} {noun}s"

    lines = []
    width = max((len(r.shown) for r in report.results), default=0)
    for r in report.results:
        if r.status == "failed":
            detail = f"error: {r.error}"
        else:
            detail = f"{count(r.recommendations, 'recommendation')}, {count(r.warnings, 'warning')}"
        lines.append(f"{r.status:<9}  {r.shown:<{width}}  {detail}")
    counts = {s: sum(r.status == s for r in report.results)
              for s in ("converted", "skipped", "failed")}
    recs = sum(r.recommendations for r in report.results)
    warns = sum(r.warnings for r in report.results)
    lines.append(
        f"{count(len(report.results), 'file')}: {counts['converted']} converted, "
        f"{counts['skipped']} skipped (unchanged), {counts['failed']} failed; "
        f"{count(recs, 'recommendation')}, {count(warns, 'warning')}; output in {shown(outdir)}"
    )
    if report.combined:
        lines.append("combined: " + ", ".join(p.name for p in report.combined))
    return "\n".join(lines)


def _validate(files: Sequence[Path]) -> int:
    from dhrplan.output.jsondoc import validation_errors

    invalid = 0
    for path in files:
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
    from dhrplan.extract.model import ExtractError
    from dhrplan.review import load_plan, write_review

    try:
        plan, source = load_plan(args.file, pipeline.Options(backend=args.backend,
                                                             password=args.password))
        write_review(plan, args.source or source, args.output, args.password)
    except ExtractError as error:
        print(one_line(f"dhrplan: {error}"), file=sys.stderr)
        return 1
    except OSError as error:
        print(one_line(f"dhrplan: {shown(args.output)}: {error.strerror or error}"),
              file=sys.stderr)
        return 1
    return 0


def _debug(args: argparse.Namespace) -> int:
    from dhrplan.extract.model import ExtractError
    from dhrplan.output.files import write_bytes
    from dhrplan.pagepicture import draw_page

    try:
        picture = draw_page(args.file, args.page, args.backend, args.password)
        buffer = io.BytesIO()
        picture.image.save(buffer, "PNG", optimize=True)
        write_bytes(args.output, buffer.getvalue())
    except ExtractError as error:
        print(one_line(f"dhrplan: {error}"), file=sys.stderr)
        return 1
    except OSError as error:
        print(one_line(f"dhrplan: {shown(args.output)}: {error.strerror or error}"),
              file=sys.stderr)
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
