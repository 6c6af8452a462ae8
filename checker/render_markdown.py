"""The Markdown report editors read on GitHub (tabulate ``github`` tables).

Every piece of article text goes through :func:`escape` before it reaches the page, so pipes,
HTML, backticks, emphasis markers, brackets or newlines in an article can neither break a table
nor inject markup. Links to articles are relative to the folder the report is written to, with a
``#L<line>`` anchor, which GitHub renders for text files.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import quote

from tabulate import tabulate

from checker.compare import speaker
from checker.model import Claim, Finding, Group, Report, Severity
from checker.report import (
    Index,
    capitalised,
    counted,
    format_interval,
    format_number,
    reference_text,
    scope_phrase,
    severity_rank,
    sorted_claims,
    sorted_problems,
    source_kind_label,
)

# The claims tables: a quantity's claims, the claims no group took, and ``checker extract``'s list.
QUANTITY_COLUMNS = ("Article", "Date", "Figure", "Interval", "Hedge", "Attributed to", "Quote")
UNGROUPED_COLUMNS = ("Article", "Figure", "Interval", "Unit", "Measures", "Attributed to", "Quote")
EXTRACT_COLUMNS = ("Article", "Figure", "Interval", "Hedge", "Unit", "Measures", "Attributed to", "Quote")

_WHITESPACE = re.compile(r"\s+")
# Characters with a meaning in CommonMark/GFM inline syntax or in a table row.
_SPECIAL = re.compile(r"([\\`*_\[\]|~#!])")


def escape(text: str | None, strip: bool = True) -> str:
    """Make article text inert inside a Markdown table cell.

    Whitespace runs (newlines included) become one space (and the ends are stripped unless
    ``strip`` is false); ``& < >`` become entities; Markdown punctuation (``\\ ` * _ [ ] | ~ # !``)
    is backslash-escaped. The result renders as the original text and never opens a table row,
    a link, an emphasis, a code span or HTML.
    """
    if not text:
        return ""
    text = _WHITESPACE.sub(" ", text)
    if strip:
        text = text.strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def code(text: str) -> str:
    """An id in a code span; ids are escaped like any text if they contain odd characters."""
    if re.fullmatch(r"[\w.:/@+-]+", text):
        return f"`{text}`"
    return escape(text)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    # disable_numparse: cells are text; "1,000" must stay as written.
    return tabulate(rows, headers=list(headers), tablefmt="github", disable_numparse=True)


def link_target(path: str, base_dir: str) -> str:
    rel = os.path.relpath(path, base_dir).replace(os.sep, "/")
    return quote(rel, safe="/._-~")


def quote_with_figure(claim: Claim) -> str:
    """The claim's sentence, escaped, with the figure in bold."""
    sentence = claim.sentence or claim.text
    rel = claim.start - claim.sentence_start
    if rel >= 0 and sentence[rel : rel + len(claim.text)] == claim.text and claim.text:
        before, after = sentence[:rel], sentence[rel + len(claim.text) :]
    else:
        pos = sentence.find(claim.text) if claim.text else -1
        if pos < 0:
            return escape(sentence)
        before, after = sentence[:pos], sentence[pos + len(claim.text) :]
    # Spaces next to the figure stay outside the bold run, so the ``**`` are flanking delimiters.
    head, tail = escape(before, strip=False).lstrip(), escape(after, strip=False).rstrip()
    return f"{head}**{escape(claim.text)}**{tail}"


class MarkdownRenderer:
    def __init__(self, report: Report, base_dir: str = ".", charts: Mapping[str, str] | None = None):
        self.report = report
        self.ix = Index(report)
        self.base_dir = base_dir
        self.charts = dict(charts or {})

    def article_link(self, claim: Claim) -> str:
        article = self.ix.articles.get(claim.article)
        label = escape(f"{claim.article}:{claim.line}")
        if article is None:
            return label
        return f"[{label}]({link_target(article.path, self.base_dir)}#L{claim.line})"

    def source(self, claim: Claim) -> str:
        parts = [self.article_link(claim)]
        article = self.ix.articles.get(claim.article)
        if article is not None and (article.outlet or article.date):
            parts.append(escape(", ".join(x for x in (article.outlet, article.date) if x)))
        if claim.attribution:
            parts.append(escape(claim.attribution))
        return " · ".join(parts)

    def render(self) -> str:
        out = ["# Figures across the articles", ""]
        out += self.summary()
        out += self.articles()
        out += self.findings()
        out += self.quantities()
        out += self.ungrouped()
        out += self.problems()
        return "\n".join(out).rstrip("\n") + "\n"

    def summary(self) -> list[str]:
        r = self.report
        grouped = sum(1 for c in r.claims if c.quantity is not None)
        by_sev = {s.value: 0 for s in Severity}
        for f in r.findings:
            by_sev[f.severity] = by_sev.get(f.severity, 0) + 1
        headers = ["Articles", "Claims", "Grouped claims", "Quantities", "Findings"]
        headers += [s.value.capitalize() for s in reversed(Severity)]
        row = [len(r.articles), len(r.claims), grouped, len(r.groups), len(r.findings)]
        row += [by_sev[s.value] for s in reversed(Severity)]
        return ["## Summary", "", table(headers, [[str(x) for x in row]]), ""]

    def articles(self) -> list[str]:
        counts: dict[str, int] = {}
        for c in self.report.claims:
            counts[c.article] = counts.get(c.article, 0) + 1
        rows = []
        for a in sorted(self.report.articles, key=lambda a: a.id):
            link = f"[{escape(a.id)}]({link_target(a.path, self.base_dir)})"
            rows.append([link, escape(a.outlet), escape(a.date), escape(a.title), str(counts.get(a.id, 0))])
        if not rows:
            return ["## Articles", "", "No articles.", ""]
        return ["## Articles", "", table(["Article", "Outlet", "Date", "Title", "Claims"], rows), ""]

    def figure(self, claim: Claim | None) -> str:
        return escape(claim.text) if claim is not None else "?"

    def findings(self) -> list[str]:
        from checker.render_findings import findings_section

        return findings_section(self)

    def sides(self, f: Finding) -> tuple[tuple[str, str], tuple[str, str]]:
        claims = [self.ix.claims[c] for c in f.claims if c in self.ix.claims]
        sides = [(self.figure(c), self.source(c)) for c in claims[:2]]
        if len(claims) > 2:
            rest = claims[2:]
            sides[1] = (
                sides[1][0] + "; " + "; ".join(self.figure(c) for c in rest),
                sides[1][1] + "; " + "; ".join(self.source(c) for c in rest),
            )
        if len(sides) < 2:
            rule = self.ix.rules.get(f.quantity)
            ref = rule.reference if rule is not None else None
            if ref is not None:
                figure = reference_text(ref)
                source = ", ".join(x for x in (ref.source, ref.date) if x)
                sides.append((escape(figure), escape(f"reference: {source}")))
        while len(sides) < 2:
            sides.append(("", ""))
        return sides[0], sides[1]

    def quantities(self) -> list[str]:
        """Quantities with findings first (most severe first), then the others, by label."""

        def worst(g: Group) -> int:
            found = self.ix.findings_of_quantity.get(g.id, [])
            return max((severity_rank(f.severity) for f in found), default=-2)

        groups = sorted(self.report.groups, key=lambda g: (-worst(g), g.label.lower(), g.id))
        if not groups:
            return []
        out = ["## Quantities", ""]
        for g in groups:
            out += self.quantity(g)
        return out

    def quantity(self, g: Group) -> list[str]:
        out = [f"### {escape(capitalised(g.label))} ({code(g.id)})", ""]
        how = f"defined by rule {code(g.rule)}" if g.rule else "grouped by similarity (no rule)"
        unit = f"unit: {escape(g.unit)}; " if g.unit else ""
        out += [f"{unit}{how}; {counted(len(g.members), 'claim')}.", ""]
        rule = self.ix.rules.get(g.rule or g.id)
        if rule is not None and rule.reference is not None:
            ref = rule.reference
            figure = reference_text(ref)
            source = ", ".join(x for x in (ref.source, ref.date) if x)
            out += [f"Reference: {escape(figure)} ({escape(source)}).", ""]
        if g.id in self.charts:
            out += [f"![Range chart: {escape(g.label)}]({quote(self.charts[g.id], safe='/._-~')})", ""]
        claims = [self.ix.claims[m.claim] for m in g.members if m.claim in self.ix.claims]
        out += [self.claims_table(claims, QUANTITY_COLUMNS), ""]
        return out

    def claims_table(self, claims: Iterable[Claim], columns: Sequence[str]) -> str:
        """One row per claim (by article and offset) with the named ``columns`` of :meth:`claim_cells`."""
        rows = []
        for c in sorted_claims(claims):
            cells = self.claim_cells(c)
            rows.append([cells[name] for name in columns])
        return table(columns, rows)

    def claim_cells(self, c: Claim) -> dict[str, str]:
        """Every column a claims table can show, escaped."""
        article = self.ix.articles.get(c.article)
        return {
            "Article": self.article_link(c),
            "Date": escape(article.date if article is not None else None),
            "Figure": escape(c.text),
            "Interval": escape(format_interval(c.low, c.high, "%" if c.dimension == "percent" else "")),
            "Hedge": escape(c.hedge),
            "Unit": escape(c.unit),
            "Measures": escape(c.entity),
            "Attributed to": escape(c.attribution),
            "Speaker": escape(speaker(c.attribution) or "not named"),
            "Kind of source": escape(source_kind_label(c)),
            "Outlet": escape(article.outlet if article is not None else None),
            "Quote": quote_with_figure(c),
            "Scope": escape(scope_phrase(c.scope)),
        }

    def ungrouped(self) -> list[str]:
        claims = [c for c in self.report.claims if c.quantity is None]
        if not claims:
            return []
        return ["## Claims not grouped", "", self.claims_table(claims, UNGROUPED_COLUMNS), ""]

    def problems(self) -> list[str]:
        problems = sorted_problems(self.report.problems)
        if not problems:
            return []
        return ["## Problems", ""] + [f"- {escape(str(p))}" for p in problems] + [""]


def render_markdown(report: Report, base_dir: str = ".", charts: Mapping[str, str] | None = None) -> str:
    """The editors' report. ``base_dir``: folder the report will live in (links are relative to it);
    ``charts``: quantity id -> chart path relative to ``base_dir``, embedded in that quantity's section.
    """
    return MarkdownRenderer(report, base_dir, charts).render()


def render_claims_markdown(report: Report, base_dir: str = ".") -> str:
    """The claims of ``checker extract`` as one table."""
    return MarkdownRenderer(report, base_dir).claims_table(report.claims, EXTRACT_COLUMNS) + "\n"


__all__ = ["escape", "format_number", "render_claims_markdown", "render_markdown"]


def chart_paths(report: Report, out_path: str) -> dict[str, str]:
    """Quantity id -> chart file path (relative to the report's folder): ``<report stem>/<id>.svg``."""
    from checker.chart import chart_file_name, charted_groups

    stem = os.path.splitext(os.path.basename(out_path))[0] or "report"
    paths: dict[str, str] = {}
    used: set[str] = set()
    for g in charted_groups(report):
        name = chart_file_name(g.id)
        n = 2
        while name.lower() in used:
            name = chart_file_name(f"{g.id}-{n}")
            n += 1
        used.add(name.lower())
        paths[g.id] = f"{stem}/{name}"
    return paths


def write_markdown(report: Report, out_path: str) -> list[str]:
    """Write the report to ``out_path`` and its charts next to it (each atomically); return the paths.

    Everything is rendered before anything is written, so an error leaves the files as they were; the
    charts are written first, so a report on disk never embeds a chart that is missing.
    """
    from checker.chart import render_chart
    from checker.report import write_atomic

    base_dir = os.path.dirname(out_path) or "."
    charts = chart_paths(report, out_path)
    groups = {g.id: g for g in report.groups}
    files = [(os.path.join(base_dir, rel), render_chart(report, groups[qid]))
             for qid, rel in sorted(charts.items())]
    files.append((out_path, render_markdown(report, base_dir, charts)))
    for path, text in files:
        write_atomic(path, text)
    _remove_stale_charts(base_dir, out_path, set(charts.values()))
    return [path for path, _ in files]


def _remove_stale_charts(base_dir: str, out_path: str, current: set[str]) -> None:
    """Delete ``*.svg`` files in the report's chart folder that this report no longer embeds."""
    stem = os.path.splitext(os.path.basename(out_path))[0] or "report"
    folder = os.path.join(base_dir, stem)
    if not os.path.isdir(folder):
        return
    for name in sorted(os.listdir(folder)):
        if name.endswith(".svg") and f"{stem}/{name}" not in current:
            os.remove(os.path.join(folder, name))
