"""Matching and comparison benchmark: ``python bench/matching.py [--corpus DIR] [--details]``.

Runs ``checker.pipeline.run([story], rules_dir=None)`` (no rules) on every story folder of a corpus
(default: the held-out stories in ``bench/heldout/``; ``--corpus bench/dev`` or ``--corpus tests/stories``
for the development stories) and scores the report against the story's ``expected.yaml`` (the format of
``tests/stories/*/expected.yaml``, see ``tests/test_stories.py``). Prints one Markdown table:

- figures: distinct figures named anywhere in the expectations that some claim overlaps;
- claims: entries of ``claims`` located and read right (every key given: hedge, value, low, high,
  dimension, trend; unit, attribution and scope as case-insensitive substrings);
- groups: expected groups whose figures were all located and share one quantity;
- apart: ``must_not_merge`` pairs that share no quantity;
- findings: expected findings present with the right kind (severity, when given, in ``severity``);
- not flagged: ``must_not_flag`` pairs in no finding (of ``kinds`` when given);
- not claims: dates, years and times that yield no claim;
- time: seconds for the pipeline run of the story.

A figure is ``[article, locator]``: the locator is the figure as written, or a longer quote with the
figure in brackets ("official toll of [41]"); it must occur exactly once in the article. ``--details``
lists every miss with what the tool did. Scores are deterministic; only the times vary.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.model import Article, Claim, Finding, Report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "bench" / "heldout"
NUMERIC_KEYS = ("value", "low", "high")
EXACT_KEYS = ("hedge", "dimension", "trend")
SUBSTRING_KEYS = ("unit", "attribution")
COLUMNS = ("figures", "claims", "groups", "apart", "findings", "severity", "not flagged", "not claims")

Figure = tuple[str, str]  # (article file name, locator)


class DataError(Exception):
    """A story's expectations do not fit its articles (bad locator, missing article)."""


@dataclass
class Score:
    counts: dict[str, list[int]] = field(default_factory=lambda: {c: [0, 0] for c in COLUMNS})
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    def add(self, column: str, ok: bool, miss: str | None = None) -> None:
        self.counts[column][1] += 1
        if ok:
            self.counts[column][0] += 1
        elif miss is not None:
            self.misses.append(f"{column}: {miss}")

    def merge(self, other: Score) -> None:
        for c in COLUMNS:
            self.counts[c][0] += other.counts[c][0]
            self.counts[c][1] += other.counts[c][1]
        self.seconds += other.seconds


# --- locating figures --------------------------------------------------------------------------------


def locate(text: str, locator: str) -> tuple[int, int]:
    """Span of the figure ``locator`` names in ``text``; it must occur exactly once, not inside a
    longer number or word."""
    before, figure, after = "", locator, ""
    if "[" in locator:
        before, rest = locator.split("[", 1)
        figure, after = rest.split("]", 1)
    pattern = r"(?<!\w)(?<!\d[.,])" + re.escape(before + figure + after) + r"(?!\w)(?![.,]\d)"
    hits = [m.start() for m in re.finditer(pattern, text)]
    if len(hits) != 1:
        raise DataError(f"locator {locator!r} found {len(hits)} times (must be exactly once)")
    start = hits[0] + len(before)
    return start, start + len(figure)


