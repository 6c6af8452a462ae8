"""The CLI on hand-built reports (the pipeline is replaced): exit codes, formats, errors, baseline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from report_fixtures import sample_report

import checker.pipeline
from checker.cli import ExitCode, run_cli
from checker.model import CheckerError, Problem, Report
from checker.render_formats import escape_data, escape_property

ROOT = Path(__file__).resolve().parents[1]
Cap = pytest.CaptureFixture[str]
State = dict[str, Report]


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> State:
    """Replace the pipeline with a hand-built report; run in an empty folder with a corpus/ dir."""
    state = {"report": sample_report()}
    monkeypatch.setattr(checker.pipeline, "run",
                        lambda paths, rules_dir, progress=None, ruleset=None: state["report"])
    monkeypatch.setattr(checker.pipeline, "claims_of", lambda paths, progress=None: state["report"])
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CHECKER_DEBUG", raising=False)
    return state


def cli(capsys: Cap, *args: str) -> tuple[int, str, str]:
    code = run_cli(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_and_no_args_exit_zero(capsys: Cap) -> None:
    code, out, _ = cli(capsys, "--help")
    assert code == 0 and "check" in out and "report" in out
    code, out, _ = cli(capsys)
    assert code == 0 and "Usage" in out


@pytest.mark.parametrize(
    "args",
    [["nosuch"], ["check", "--fail-on", "bogus"], ["check", "--format", "xml"], ["report", "--bad-option"],
     ["accept"]],
)
def test_usage_errors_are_one_line_exit_2(capsys: Cap, args: list[str]) -> None:
    code, out, err = cli(capsys, *args)
    assert code == ExitCode.ERROR == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("checker: error: ")
    assert "Traceback" not in err


def test_check_without_baseline_fails_and_names_article_line_and_figures(
    fake_pipeline: State, capsys: Cap
) -> None:
    code, out, err = cli(capsys, "check", "corpus")
    assert code == ExitCode.FINDINGS
    lines = out.splitlines()
    assert len(lines) == 3  # two findings + summary
    path, line, col, rest = lines[0].split(":", 3)
    assert (path, line, col) == ("corpus/sub/b.md", "1", "1")
    assert rest.startswith(" conflict critical ") and "[held-conflict-1]" in rest
    assert "About 2 million" in rest
    assert lines[-1].startswith("Found 2 new findings at or above minor")
    assert err == ""


def test_fail_on_and_exit_zero(fake_pipeline: State, capsys: Cap) -> None:
    only_minor = sample_report()
    fake_pipeline["report"] = Report(only_minor.articles, only_minor.claims, only_minor.groups,
                                     only_minor.findings[1:], only_minor.rules)
    assert cli(capsys, "check", "--fail-on", "major")[0] == ExitCode.OK
    assert cli(capsys, "check", "--fail-on", "minor")[0] == ExitCode.FINDINGS
    assert cli(capsys, "check", "--exit-zero")[0] == ExitCode.OK


def test_update_baseline_then_check_passes_then_accept(
    fake_pipeline: State, capsys: Cap, tmp_path: Path
) -> None:
    code, _, err = cli(capsys, "check", "--baseline", "base.json", "--update-baseline")
    assert code == 0 and "wrote 2 findings" in err
    code, out, _ = cli(capsys, "check", "--baseline", "base.json")
    assert code == 0 and out.startswith("All checks passed")
    code, _, _ = cli(capsys, "accept", "held-conflict-1", "--reason", "time frames differ", "--baseline",
                     "base.json")
    assert code == 0
    entries = {e["id"]: e for e in json.loads((tmp_path / "base.json").read_text())["findings"]}
    assert entries["held-conflict-1"]["reason"] == "time frames differ"
    assert entries["held-conflict-2"]["reason"] is None


def test_accept_needs_a_reason_and_a_known_id(
    fake_pipeline: State, capsys: Cap, tmp_path: Path
) -> None:
    code, _, err = cli(capsys, "accept", "held-conflict-1")
    assert code == 2 and err.startswith("checker: error:") and "reason" in err
    code, _, err = cli(capsys, "accept", "nope", "--reason", "x")
    assert code == 2 and err.count("\n") == 1 and "nope" in err
    assert not (tmp_path / "checker-baseline.json").exists()


def test_missing_baseline_is_exit_2(fake_pipeline: State, capsys: Cap) -> None:
    code, out, err = cli(capsys, "check", "--baseline", "missing.json")
    assert code == 2 and out == "" and err.count("\n") == 1 and "missing.json" in err


def test_github_format(fake_pipeline: State, capsys: Cap) -> None:
    code, out, _ = cli(capsys, "check", "--format", "github", "--fail-on", "major")
    assert code == 1
    lines = out.splitlines()
    title = "checker conflict (critical)%3A held"
    assert lines[0].startswith(f"::error file=corpus/sub/b.md,line=1,col=1,title={title}::")
    assert lines[1].startswith("::warning file=corpus/c.txt,line=1,col=1,")  # minor, below major
    assert lines[0].endswith("[held-conflict-1]")


def test_github_escaping() -> None:
    assert escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_check_json_and_markdown(fake_pipeline: State, capsys: Cap) -> None:
    code, out, _ = cli(capsys, "check", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["check"]["failed"] is True
    assert [x["id"] for x in data["check"]["new"]] == ["held-conflict-1", "held-conflict-2"]
    assert data["check"]["new"][0]["path"] == "corpus/sub/b.md"
    code, out, _ = cli(capsys, "check", "--format", "markdown")
    assert code == 1 and "| fail" in out and "(corpus/sub/b.md#L1)" in out


def test_report_formats_to_stdout(fake_pipeline: State, capsys: Cap) -> None:
    code, out, _ = cli(capsys, "report", "--format", "json")
    data = json.loads(out)
    assert code == 0 and {"schema_version", "claims", "findings", "groups", "articles"} <= set(data)
    code, out, _ = cli(capsys, "report", "--format", "csv")
    assert code == 0 and out.startswith("claim,article,")
    code, out, _ = cli(capsys, "report")
    assert code == 0 and out.startswith("# Figures across the articles")


def test_report_output_file_and_charts(
    fake_pipeline: State, capsys: Cap, tmp_path: Path
) -> None:
    code, out, _ = cli(capsys, "report", "-o", "reports/x.md")
    assert code == 0 and out == ""
    assert (tmp_path / "reports" / "x" / "held.svg").is_file()
    assert "(../corpus/a.txt#L2)" in (tmp_path / "reports" / "x.md").read_text()
    code, _, _ = cli(capsys, "report", "--format", "json", "-o", "reports/x.json")
    assert code == 0 and json.loads((tmp_path / "reports" / "x.json").read_text())["claims"]


def test_unwritable_output_is_one_line_exit_2(
    fake_pipeline: State, capsys: Cap, tmp_path: Path
) -> None:
    (tmp_path / "afile").write_text("x")
    code, out, err = cli(capsys, "report", "-o", "afile/report.md")
    assert code == 2 and out == "" and err.count("\n") == 1 and err.startswith("checker: error:")


def test_checker_error_and_internal_error_are_one_line(
    fake_pipeline: State, capsys: Cap, monkeypatch: pytest.MonkeyPatch
) -> None:
    def bad_rules(paths: object, rules_dir: object, progress: object = None, **kw: object) -> Report:
        raise CheckerError("rules/x.yaml:3: unknown key 'cuez'")

    monkeypatch.setattr(checker.pipeline, "run", bad_rules)
    code, _, err = cli(capsys, "check")
    assert code == 2 and err == "checker: error: rules/x.yaml:3: unknown key 'cuez'\n"

    def bug(paths: object, rules_dir: object, progress: object = None, **kw: object) -> Report:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(checker.pipeline, "run", bug)
    code, _, err = cli(capsys, "report")
    assert code == 2 and err == "checker: internal error: ZeroDivisionError: division by zero\n"


def test_problems_are_warnings_on_stderr(
    fake_pipeline: State, capsys: Cap
) -> None:
    r = sample_report()
    fake_pipeline["report"] = Report(r.articles, r.claims, r.groups, (), r.rules,
                                     (Problem("corpus/bad.txt", "skipped: not UTF-8\n(byte 3)", 4),))
    code, out, err = cli(capsys, "check")
    assert code == 0
    assert err == "corpus/bad.txt:4: warning: skipped: not UTF-8 (byte 3)\n"


def test_extract_formats(fake_pipeline: State, capsys: Cap) -> None:
    code, out, _ = cli(capsys, "extract", "--format", "json")
    assert code == 0 and isinstance(json.loads(out), list)
    code, out, _ = cli(capsys, "extract")
    assert code == 0 and out.splitlines()[0].startswith("corpus/a.txt:2:1: About 2 million")
    for fmt in ("csv", "markdown"):
        code, out, _ = cli(capsys, "extract", "--format", fmt)
        assert code == 0 and "About 2 million" in out


def test_rules_dir_that_does_not_exist_is_exit_2(capsys: Cap, tmp_path: Path) -> None:
    code, _, err = cli(capsys, "check", str(tmp_path), "--rules", str(tmp_path / "nope"))
    assert code == 2 and "no such rules folder" in err


def test_python_dash_m_works_and_cli_import_is_light() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--fail-on", "nope"],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 2 and proc.stderr.startswith("checker: error:")
    assert proc.stderr.count("\n") == 1
    probe = "import sys, checker.cli; print('quantulum3' in sys.modules, 'pandas' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.stdout.split() == ["False", "False"]


def test_explain_prints_the_explanation_or_exit_2(fake_pipeline: State, capsys: Cap) -> None:
    code, out, _ = cli(capsys, "explain", "held-conflict-1")
    assert code == 0 and out.startswith("finding held-conflict-1") and out.endswith("\n")
    code, out, err = cli(capsys, "explain", "no-such-id")
    assert code == 2 and out == "" and err.count("\n") == 1 and "no-such-id" in err


def test_no_progress_display_in_ci_or_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import cli as cli_module

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setenv("CI", "true")
    assert not cli_module._interactive()
    monkeypatch.delenv("CI")
    assert cli_module._interactive()
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert not cli_module._interactive()


def test_rules_suggest_prints_loadable_stubs_for_uncovered_groups(
    fake_pipeline: State, capsys: Cap, tmp_path: Path
) -> None:
    from checker.model import Group, Membership
    from checker.rules import load_rules

    code, out, err = cli(capsys, "rules", "suggest")
    assert code == 0 and out == "" and "nothing to suggest" in err  # the one group has a rule
    r = sample_report()
    unruled = Group("shops-3f2a", "shops", "shops", "count", None, (Membership("c4", "similarity", 80, "x"),))
    fake_pipeline["report"] = Report(r.articles, r.claims, r.groups + (unruled,), r.findings, r.rules)
    code, out, _ = cli(capsys, "rules", "suggest")
    assert code == 0 and "shops-3f2a" in out
    (tmp_path / "suggested").mkdir()
    (tmp_path / "suggested" / "stubs.yaml").write_text(out)
    assert [rule.id for rule in load_rules(tmp_path / "suggested").rules] == ["shops-3f2a"]


def test_progress_bar_callback_on_a_terminal_and_none_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import cli as cli_module

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.delenv("CI", raising=False)
    with cli_module._progress("Checking") as advance:
        assert advance is not None
        advance(1, 2, "a.txt")
        advance(2, 2, "b.txt")
    monkeypatch.setenv("CI", "true")
    with cli_module._progress("Checking") as advance:
        assert advance is None


def test_pipeline_reports_progress_once_per_article(tmp_path: Path) -> None:
    from checker.pipeline import run

    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text("Organisers said 5,000 people marched.\n", encoding="utf-8")
    seen: list[tuple[int, int, str]] = []
    run([tmp_path], None, lambda done, total, article: seen.append((done, total, article)))
    assert seen == [(1, 3, "a.txt"), (2, 3, "b.txt"), (3, 3, "c.md")]


def test_report_bytes_do_not_depend_on_the_process(tmp_path: Path) -> None:
    """Same inputs, same bytes: two processes with different hash seeds (set and dict order) write the
    same Markdown, charts and JSON, over the seeds with rules and a story grouped without them."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed, "CI": "true"}
        for args in (["-o", str(out / "r.md")], ["--format", "json", "-o", str(out / "r.json")]):
            done = subprocess.run(
                [sys.executable, "-m", "checker", "report", "seeds/", "tests/stories/march", *args],
                cwd=ROOT, env=env, capture_output=True, text=True, check=False,
            )
            assert done.returncode == 0, done.stderr
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
                        if p.is_file()})
    assert outputs[0] == outputs[1]
    assert {"r.md", "r.json"} < set(outputs[0]) and any(name.endswith(".svg") for name in outputs[0])


