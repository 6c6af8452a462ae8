"""Range charts: each source's interval for one quantity, on a log scale, as a small SVG.

One row per claim: a label (outlet or article, speaker, the figure as written) above a bar from
``low`` to ``high``. An open end ("more than one million") is drawn as an arrow running to the
edge of the plot; a point estimate is a dot. A rule's reference value is a dashed vertical line.
All text is XML-escaped and every coordinate is printed with fixed precision, so the bytes depend
only on the report.
"""

from __future__ import annotations

import math
import re
from xml.sax.saxutils import escape as _xml_escape

from checker.model import Claim, Group, Report
from checker.report import Index, capitalised, format_number, sorted_claims

WIDTH = 760
MARGIN = 24
ROW = 44
TOP = 40
AXIS = 40
LABEL_MAX = 110  # characters
PAD = 28  # between the plot and the picture's edges


def xml(text: str) -> str:
    """Escape text for an SVG text node or a double-quoted attribute; drop XML-illegal characters."""
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return _xml_escape(text, {'"': "&quot;"})


def chart_file_name(quantity: str) -> str:
    """A safe, stable file name for a quantity's chart."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", quantity).strip("-") or "quantity"
    return f"{slug}.svg"


def _ends(claim: Claim) -> tuple[float | None, float | None]:
    low, high = claim.low, claim.high
    if low is None and high is None and claim.value is not None:
        low = high = claim.value
    return low, high


def _domain(values: list[float]) -> tuple[float, float]:
    positive = [v for v in values if v > 0 and math.isfinite(v)]
    if not positive:
        return 0.0, 1.0
    lo, hi = math.log10(min(positive)), math.log10(max(positive))
    lo, hi = math.floor(lo - 0.15), math.ceil(hi + 0.15)
    if hi - lo < 1:
        hi = lo + 1
    return float(lo), float(hi)


def _f(x: float) -> str:
    return f"{x:.1f}"


def _label(ix: Index, claim: Claim) -> str:
    article = ix.articles.get(claim.article)
    where = f"{claim.article}:{claim.line}"
    parts = [f"“{claim.text}”"]
    parts.append(f"{article.outlet} ({where})" if article is not None and article.outlet else where)
    if claim.attribution:
        parts.append(claim.attribution)
    label = " — ".join(parts)
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1] + "…"


def render_chart(report: Report, group: Group) -> str:
    """The SVG range chart for one group (quantity)."""
    ix = Index(report)
    claims = sorted_claims(ix.claims[m.claim] for m in group.members if m.claim in ix.claims)
    rule = ix.rules.get(group.rule or group.id)
    ref = rule.reference if rule is not None else None
    ref_value = None
    if ref is not None:
        ref_value = ref.value if ref.value is not None else (ref.low if ref.low is not None else ref.high)
    values = [v for c in claims for v in (*_ends(c), c.value) if v is not None]
    if ref_value is not None:
        values.append(ref_value)
    lo, hi = _domain(values)
    x0, x1 = MARGIN + PAD, WIDTH - MARGIN - PAD  # room for the end ticks' labels and the arrowheads

    def x(v: float) -> float:
        if v <= 0:
            return x0
        return x0 + (x1 - x0) * (min(max(math.log10(v), lo), hi) - lo) / (hi - lo)

    height = TOP + ROW * max(1, len(claims)) + AXIS
    title = capitalised(f"{group.label} ({group.unit})" if group.unit else group.label)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12">',
        f"<title>{xml('Range chart: ' + title)}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="12" markerHeight="12" '
        'markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#1f4e79"/></marker></defs>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="22" font-size="14" font-weight="bold">{xml(title)} — log scale</text>',
    ]
    axis_y = TOP + ROW * max(1, len(claims)) + 8
    for p in range(int(lo), int(hi) + 1):
        px = _f(x(10.0**p))
        out.append(f'<line x1="{px}" y1="{TOP}" x2="{px}" y2="{axis_y}" stroke="#dddddd"/>')
        out.append(f'<text x="{px}" y="{axis_y + 16}" text-anchor="middle" fill="#555555">'
                   f"{xml(format_number(10.0**p))}</text>")
    out.append(f'<line x1="{x0}" y1="{axis_y}" x2="{x1}" y2="{axis_y}" stroke="#555555"/>')
    if ref_value is not None and ref is not None:
        px = _f(x(ref_value))
        out.append(f'<line x1="{px}" y1="{TOP - 6}" x2="{px}" y2="{axis_y}" stroke="#b00020" '
                   'stroke-dasharray="4 3"/>')
        out.append(f'<text x="{px}" y="{TOP - 9}" text-anchor="middle" fill="#b00020">'
                   f"{xml('reference: ' + (ref.source or ''))}</text>")
    for i, c in enumerate(claims):
        y_text = TOP + ROW * i + 14
        y_bar = y_text + 14
        out.append(f'<g><text x="{MARGIN}" y="{y_text}">{xml(_label(ix, c))}</text>')
        low, high = _ends(c)
        if low is None and high is None:
            out.append(f'<text x="{MARGIN}" y="{y_bar + 4}" fill="#777777">no interval</text></g>')
            continue
        a = x(low) if low is not None else x0
        b = x(high) if high is not None else x1
        attrs = 'stroke="#1f4e79" stroke-width="4"'
        if low is None:
            attrs += ' marker-start="url(#arrow)"'
        if high is None:
            attrs += ' marker-end="url(#arrow)"'
        if b - a < 0.5 and low is not None and high is not None:
            out.append(f'<circle cx="{_f(a)}" cy="{y_bar}" r="5" fill="#1f4e79"/>')
        else:
            out.append(f'<line x1="{_f(a)}" y1="{y_bar}" x2="{_f(b)}" y2="{y_bar}" {attrs}/>')
        if c.value is not None and (b - a) >= 0.5:
            out.append(f'<circle cx="{_f(x(c.value))}" cy="{y_bar}" r="4" fill="#ffffff" '
                       'stroke="#1f4e79" stroke-width="2"/>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def charted_groups(report: Report) -> list[Group]:
    """Groups that get a chart: those with at least one finding."""
    with_findings = {f.quantity for f in report.findings}
    return sorted((g for g in report.groups if g.id in with_findings), key=lambda g: g.id)
