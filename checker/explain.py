"""``checker explain ID``: why a claim was read, grouped and compared as it was, or why a finding fired.

Plain, deterministic text for a terminal. Everything comes from the report (claims, groups, findings,
rules) and the global settings; nothing is extracted or matched again. A claim's comparisons come from
:func:`checker.compare.comparisons` and :func:`checker.compare.compare_reference`, the code the findings
came from, and numbers are written as in the report (:mod:`checker.report`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from checker.compare import (
    Comparison,
    Interval,
    Policy,
    compare_reference,
    comparisons,
    group_members,
    interval_of,
    policy_for,
    speaker,
)
from checker.compare import (
    ratio_text as compare_ratio_text,
)
from checker.model import Article, CheckerError, Claim, Finding, Group, Report, Rule
from checker.report import (
    counted,
    format_interval,
    format_number,
    plain_message,
    reference_text,
    scope_difference_words,
    scope_phrase,
)
from checker.rules import Settings

INDENT = "  "


def explain(report: Report, ident: str, settings: Settings | None = None) -> str:
    """The explanation of the claim or finding with id ``ident``; CheckerError when there is none.

    ``settings`` are the global settings the report was made with (tolerance and thresholds for
    groups whose rule sets none); the built-in defaults when not given.
    """
    ctx = _Context(report, settings or Settings())
    ident = ident.strip()
    if ident in ctx.findings:
        return _finding_text(ctx, ctx.findings[ident])
    if ident in ctx.claims:
        return _claim_text(ctx, ctx.claims[ident])
    raise CheckerError(f"no claim or finding with id {ident}")


class _Context:
    def __init__(self, report: Report, settings: Settings) -> None:
        self.settings = settings
        self.claims: dict[str, Claim] = {c.id: c for c in report.claims}
        self.findings: dict[str, Finding] = {f.id: f for f in report.findings}
        self.articles: dict[str, Article] = {a.id: a for a in report.articles}
        self.rules: dict[str, Rule] = {r.id: r for r in report.rules}
        self.groups: dict[str, Group] = {g.id: g for g in report.groups}
        self.group_of: dict[str, Group] = {}
        for g in sorted(report.groups, key=lambda g: g.id):
            for m in g.members:
                self.group_of.setdefault(m.claim, g)
        self.findings_of: dict[str, list[Finding]] = {}
        for f in report.findings:
            for cid in f.claims:
                self.findings_of.setdefault(cid, []).append(f)

    def rule_of(self, group: Group | None) -> Rule | None:
        return self.rules.get(group.rule) if group is not None and group.rule else None

    def policy(self, group: Group | None) -> Policy:
        return policy_for(self.rule_of(group), self.settings)


# ---------------------------------------------------------------- claims


def _claim_text(ctx: _Context, claim: Claim) -> str:
    lines = _claim_lines(ctx, claim)
    group = ctx.group_of.get(claim.id) or ctx.groups.get(claim.quantity or "")
    lines.extend(_membership_lines(claim, group))
    if group is not None:
        lines.extend(_comparison_lines(ctx, claim, group))
    found = sorted(f.id for f in ctx.findings_of.get(claim.id, []))
    lines.append(f"findings: {', '.join(found) if found else 'none'}")
    return "\n".join(lines) + "\n"


def _claim_lines(ctx: _Context, claim: Claim) -> list[str]:
    article = ctx.articles.get(claim.article)
    source = ", ".join(x for x in (getattr(article, "outlet", None), getattr(article, "date", None)) if x)
    head = f"claim {claim.id}: \"{claim.text}\" in {claim.article} line {claim.line}"
    lines = [head + (f" ({source})" if source else "")]
    iv = interval_of(claim)
    read = [
        f"value {format_number(claim.value) if claim.value is not None else 'none'}",
        f"interval {fmt_interval(iv) if iv is not None else 'none (not compared)'}",
        f"hedge {claim.hedge}",
        f"unit {claim.unit or 'none'} ({claim.dimension})",
    ]
    if claim.trend:
        read.append(f"trend {claim.trend}")
    fields = [
        ("sentence", claim.sentence.strip()),
        ("read as", "; ".join(read)),
    ]
    rows = semantics_rows()
    for sid in claim.semantics or ("(none recorded)",):
        fields.append(("semantics", _semantics_line(sid, rows)))
    who = speaker(claim.attribution)
    attribution = claim.attribution or "none"
    if who and who != claim.attribution:
        attribution += f" (speaker: {who})"
    fields += [
        ("entity", claim.entity or "none"),
        ("attribution", attribution),
        ("scope", scope_phrase(claim.scope) or "none stated"),
    ]
    if claim.predicate:
        fields.append(("predicate", claim.predicate))
    width = max(len(k) for k, _ in fields) + 1
    lines += [f"{INDENT}{(k + ':').ljust(width)} {v}" for k, v in fields]
    return lines


def semantics_rows() -> Mapping[str, object]:
    """The number-semantics table by row id (empty when the extractor's table is unavailable)."""
    try:
        from checker import semantics
    except ImportError:
        return {}
    rows = getattr(semantics, "ROWS", None)
    if isinstance(rows, Mapping):
        return rows
    table = getattr(semantics, "TABLE", ())
    return {str(getattr(r, "id", "")): r for r in table if getattr(r, "id", None)}


def _semantics_line(sid: str, rows: Mapping[str, object]) -> str:
    row = rows.get(sid)
    if row is None:
        return sid
    words = getattr(row, "words", ())
    words_text = str(words) if isinstance(words, str) else ", ".join(map(str, words))
    parts = [f"{sid}: {words_text}" if words_text else sid]
    if getattr(row, "rule", None):
        parts.append(f"interval rule {row.rule}")  # type: ignore[attr-defined]
    if getattr(row, "example", None):
        parts.append(f"e.g. {row.example}")  # type: ignore[attr-defined]
    return "; ".join(parts)


def _membership_lines(claim: Claim, group: Group | None) -> list[str]:
    if group is None:
        return ["group: none (no rule took it and no similar claim was found)"]
    made_by = f"rule {group.rule}" if group.rule else "similarity, no rule"
    lines = [f"group {group.id}: {group.label} ({made_by}; {counted(len(group.members), 'claim')})"]
    for m in group.members:
        if m.claim == claim.id:
            lines.append(f"{INDENT}joined by {m.how}, score {format_number(m.score)}: {m.reason}")
    return lines


def _comparison_lines(ctx: _Context, claim: Claim, group: Group) -> list[str]:
    policy = ctx.policy(group)
    rule = ctx.rule_of(group)
    lines = [f"comparisons ({policy_text(policy)}):"]
    members = group_members(group, ctx.claims)
    pairs = [p for p in comparisons(members, rule, policy) if claim.id in (p.a.id, p.b.id)]
    for pair in sorted(pairs, key=lambda p: p.b.id if p.a.id == claim.id else p.a.id):
        other = pair.b if pair.a.id == claim.id else pair.a
        head = f"{INDENT}vs {other.id} \"{other.text}\" ({other.article})"
        if pair.comparison is None:
            lines.append(f"{head}: not compared: {pair.not_compared}")
            continue
        verdict, numbers = comparison_text(pair.comparison)
        ids = sorted(f.id for f in ctx.findings_of.get(claim.id, []) if other.id in f.claims)
        lines.append(f"{head}: {verdict}" + (f" -> {', '.join(ids)}" if ids else ""))
        lines.extend(f"{INDENT * 3}{n}" for n in numbers)
    if not pairs:
        lines.append(f"{INDENT}no other claim in the group")
    if rule is not None and rule.reference is not None:
        ref_cmp = compare_reference(claim, rule.reference, policy, rule.dimension)
        ref = rule.reference
        head = f"{INDENT}vs reference {reference_text(ref)} ({ref.source}" + (
            f", {ref.date})" if ref.date else ")")
        if ref_cmp is None:
            lines.append(f"{head}: not compared: no interval")
        else:
            verdict, numbers = comparison_text(ref_cmp)
            lines.append(f"{head}: {verdict}")
            lines.extend(f"{INDENT * 3}{n}" for n in numbers)
    return lines


def comparison_text(cmp: Comparison) -> tuple[str, list[str]]:
    """A one-line verdict and the numbers behind it."""
    b_name = cmp.b.id if cmp.b is not None else "reference"
    intervals = (f"intervals after tolerance: {fmt_interval(cmp.widened_a)} ({cmp.a.id}) vs "
                 f"{fmt_interval(cmp.widened_b)} ({b_name})")
    if not cmp.conflicting:
        assert cmp.overlap is not None
        overlap = f"intervals overlap at {fmt_interval(cmp.overlap)}"
        if cmp.value_ratio is None:
            return f"no conflict: {overlap}", [intervals]
        values = f"point values {ratio_text(cmp.value_ratio)} apart after tolerance"
        scopes = "scopes: " + _scopes_text(cmp.scope_differences)
        verdict = f"scope-differs ({cmp.policy.scope_severity}), no conflict: {overlap}"
        return verdict, [intervals, values, scopes]
    if cmp.ratio is None:
        gap = "no finite ratio (a zero, opposite signs or opposite trends)"
    else:
        gap = f"nearest ends {ratio_text(cmp.ratio)} apart"
    fired = threshold_text(cmp.ratio, cmp.policy.thresholds, cmp.severity)
    if cmp.scope_differences:
        verdict = f"scope-differs ({cmp.policy.scope_severity}); as a conflict it would be {cmp.severity}"
        return verdict, [intervals, f"{gap}; {fired}", "scopes: " + _scopes_text(cmp.scope_differences)]
    return f"conflict, {cmp.severity}", [intervals, f"{gap}; {fired}"]


def _scopes_text(differences: Iterable[str]) -> str:
    return "; ".join(scope_difference_words(d) for d in differences)


def threshold_text(ratio: float | None, thresholds: Sequence[tuple[str, float]], severity: str | None) -> str:
    if ratio is None:
        return f"{severity} (the top of the scale)"
    fired = [(name, t) for name, t in thresholds if ratio >= t and name == severity]
    if not fired:
        return f"{severity}: below every threshold"
    name, t = fired[-1]
    return f"{name}: ratio >= {format_number(t)}"


def policy_text(policy: Policy) -> str:
    return f"tolerance {format_number(policy.tolerance)} from {policy.source}; " \
           f"severity {thresholds_text(policy.thresholds)}"


def thresholds_text(thresholds: Sequence[tuple[str, float]]) -> str:
    return ", ".join(f"{name} >= {format_number(t)}" for name, t in thresholds)


def ratio_text(ratio: float) -> str:
    """A ratio as messages write it, then to the report's precision: '16× (ratio 16.3636)'."""
    return f"{compare_ratio_text(ratio)} (ratio {format_number(ratio)})"


# ---------------------------------------------------------------- findings


def _finding_text(ctx: _Context, finding: Finding) -> str:
    d = finding.details
    lines = [f"finding {finding.id}: {finding.kind}, {finding.severity}, quantity {finding.quantity}",
             f"{INDENT}{plain_message(finding)}"]
    thresholds = _pairs(d.get("thresholds"))
    tolerance = d.get("tolerance")
    if isinstance(tolerance, int | float):
        lines.append(f"{INDENT}tolerance {format_number(tolerance)} from {d.get('tolerance_from', '?')}; "
                     f"severity {thresholds_text(thresholds)}")
    widened = [f"{_interval_from(s.get('widened'))} ({s.get('claim')})"
               for s in _list(d.get("sides")) if isinstance(s, Mapping)]
    ref = d.get("reference")
    if isinstance(ref, Mapping):
        widened.append(f"{_interval_from(ref.get('widened'))} (reference)")
        as_of = f", as of {ref['date']}" if ref.get("date") else ""
        lines.append(f"{INDENT}reference: {ref.get('text')} from {ref.get('source')}{as_of}")
    if widened:
        lines.append(f"{INDENT}intervals after tolerance: {' vs '.join(widened)}")
    ratio = finding.ratio
    gap = "no finite ratio" if ratio is None else f"nearest ends {ratio_text(ratio)} apart"
    from_ratio = str(d.get("severity_from_ratio") or finding.severity)
    lines.append(f"{INDENT}{gap}; {threshold_text(ratio, thresholds, from_ratio)}")
    scopes = _list(d.get("scope_differences"))
    if scopes:
        lines.append(f"{INDENT}scopes differ: {_scopes_text(map(str, scopes))}"
                     f" -> reported as {finding.kind} ({finding.severity})")
    dates = _list(d.get("dates"))
    if dates:
        lines.append(f"{INDENT}figures from different dates: {' vs '.join(map(str, dates))}")
    for cid in finding.claims:
        lines.append("")
        claim = ctx.claims.get(cid)
        if claim is None:
            lines.append(f"claim {cid}: not in this report")
            continue
        lines.extend(_claim_lines(ctx, claim))
        lines.extend(_membership_lines(claim, ctx.group_of.get(cid)))
    return "\n".join(lines) + "\n"


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def _pairs(thresholds: object) -> tuple[tuple[str, float], ...]:
    if not isinstance(thresholds, Mapping):
        return ()
    return tuple(sorted(((str(k), float(v)) for k, v in thresholds.items()), key=lambda kv: (kv[1], kv[0])))


def _interval_from(value: object) -> str:
    ends = _list(value)
    if len(ends) != 2:
        return "[?]"
    low, high = (float(x) if isinstance(x, int | float) else None for x in ends)
    return fmt_interval((low, high))


# ---------------------------------------------------------------- numbers


def fmt_interval(iv: Interval) -> str:
    """An interval as the report writes it, in brackets: '[1,800,000 – 2,200,000]', '[≥ 10]'."""
    return f"[{format_interval(*iv)}]"