class Story:
    """One story's report, with figures looked up by article file name and locator."""

    def __init__(self, name: str, report: Report) -> None:
        self.name = name
        self.report = report
        self.by_name: dict[str, Article] = {}
        for a in report.articles:
            self.by_name[a.id.rsplit("/", 1)[-1]] = a
        self.by_id = {c.id: c for c in report.claims}

    def claims_at(self, fig: Sequence[str]) -> list[Claim]:
        """Every claim overlapping the figure, the best overlap first."""
        article = self.by_name.get(fig[0])
        if article is None:
            raise DataError(f"{self.name}: no article {fig[0]!r} was loaded")
        try:
            start, end = locate(article.text, fig[1])
        except DataError as e:
            raise DataError(f"{self.name}/{fig[0]}: {e}") from None
        hits = [c for c in self.report.claims if c.article == article.id and c.start < end and c.end > start]
        return sorted(hits, key=lambda c: (-(min(c.end, end) - max(c.start, start)), c.start, c.id))

    def claim_at(self, fig: Sequence[str]) -> Claim | None:
        hits = self.claims_at(fig)
        return hits[0] if hits else None

    def pairing(self, a: Iterable[Claim], b: Iterable[Claim], kinds: Sequence[str] = ()) -> list[Finding]:
        ids_a, ids_b = {c.id for c in a}, {c.id for c in b}
        return [
            f
            for f in self.report.findings
            if (not kinds or f.kind in kinds) and ids_a & set(f.claims) and ids_b & set(f.claims)
        ]


def show(fig: Sequence[str]) -> str:
    return f"{fig[0]}:{fig[1]!r}"


def describe(c: Claim | None) -> str:
    if c is None:
        return "no claim extracted"
    return (
        f"{c.text!r} [{c.low}, {c.high}] value={c.value} hedge={c.hedge} dim={c.dimension} unit={c.unit} "
        f"trend={c.trend} attr={c.attribution!r} scope={list(c.scope)} quantity={c.quantity}"
    )


# --- scoring one story ------------------------------------------------------------------------------------


def _same_number(got: float | None, want: float | None) -> bool:
    if got is None or want is None:
        return got is None and want is None
    return math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12)


def claim_errors(c: Claim, spec: dict[str, Any]) -> list[str]:
    """What the tool read wrong, key by key (empty when the claim is read right)."""
    wrong = []
    for key in NUMERIC_KEYS:
        if key in spec and not _same_number(getattr(c, key), spec[key]):
            wrong.append(f"{key} {getattr(c, key)} != {spec[key]}")
    for key in EXACT_KEYS:
        if key in spec and getattr(c, key) != spec[key]:
            wrong.append(f"{key} {getattr(c, key)} != {spec[key]}")
    for key in SUBSTRING_KEYS:
        if key in spec and not (getattr(c, key) and str(spec[key]).lower() in getattr(c, key).lower()):
            wrong.append(f"{key} {getattr(c, key)!r} lacks {spec[key]!r}")
    if "scope" in spec and str(spec["scope"]).lower() not in " | ".join(c.scope).lower():
        wrong.append(f"scope {list(c.scope)} lacks {spec['scope']!r}")
    return wrong


def _figures(exp: dict[str, Any]) -> list[tuple[str, str]]:
    figs = [c["at"] for c in exp.get("claims") or []]
    figs += [f for members in (exp.get("groups") or {}).values() for f in members]
    figs += [f for pair in exp.get("must_not_merge") or [] for f in pair]
    figs += [x[k] for sec in ("findings", "must_not_flag") for x in exp.get(sec) or [] for k in ("a", "b")]
    return sorted({(f[0], f[1]) for f in figs})


def _quantities(claims: Iterable[Claim]) -> set[str]:
    return {c.quantity for c in claims if c.quantity is not None}


