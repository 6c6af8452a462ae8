"""Rules: every shipped file loads, and malformed files are reported all at once with path:line:col."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from checker.model import DIMENSIONS, CheckerError
from checker.rules import KINDS, SETTINGS_FILE, RuleSet, Settings, load_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"

GOOD = """\
id: {id}
label: Things counted
unit: people
dimension: count
cues:
  all:
    - [counted, tallied]
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(folder: Path) -> list[str]:
    with pytest.raises(CheckerError) as info:
        load_rules(folder)
    return str(info.value).splitlines()


# ---------------------------------------------------------------- the shipped rules


def test_every_shipped_rule_file_loads() -> None:
    ruleset = load_rules(RULES)
    files = [p for p in RULES.rglob("*.yaml") if p != RULES / SETTINGS_FILE]
    assert len(ruleset.rules) == len(files) >= 7
    for rule in ruleset.rules:
        assert rule.dimension in DIMENSIONS and rule.kind in KINDS
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.id)
        assert Path(rule.path).is_file() and rule.line >= 1
        if rule.reference is not None:
            assert rule.reference.source and rule.reference.date


def test_shipped_rule_ids_are_unique() -> None:
    ids = [r.id for r in load_rules(RULES).rules]
    assert len(ids) == len(set(ids))


def test_shipped_settings_match_builtin_defaults() -> None:
    # rules/checker.yaml documents the defaults; it must not silently drift from them.
    loaded = load_rules(RULES).settings
    default = Settings()
    assert (loaded.tolerance, loaded.severity_thresholds, loaded.similarity, loaded.scope_severity) == (
        default.tolerance,
        default.severity_thresholds,
        default.similarity,
        default.scope_severity,
    )


def test_xinjiang_story_has_the_quantities_issue_2_asks_for() -> None:
    labels = " / ".join(r.label.lower() for r in load_rules(RULES).rules)
    for words in (
        "camp",
        "uyghur population",
        "population of xinjiang",
        "china's cotton",
        "world's cotton",
        "clothing imports",
        "sanctioned",
    ):
        assert words in labels


# ---------------------------------------------------------------- loading and defaults


def test_no_folder_means_no_rules_and_default_settings() -> None:
    assert load_rules(None) == RuleSet.empty()
    assert RuleSet.empty().settings == Settings()


def test_a_named_folder_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CheckerError, match="no such folder"):
        load_rules(tmp_path / "nope")


def test_a_good_rule_loads_with_cues_and_overrides(tmp_path: Path) -> None:
    write(
        tmp_path,
        "sub/deaths.yaml",
        """\
        id: storm-deaths
        label: Storm deaths
        kind: estimate
        unit: people
        dimension: count
        cues:
          topic: [[storm, cyclone]]
          all:
            - [killed, dead, deaths]
            - people
          none: [injured]
        tolerance: 0.25
        severity: {major: 3, critical: 20}
        reference: {low: 40, high: 45, source: Ministry of Health, date: 2024-10-01, text: "40 to 45"}
        """,
    )
    (rule,) = load_rules(tmp_path).rules
    assert rule.id == "storm-deaths" and rule.path.endswith("deaths.yaml") and rule.line == 1
    assert rule.cues == ("topic:storm|cyclone", "killed|dead|deaths", "people")
    assert rule.exclude == ("injured",)
    assert rule.tolerance == 0.25
    assert rule.severity == (("major", 3.0), ("critical", 20.0))
    assert rule.reference is not None
    assert (rule.reference.low, rule.reference.high, rule.reference.date) == (40, 45, "2024-10-01")


def test_settings_file_overrides_defaults_and_is_not_a_rule(tmp_path: Path) -> None:
    write(
        tmp_path,
        SETTINGS_FILE,
        "tolerance: 0.2\nseverity: {major: 3}\nsimilarity: 80\nscope_severity: minor\n",
    )
    write(tmp_path, "a.yaml", GOOD.format(id="a"))
    ruleset = load_rules(tmp_path)
    assert [r.id for r in ruleset.rules] == ["a"]
    s = ruleset.settings
    assert (s.tolerance, s.similarity, s.scope_severity) == (0.2, 80, "minor")
    assert s.severity_thresholds == (("minor", 1.0), ("major", 3.0), ("critical", 10.0))


def test_a_settings_file_below_the_root_is_read_as_a_rule(tmp_path: Path) -> None:
    write(tmp_path, f"story/{SETTINGS_FILE}", "tolerance: 0.2\n")
    assert any("missing required key 'id'" in p for p in problems(tmp_path))


# ---------------------------------------------------------------- malformed files


