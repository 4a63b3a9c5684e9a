"""Messages on stderr come after what stdout already printed, when both share one pipe."""

from __future__ import annotations

import io

from close_phone_numbers.cli._console import Console


class _Buffered(io.StringIO):
    """A stream that holds what it is given until flushed, like stdout into a pipe."""

    def __init__(self, sink: list[str]) -> None:
        super().__init__()
        self._sink = sink

    def flush(self) -> None:
        self._sink.append(self.getvalue())
        self.seek(0)
        self.truncate()


class _Unbuffered(io.StringIO):
    def __init__(self, sink: list[str]) -> None:
        super().__init__()
        self._sink = sink

    def write(self, text: str) -> int:
        self._sink.append(text)
        return len(text)


def test_a_message_follows_the_table_already_printed_on_the_same_pipe() -> None:
    # Regression: `list --limit 2 2>&1` put "Showing the first 2; ..." inside the table's
    # last line, because stdout was still buffered when stderr wrote.
    pipe: list[str] = []
    console = Console.of(stdout=_Buffered(pipe), stderr=_Unbuffered(pipe), env={})
    console.stdout.write("ID  NUMBER\nphon_1  +16505550100\n")
    console.say("Showing the first 1; there are more.")
    assert (
        "".join(pipe) == "ID  NUMBER\nphon_1  +16505550100\nShowing the first 1; there are more.\n"
    )
