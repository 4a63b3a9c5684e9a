"""Faults on demand: latency, 5xx, dropped connections and broken bodies, per operation."""

from __future__ import annotations

import builtins
import random
from dataclasses import asdict, dataclass
from typing import Any, Literal, get_args

from ._ratelimit import GROUPS

FaultKind = Literal["latency", "status", "disconnect", "truncate", "non_json"]
OPERATIONS = tuple(GROUPS)
_KINDS: tuple[str, ...] = get_args(FaultKind)
# A day of latency is already a hang; inf would never wake up.
_MAX_SECONDS = 86_400


@dataclass
class Fault:
    """One configured fault; `fired` counts how often it struck."""

    id: int
    operation: str
    kind: FaultKind
    status: int
    seconds: float
    probability: float
    times: int | None
    after: bool
    fired: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Faults:
    """The active faults of an emulator. Random choices come from one seeded generator,
    so the same seed and the same requests strike the same faults."""

    def __init__(self, random_seed: int) -> None:
        self._seed = random_seed
        self._random = random.Random(random_seed)
        self._faults: list[Fault] = []
        self._next_id = 1

    def add(
        self,
        operation: str,
        kind: FaultKind,
        *,
        status: int | None = None,
        seconds: float = 0.0,
        probability: float = 1.0,
        times: int | None = None,
        after: bool = False,
    ) -> Fault:
        """Strike `operation` ("*" for every one) with `kind`.

        `status` is the answer of `status` (default 500) and `non_json` (default 502)
        faults; `seconds` the delay of `latency`; `times` how often it strikes
        (None: every time); `after=True` strikes after the request took effect, as in
        "the rent succeeded, then the answer was lost". `truncate` always cuts the
        real answer, so it always acts after.
        """
        if not isinstance(operation, str) or (operation != "*" and operation not in OPERATIONS):
            raise ValueError(f"operation: use '*' or one of {', '.join(OPERATIONS)}")
        if not isinstance(kind, str) or kind not in _KINDS:
            raise ValueError(f"kind: use one of {', '.join(_KINDS)}")
        if status is None:
            status = 502 if kind == "non_json" else 500
        if isinstance(status, bool) or not isinstance(status, int) or not 400 <= status <= 599:
            raise ValueError("status: use an HTTP error status from 400 to 599, such as 503")
        if (
            isinstance(seconds, bool)
            or not isinstance(seconds, int | float)
            or not 0 <= seconds <= _MAX_SECONDS
        ):
            raise ValueError(f"seconds: use a number of seconds from 0 to {_MAX_SECONDS:,}")
        if kind == "latency" and seconds == 0:
            raise ValueError("seconds: a latency fault needs seconds > 0")
        if (
            isinstance(probability, bool)
            or not isinstance(probability, int | float)
            or not 0 < probability <= 1
        ):
            raise ValueError("probability: use a number above 0 and at most 1")
        if times is not None and (
            isinstance(times, bool) or not isinstance(times, int) or times < 1
        ):
            raise ValueError("times: use a whole number, 1 or more, or None for every time")
        fault = Fault(
            id=self._next_id,
            operation=operation,
            kind=kind,
            status=status,
            seconds=float(seconds),
            probability=float(probability),
            times=times,
            after=bool(after) or kind == "truncate",
        )
        self._next_id += 1
        self._faults.append(fault)
        return fault

    def remove(self, fault: Fault | int) -> None:
        """Remove one fault, by object or id."""
        fault_id = fault if isinstance(fault, int) else fault.id
        self._faults = [f for f in self._faults if f.id != fault_id]

    def clear(self) -> None:
        """Remove every fault."""
        self._faults.clear()

    def list(self) -> list[Fault]:
        """The active faults, oldest first."""
        return list(self._faults)

    def reset(self) -> None:
        """No faults, and the random generator back to its seed."""
        self._faults.clear()
        self._random = random.Random(self._seed)

    def strike(self, operation: str, *, after: bool) -> builtins.list[Fault]:
        """The faults that strike this request now: every latency, then at most one other."""
        if not self._faults:
            return []
        struck: builtins.list[Fault] = []
        terminal = False
        for fault in self._faults:
            if fault.after != after or fault.operation not in ("*", operation):
                continue
            if fault.times is not None and fault.fired >= fault.times:
                continue
            if fault.kind != "latency" and terminal:
                continue
            if fault.probability < 1 and self._random.random() >= fault.probability:
                continue
            fault.fired += 1
            struck.append(fault)
            terminal = terminal or fault.kind != "latency"
        return struck
