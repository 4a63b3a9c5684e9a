"""The spec holds against the emulator: schemathesis with every check, in-process.

Examples, coverage and fuzzing phases run per operation (`test_operation_conforms`);
the stateful phase chains rent -> get -> update -> list -> delete -> get
(`TestWorkflow`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from close_phone_contract._schemathesis import contract_check
from close_phone_emulator import Emulator
from hypothesis import settings
from schemathesis import Case
from schemathesis.checks import CHECKS, load_all_checks

from contract_tests import _targets, speclib
from contract_tests._summary import TALLY

# A fixed clock: schemathesis feeds values from responses back into generation, so
# real timestamps would make two runs of the fixed-seed profile differ.
EMULATOR = Emulator(now=lambda: dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC))
# Rate limiting has its own tests; here a 429 would only hide the answer under test.
EMULATOR.rate_limits.set(1_000_000, window=1.0)
# A derandomized profile (ci) fixes schemathesis' own seed too, so a run repeats exactly.
SEED = 20261126 if settings().derandomize else None
schema = _targets.emulator_schema(EMULATOR.app, EMULATOR.api_key_with_permission, SEED)

load_all_checks()
# schemathesis' own schema check cannot know that `_fields` relaxes the response schemas;
# close_contract does that (and checks calendar dates and every observed constraint).
CONTRACT = contract_check(speclib.validator())
CHECK_NAMES = sorted({*CHECKS.get_all_names(), "close_contract"} - {"response_schema_conformance"})


def _record(case: Case[Any]) -> None:
    operation: str = case.operation.definition.raw["operationId"]
    TALLY.examples[operation] += 1
    TALLY.record_checks(operation, CHECK_NAMES)


@schema.parametrize()
def test_operation_conforms(case: Case[Any]) -> None:
    """Every generated request gets a response the spec documents, by every check."""
    case.call_and_validate(additional_checks=[CONTRACT])
    _record(case)


class Workflow(schema.as_state_machine()):  # type: ignore[misc]
    """Chains operations through their shared ids: rent, get, update, list, delete, get."""

    def setup(self) -> None:
        EMULATOR.reset()
        EMULATOR.rate_limits.set(1_000_000, window=1.0)
        self.previous: str | None = None

    def validate_response(
        self,
        response: Any,
        case: Case[Any],
        additional_checks: list[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        additional_checks = [*(additional_checks or ()), CONTRACT]
        super().validate_response(response, case, additional_checks, **kwargs)
        TALLY.stateful_steps += 1
        _record(case)
        operation: str = case.operation.definition.raw["operationId"]
        if self.previous is not None:
            TALLY.transitions[f"{self.previous} -> {operation}"] += 1
        self.previous = operation if 200 <= response.status_code < 300 else None


TestWorkflow = Workflow.TestCase
