"""Matching and comparison benchmark: ``python bench/matching.py [--corpus DIR] [--details]``.

Runs ``checker.pipeline.run([story], rules_dir=None)`` (no rules) on every story folder of a corpus
(default: the held-out stories in ``bench/heldout/``; ``--corpus bench/dev`` or ``--corpus tests/stories``
for the development stories) and scores the report against the story's ``expected.yaml`` (the
story-expectation format, described and read by ``checker/expectations.py``, which the tests use too).
Prints one Markdown table:

- figures: distinct figures named anywhere in the expectations that some claim overlaps;
- claims: entries of ``claims`` located and read right (every key given: hedge, value, low, high,
  dimension, trend; unit, attribution and scope as case-insensitive substrings);
- groups: expected groups whose figures were all located and share one quantity;
- apart: ``must_not_merge`` pairs that share no quantity;
- findings: expected findings present with the right kind (severity, when given, in ``severity``);
- not flagged: ``must_not_flag`` pairs in no finding (of ``kinds`` when given);
- not claims: dates, years and times that yield no claim;
- time: seconds for the pipeline run of the story.

``--details`` lists every miss with what the tool did. Scores are deterministic; only the times vary.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.expectations import (  # noqa: E402
    ExpectationError,
    Figure,
    claim_errors,
    claims_at,
    describe,
    figures,
    findings_pairing,
    format_problems,
    load_expected,
    show,
)
from checker.model import Claim, Finding, Report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "bench" / "heldout"
COLUMNS = ("figures", "claims", "groups", "apart", "findings", "severity", "not flagged", "not claims")


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


class Story:
    """One story's report, with figures looked up as the expectation format says."""

    def __init__(self, name: str, report: Report) -> None:
        self.name = name
        self.report = report

    def claims_at(self, fig: Figure) -> list[Claim]:
        """Every claim overlapping the figure, the best overlap first."""
        try:
            return claims_at(self.report, fig[0], fig[1])
        except ExpectationError as e:
            raise ExpectationError(f"{self.name}: {e}") from None

    def claim_at(self, fig: Figure) -> Claim | None:
        hits = self.claims_at(fig)
        return hits[0] if hits else None

    def pairing(self, a: list[Claim], b: list[Claim], kinds: Sequence[str] = ()) -> list[Finding]:
        return findings_pairing(self.report, a, b, kinds)


# --- scoring one story ------------------------------------------------------------------------------------


def _quantities(claims: list[Claim]) -> set[str]:
    return {c.quantity for c in claims if c.quantity is not None}


def score_story(story: Story, exp: dict[str, Any]) -> Score:
    s = Score()
    for fig in figures(exp, not_claims=False):
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
        raise ExpectationError(f"{corpus}: not a folder")
    return sorted(d for d in corpus.iterdir() if (d / "expected.yaml").is_file())


def run_story(story_dir: Path) -> tuple[Score, Story]:
    from checker.pipeline import run

    exp_path = story_dir / "expected.yaml"
    exp = load_expected(exp_path)
    problems = format_problems(exp)
    if problems:
        raise ExpectationError(f"{exp_path}: {problems[0]}")
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
    except ExpectationError as e:
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
