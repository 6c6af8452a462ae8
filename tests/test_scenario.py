"""The CI gate end to end (issue 5 item 5), and the shipped CI files (workflow, pre-commit hook).

Scenario, in a copy of the project's seeds and rules: the seeds pass against their baseline; a new
article with a conflicting figure fails the check and is named in the output; accepting its findings
makes the check pass again; a malformed rules file is exit 2 with one line naming file:line.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from checker.cli import ExitCode, run_cli
from checker.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
Cap = pytest.CaptureFixture[str]
REGENERATE = "checker check seeds/ --baseline checker-baseline.json --update-baseline"
BASELINE = "checker-baseline.json"
# Written for this test, not a seed: a figure far below the corpus's estimates of the same quantity.
NEW_ARTICLE = """\
Officials dismiss camp estimates

BEIJING (Test Wire) - A regional official said on Monday that only 5,000 Uyghurs are held in camps
in Xinjiang, far fewer than foreign researchers have claimed.
"""


def cli(capsys: Cap, *args: str) -> tuple[int, str, str]:
    code = run_cli(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    if (ROOT / BASELINE).exists():
        shutil.copy(ROOT / BASELINE, tmp_path / BASELINE)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CHECKER_DEBUG", raising=False)
    return tmp_path


def test_committed_baseline_passes_on_the_seeds(project: Path, capsys: Cap) -> None:
    if not (project / BASELINE).exists():
        pytest.fail(f"{BASELINE} is not committed: run `{REGENERATE}`")
    code, out, _ = cli(capsys, "check", "seeds/", "--baseline", BASELINE)
    assert code == ExitCode.OK, f"the committed baseline is stale; run `{REGENERATE}`:\n{out}"


def test_new_conflicting_article_fails_then_accepting_passes(
    project: Path, capsys: Cap
) -> None:
    code, _, err = cli(capsys, "check", "seeds/", "--baseline", "fresh.json", "--update-baseline")
    assert code == ExitCode.OK and "wrote" in err
    code, out, _ = cli(capsys, "check", "seeds/", "--baseline", "fresh.json")
    assert code == ExitCode.OK, out

    (project / "seeds" / "zz_new_article.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    code, out, _ = cli(capsys, "check", "seeds/", "--baseline", "fresh.json")
    assert code == ExitCode.FINDINGS, out
    failing = [ln for ln in out.splitlines() if ln.startswith("seeds/")]
    line = NEW_ARTICLE[: NEW_ARTICLE.index("5,000")].count("\n") + 1
    assert failing and all(ln.startswith(f"seeds/zz_new_article.txt:{line}:") for ln in failing), out
    assert any("5,000" in ln for ln in failing)

    code, out, _ = cli(capsys, "check", "seeds/", "--baseline", "fresh.json", "--format", "github")
    assert code == ExitCode.FINDINGS
    assert re.search(rf"^::error file=seeds/zz_new_article\.txt,line={line},col=\d+,title=", out, re.M)

    code, out, _ = cli(capsys, "check", "seeds/", "--baseline", "fresh.json", "--format", "json")
    new = [x for x in json.loads(out)["check"]["new"] if x["failing"]]
    assert new and {x["path"] for x in new} == {"seeds/zz_new_article.txt"}
    for x in new:
        code, _, err = cli(capsys, "accept", x["id"], "seeds/", "--baseline", "fresh.json",
                           "--reason", "official figure, reported as such")
        assert code == ExitCode.OK, err
    code, out, _ = cli(capsys, "check", "seeds/", "--baseline", "fresh.json")
    assert code == ExitCode.OK, out
    reasons = {e["reason"] for e in json.loads((project / "fresh.json").read_text())["findings"]}
    assert "official figure, reported as such" in reasons


def test_malformed_rules_file_is_exit_2_with_one_line(project: Path, capsys: Cap) -> None:
    bad = project / "rules" / "broken.yaml"
    bad.write_text("id: broken-rule\nlabel: Broken\nunit: people\ncues: [\n", encoding="utf-8")
    code, out, err = cli(capsys, "check", "seeds/")
    assert code == ExitCode.ERROR and out == ""
    assert err.count("\n") == 1, err
    assert re.match(r"checker: error: .*broken\.yaml:\d+", err), err
    code, _, err = cli(capsys, "rules", "check")
    assert code == ExitCode.ERROR and "broken.yaml:" in err


def test_rules_check_passes_on_the_shipped_rules(capsys: Cap,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, _, err = cli(capsys, "rules", "check")
    shipped = len(load_rules(str(ROOT / "rules")).rules)
    assert code == ExitCode.OK and err.endswith(f": {shipped} rules OK\n"), err


def test_rules_check_counts_one_rule_in_the_singular(capsys: Cap, tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    shutil.copy(ROOT / "rules" / "xinjiang" / "camp-detainees.yaml", tmp_path / "rules" / "one.yaml")
    code, _, err = cli(capsys, "rules", "check", "--rules", str(tmp_path / "rules"))
    assert code == ExitCode.OK and err.endswith(": 1 rule OK\n"), err


# --- the shipped CI files -----------------------------------------------------------------------


def test_workflow_is_valid_and_runs_the_check_on_pull_requests() -> None:
    wf = yaml.safe_load((ROOT / ".github" / "workflows" / "checker.yml").read_text())
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` key as True
    paths = on["pull_request"]["paths"]
    assert any(p.startswith("seeds/") for p in paths) and any(p.startswith("rules/") for p in paths)
    (job,) = wf["jobs"].values()
    steps = job["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/checkout@") for u in uses)
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert str(setup["with"]["python-version"]) == "3.11"
    runs = " && ".join(s.get("run", "") for s in steps)
    assert "pip install ." in runs
    assert re.search(r"checker check \S+ --baseline \S+ --format github", runs)
    baseline = re.search(r"--baseline (\S+)", runs).group(1)  # type: ignore[union-attr]
    assert baseline in paths  # editing the baseline re-runs the check


def test_pre_commit_hook_runs_checker_check() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = [h for h in hooks if h["id"] == "checker-check"]
    assert hook["entry"].startswith("checker check")
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False  # the check needs the whole corpus, not the changed files
    assert re.search(hook["files"], "seeds/000_a.txt") and re.search(hook["files"], "rules/x.yaml")
