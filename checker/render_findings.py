"""The Findings section of the editors' report: a short summary per disputed quantity, pairs in detail.

A group of ten figures can make forty-five conflicting pairs, so the pairs are not what an editor reads
first. Each disputed quantity gets, in this order: its worst severity; its figures from low to high with
speaker, kind of source, outlet and article date (a rule's reference among them); which kinds of
source disagree (organisers against police, officials against researchers) and which speakers, in
plain words; whether the figures come from articles of different dates. The pair rows and each finding's
message follow inside a ``<details>`` block, which GitHub renders folded (a blank line after the
summary line lets the table inside render as Markdown).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from checker.compare import interval_of, percent_scale, reference_interval, scaled, speaker
from checker.model import Claim, Finding, Group, Reference, Severity
from checker.render_markdown import MarkdownRenderer, code, escape, table
from checker.render_speakers import Source, kind_disagreements, source_label, source_of, speaker_keys
from checker.report import (
    capitalised,
    counted,
    format_interval,
    format_ratio,
    plain_message,
    reference_text,
    scope_difference_words,
    severity_rank,
    sorted_findings,
    source_kind,
)

SUMMARY_COLUMNS = ("Figure", "Interval", "Speaker", "Outlet", "Date", "Article")
MAX_SENTENCES = 8  # sources that disagree, most severe first; the rest are counted, and all are in the pairs
PAIR_COLUMNS = ("Figure A", "Source A", "Figure B", "Source B", "How far apart", "Severity", "Kind", "Dates",
                "Finding")


@dataclass(frozen=True)
class Disputed:
    """One quantity with findings: its group (None when the report lacks it) and its findings."""

    quantity: str
    group: Group | None
    findings: tuple[Finding, ...]

    @property
    def worst(self) -> str:
        return max((f.severity for f in self.findings), key=severity_rank)


def disputed(r: MarkdownRenderer) -> list[Disputed]:
    """Quantities with findings, the most severe first, then by label."""
    out = [Disputed(q, r.ix.groups.get(q), tuple(found)) for q, found in r.ix.findings_of_quantity.items()]
    return sorted(out, key=lambda d: (-severity_rank(d.worst), r.ix.label(d.quantity).lower(), d.quantity))


def findings_section(r: MarkdownRenderer) -> list[str]:
    findings = sorted_findings(r.report.findings)
    if not findings:
        return ["## Findings", "", "No conflicts or other findings.", ""]
    quantities = disputed(r)
    out = ["## Findings", "", escape(f"{counted(len(findings), 'finding')} about "
                                     f"{counted(len(quantities), 'quantity', 'quantities')}. Each quantity's "
                                     "summary comes first; the pairs behind it are folded below it."), ""]
    for d in quantities:
        out += quantity_summary(r, d)
    return out


def quantity_summary(r: MarkdownRenderer, d: Disputed) -> list[str]:
    head = f"### {escape(capitalised(r.ix.label(d.quantity)))}: {d.worst}"
    counts = _severity_counts(d.findings)
    kinds = _kind_counts(d.findings)
    out = [head, "", f"Worst severity: **{d.worst}**. {escape(kinds)} ({escape(counts)}) in quantity "
                     f"{code(d.quantity)}.", ""]
    claims = _claims_of(r, d)
    out += [figures_table(r, d, claims), ""]
    dates = sorted({date for c in claims if (date := _date(r, c))})
    if len(dates) > 1:
        out += [escape(f"Figures from different dates: these articles are dated {_join(dates)}. A later "
                       "figure may update an earlier one rather than contradict it."), ""]
    undated = sum(1 for c in claims if not _date(r, c))
    if dates and undated:
        out += [escape(f"{counted(undated, 'figure')} come{'s' if undated == 1 else ''} from an article with "
                       "no date."), ""]
    by_kind = kind_disagreements(_conflict_sides(r, d), _speaker_keys(r, d))
    if by_kind:
        out += ["Kinds of source that disagree:", ""] + [f"- {escape(line)}" for line in by_kind] + [""]
    out += ["Who disagrees:", ""]
    out += [f"- {escape(line)}" for line in disagreements(r, d)]
    out += [""]
    if d.group is not None:
        others = len({m.claim for m in d.group.members} - {c.id for c in claims})
        if others:
            verb = "is" if others == 1 else "are"
            out += [escape(f"{counted(others, 'other figure')} of this quantity {verb} in no finding "
                           "(see Quantities)."), ""]
    out += pairs_details(r, d)
    return out


def figures_table(r: MarkdownRenderer, d: Disputed, claims: Sequence[Claim]) -> str:
    """The quantity's disputed figures from low to high (a rule's reference in its place)."""
    dimension = d.group.dimension if d.group is not None else None
    # What each figure covers, in words, when any of them says ('since April 2017', 'adults only').
    columns = SUMMARY_COLUMNS + (("Scope",) if any(c.scope for c in claims) else ())
    if any(source_kind(c) for c in claims):  # 'police', 'researchers': the kind of source, when any says
        columns = (*columns[:3], "Kind of source", *columns[3:])
    rows: list[tuple[tuple[float, float], str, list[str]]] = []
    for c in claims:
        cells = r.claim_cells(c)
        rows.append((_position(c, dimension), c.id, [cells[name] for name in columns]))
    ref = _reference(r, d)
    if ref is not None:
        iv = reference_interval(ref) or (None, None)
        cells = [f"reference: {reference_text(ref)}", format_interval(*iv), ref.source, "", ref.date, ""]
        cells += [""] * (len(columns) - len(cells))
        rows.append((_sort_key(iv), "", [escape(x) for x in cells]))
    rows.sort(key=lambda row: (row[0], row[1]))
    return table([f"{columns[0]} (low to high)", *columns[1:]], [row[2] for row in rows])


def disagreements(r: MarkdownRenderer, d: Disputed) -> list[str]:
    """One plain sentence per two sources that disagree. A source is a speaker, in any outlet (names
    that name one body or person are one speaker: :func:`speaker_keys`), or an outlet's article that
    names none."""
    merged: dict[tuple[str, str, str], _Merged] = {}
    ref = _reference(r, d)
    claims_of = _sides_of(r, d)
    keys = _speaker_keys(r, d)
    for f in d.findings:
        sides = [source_of(r, c, keys) for c in claims_of[f.id]]
        if f.kind == "differs-from-reference" or len(sides) < 2:
            sides = [*sides[:1], Source("reference", "the reference", _ref_source(ref) if ref else "")]
        low, high = sides[0], sides[1]
        entry = merged.setdefault((f.kind, low.key, high.key), _Merged([], {}, {}))
        entry.findings.append(f)
        for side, names in ((low, entry.low), (high, entry.high)):
            names.setdefault(side.name, set()).add(side.where)
    lines = []
    ordered = sorted(merged.items(), key=lambda kv: _merged_order(kv[0], kv[1].findings))
    for (kind, low_key, high_key), entry in ordered[:MAX_SENTENCES]:
        if low_key == high_key:  # one source on both sides, perhaps in different outlets
            both = {name: entry.low.get(name, set()) | entry.high.get(name, set())
                    for name in entry.low.keys() | entry.high.keys()}
            line = _sentence(kind, source_label(both), None, entry.findings)
        else:
            line = _sentence(kind, source_label(entry.low), source_label(entry.high), entry.findings)
        lines.append(capitalised(line))
    if len(ordered) > MAX_SENTENCES:
        rest = ordered[MAX_SENTENCES:]
        pairs = sum(len(entry.findings) for _, entry in rest)
        verb = "disagrees" if len(rest) == 1 else "disagree"
        lines.append(f"{counted(len(rest), 'more pair')} of sources {verb}, less severely or less far apart "
                     f"({counted(pairs, 'finding')}): see the pairs below.")
    return lines


@dataclass(frozen=True)
class _Merged:
    findings: list[Finding]
    low: dict[str, set[str]]  # name as written -> where
    high: dict[str, set[str]]


def pairs_details(r: MarkdownRenderer, d: Disputed) -> list[str]:
    """Every finding of the quantity as a row, with its message, folded in a <details> block."""
    rows = []
    for f in d.findings:
        a, b = r.sides(f)
        dates = f.details.get("dates")
        apart = f"{dates[0]} vs {dates[1]}" if isinstance(dates, list) and len(dates) == 2 else ""
        rows.append([a[0], a[1], b[0], b[1], format_ratio(f.ratio), f.severity, escape(f.kind),
                     escape(f"different: {apart}") if apart else "", code(f.id)])
    n = len(d.findings)
    pairs = "The pair" if n == 1 else f"The {n} pairs"
    out = ["<details>", f"<summary>{pairs} behind this summary</summary>", "", table(PAIR_COLUMNS, rows), ""]
    out += [f"- {code(f.id)}: {escape(plain_message(f))}" for f in d.findings]
    return out + ["", "</details>", ""]


# ---------------------------------------------------------------- helpers


def _sides_of(r: MarkdownRenderer, d: Disputed) -> dict[str, list[Claim]]:
    """Finding id -> its claims, the lower figure first."""
    dimension = d.group.dimension if d.group is not None else None
    return {f.id: sorted((r.ix.claims[c] for c in f.claims if c in r.ix.claims),
                         key=lambda c: (_position(c, dimension), c.id))
            for f in d.findings}


def _conflict_sides(r: MarkdownRenderer, d: Disputed) -> list[tuple[Finding, Claim, Claim]]:
    sides = _sides_of(r, d)
    return [(f, sides[f.id][0], sides[f.id][1]) for f in d.findings
            if f.kind == "conflict" and len(sides[f.id]) == 2]


def _speaker_keys(r: MarkdownRenderer, d: Disputed) -> dict[str, tuple[str, str]]:
    """The speakers of the quantity's findings, merged (:func:`speaker_keys`)."""
    return speaker_keys({name for cs in _sides_of(r, d).values() for c in cs
                         if (name := speaker(c.attribution))})


