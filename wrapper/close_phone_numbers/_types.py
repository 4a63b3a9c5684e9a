"""The "not given" sentinel, which tells an argument left out from an explicit None."""

from __future__ import annotations

from typing import Final, Literal


class NotGiven:
    """The type of `NOT_GIVEN`: an argument the caller did not pass."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()