def score_story(story: Story, exp: dict[str, Any]) -> Score:
    s = Score()
    for fig in _figures(exp):
        s.add("figures", bool(story.claims_at(fig)), f"{show(fig)}: no claim extracted")

    for spec in exp.get("claims") or []:
        c = story.claim_at(spec["at"])
        wrong = ["not extracted"] if c is None else claim_errors(c, spec)
        s.add("claims", not wrong, f"{show(spec['at'])}: {'; '.join(wrong)} -- {describe(c)}")

    for name, members in sorted((exp.get("groups") or {}).items()):
        got = {show(m): story.claim_at(m) for m in members}
        qs = {c.quantity if c else None for c in got.values()}
        ok = None not in qs and len(qs) == 1
        parts = ", ".join(f"{k} -> {c.quantity if c else 'not extracted'}" for k, c in got.items())
        s.add("groups", ok, f"{name!r} split: {parts}")

    for a, b in exp.get("must_not_merge") or []:
        ca, cb = story.claims_at(a), story.claims_at(b)
        shared = _quantities(ca) & _quantities(cb)
        s.add("apart", not shared, f"{show(a)} and {show(b)} merged into {sorted(shared)}")

    for spec in exp.get("findings") or []:
        a, b = story.claim_at(spec["a"]), story.claim_at(spec["b"])
        pair = f"{spec['kind']} {show(spec['a'])} ~ {show(spec['b'])}"
        if a is None or b is None:
            s.add("findings", False, f"{pair}: {describe(a)} / {describe(b)}")
            if "severity" in spec:
                s.add("severity", False)
            continue
        found = story.pairing([a], [b], (spec["kind"],))
        other = [(f.kind, f.severity) for f in story.pairing([a], [b])]
        s.add("findings", bool(found), f"{pair}: other findings {other}; {describe(a)} / {describe(b)}")
        if "severity" in spec:
            sev = sorted({f.severity for f in found})
            s.add("severity", spec["severity"] in sev, f"{pair}: expected {spec['severity']}, got {sev}")

    for spec in exp.get("must_not_flag") or []:
        found = story.pairing(story.claims_at(spec["a"]), story.claims_at(spec["b"]), spec.get("kinds") or ())
        flagged = ", ".join(f"{f.kind}/{f.severity} {f.id} in {f.quantity}" for f in found)
        s.add("not flagged", not found, f"{show(spec['a'])} ~ {show(spec['b'])} flagged: {flagged}")

    for fig in exp.get("not_claims") or []:
        hits = story.claims_at(fig)
        s.add("not claims", not hits, f"{show(fig)}: {[describe(c) for c in hits]}")
    return s


# --- running a corpus ------------------------------------------------------------------------------------


def stories_in(corpus: Path) -> list[Path]:
    if not corpus.is_dir():
        raise DataError(f"{corpus}: not a folder")
    return sorted(d for d in corpus.iterdir() if (d / "expected.yaml").is_file())


def run_story(story_dir: Path) -> tuple[Score, Story]:
    from checker.pipeline import run

    exp_path = story_dir / "expected.yaml"
    try:
        exp = yaml.safe_load(exp_path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise DataError(f"{exp_path}: {str(e).splitlines()[0]}") from None
    started = time.perf_counter()
    report = run([story_dir], rules_dir=None)
    seconds = time.perf_counter() - started
    story = Story(story_dir.name, report)
    score = score_story(story, exp)
    score.seconds = seconds
    return score, story


def _cell(pair: list[int]) -> str:
    return f"{pair[0]}/{pair[1]}" if pair[1] else "-"


def table(rows: list[tuple[str, Score]]) -> str:
    total = Score()
    for _, s in rows:
        total.merge(s)
    head = ["story", *COLUMNS, "time (s)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, s in [*rows, ("**total**", total)]:
        cells = [name, *(_cell(s.counts[c]) for c in COLUMNS), f"{s.seconds:.2f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of story folders")
    parser.add_argument("--details", action="store_true", help="list every miss with what the tool did")
    args = parser.parse_args(argv)
    try:
        rows: list[tuple[str, Score]] = []
        for story_dir in stories_in(args.corpus):
            score, _ = run_story(story_dir)
            rows.append((story_dir.name, score))
    except DataError as e:
        print(f"bench/matching.py: {e}", file=sys.stderr)
        return 2
    try:
        shown = args.corpus.resolve().relative_to(ROOT)
    except ValueError:
        shown = args.corpus
    print(f"## Matching and comparison without rules: {shown} ({len(rows)} stories)\n")
    print(table(rows))
    if args.details:
        for name, s in rows:
            if s.misses:
                print(f"\n### {name}: {len(s.misses)} misses\n")
                for miss in s.misses:
                    print(f"- {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
