"""The request constraints table the library checks input against is the spec's, exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from close_phone_numbers_client.constraints import OPERATIONS

from scripts.constraints import Unsupported, _Spec, python_pattern, table

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "phone_numbers.yaml"


def test_the_shipped_table_is_what_the_spec_gives_now() -> None:
    """generated/…/constraints.py equals a fresh reading of openapi/phone_numbers.yaml."""
    assert table(SPEC) == OPERATIONS


def test_a_pattern_keeps_its_ecma_meaning_in_python() -> None:
    """`$` ends the string (no final newline) and `\\s` is ECMA-262's set of spaces."""
    anchored = re.compile(python_pattern("^phon_[A-Za-z0-9]+$"))
    assert anchored.search("phon_abc")
    assert not anchored.search("phon_abc\n")
    spaced = re.compile(python_pattern("^https://[^/?#\\s]+"))
    assert spaced.search("https://a\x1cb")  # not a space in ECMA-262, one in Python
    assert not spaced.search("https://\ufeffb")  # a space in ECMA-262, none in Python
    assert not spaced.search("https:// x")


def test_a_shape_the_table_cannot_hold_stops_the_generation() -> None:
    """An anyOf of two real alternatives is refused rather than silently dropped."""
    spec = _Spec({})
    with pytest.raises(Unsupported):
        spec.constraint({"anyOf": [{"type": "string"}, {"type": "integer"}]})
    with pytest.raises(Unsupported):
        spec.constraint({"type": "string", "not": {"const": ""}})


def test_an_optional_field_may_be_null_only_when_the_spec_says() -> None:
    """ "X or null" becomes the types of X plus "null"; allOf intersects."""
    spec = _Spec({"components": {"schemas": {"S": {"type": "string", "enum": ["a", "b"]}}}})
    either = spec.constraint({"anyOf": [{"$ref": "#/components/schemas/S"}, {"type": "null"}]})
    assert either == {"types": ("string", "null"), "enum": ("a", "b")}
    both = spec.constraint({"allOf": [{"maxLength": 9}, {"type": "string", "maxLength": 5}]})
    assert both == {"types": ("string",), "max_length": 5}


def test_an_observed_constraint_keeps_its_mark() -> None:
    """`x-close-observed` on a schema, or on a schema it refers to, reaches the table."""
    schemas = {"Id": {"type": "string", "pattern": "^a$", "x-close-observed": True}}
    spec = _Spec({"components": {"schemas": schemas}})
    assert spec.constraint({"$ref": "#/components/schemas/Id"})["observed"] is True
    assert "observed" not in spec.constraint({"type": "string", "x-close-source": "a note"})
