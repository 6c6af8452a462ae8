"""Machine and terminal formats: JSON, CSV, ruff-style text and GitHub Actions annotations.

Everything here is a pure function of its input and returns a string; the CLI prints or writes it.
"""

from __future__ import annotations

import csv
import io
import json

from checker.baseline import CheckResult, Located
from checker.model import Report
from checker.render_markdown import escape, link_target, table
from checker.report import (
    Index,
    claim_dict,
    column_of,
    counted,
    finding_dict,
    format_interval,
    format_number,
    one_line,
    plain_message,
    report_dict,
    sorted_claims,
)


def dumps(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False, allow_nan=False) + "\n"


def render_json(report: Report) -> str:
    return dumps(report_dict(report))


def render_claims_json(report: Report) -> str:
    return dumps([claim_dict(c) for c in sorted_claims(report.claims)])


CSV_COLUMNS = (
    "claim", "article", "line", "start", "end", "text", "value", "low", "high", "hedge", "trend",
    "unit", "dimension", "entity", "attribution", "quantity", "quantity_label", "findings",
    "max_severity", "sentence",
)


def _num(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def render_csv(report: Report) -> str:
    """One row per claim, with its group and the ids of the findings it is part of."""
    ix = Index(report)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in sorted_claims(report.claims):
        findings = ix.findings_of_claim.get(c.id, [])
        writer.writerow([
            c.id, c.article, c.line, c.start, c.end, c.text, _num(c.value), _num(c.low), _num(c.high),
            c.hedge, c.trend or "", c.unit or "", c.dimension, c.entity or "", c.attribution or "",
            c.quantity or "", ix.label(c.quantity) if c.quantity else "",
            ";".join(f.id for f in findings), findings[0].severity if findings else "",
            one_line(c.sentence),
        ])
    return buf.getvalue()


def render_claims_text(report: Report) -> str:
    """One line per claim: ``path:line:col: figure [interval] hedge unit — entity (attribution)``."""
    ix = Index(report)
    lines = []
    for c in sorted_claims(report.claims):
        article = ix.articles.get(c.article)
        path = article.path if article is not None else c.article
        col = column_of(article.text, c.start) if article is not None else 1
        text = one_line(c.text)
        line = f"{path}:{c.line}:{col}: {text} [{format_interval(c.low, c.high)}] {c.hedge}"
        if c.unit:
            line += f" {c.unit}"
        if c.entity:
            line += f" — {one_line(c.entity)}"
        if c.attribution:
            line += f" ({one_line(c.attribution)})"
        lines.append(line)
    lines.append(f"{counted(len(report.claims), 'claim')} in {counted(len(report.articles), 'article')}.")
    return "\n".join(lines) + "\n"


def _summary(result: CheckResult) -> str:
    failing = len(result.failing)
    below = len(result.new) - failing
    parts = [f"{len(result.accepted)} accepted in the baseline"]
    if below:
        parts.append(f"{below} new below {result.fail_on}")
    if result.stale:
        parts.append(f"{counted(len(result.stale), 'baseline entry')} no longer found")
    tail = "; ".join(parts)
    if failing:
        return f"Found {counted(failing, 'new finding')} at or above {result.fail_on} ({tail})."
    return f"All checks passed: no new finding at or above {result.fail_on} ({tail})."


def render_check_text(result: CheckResult) -> str:
    """ruff-style: ``path:line:col: KIND severity message [id]`` per new finding, then a summary."""
    lines = [
        f"{x.path}:{x.line}:{x.col}: {x.finding.kind} {x.finding.severity} "
        f"{one_line(plain_message(x.finding))} [{x.finding.id}]"
        for x in result.new
    ]
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def escape_data(text: str) -> str:
    """Escape a workflow-command message (GitHub Actions): ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value: as data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(x: Located, level: str) -> str:
    f = x.finding
    props = ",".join([
        f"file={escape_property(x.path)}",
        f"line={x.line}",
        f"col={x.col}",
        f"title={escape_property(f'checker {f.kind} ({f.severity}): {f.quantity}')}",
    ])
    return f"::{level} {props}::{escape_data(f'{plain_message(f)} [{f.id}]')}"


def render_check_github(result: CheckResult) -> str:
    """GitHub Actions annotations: ``::error`` at or above ``fail_on``, ``::warning`` below."""
    lines = [_annotation(x, "error" if result.fails(x) else "warning") for x in result.new]
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def render_check_json(result: CheckResult) -> str:
    data = report_dict(result.report)
    data["check"] = {
        "fail_on": result.fail_on,
        "failed": bool(result.failing),
        "new": [
            {**finding_dict(x.finding), "path": x.path, "line": x.line, "col": x.col,
             "failing": result.fails(x)}
            for x in result.new
        ],
        "accepted": [f.id for f in result.accepted],
        "stale": list(result.stale),
    }
    return dumps(data)


def render_check_markdown(result: CheckResult, base_dir: str = ".") -> str:
    """A short Markdown summary of new findings (e.g. for a pull-request comment)."""
    out = ["## checker", "", escape(_summary(result)), ""]
    if result.new:
        rows = []
        for x in result.new:
            f = x.finding
            where = escape(f"{x.path}:{x.line}")
            if x.article is not None:
                where = f"[{where}]({link_target(x.article.path, base_dir)}#L{x.line})"
            rows.append([
                "fail" if result.fails(x) else "warn", f.severity, escape(f.kind),
                escape(f.quantity), where, escape(plain_message(f)), escape(f.id),
            ])
        out += [table(["Status", "Severity", "Kind", "Quantity", "Where", "Message", "Finding"], rows), ""]
    return "\n".join(out).rstrip("\n") + "\n"


__all__ = [
    "escape_data",
    "escape_property",
    "format_number",
    "render_check_github",
    "render_check_json",
    "render_check_markdown",
    "render_check_text",
    "render_claims_json",
    "render_claims_text",
    "render_csv",
    "render_json",
]
