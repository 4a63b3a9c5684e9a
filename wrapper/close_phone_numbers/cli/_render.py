"""Printing results in the format asked for: a table or field list, JSON, CSV or YAML."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import _yaml
from ._console import Console
from ._output import all_keys, csv_text, table_lines, write_fields, write_json, write_json_array
from ._pager import page, pager_command


class Output:
    """Where a command's results go: stdout, in one of the formats of --format."""

    def __init__(self, console: Console, format: str, *, colour: bool) -> None:
        self.console = console
        self.format = format
        self.colour = colour

    @property
    def json(self) -> bool:
        return self.format == "json"

    def record(self, record: Mapping[str, Any]) -> None:
        """One object: a field list for people, else JSON, CSV or YAML."""
        out = self.console.stdout
        if self.format == "json":
            write_json(out, dict(record))
        elif self.format == "yaml":
            out.write(_yaml.dumps(dict(record)))
        elif self.format == "csv":
            out.write(csv_text([record], list(record)))
        else:
            write_fields(out, record, colour=self.colour)

    def rows(
        self,
        rows: Iterable[Mapping[str, Any]],
        columns: Sequence[tuple[str, str]],
        *,
        pager: bool = True,
        empty: str = "Nothing matches.",
    ) -> int:
        """Many objects; JSON streams as they come. Returns how many were printed."""
        out = self.console.stdout
        if self.format == "json":
            return write_json_array(out, rows)
        listed = list(rows)
        if self.format == "yaml":
            out.write(_yaml.dumps(listed) if listed else "[]\n")
        elif self.format == "csv":
            # Every field Close sent, not only the table's columns: CSV is for programs.
            out.write(csv_text(listed, all_keys(listed) or [key for key, _ in columns]))
        elif not listed:
            self.console.say(empty)
        else:
            self._table(listed, columns, pager=pager)
        return len(listed)

    def value(self, value: Any, text: str) -> None:
        """A result that is not a phone number: ``text`` for people, ``value`` otherwise."""
        out = self.console.stdout
        if self.format == "json":
            write_json(out, value)
        elif self.format == "yaml":
            out.write(_yaml.dumps(value))
        elif self.format == "csv" and isinstance(value, Mapping):
            out.write(csv_text([value], list(value)))
        else:
            out.write(text if text.endswith("\n") else text + "\n")

    def _table(
        self, rows: list[Mapping[str, Any]], columns: Sequence[tuple[str, str]], *, pager: bool
    ) -> None:
        size = self.console.size()
        lines = table_lines(rows, columns, width=size[0] if size else None, colour=self.colour)
        text = "".join(line + "\n" for line in lines)
        command = pager_command(self.console.env) if pager and size else None
        # Only what does not fit on one screen is paged; the pager gets no colour it
        # cannot show unless it is less, which is told -R.
        if command and size and len(lines) >= size[1] and page(text, command, self.console.env):
            return
        self.console.stdout.write(text)
