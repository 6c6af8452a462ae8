"""Quantity definitions (``rules/``) and global settings, validated at load.

A rule file is YAML data, one quantity per file (or per ``---`` document), found recursively as
``*.yaml`` under the rules folder; ``checker.yaml`` at the folder's root holds the global settings
instead. Every problem in every file is collected and reported at once as ``path:line:col: message``
lines in one :class:`CheckerError`. See docs/rules.md for the format.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from checker.model import DIMENSIONS, CheckerError, Reference, Rule, Severity

SETTINGS_FILE = "checker.yaml"

# The closed set of rule kinds. ``estimate``: every figure estimates one true value, so figures
# that disagree conflict. ``tally``: figures count different sets (rounds of sanctions, say); they
# are grouped for the report but never compared with one another, only with a reference.
KINDS = ("estimate", "tally")

RULE_KEYS = ("id", "label", "kind", "unit", "dimension", "cues", "tolerance", "severity", "reference")
REQUIRED_KEYS = ("id", "label", "unit", "dimension", "cues")
CUE_KEYS = ("topic", "all", "none")
REFERENCE_KEYS = ("value", "low", "high", "text", "source", "date")
SETTINGS_KEYS = ("tolerance", "severity", "similarity", "scope_severity")
SEVERITY_KEYS = tuple(s.value for s in Severity if s is not Severity.info)

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class Settings:
    """Global settings; every field has a built-in default used when ``rules/checker.yaml`` is absent.

    - ``tolerance``: relative slack added to both ends of each interval before comparing (0.1: news
      figures are rounded, and two honest reports of one figure rarely agree to better than 10%).
    - ``severity_thresholds``: (severity, lowest ratio) pairs, ascending: a conflict whose nearest
      ends are r apart is minor from 1, major from 2 (one figure double the other), critical from 10
      (an order of magnitude).
    - ``similarity``: the lowest similarity score (0-100) at which two claims no rule takes are
      linked into one group.
    - ``scope_severity``: the severity of a ``scope-differs`` finding.
    """

    tolerance: float = 0.1
    severity_thresholds: tuple[tuple[str, float], ...] = (("minor", 1.0), ("major", 2.0), ("critical", 10.0))
    similarity: float = 70.0
    scope_severity: str = "info"
    path: str | None = None  # the settings file they came from, if any


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    settings: Settings = field(default_factory=Settings)

    @classmethod
    def empty(cls) -> RuleSet:
        return cls((), Settings())

    def get(self, rule_id: str | None) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


# ---------------------------------------------------------------- loading


def load_rules(directory: str | os.PathLike[str] | None) -> RuleSet:
    """Load and validate every rule under ``directory``; raise one CheckerError listing all problems."""
    if directory is None:
        return RuleSet.empty()
    root = Path(directory)
    if not root.is_dir():
        raise CheckerError(f"{directory}: no such folder")
    errors: list[str] = []
    settings = Settings()
    settings_path = root / SETTINGS_FILE
    if settings_path.is_file():
        nodes = _compose(settings_path, errors)
        check = _Check(str(settings_path), errors)
        for extra in nodes[1:]:
            check.at(extra, "the settings file holds one YAML document")
        if nodes:
            settings = _settings(nodes[0], check)
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in _rule_files(root):
        check = _Check(str(path), errors)
        for node in _compose(path, errors):
            rule = _rule(node, check)
            if rule is None:
                continue
            if rule.id in seen:
                id_node = _value_of(node, "id")
                check.at(id_node or node, f"duplicate rule id {rule.id!r} (also in {seen[rule.id]})")
                continue
            seen[rule.id] = f"{rule.path}:{rule.line}"
            rules.append(rule)
    if errors:
        raise CheckerError("\n".join(sorted(errors, key=_position)))
    return RuleSet(tuple(sorted(rules, key=lambda r: r.id)), settings)


def _position(error: str) -> tuple[str, int, int, str]:
    """Sort key: file, then line and column, so each file's problems read top to bottom."""
    m = re.match(r"(.*?):(\d+):(\d+): ", error)
    return (m.group(1), int(m.group(2)), int(m.group(3)), error) if m else (error, 0, 0, error)


def _rule_files(root: Path) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.endswith(".yaml") and not name.startswith(".") and path != root / SETTINGS_FILE:
                out.append(path)
    return sorted(out)