def _claims_of(r: MarkdownRenderer, d: Disputed) -> list[Claim]:
    ids = sorted({cid for f in d.findings for cid in f.claims if cid in r.ix.claims})
    return [r.ix.claims[cid] for cid in ids]


def _reference(r: MarkdownRenderer, d: Disputed) -> Reference | None:
    if not any(f.kind == "differs-from-reference" for f in d.findings):
        return None
    rule = r.ix.rules.get(d.group.rule or d.quantity) if d.group is not None else r.ix.rules.get(d.quantity)
    return rule.reference if rule is not None else None


def _ref_source(ref: Reference) -> str:
    return ", ".join(x for x in (ref.source, ref.date) if x) or "no source given"


def _position(claim: Claim, dimension: str | None) -> tuple[float, float]:
    """Where a figure sits on the quantity's scale (a fraction compared in percent is x 100)."""
    iv = scaled(interval_of(claim), percent_scale(claim, dimension) if dimension else 1.0)
    return _sort_key(iv or (None, None))


def _sort_key(iv: tuple[float | None, float | None]) -> tuple[float, float]:
    """Low to high: by the middle of the interval (the known end of an open one), then by the high end
    (an open high end last): 'about 1 million' before 'more than one million'."""
    low, high = iv
    if low is not None and high is not None:
        middle = (low + high) / 2
    else:
        known = low if low is not None else high
        middle = known if known is not None else math.inf
    return middle, high if high is not None else math.inf


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def _date(r: MarkdownRenderer, claim: Claim) -> str | None:
    article = r.ix.articles.get(claim.article)
    return article.date if article is not None else None


