"""The JSON outputs validate against checker/report.schema.json, and the schema tracks the model."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest
from report_fixtures import sample_report

from checker import baseline as bl
from checker.model import SCHEMA_VERSION, Claim, Finding, Report
from checker.render_formats import render_check_json, render_claims_json, render_json

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "checker" / "report.schema.json").read_text())


def validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def test_schema_version_matches_the_model() -> None:
    assert SCHEMA["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_every_claim_field_is_described() -> None:
    props = set(SCHEMA["$defs"]["claim"]["properties"])
    assert {f.name for f in dataclasses.fields(Claim)} <= props


@pytest.mark.parametrize("hostile", [False, True])
def test_report_json_validates(hostile: bool) -> None:
    validator().validate(json.loads(render_json(sample_report(hostile=hostile))))


def test_claims_json_items_validate() -> None:
    claim_schema = {**SCHEMA, "type": "array", "items": {"$ref": "#/$defs/claim"}}
    claim_schema.pop("required")
    claim_schema.pop("properties")
    claim_schema.pop("additionalProperties")
    jsonschema.Draft202012Validator(claim_schema).validate(json.loads(render_claims_json(sample_report())))


def test_check_json_validates() -> None:
    r = sample_report()
    data = json.loads(render_check_json(bl.gate(r, bl.Baseline(), "minor")))
    validator().validate(data)
    assert data["check"]["new"]


def test_schema_rejects_a_wrong_severity_and_a_missing_field() -> None:
    r = sample_report()
    bad = Finding("x", "conflict", "held", "catastrophic", ("c1", "c2"), "m")
    data = json.loads(render_json(Report(r.articles, r.claims, r.groups, (bad,), r.rules)))
    assert not validator().is_valid(data)
    data = json.loads(render_json(r))
    del data["claims"][0]["hedge"]
    assert not validator().is_valid(data)


def test_seed_report_validates(seeds_report: Report) -> None:
    data = json.loads(render_json(seeds_report))
    validator().validate(data)
    assert data["claims"] and data["findings"]
