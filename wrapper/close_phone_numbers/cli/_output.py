"""How numbers look on a terminal (tables, field lists) and to machines (JSON)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, TextIO


class _Model(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


# The columns of `list` when no --fields is given: what tells numbers apart at a glance.
TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "ID"),
    ("number", "NUMBER"),
    ("label", "LABEL"),
    ("type", "TYPE"),
    ("participants", "PARTICIPANTS"),
    ("sms_enabled", "SMS"),
    ("forward_to", "FORWARD TO"),
)

# `get` shows every field, these first; the rest follow in Close's order.
_LEADING_FIELDS = ("id", "number", "number_formatted", "label", "type", "participants")

# Free text is cut in tables; ids and numbers never are, people copy them.
_MAX_CELL = 32


def as_dict(model: _Model) -> dict[str, Any]:
    """The number as Close sent it, unknown fields included."""
    return model.to_dict()


def write_json(out: TextIO, value: object) -> None:
    """One JSON document, indented for people and parseable by machines."""
    out.write(json.dumps(value, indent=2, ensure_ascii=False))
    out.write("\n")


def write_json_array(out: TextIO, items: Iterable[Mapping[str, Any]]) -> int:
    """Stream ``items`` as one JSON array, an element per line; return how many."""
    count = 0
    for item in items:
        out.write("[\n  " if count == 0 else ",\n  ")
        out.write(json.dumps(item, ensure_ascii=False))
        count += 1
    out.write("[]\n" if count == 0 else "\n]\n")
    return count


def write_table(
    out: TextIO,
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[tuple[str, str]] = TABLE_COLUMNS,
) -> None:
    """Aligned columns with a header; long cells are cut with an ellipsis."""
    cells = [[_cell(row.get(key), short=True) for key, _ in columns] for row in rows]
    headers = [title for _, title in columns]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    for line in [headers, *cells]:
        out.write("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        out.write("\n")


def columns_for(fields: Sequence[str]) -> list[tuple[str, str]]:
    """Table columns for the fields asked for with --fields."""
    return [(name, name.upper()) for name in fields]


def write_fields(out: TextIO, number: Mapping[str, Any]) -> None:
    """Every field of one number as `name  value` lines."""
    keys = [k for k in _LEADING_FIELDS if k in number]
    keys += [k for k in number if k not in keys]
    width = max((len(k) for k in keys), default=0)
    for key in keys:
        out.write(f"{key.ljust(width)}  {_cell(number[key], short=False)}\n")


def _cell(value: object, *, short: bool) -> str:
    if value is None:
        text = "-"
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, list):
        # Ids are long: a table counts them, the field view lists them.
        if short:
            return str(len(value))
        text = ", ".join(_cell(v, short=False) for v in value) if value else "-"
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    text = " ".join(text.split())
    if short and len(text) > _MAX_CELL and not _looks_like_id(text):
        text = text[: _MAX_CELL - 1] + "…"
    return text


def _looks_like_id(text: str) -> bool:
    prefix, _, rest = text.partition("_")
    return bool(rest) and prefix.isalpha() and rest.isalnum()
