"""The ``checker`` command line: a thin typer layer over :func:`checker.pipeline.run` and the renderers.

Exit codes are defined once, in :class:`ExitCode`. Expected errors (bad input, bad rules, bad
usage, an output file that cannot be written) print one line to stderr and exit 2, never a
traceback. Warnings about skipped articles go to stderr as ``path:line: warning: ...``.
Nothing here imports the extractor at import time (``checker --help`` stays fast).
"""

from __future__ import annotations

import enum
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from checker.model import CheckerError, Severity
from checker.report import counted, one_line

if TYPE_CHECKING:
    from checker.model import Report
    from checker.pipeline import Progress
    from checker.rules import RuleSet


class ExitCode(enum.IntEnum):
    OK = 0  # nothing at or above the failing severity (or --exit-zero)
    FINDINGS = 1  # new findings at or above the failing severity
    ERROR = 2  # usage, input, rules or internal error


class ExtractFormat(enum.StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class ReportFormat(enum.StrEnum):
    markdown = "markdown"
    json = "json"
    csv = "csv"


class CheckFormat(enum.StrEnum):
    text = "text"
    github = "github"
    json = "json"
    markdown = "markdown"


DEFAULT_PATHS = ["seeds/"]
DEFAULT_RULES = "rules"

app = typer.Typer(
    name="checker",
    help="Cross-check the figures in a folder of news articles and report where they disagree.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
rules_app = typer.Typer(help="Work with the quantity definitions in rules/.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

Paths = Annotated[
    list[Path] | None,
    typer.Argument(help="Article files or folders (default: seeds/).", metavar="[PATHS]...",
                   show_default=False),
]
RulesDir = Annotated[
    Path | None,
    typer.Option("--rules", help="Folder of rule files (default: rules/ if it exists, else no rules).",
                 show_default=False),
]


# ---------------------------------------------------------------------------------------------
# helpers


def _paths(paths: list[Path] | None) -> list[str]:
    return [str(p) for p in paths] if paths else list(DEFAULT_PATHS)


def _rules_dir(rules: Path | None) -> str | None:
    if rules is not None:
        if not rules.is_dir():
            raise CheckerError(f"{rules}: no such rules folder")
        return str(rules)
    return DEFAULT_RULES if Path(DEFAULT_RULES).is_dir() else None


def _interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def _progress(what: str) -> Iterator[Progress | None]:
    """A progress bar over the articles on an interactive terminal; nothing in CI or off a TTY.

    Yields the callback to pass to the pipeline (None when there is no bar).
    """
    if not _interactive():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Bar(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(what, total=None)

        def advance(done: int, total: int, article: str) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


def _warn_problems(report: Report) -> None:
    from checker.report import sorted_problems

    for p in sorted_problems(report.problems):
        where = f"{p.path}:{p.line}" if p.line else p.path
        _err(f"{where}: warning: {one_line(p.message)}")


def _err(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _out(text: str) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _run(paths: list[Path] | None, rules: Path | None, ruleset: RuleSet | None = None) -> Report:
    """The pipeline over the paths; ``ruleset`` is a rule set the command has loaded already."""
    from checker.pipeline import run

    rules_dir = _rules_dir(rules)
    with _progress("Checking the articles") as progress:
        report = run(_paths(paths), rules_dir, progress, ruleset=ruleset)
    _warn_problems(report)
    return report


# ---------------------------------------------------------------------------------------------
# commands


@app.command()
def extract(
    paths: Paths = None,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.text,
) -> int:
    """List the numeric claims found in the articles (no matching or comparison)."""
    from checker.pipeline import claims_of
    from checker.render_formats import render_claims_json, render_claims_text, render_csv
    from checker.render_markdown import render_claims_markdown

    with _progress("Reading the articles") as progress:
        report = claims_of(_paths(paths), progress)
    _warn_problems(report)
    renderers: dict[ExtractFormat, Callable[[Report], str]] = {
        ExtractFormat.text: render_claims_text,
        ExtractFormat.json: render_claims_json,
        ExtractFormat.csv: render_csv,
        ExtractFormat.markdown: render_claims_markdown,
    }
    _out(renderers[fmt](report))
    return ExitCode.OK


@app.command()
def report(
    paths: Paths = None,
    rules: RulesDir = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.markdown,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout; "
                     "Markdown charts go to <folder>/<file stem>/<quantity>.svg.", show_default=False),
    ] = None,
) -> int:
    """Write the full report: claims, quantities, findings (Markdown for editors, JSON, CSV)."""
    from checker.render_formats import render_csv, render_json
    from checker.render_markdown import render_markdown, write_markdown
    from checker.report import write_atomic

    result = _run(paths, rules)
    if fmt is ReportFormat.markdown and output is not None:
        write_markdown(result, str(output))
        _err(f"wrote {output}: {_summary(result)}")
        return ExitCode.OK
    renderers: dict[ReportFormat, Callable[[Report], str]] = {
        ReportFormat.markdown: render_markdown,
        ReportFormat.json: render_json,
        ReportFormat.csv: render_csv,
    }
    text = renderers[fmt](result)
    if output is None:
        _out(text)
    else:
        write_atomic(output, text)
        _err(f"wrote {output}: {_summary(result)}")
    return ExitCode.OK


def _summary(result: Report) -> str:
    """One line saying what a report holds: counts of articles, claims, quantities, findings."""
    by_severity = Counter(f.severity for f in result.findings)
    severities = ", ".join(
        f"{by_severity[s.value]} {s.value}" for s in reversed(Severity) if by_severity[s.value]
    )
    counts = [counted(len(result.articles), "article"), counted(len(result.claims), "claim"),
              counted(len(result.groups), "quantity"), counted(len(result.findings), "finding")]
    return ", ".join(counts) + (f" ({severities})" if severities else "")


@app.command()
def check(
    paths: Paths = None,
    rules: RulesDir = None,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", "-b", help="Baseline of accepted findings (JSON). Without it every "
                     "finding is new.", show_default=False),
    ] = None,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Write all current findings into the baseline "
                           "(keeping reasons) and exit 0.")
    ] = False,
    fail_on: Annotated[
        Severity, typer.Option("--fail-on", help="Lowest severity of a new finding that fails the check.")
    ] = Severity.minor,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when new findings fail.")
    ] = False,
) -> int:
    """Fail (exit 1) when a finding at or above --fail-on is not in the baseline."""
    from checker import baseline as bl
    from checker.render_formats import (
        render_check_github,
        render_check_json,
        render_check_markdown,
        render_check_text,
    )

    if update_baseline:
        target = baseline or Path(bl.DEFAULT_BASELINE)
        old = bl.load_or_empty(target)
        result = _run(paths, rules)
        new = bl.updated(result, old)
        bl.save(new, target)
        _err(f"{target}: wrote {counted(len(new.entries), 'finding')}")
        return ExitCode.OK
    accepted = bl.load(baseline) if baseline is not None else bl.Baseline()
    result = _run(paths, rules)
    outcome = bl.gate(result, accepted, fail_on.value)
    renderers: dict[CheckFormat, Callable[[bl.CheckResult], str]] = {
        CheckFormat.text: render_check_text,
        CheckFormat.github: render_check_github,
        CheckFormat.json: render_check_json,
        CheckFormat.markdown: render_check_markdown,
    }
    _out(renderers[fmt](outcome))
    if outcome.failing and not exit_zero:
        return ExitCode.FINDINGS
    return ExitCode.OK