def test_yaml_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", "id: x\nlabel: [unclosed\nunit: people\n")
    (line,) = problems(tmp_path)
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: YAML syntax error", line)
    assert int(line.split(":")[1]) >= 2


def test_unknown_key_is_reported_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", GOOD.format(id="r") + "colour: blue\n")
    assert problems(tmp_path) == [
        f"{path}:8:1: unknown key 'colour' in rule (allowed: "
        + ", ".join(
            ("id", "label", "kind", "unit", "dimension", "cues", "tolerance", "severity", "reference")
        )
        + ")"
    ]


def test_wrong_types_and_bad_values_are_all_reported_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        """\
        id: Not Kebab
        label: 12
        unit: people
        dimension: weight
        kind: guess
        cues:
          all: counted
          sometimes: [x]
        tolerance: lots
        severity: {major: 0.5}
        """,
    )
    lines = problems(tmp_path)
    expected = {
        1: "id 'Not Kebab' must be kebab-case",
        2: "label must be a non-empty string",
        4: "dimension must be one of",
        5: "kind must be one of estimate, tally",
        7: "cues.all must be a non-empty list",
        8: "unknown key 'sometimes' in cues",
        9: "tolerance must be a number",
        10: "severity.major must be a ratio of at least 1",
    }
    for line_no, message in expected.items():
        assert any(line.startswith(f"{path}:{line_no}:") and message in line for line in lines), (
            line_no,
            lines,
        )
    assert len(lines) == len(expected)
    assert [int(line.split(":")[1]) for line in lines] == sorted(expected)  # top to bottom


def test_missing_keys_and_bad_reference(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        """\
        id: r
        unit: people
        cues: {all: [[x]]}
        reference:
          low: 10
          high: 5
          date: last year
        """,
    )
    lines = problems(tmp_path)
    assert f"{path}:1:1: missing required key 'label'" in lines
    assert f"{path}:1:1: missing required key 'dimension'" in lines
    assert f"{path}:5:3: reference needs a 'source'" in lines
    assert f"{path}:7:9: reference.date must be a date: YYYY, YYYY-MM or YYYY-MM-DD" in lines


def test_duplicate_ids_across_files_and_problems_in_several_files(tmp_path: Path) -> None:
    write(tmp_path, "a/one.yaml", GOOD.format(id="same"))
    second = write(tmp_path, "b/two.yaml", GOOD.format(id="same"))
    third = write(tmp_path, "c/three.yaml", GOOD.format(id="other") + "tolerance: 2\n")
    lines = problems(tmp_path)
    assert len(lines) == 2
    assert lines[0].startswith(f"{second}:1:5: duplicate rule id 'same' (also in ")
    assert lines[1] == f"{third}:8:12: tolerance must be between 0 and 1, got 2"


def test_repeated_key_and_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", GOOD.format(id="r") + "id: again\n")
    empty = write(tmp_path, "s.yaml", "# nothing yet\n")
    lines = problems(tmp_path)
    assert f"{path}:8:1: key 'id' given twice in rule" in lines
    assert f"{empty}:1:1: empty file" in lines


def test_cues_need_an_all_list_and_alternatives_are_list_items(tmp_path: Path) -> None:
    no_all = write(
        tmp_path, "a.yaml", "id: a\nlabel: A\nunit: people\ndimension: count\ncues:\n  topic: [[x]]\n"
    )
    piped = write(
        tmp_path, "b.yaml", "id: b\nlabel: B\nunit: people\ndimension: count\ncues:\n  all: [a|b]\n"
    )
    lines = problems(tmp_path)
    assert len(lines) == 2
    assert lines[0].startswith(f"{no_all}:6:3: cues need an 'all' list")
    assert lines[1].startswith(f"{piped}:6:9: cues.all group: write alternatives as list items")


def test_bad_settings_are_reported_with_rule_problems(tmp_path: Path) -> None:
    settings = write(tmp_path, SETTINGS_FILE, "tolerance: -1\nscope_severity: loud\nextra: 1\n")
    rule = write(tmp_path, "r.yaml", "- not a mapping\n")
    lines = problems(tmp_path)
    assert f"{settings}:1:12: tolerance must be between 0 and 1, got -1" in lines
    assert any(line.startswith(f"{settings}:2:17: scope_severity must be one of") for line in lines)
    assert any(line.startswith(f"{settings}:3:1: unknown key 'extra'") for line in lines)
    assert f"{rule}:1:1: rule must be a mapping" in lines


def test_several_rules_in_one_file_as_yaml_documents(tmp_path: Path) -> None:
    write(tmp_path, "story.yaml", GOOD.format(id="one") + "---\n" + GOOD.format(id="two"))
    assert [r.id for r in load_rules(tmp_path).rules] == ["one", "two"]
    write(tmp_path, "again.yaml", GOOD.format(id="two"))
    (line,) = problems(tmp_path)
    # Files load in path order, so the second document of story.yaml (line 9) is the duplicate.
    assert line.startswith(f"{tmp_path / 'story.yaml'}:9:5: duplicate rule id 'two' (also in ")
