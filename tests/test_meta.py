"""Meta-tests that keep docs and data honest: the README names every command, every rule file loads,
and the committed report is what the README's command produces today."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, RULES, SEEDS

README = ROOT / "README.md"
REPORT = ROOT / "reports" / "seeds.md"
REGENERATE = "run: checker report seeds/ -o reports/seeds.md"
COMMANDS = ["extract", "report", "check", "explain", "accept", "rules suggest", "rules check"]


def _cli_commands() -> list[str]:
    """Every command the typer app offers, with sub-commands as "group command"."""
    import typer

    from checker.cli import app

    root = typer.main.get_command(app)
    out: list[str] = []

    def walk(cmd: object, prefix: str) -> None:
        subs = getattr(cmd, "commands", None)  # a click group (typer may vendor click)
        if subs is not None:
            for name, sub in sorted(subs.items()):
                walk(sub, f"{prefix} {name}".strip())
        else:
            out.append(prefix)

    walk(root, "")
    return out


def _readme() -> str:
    if not README.is_file():
        pytest.fail("README.md is missing")
    return README.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert re.search(rf"\bchecker {re.escape(command)}\b", _readme()), (
        f"README.md never shows `checker {command}`"
    )


def test_the_cli_offers_the_commands_and_the_readme_names_them_all() -> None:
    offered = _cli_commands()
    assert set(COMMANDS) <= set(offered), f"missing commands: {set(COMMANDS) - set(offered)}"
    readme = _readme()
    undocumented = [c for c in offered if not re.search(rf"\bchecker {re.escape(c)}\b", readme)]
    assert not undocumented, f"README.md does not show: {undocumented}"


def test_every_rule_file_loads_and_defines_a_rule() -> None:
    from checker.rules import SETTINGS_FILE, load_rules

    ruleset = load_rules(RULES)
    files = sorted(p.resolve() for p in RULES.rglob("*.y*ml") if p.name != SETTINGS_FILE)
    assert files, "no rule files in rules/"
    defined = {Path(r.path).resolve() for r in ruleset.rules}
    assert [f for f in files if f not in defined] == [], "rule files that define no rule"
    ids = [r.id for r in ruleset.rules]
    assert len(ids) == len(set(ids))


def _report_command() -> list[str]:
    """The arguments of the README's command that writes reports/seeds.md (the documented default if
    the README does not show one yet)."""
    found = re.search(r"checker (report [^\n`]*?reports/seeds\.md)", _readme() if README.is_file() else "")
    return found.group(1).split() if found else ["report", "seeds/", "-o", "reports/seeds.md"]


def test_readme_shows_how_reports_seeds_md_is_made() -> None:
    assert re.search(r"checker report [^\n`]*reports/seeds\.md", _readme()), (
        "README.md should show the command that writes reports/seeds.md"
    )


def test_committed_report_is_not_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regenerate the report (and its charts) in a copy of the repository layout and compare bytes."""
    from typer.testing import CliRunner

    from checker.cli import app

    assert REPORT.is_file(), f"reports/seeds.md is missing; {REGENERATE}"
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(RULES, tmp_path / "rules")
    (tmp_path / "reports").mkdir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, _report_command())
    assert result.exit_code == 0, result.output
    fresh = tmp_path / "reports"
    made = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file())
    assert "seeds.md" in made, f"the command wrote {made}"
    for rel in made:
        committed = ROOT / "reports" / rel
        assert committed.is_file(), f"reports/{rel} is not committed; {REGENERATE}"
        assert committed.read_bytes() == (fresh / rel).read_bytes(), f"reports/{rel} is stale; {REGENERATE}"
    chart_dir = ROOT / "reports" / "seeds"
    if chart_dir.is_dir():
        stale = sorted(
            p.relative_to(ROOT / "reports").as_posix()
            for p in chart_dir.rglob("*")
            if p.is_file() and p.relative_to(ROOT / "reports").as_posix() not in made
        )
        assert not stale, f"charts no longer produced: {stale}; remove them and {REGENERATE}"
