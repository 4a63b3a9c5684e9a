"""Count what the contract suite did, for the summary printed at the end of a run."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from contract_tests import speclib


@dataclass
class Tally:
    """What one run covered: operations, checks, generated examples, fixtures."""

    operations: set[str] = field(default_factory=set)
    checks: Counter[str] = field(default_factory=Counter)
    examples: Counter[str] = field(default_factory=Counter)
    fixtures_validated: int = 0
    fixtures_replayed: Counter[str] = field(default_factory=Counter)
    stateful_steps: int = 0
    transitions: Counter[str] = field(default_factory=Counter)

    def record_checks(self, operation: str, names: list[str]) -> None:
        self.operations.add(operation)
        self.checks.update(names)

    def lines(self, *, failures: int, errors: int) -> list[str]:
        known = sorted(op["operationId"] for _, _, op in speclib.operations())
        missing = [op for op in known if op not in self.operations]
        lines = [
            f"operations covered: {len(known) - len(missing)}/{len(known)}"
            + (f" (not covered: {', '.join(missing)})" if missing else ""),
            f"fixtures validated against the spec: {self.fixtures_validated}",
        ]
        if self.fixtures_replayed:
            replayed = ", ".join(f"{k} {v}" for k, v in sorted(self.fixtures_replayed.items()))
            lines.append(f"fixtures replayed without loss: {replayed}")
        total = sum(self.examples.values())
        per_op = ", ".join(f"{k} {v}" for k, v in sorted(self.examples.items()))
        lines.append(f"examples generated: {total}" + (f" ({per_op})" if per_op else ""))
        lines.append(f"stateful steps: {self.stateful_steps}")
        lines.extend(
            f"    after a success: {name}: {count}"
            for name, count in sorted(self.transitions.items())
        )
        lines.append(
            f"checks run: {sum(self.checks.values())} "
            f"({len(self.checks)} kinds, each on every response it applies to)"
        )
        lines.extend(f"    {name}: {count}" for name, count in sorted(self.checks.items()))
        lines.append(f"failures: {failures}" + (f", errors: {errors}" if errors else ""))
        return lines


TALLY = Tally()
