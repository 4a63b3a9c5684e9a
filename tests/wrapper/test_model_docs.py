"""The to_dict / JSON examples of docs/library.md are what the code prints."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import httpx

from .conftest import make_client, number_json

DOCS = Path(__file__).resolve().parents[2] / "docs" / "library.md"
_EXAMPLE = re.compile(
    r"<!-- model-example -->\n```python\n(?P<code>.*?)```\n\n```\w*\n(?P<output>.*?)```",
    re.DOTALL,
)


def _examples() -> list[tuple[str, str]]:
    section = DOCS.read_text(encoding="utf-8").split("## Models as dicts and JSON\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    return [(m["code"], m["output"]) for m in _EXAMPLE.finditer(section)]


def _answer(request: httpx.Request) -> httpx.Response:
    """The spec's PersonalNumber, projected on `_fields` as Close does."""
    number = number_json()
    fields = request.url.params.get("_fields")
    if fields:
        number = {k: number[k] for k in ["id", *fields.split(",")]}
    return httpx.Response(200, json=number)


def test_the_section_has_an_example_for_each_kind_of_model() -> None:
    codes = " ".join(code for code, _ in _examples())
    for used in ("number.to_dict()", "partial.to_dict()", "additional_properties",
                 "PhoneNumberUpdate(", "RentRequest(", "PhoneNumberType."):  # fmt: skip
        assert used in codes


def test_every_example_prints_what_the_docs_show() -> None:
    """Run in order, in one namespace, as a reader would type them."""
    numbers, _ = make_client(_answer)
    namespace: dict[str, Any] = {"numbers": numbers}
    examples = _examples()
    assert len(examples) == 5
    for code, shown in examples:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(code, namespace)  # the docs' own code
        assert out.getvalue().strip() == shown.strip(), code


def test_to_dict_and_from_dict_round_trip() -> None:
    from close_phone_numbers import PhoneNumber

    number = PhoneNumber.from_dict(number_json())
    assert PhoneNumber.from_dict(number.to_dict()) == number
    assert number.to_dict() == number_json()
