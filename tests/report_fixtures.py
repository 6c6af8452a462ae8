"""Hand-built reports for the renderer, baseline and CLI tests (no extraction involved)."""

from __future__ import annotations

from checker.model import Article, Claim, Finding, Group, Membership, Reference, Report, Rule

HOSTILE = "Officials | said <script>alert(1)</script> `rm` *bold* _it_ [x](http://e.vil) & ~~s~~\nnext line"


def article(aid: str, text: str, path: str | None = None, **meta: str) -> Article:
    return Article(id=aid, path=path or f"corpus/{aid}", text=text, **meta)


def claim(
    cid: str,
    art: Article,
    figure: str,
    low: float | None,
    high: float | None,
    value: float | None = None,
    hedge: str = "approximate",
    quantity: str | None = None,
    attribution: str | None = None,
    unit: str | None = "people",
) -> Claim:
    start = art.text.index(figure)
    end = start + len(figure)
    s_start = art.text.rfind("\n", 0, start) + 1
    s_end = art.text.find("\n", end)
    s_end = len(art.text) if s_end < 0 else s_end
    return Claim(
        id=cid, article=art.id, line=art.text.count("\n", 0, start) + 1, start=start, end=end,
        text=figure, value=value, low=low, high=high, hedge=hedge, trend=None, unit=unit,
        dimension="count", entity="people held in camps", attribution=attribution,
        sentence=art.text[s_start:s_end], sentence_start=s_start, quantity=quantity,
    )


def sample_report(hostile: bool = False, extra_text: str = "") -> Report:
    """Three articles about people held in camps; one conflict (critical) and one not grouped claim."""
    speaker = HOSTILE if hostile else "said a spokesperson"
    a = article("a.txt", "Intro line.\nAbout 2 million people are held in camps, " + speaker + ".\n",
                outlet="Daily <b>News</b>" if hostile else "Daily News", date="2019-03-01")
    b = article("sub/b.md", "Tens of thousands are held in camps.\n" + (HOSTILE + "\n" if hostile else "")
                + extra_text, outlet="Wire | Service", date="2019-03-04")
    c = article("c.txt", "More than one million are held, campaigners say. The city has 25 shops.\n")
    claims = (
        claim("c1", a, "About 2 million", 1.8e6, 2.2e6, 2e6, quantity="held",
              attribution=speaker),
        claim("c2", b, "Tens of thousands", 1e4, 99_999, None, hedge="vague", quantity="held"),
        claim("c3", c, "More than one million", 1e6, None, None, hedge="more-than", quantity="held",
              attribution="campaigners say"),
        claim("c4", c, "25", 25, 25, 25, hedge="exact", unit="shops"),
    )
    groups = (
        Group("held", "People held in camps", "people", "count", "held",
              tuple(Membership(c.id, "rule", 100.0, "cues: held") for c in claims[:3])),
    )
    findings = (
        Finding("held-conflict-1", "conflict", "held", "critical", ("c1", "c2"),
                f"About 2 million ({speaker}) vs tens of thousands: 18x apart.", 18.0),
        Finding("held-conflict-2", "conflict", "held", "minor", ("c1", "c3"),
                "About 2 million vs more than one million.", 1.2),
    )
    rules = (
        Rule("held", "People held in camps", "people", "count", ("held",),
             reference=Reference(1.5e6, 1e6, 2e6, "UN panel <2018>", "2018-08-10", "1.5 million")),
    )
    return Report(articles=(a, b, c), claims=claims, groups=groups, findings=findings, rules=rules)
