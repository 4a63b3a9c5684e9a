"""The errors the generated client raises."""

from typing import Any


class UnexpectedStatus(Exception):
    """A status code the spec does not document, raised when Client.raise_on_unexpected_status is True."""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


# How much of a wrong value an error message quotes: enough to recognise it, never a whole body.
_QUOTED = 60


def _quote(value: Any) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    text = repr(value)
    return text if len(text) <= _QUOTED else text[: _QUOTED - 3] + "..."


class SchemaMismatch(ValueError):
    """A JSON value that does not have the type its schema gives.

    ``path`` leads from the body to the value (keys and list indexes), ``expected`` names
    what the schema allows and ``got`` quotes, shortened, what came instead.
    """

    def __init__(self, expected: str, got: str, path: list[str | int]) -> None:
        super().__init__(expected, got, path)
        self.expected = expected
        self.got = got
        self.path = path

    def within(self, *outer: str | int) -> "SchemaMismatch":
        """This error, seen from a value that holds the one it is about."""
        self.path[:0] = outer
        return self

    @property
    def where(self) -> str:
        """The path written the way JavaScript would reach the value: ``data[3].label``."""
        text = ""
        for step in self.path:
            text += (
                f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
            )
        return text or "(body)"

    def __str__(self) -> str:
        return f"{self.where}: expected {self.expected}, got {self.got}"


def mismatch(expected: str, value: Any, *path: str | int) -> SchemaMismatch:
    """The error for ``value`` found where the schema allows only ``expected``."""
    return SchemaMismatch(expected, _quote(value), list(path))


def position(items: list[Any], item: object) -> int:
    """Where ``item`` is in ``items``, by identity: the first value that failed its check."""
    for index, candidate in enumerate(items):
        if candidate is item:
            return index
    return -1


def missing(key: object) -> SchemaMismatch:
    """The error for a required field that is not there."""
    return SchemaMismatch("a value", "nothing (the field is required)", [str(key)])


__all__ = ["SchemaMismatch", "UnexpectedStatus", "mismatch", "missing", "position"]
