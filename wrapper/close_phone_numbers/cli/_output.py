"""How numbers look on a terminal (tables, field lists) and to machines (JSON, CSV, YAML)."""

from __future__ import annotations

import csv
import io
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
_UNCUT = frozenset({"id", "number"})
_NARROWEST = 4
_BOLD, _RESET = "\033[1m", "\033[0m"


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


def table_lines(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[tuple[str, str]] = TABLE_COLUMNS,
    *,
    width: int | None = None,
    colour: bool = False,
) -> list[str]:
    """Aligned columns with a header, fitted into ``width`` characters when it is given.

    Long free text is always cut with an ellipsis. To fit a terminal, titles wider than
    their column's cells are cut first, then the widest column gives up a character at a
    time, down to four; ids and numbers are never cut, since people copy them.
    """
    cells = [[_cell(row.get(key), short=True) for key, _ in columns] for row in rows]
    headers = [title for _, title in columns]
    content = [max([0] + [len(r[i]) for r in cells]) for i in range(len(headers))]
    widths = [max(len(h), c) for h, c in zip(headers, content, strict=True)]
    if width is not None:
        cut = [key not in _UNCUT for key, _ in columns]
        for floor in ([max(c, _NARROWEST) for c in content], [_NARROWEST] * len(widths)):
            _fit(
                widths,
                [min(w, f) if c else w for w, f, c in zip(widths, floor, cut, strict=True)],
                width,
            )
    lines = []
    for n, line in enumerate([headers, *cells]):
        text = "  ".join(_clip(c, w).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
        lines.append(f"{_BOLD}{text}{_RESET}" if colour and n == 0 else text)
    return lines


def write_table(
    out: TextIO,
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[tuple[str, str]] = TABLE_COLUMNS,
) -> None:
    """`table_lines` with no width limit and no colour, written to ``out``."""
    out.write("".join(line + "\n" for line in table_lines(rows, columns)))


def _fit(widths: list[int], floors: list[int], width: int) -> None:
    def total() -> int:
        return sum(widths) + 2 * (len(widths) - 1)

    while total() > width:
        shrinkable = [i for i, w in enumerate(widths) if w > floors[i]]
        if not shrinkable:
            return  # nothing more to give: the terminal wraps what is left
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def csv_text(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """RFC 4180 CSV with a header; lists are joined with ';', booleans are true/false."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(name)) for name in columns])
    return buffer.getvalue()


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(_csv_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def all_keys(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every field of ``rows``, in the order they first appear."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def columns_for(fields: Sequence[str]) -> list[tuple[str, str]]:
    """Table columns for the fields asked for with --fields."""
    return [(name, name.upper()) for name in fields]


def write_fields(out: TextIO, number: Mapping[str, Any], *, colour: bool = False) -> None:
    """Every field of one number as `name  value` lines."""
    keys = [k for k in _LEADING_FIELDS if k in number]
    keys += [k for k in number if k not in keys]
    width = max((len(k) for k in keys), default=0)
    for key in keys:
        name = f"{_BOLD}{key.ljust(width)}{_RESET}" if colour else key.ljust(width)
        out.write(f"{name}  {_cell(number[key], short=False)}\n")


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