def _compose(path: Path, errors: list[str]) -> list[Node]:
    """The file's YAML documents (usually one rule per file; ``---`` separates several)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(f"{path}:1:1: cannot read: {getattr(exc, 'strerror', None) or exc}")
        return []
    try:
        nodes = [n for n in yaml.compose_all(text, Loader=yaml.SafeLoader) if n is not None]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        errors.append(f"{path}:{line}:{col}: YAML syntax error: {exc.problem or exc.context}")
        return []
    except yaml.YAMLError as exc:
        errors.append(f"{path}:1:1: YAML error: {exc}")
        return []
    if not nodes:
        errors.append(f"{path}:1:1: empty file")
    return nodes


class _Check:
    """Collects ``path:line:col: message`` lines for one file."""

    def __init__(self, path: str, errors: list[str]) -> None:
        self.path, self.errors = path, errors

    def at(self, node: Node, message: str) -> None:
        self.errors.append(f"{self.path}:{node.start_mark.line + 1}:{node.start_mark.column + 1}: {message}")

    def mapping(self, node: Node, allowed: tuple[str, ...], what: str) -> dict[str, Node] | None:
        """The mapping's keys and value nodes; unknown and repeated keys are reported."""
        if not isinstance(node, MappingNode):
            self.at(node, f"{what} must be a mapping")
            return None
        out: dict[str, Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else None
            if name is None:
                self.at(key, f"{what}: keys must be plain names")
            elif name not in allowed:
                self.at(key, f"unknown key {name!r} in {what} (allowed: {', '.join(allowed)})")
            elif name in out:
                self.at(key, f"key {name!r} given twice in {what}")
            else:
                out[name] = value
        return out

    def string(self, node: Node, what: str) -> str | None:
        if not isinstance(node, ScalarNode) or node.tag != "tag:yaml.org,2002:str" or not node.value.strip():
            self.at(node, f"{what} must be a non-empty string")
            return None
        return node.value.strip()

    def number(self, node: Node, what: str, ok: Callable[[float], bool], expect: str) -> float | None:
        tags = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
        if not isinstance(node, ScalarNode) or node.tag not in tags:
            self.at(node, f"{what} must be a number")
            return None
        value = float(yaml.safe_load(node.value))
        if not math.isfinite(value) or not ok(value):
            self.at(node, f"{what} must be {expect}, got {node.value}")
            return None
        return value

    def words(self, node: Node, what: str) -> tuple[str, ...] | None:
        """A list of non-empty strings (a single string is a list of one)."""
        items = node.value if isinstance(node, SequenceNode) else [node]
        if isinstance(node, MappingNode):
            self.at(node, f"{what} must be a list of words or phrases")
            return None
        out = []
        for item in items:
            word = self.string(item, f"each entry of {what}")
            if word is None:
                return None
            if "|" in word:
                self.at(item, f"{what}: write alternatives as list items, not with '|'")
                return None
            out.append(word)
        if not out:
            self.at(node, f"{what} must not be empty")
            return None
        return tuple(out)


def _value_of(node: Node, key: str) -> Node | None:
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return v
    return None


def _rule(node: Node, check: _Check) -> Rule | None:
    keys = check.mapping(node, RULE_KEYS, "rule")
    if keys is None:
        return None
    missing = [k for k in REQUIRED_KEYS if k not in keys]
    for name in missing:
        check.at(node, f"missing required key {name!r}")
    ok = not missing
    rule_id = check.string(keys["id"], "id") if "id" in keys else None
    if rule_id is not None and not ID_RE.match(rule_id):
        check.at(keys["id"], f"id {rule_id!r} must be kebab-case: lowercase letters, digits and '-'")
        rule_id = None
    label = check.string(keys["label"], "label") if "label" in keys else None
    unit = check.string(keys["unit"], "unit") if "unit" in keys else None
    kind = "estimate"
    if "kind" in keys:
        kind = check.string(keys["kind"], "kind") or ""
        if kind and kind not in KINDS:
            check.at(keys["kind"], f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
            kind = ""
    dimension = check.string(keys["dimension"], "dimension") if "dimension" in keys else None
    if dimension is not None and dimension not in DIMENSIONS:
        check.at(keys["dimension"], f"dimension must be one of {', '.join(DIMENSIONS)}, got {dimension!r}")
        dimension = None
    cues = _cues(keys["cues"], check) if "cues" in keys else None
    tolerance = None
    if "tolerance" in keys:
        tolerance = check.number(keys["tolerance"], "tolerance", lambda v: 0 <= v < 1, "between 0 and 1")
        ok = ok and tolerance is not None
    severity: tuple[tuple[str, float], ...] = ()
    if "severity" in keys:
        parsed = _severity(keys["severity"], check)
        ok = ok and parsed is not None
        severity = parsed or ()
    reference = _reference(keys["reference"], check) if "reference" in keys else None
    ok = ok and ("reference" not in keys or reference is not None)
    if not (ok and rule_id and label and unit and kind and dimension and cues):
        return None
    all_of, exclude = cues
    return Rule(
        id=rule_id,
        label=label,
        unit=unit,
        dimension=dimension,
        cues=all_of,
        exclude=exclude,
        tolerance=tolerance,
        severity=severity,
        reference=reference,
        path=check.path,
        line=node.start_mark.line + 1,
        kind=kind,
    )


def _cues(node: Node, check: _Check) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """``topic``/``all`` groups become ``"topic:a|b"`` / ``"a|b"`` strings; ``none`` the exclusions."""
    keys = check.mapping(node, CUE_KEYS, "cues")
    if keys is None:
        return None
    groups: list[str] = []
    exclude: tuple[str, ...] = ()
    ok = True
    for scope in ("topic", "all"):
        if scope not in keys:
            continue
        value = keys[scope]
        if not isinstance(value, SequenceNode) or not value.value:
            check.at(value, f"cues.{scope} must be a non-empty list of groups (each a list of alternatives)")
            ok = False
            continue
        for item in value.value:
            alternatives = check.words(item, f"cues.{scope} group")
            if alternatives is None:
                ok = False
                continue
            prefix = "topic:" if scope == "topic" else ""
            groups.append(prefix + "|".join(alternatives))
    if "none" in keys:
        words = check.words(keys["none"], "cues.none")
        ok = ok and words is not None
        exclude = words or ()
    if "all" not in keys:
        check.at(node, "cues need an 'all' list: the words that say what the figure counts")
        ok = False
    return (tuple(groups), exclude) if ok else None


def _severity(node: Node, check: _Check) -> tuple[tuple[str, float], ...] | None:
    keys = check.mapping(node, SEVERITY_KEYS, "severity")
    if keys is None:
        return None
    out = []
    for name in SEVERITY_KEYS:
        if name in keys:
            value = check.number(keys[name], f"severity.{name}", lambda v: v >= 1, "a ratio of at least 1")
            if value is None:
                return None
            out.append((name, value))
    values = [v for _, v in out]
    if values != sorted(values):
        check.at(node, "severity thresholds must not decrease from minor to critical")
        return None
    return tuple(out)


def _reference(node: Node, check: _Check) -> Reference | None:
    keys = check.mapping(node, REFERENCE_KEYS, "reference")
    if keys is None:
        return None
    positive = lambda v: v >= 0  # noqa: E731
    nums: dict[str, float | None] = {}
    ok = True
    for name in ("value", "low", "high"):
        nums[name] = None
        if name in keys:
            nums[name] = check.number(keys[name], f"reference.{name}", positive, "zero or more")
            ok = ok and nums[name] is not None
    if "source" not in keys:
        check.at(node, "reference needs a 'source'")
        ok = False
    source = check.string(keys["source"], "reference.source") if "source" in keys else None
    text = check.string(keys["text"], "reference.text") if "text" in keys else None
    date = None
    if "date" in keys:
        date = _date(keys["date"], check)
        ok = ok and date is not None
    if ok and nums["value"] is None and nums["low"] is None and nums["high"] is None:
        check.at(node, "reference needs a 'value' or 'low'/'high'")
        ok = False
    low, high = nums["low"], nums["high"]
    if ok and low is not None and high is not None and low > high:
        check.at(keys["low"], "reference.low must not exceed reference.high")
        ok = False
    if not ok or source is None or ("text" in keys and text is None):
        return None
    return Reference(nums["value"], low, high, source, date, text)


def _date(node: Node, check: _Check) -> str | None:
    # YAML reads an unquoted 2020-11-01 as a date: accept it, and strings shaped YYYY[-MM[-DD]].
    if isinstance(node, ScalarNode) and node.tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int"):
        text = node.value
    elif isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        text = node.value.strip()
    else:
        text = ""
    if not DATE_RE.match(text):
        check.at(node, "reference.date must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
        return None
    return text


def _settings(node: Node, check: _Check) -> Settings:
    keys = check.mapping(node, SETTINGS_KEYS, "settings")
    default = Settings()
    if keys is None:
        return default
    tolerance = default.tolerance
    if "tolerance" in keys:
        tolerance = check.number(keys["tolerance"], "tolerance", lambda v: 0 <= v < 1, "between 0 and 1")
    thresholds = dict(default.severity_thresholds)
    if "severity" in keys:
        thresholds.update(_severity(keys["severity"], check) or ())
        if [v for _, v in sorted(thresholds.items(), key=lambda kv: Severity(kv[0]).rank)] != sorted(
            thresholds.values()
        ):
            check.at(keys["severity"], "severity thresholds must not decrease from minor to critical")
    similarity = default.similarity
    if "similarity" in keys:
        similarity = check.number(keys["similarity"], "similarity", lambda v: 0 < v <= 100, "in (0, 100]")
    scope = default.scope_severity
    if "scope_severity" in keys:
        scope = check.string(keys["scope_severity"], "scope_severity") or scope
        if scope not in [s.value for s in Severity]:
            names = ", ".join(s.value for s in Severity)
            check.at(keys["scope_severity"], f"scope_severity must be one of {names}")
            scope = default.scope_severity
    ordered = tuple(sorted(thresholds.items(), key=lambda kv: (kv[1], Severity(kv[0]).rank)))
    return Settings(
        tolerance=default.tolerance if tolerance is None else tolerance,
        severity_thresholds=ordered,
        similarity=default.similarity if similarity is None else similarity,
        scope_severity=scope,
        path=check.path,
    )
