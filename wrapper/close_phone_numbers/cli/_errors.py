"""Turn a failure into one line for people and a distinct exit code for scripts."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .. import (
    APIConnectionError,
    AuthenticationError,
    BadRequestError,
    BillingError,
    CloseError,
    HasVoiceOnlyError,
    InvalidRequestError,
    NeedsMoreInfoError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    RentError,
    RentOutcomeUnknownError,
    ServerError,
)
from .._redact import redact, secrets_of_key


class ExitCode(enum.IntEnum):
    """The exit codes of ``close-phone-numbers``; `--help` prints them with `MEANINGS`."""

    OK = 0
    FAILURE = 1
    BAD_INPUT = 2
    AUTH = 3
    NOT_FOUND = 4
    RATE_LIMITED = 5
    RENT_REFUSED = 6
    RENT_OUTCOME_UNKNOWN = 7
    UNREACHABLE = 8
    PAYMENT_REQUIRED = 9
    ABORTED = 10
    INTERRUPTED = 130


# What each code means, as `close-phone-numbers --help` prints it.
MEANINGS: dict[ExitCode, str] = {
    ExitCode.OK: "success",
    ExitCode.FAILURE: "other failure: a 5xx from Close, a malformed answer, a bug",
    ExitCode.BAD_INPUT: "bad input: a wrong flag or value (nothing sent), or a 400",
    ExitCode.AUTH: "no key, a wrong key (401) or a missing permission (403)",
    ExitCode.NOT_FOUND: "no such phone number (404)",
    ExitCode.RATE_LIMITED: "rate limited (429) after the retries",
    ExitCode.RENT_REFUSED: "rent refused by Close; nothing was rented",
    ExitCode.RENT_OUTCOME_UNKNOWN: "a rent may have happened: check `list` before renting again",
    ExitCode.UNREACHABLE: "Close unreachable: connection refused, DNS, timeout",
    ExitCode.PAYMENT_REQUIRED: "payment required (402): a limit of the Close plan",
    ExitCode.ABORTED: "aborted: not confirmed, or nobody to ask; nothing was done",
    ExitCode.INTERRUPTED: "interrupted by Ctrl-C",
}


def exit_code_table() -> str:
    """The exit codes as aligned lines, for the end of --help."""
    return "".join(f"  {int(code):<4} {MEANINGS[code]}\n" for code in ExitCode)


class Aborted(Exception):
    """Nothing was done because the user did not, or could not, confirm."""


class NoCredentials(Exception):
    """No API key was given; nothing was sent."""


class UsageError(Exception):
    """A command line the library would never see, such as an update with no field."""


@dataclass(frozen=True)
class Failure:
    """What to print and which code to exit with."""

    code: ExitCode
    line: str
    kind: str = ""
    message: str = ""
    hint: str = ""

    def as_json(self) -> dict[str, object]:
        """The failure for a program that asked for JSON."""
        return {
            "error": {
                "type": self.kind,
                "message": self.message,
                "hint": self.hint,
                "exit_code": int(self.code),
            }
        }


def describe(exc: BaseException, *, secret: str | None = None) -> Failure:
    """Map ``exc`` to one line (class, message, what to do) and an exit code.

    ``secret`` (the key) is redacted from the line in every form it takes on the wire, as
    a last line of defence: the library redacts what a server echoes back too.
    """
    code, hint = _classify(exc)
    name = type(exc).__name__
    message = _one_line(str(exc)) or (
        "stopped by Ctrl-C" if isinstance(exc, KeyboardInterrupt) else "(no message)"
    )
    line = f"{name}: {message}"
    if hint:
        # The hint is a sentence of its own; library messages end without a stop.
        line = f"{line} {hint}" if message.endswith((".", "!", "?")) else f"{line}. {hint}"
    if secret:
        forms = secrets_of_key(secret)
        line, message, hint = (redact(t, forms) for t in (line, message, hint))
    return Failure(code, line, name, message, hint)


def _classify(exc: BaseException) -> tuple[ExitCode, str]:
    # The order matters: subclasses come before the classes they refine.
    if isinstance(exc, Aborted):
        return ExitCode.ABORTED, ""
    if isinstance(exc, KeyboardInterrupt):
        return ExitCode.INTERRUPTED, (
            "A rent in flight may still have happened: check with `close-phone-numbers list`."
        )
    if isinstance(exc, NoCredentials):
        return ExitCode.AUTH, ""
    if isinstance(exc, UsageError):
        return ExitCode.BAD_INPUT, "See --help for the flags and an example."
    if isinstance(exc, InvalidRequestError):
        return ExitCode.BAD_INPUT, f"Nothing was sent; fix {_flag(exc.field)} and run again."
    if isinstance(exc, RentOutcomeUnknownError):
        seen = ", ".join(f"{n.number} ({n.id})" for n in exc.candidates)
        return ExitCode.RENT_OUTCOME_UNKNOWN, (
            (f"Candidates: {seen}. " if seen else "")
            + "The number may have been rented: run `close-phone-numbers list` "
            "and check before you rent again."
        )
    if isinstance(exc, RentError):
        return ExitCode.RENT_REFUSED, _rent_hint(exc)
    if isinstance(exc, BadRequestError):
        return ExitCode.BAD_INPUT, "Close refused the request; fix the fields named above."
    if isinstance(exc, AuthenticationError):
        return ExitCode.AUTH, "Check CLOSE_API_KEY (or --api-key) and CLOSE_BASE_URL."
    if isinstance(exc, PermissionDeniedError):
        return ExitCode.AUTH, (
            "The key's user lacks the permission; group numbers need Manage Team Phone Numbers."
        )
    if isinstance(exc, NotFoundError):
        return ExitCode.NOT_FOUND, "Check the id with `close-phone-numbers list`."
    if isinstance(exc, RateLimitError):
        wait = exc.retry_after
        when = f"in {wait:g} s" if wait is not None else "later"
        return ExitCode.RATE_LIMITED, f"Rate limited after retries; try again {when}."
    if isinstance(exc, PaymentRequiredError):
        return ExitCode.PAYMENT_REQUIRED, "Your Close plan does not allow this; see Billing."
    if isinstance(exc, APIConnectionError):
        return ExitCode.UNREACHABLE, "Could not reach Close; check CLOSE_BASE_URL and the network."
    if isinstance(exc, ServerError):
        return ExitCode.FAILURE, "Close failed to answer; try again later."
    if isinstance(exc, CloseError):
        return ExitCode.FAILURE, ""
    return ExitCode.FAILURE, "This is a bug; run again with --debug and report the traceback."


def _rent_hint(exc: RentError) -> str:
    if isinstance(exc, HasVoiceOnlyError):
        return (
            "Nothing was rented. Run again with --fallback-to-voice-only (or --no-with-sms) "
            "to accept a number without SMS."
        )
    if isinstance(exc, NeedsMoreInfoError):
        return "Nothing was rented. Ask Close support to rent it, or try another country."
    if isinstance(exc, BillingError):
        return "Nothing was rented. Check the telephony budget in Close's billing settings."
    return "Nothing was rented."


# Library arguments that are not spelled `--name-with-dashes` on the command line.
_NOT_FLAGS = {
    "id": "the ID",
    "country": "COUNTRY",
    "api_key": "CLOSE_API_KEY (or --api-key)",
    "base_url": "CLOSE_BASE_URL (or --base-url)",
}


def _flag(field: str) -> str:
    # `participants[2]` is an item of --participants.
    name = field.partition("[")[0]
    return _NOT_FLAGS.get(name, "--" + name.replace("_", "-"))


def _one_line(text: str) -> str:
    return " ".join(text.split())