@app.command()
def accept(
    finding_id: Annotated[str, typer.Argument(help="Id of the finding to accept (see `checker check`).")],
    paths: Paths = None,
    reason: Annotated[str, typer.Option("--reason", "-r", help="Why the finding is accepted (kept in the "
                                        "baseline).")] = "",
    rules: RulesDir = None,
    baseline: Annotated[Path, typer.Option("--baseline", "-b", help="Baseline file to add it to.")] = Path(
        "checker-baseline.json"
    ),
) -> int:
    """Accept one finding into the baseline, with the editor's reason."""
    from checker import baseline as bl

    if not reason.strip():
        raise CheckerError("accept needs --reason saying why the finding is acceptable")
    old = bl.load_or_empty(baseline)
    result = _run(paths, rules)
    bl.save(bl.accept(result, old, finding_id, reason), baseline)
    _err(f"{baseline}: accepted {finding_id}")
    return ExitCode.OK


@app.command()
def explain(
    item_id: Annotated[str, typer.Argument(help="Id of a claim or a finding.")],
    paths: Paths = None,
    rules: RulesDir = None,
) -> int:
    """Explain a claim or a finding: how the figure was read, why it was grouped, each comparison."""
    from checker.explain import explain as explain_item
    from checker.rules import load_rules

    rules_dir = _rules_dir(rules)
    ruleset = load_rules(rules_dir) if rules_dir is not None else None
    result = _run(paths, rules, ruleset)
    text = explain_item(result, item_id, ruleset.settings if ruleset is not None else None)
    _out(text if text.endswith("\n") else text + "\n")
    return ExitCode.OK


@rules_app.command("suggest")
def rules_suggest(paths: Paths = None, rules: RulesDir = None) -> int:
    """Print rule stubs (YAML) for groups that no rule covers."""
    from checker.suggest import suggest

    result = _run(paths, rules)
    text = suggest(result)
    if not text.strip():
        _err("every group is covered by a rule: nothing to suggest")
        return ExitCode.OK
    _out(text if text.endswith("\n") else text + "\n")
    return ExitCode.OK


@rules_app.command("check")
def rules_check(rules: RulesDir = None) -> int:
    """Validate the rule files; errors are printed as path:line: message (exit 2)."""
    from checker.rules import load_rules

    folder = str(rules) if rules is not None else DEFAULT_RULES
    if not Path(folder).is_dir():
        raise CheckerError(f"{folder}: no such rules folder")
    ruleset = load_rules(folder)
    _err(f"{folder}: {counted(len(ruleset.rules), 'rule')} OK")
    return ExitCode.OK


# ---------------------------------------------------------------------------------------------
# entry point


def run_cli(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (tests call this; :func:`main` exits with it)."""
    from typer._click.exceptions import NoArgsIsHelpError

    command = typer.main.get_command(app)
    try:
        code = command.main(args=argv, prog_name="checker", standalone_mode=False)
    except NoArgsIsHelpError as exc:
        _out(exc.format_message() + "\n")
        return ExitCode.OK
    except typer.TyperException as exc:
        _err(f"checker: error: {one_line(exc.format_message())}")
        return ExitCode.ERROR
    except CheckerError as exc:
        lines = [ln for ln in str(exc).splitlines() if ln.strip()] or ["unknown error"]
        for line in lines:
            _err(f"checker: error: {line.strip()}")
        return ExitCode.ERROR
    except (typer.Abort, KeyboardInterrupt):
        _err("checker: error: interrupted")
        return ExitCode.ERROR
    except OSError as exc:
        name = f"{exc.filename}: " if exc.filename else ""
        _err(f"checker: error: {name}{exc.strerror or one_line(str(exc))}")
        return ExitCode.ERROR
    except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into one line
        if os.environ.get("CHECKER_DEBUG"):
            raise
        _err(f"checker: internal error: {type(exc).__name__}: {one_line(str(exc))}")
        return ExitCode.ERROR
    return int(code or 0)


def main(argv: list[str] | None = None) -> NoReturn:
    sys.exit(run_cli(argv))