def _merged_order(key: tuple[str, str, str], found: list[Finding]) -> tuple[int, float, str, str, str]:
    """Most severe first, then farthest apart, then by kind and sources."""
    far = max((f.ratio for f in found if f.ratio is not None), default=math.inf)
    return (-max(severity_rank(f.severity) for f in found), -far, key[0], key[1], key[2])


def _sentence(kind: str, low: str, high: str | None, found: list[Finding]) -> str:
    """The sentence for one pair of sources (``high`` None: one source whose own figures disagree)."""
    worst = max((f.severity for f in found), key=severity_rank)
    ratios = [f.ratio for f in found if f.ratio is not None]
    far = f"{format_ratio(max(ratios))} apart" if ratios else "far apart"
    if len(found) > 1:
        far = f"{'up to ' if ratios else ''}{far} ({counted(len(found), 'pair')})"
    dates = sorted({str(x) for f in found for x in _list(f.details.get("dates"))})
    when = f"; figures from different dates ({_join(dates)})" if dates else ""
    if kind == "scope-differs":
        scopes = sorted({scope_difference_words(str(s)) for f in found
                         for s in f.details.get("scope_differences") or []})
        who = low if high is None else f"{low} and {high}"
        return (f"{who} gave figures {far}, but they measure different scopes "
                f"({'; '.join(scopes)}){when}; {worst}.")
    if kind == "differs-from-reference":
        return f"{low} gave a figure that differs from {high}: {far}{when}, {worst}."
    if high is None or low == high:
        return f"{low} gave figures that disagree with each other: {far}{when}, {worst}."
    if any(f.ratio is None for f in found) and not ratios:
        return f"{low} and {high} disagree (opposite directions or no common scale){when}, {worst}."
    return f"{low} gave a lower figure than {high}: {far}{when}, {worst}."


def _severity_counts(findings: Sequence[Finding]) -> str:
    counts = {s.value: 0 for s in Severity}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return ", ".join(f"{counts[s.value]} {s.value}" for s in reversed(Severity) if counts.get(s.value))


def _kind_counts(findings: Sequence[Finding]) -> str:
    names = {"conflict": ("conflict", "conflicts"),
             "scope-differs": ("scope difference", "scope differences"),
             "differs-from-reference": ("gap from the reference", "gaps from the reference")}
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    parts = []
    for kind in sorted(counts, key=lambda k: (list(names).index(k) if k in names else len(names), k)):
        one, many = names.get(kind, (kind, kind))
        parts.append(counted(counts[kind], one, many))
    return _join(parts)


def _join(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