def test_pipeline_uses_a_rule_set_it_is_given_and_reads_no_rules_folder(tmp_path: Path) -> None:
    from checker.model import Rule
    from checker.pipeline import run
    from checker.rules import RuleSet, Settings

    (tmp_path / "a.txt").write_text("Organisers said 5,000 people marched.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Police said 2,000 people marched.\n", encoding="utf-8")
    marchers = Rule("marchers", "People who marched", "people", "count", ("marched",))
    given = RuleSet((marchers,), Settings())
    # The folder does not exist: reading it would raise, so the given rule set must be what is used.
    report = run([tmp_path], tmp_path / "no-such-rules", ruleset=given)
    assert report.rules == (marchers,)
    assert [g.rule for g in report.groups] == ["marchers"]
    with pytest.raises(CheckerError, match="no-such-rules"):
        run([tmp_path], tmp_path / "no-such-rules")


def test_explain_loads_the_rules_once(tmp_path: Path, capsys: Cap, monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.rules

    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "checker.yaml").write_text("tolerance: 0.25\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Organisers said 5,000 people marched.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CI", "true")
    calls: list[object] = []
    real = checker.rules.load_rules

    def counting(directory: object) -> checker.rules.RuleSet:
        calls.append(directory)
        return real(directory)  # type: ignore[arg-type]

    monkeypatch.setattr(checker.rules, "load_rules", counting)
    claim_id = checker.pipeline.run(["a.txt"], None).claims[0].id
    code, out, err = cli(capsys, "explain", claim_id, "a.txt")
    assert code == 0, err
    assert out.startswith(f"claim {claim_id}:")
    assert calls == ["rules"]
