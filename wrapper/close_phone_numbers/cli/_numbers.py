"""The list, get, update, delete and rent subcommands of ``close-phone-numbers``."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from itertools import islice
from typing import Any

from .. import PhoneNumbers, RentableCarrierType, Sharing
from ._command import Command
from ._errors import ExitCode, UsageError
from ._output import TABLE_COLUMNS, as_dict, columns_for
from ._session import Session, given

# How many of the organization's numbers the rent prompt looks at for a price.
_PRICE_SAMPLE = 100

# list ---------------------------------------------------------------------------------------


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--participant-user-id", metavar="USER_ID", help="numbers this user is in")
    parser.add_argument("--number", metavar="E164", help="only this number, e.g. +16505550100")
    parser.add_argument(
        "--user-id", metavar="USER_ID", help="deprecated by Close; use --participant-user-id"
    )
    parser.add_argument(
        "--is-group-number",
        type=_parse_bool,
        metavar="true|false",
        help="only group numbers (true) or only personal ones (false); deprecated by Close",
    )
    parser.add_argument("--fields", type=_parse_list, metavar="F1,F2", help="only these fields")
    parser.add_argument("--page-size", type=int, metavar="N", help="numbers per request (1-100)")
    parser.add_argument("--limit", type=int, metavar="N", help="stop after N numbers")
    parser.add_argument("--no-pager", action="store_true", help="never page a long table")


def _list(args: argparse.Namespace, session: Session) -> int:
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit must be at least 1.")
    filters = given(
        participant_user_id=args.participant_user_id,
        number=args.number,
        user_id=args.user_id,
        is_group_number=args.is_group_number,
        fields=args.fields,
        page_size=args.page_size,
    )
    # islice stops the lazy list early, so --limit also limits the requests. One number
    # past the limit tells whether there are more.
    listed = (as_dict(n) for n in session.numbers.list(**filters))
    seen = islice(listed, None if args.limit is None else args.limit + 1)
    more = False

    def upto_limit() -> Iterator[dict[str, Any]]:
        nonlocal more
        for count, item in enumerate(seen):
            if args.limit is not None and count == args.limit:
                more = True
                return
            yield item

    columns = columns_for(args.fields) if args.fields else TABLE_COLUMNS
    shown = session.show_rows(upto_limit(), columns, empty="No phone numbers match.")
    if more:
        session.console.say(
            f"Showing the first {shown}; there are more. Raise --limit, or drop it, to see them."
        )
    return ExitCode.OK


# get ----------------------------------------------------------------------------------------


def _get_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="the phone number id, phon_…")
    parser.add_argument("--fields", type=_parse_list, metavar="F1,F2", help="only these fields")


def _get(args: argparse.Namespace, session: Session) -> int:
    number = session.numbers.get(args.id, **given(fields=args.fields))
    session.show(as_dict(number))
    return ExitCode.OK


# update -------------------------------------------------------------------------------------

# (flag, library argument, argparse options); one flag per updatable field.
_UPDATE_FLAGS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("--label", "label", {"metavar": "TEXT", "help": "a name for the number"}),
    ("--forward-to", "forward_to", {"metavar": "E164", "help": "forward calls to this number"}),
    (
        "--forward-to-enabled",
        "forward_to_enabled",
        {"action": argparse.BooleanOptionalAction, "help": "turn call forwarding on or off"},
    ),
    (
        "--voicemail-greeting-url",
        "voicemail_greeting_url",
        {"metavar": "HTTPS_URL", "help": "an https URL of an MP3 greeting"},
    ),
    (
        "--participants",
        "participants",
        {
            "type": lambda v: _parse_list(v, empty=True),
            "metavar": "USER_IDS",
            "help": "comma-separated user ids; '' for none",
        },
    ),
    (
        "--participant-groups",
        "participant_groups",
        {
            "type": lambda v: _parse_list(v, empty=True),
            "metavar": "GROUP_IDS",
            "help": "comma-separated group ids (at most 40); '' for none",
        },
    ),
    (
        "--phone-numbers",
        "phone_numbers",
        {
            "type": lambda v: _parse_list(v, empty=True),
            "metavar": "E164S",
            "help": "outside numbers that ring along, comma-separated; '' for none",
        },
    ),
    (
        "--press-1-to-accept",
        "press_1_to_accept",
        {"action": argparse.BooleanOptionalAction, "help": "forwarded calls need a 1 to accept"},
    ),
    (
        "--inbound-ring-duration",
        "inbound_ring_duration",
        {"type": int, "metavar": "SECONDS", "help": "ring time before moving on, 15-90"},
    ),
)


def _update_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="the phone number id, phon_…")
    fields = parser.add_argument_group("fields (give at least one; the rest stay as they are)")
    for flag, dest, options in _UPDATE_FLAGS:
        fields.add_argument(flag, dest=dest, **options)
    fields.add_argument(
        "--clear-voicemail-greeting",
        action="store_true",
        help="remove the voicemail greeting",
    )


def _update(args: argparse.Namespace, session: Session) -> int:
    changes = {dest: getattr(args, dest) for _, dest, _ in _UPDATE_FLAGS}
    changes = {k: v for k, v in changes.items() if v is not None}
    if args.clear_voicemail_greeting:
        if "voicemail_greeting_url" in changes:
            raise UsageError(
                "Give either --voicemail-greeting-url or --clear-voicemail-greeting, not both."
            )
        changes["voicemail_greeting_url"] = None
    if not changes:
        flags = ", ".join(flag for flag, _, _ in _UPDATE_FLAGS)
        raise UsageError(f"Nothing to update: give at least one of {flags}.")
    number = session.numbers.update(args.id, **changes)
    session.console.say(f"Updated {number.id}: {', '.join(sorted(changes))}.")
    session.show(as_dict(number))
    return ExitCode.OK


# delete -------------------------------------------------------------------------------------


def _delete_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="the phone number id, phon_…")
    parser.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")


def _delete(args: argparse.Namespace, session: Session) -> int:
    numbers = session.numbers

    def question() -> str:
        # Name what will go: an id alone is easy to mistype.
        number = as_dict(numbers.get(args.id))
        label = f' "{number["label"]}"' if number.get("label") else ""
        shown = number.get("number_formatted") or number.get("number")
        return (
            "A deleted number that was rented is released; you may not get it back.\n"
            f"Delete {shown}{label} ({args.id})?"
        )

    session.console.confirm(question, assume_yes=args.yes, what="deleted")
    numbers.delete(args.id)
    session.output.value({"deleted": args.id}, f"Deleted {args.id}.")
    return ExitCode.OK


# rent ---------------------------------------------------------------------------------------


def _rent_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("country", metavar="COUNTRY", help="two-letter country code, e.g. US")
    parser.add_argument("--prefix", metavar="DIGITS", help="area code or prefix, up to 5 digits")
    parser.add_argument(
        "--with-sms",
        action=argparse.BooleanOptionalAction,
        help="require SMS (default: SMS where Close offers it)",
    )
    parser.add_argument(
        "--with-mms",
        action=argparse.BooleanOptionalAction,
        help="require MMS (needs SMS too)",
    )
    parser.add_argument(
        "--carrier-type",
        choices=[kind.value for kind in RentableCarrierType],
        help="the kind of number",
    )
    parser.add_argument("--bundle-id", metavar="ID", help="the regulatory bundle to rent under")
    parser.add_argument(
        "--assign-to", type=_parse_list, metavar="USER_IDS", help="comma-separated user ids"
    )
    parser.add_argument(
        "--sharing",
        choices=[sharing.value for sharing in Sharing],
        help="deprecated by Close; use --assign-to",
    )
    parser.add_argument(
        "--fallback-to-voice-only",
        action="store_true",
        help="if only numbers without SMS exist, rent one of those",
    )
    parser.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")


def _rent(args: argparse.Namespace, session: Session) -> int:
    numbers, console = session.numbers, session.console
    request = given(
        prefix=args.prefix,
        with_sms=args.with_sms,
        with_mms=args.with_mms,
        carrier_type=args.carrier_type,
        bundle_id=args.bundle_id,
        assign_to=args.assign_to,
        sharing=args.sharing,
    )
    console.confirm(lambda: _rent_question(args, numbers), assume_yes=args.yes, what="rented")
    number = numbers.rent(
        args.country, fallback_to_voice_only=args.fallback_to_voice_only, **request
    )
    console.say(f"Rented {number.number_formatted} ({number.id}).")
    session.show(as_dict(number))
    return ExitCode.OK


def _rent_question(args: argparse.Namespace, numbers: PhoneNumbers) -> str:
    kind = f"{args.carrier_type} number" if args.carrier_type else "number"
    where = f" with prefix {args.prefix}" if args.prefix else ""
    if args.with_sms is False:
        sms = "without SMS"
    elif args.fallback_to_voice_only:
        sms = "with SMS, or without SMS if only those exist"
    else:
        sms = "with SMS where Close offers it"
    return (
        "Renting a number costs money: Close bills your organization every month until "
        f"it is deleted.\n{_price_hint(args, numbers)}\n"
        f"Rent a {kind} in {args.country.upper()}{where}, {sms}?"
    )


def _price_hint(args: argparse.Namespace, numbers: PhoneNumbers) -> str:
    # Close quotes no price before a rent; what the organization already pays for numbers
    # of the same country and kind is the best figure there is, and is labelled as such.
    country = str(args.country).strip().upper()
    prices: set[float] = set()
    listed = numbers.list(fields=["country", "carrier_type", "last_billed_price"])
    for number in islice(listed, _PRICE_SAMPLE):
        seen = as_dict(number)
        price = seen.get("last_billed_price")
        if (
            seen.get("country") == country
            and (args.carrier_type is None or seen.get("carrier_type") == args.carrier_type)
            and isinstance(price, int | float)
            and not isinstance(price, bool)
        ):
            prices.add(float(price))
    if not prices:
        return "Close does not quote the price before renting."
    low, high = min(prices), max(prices)
    paid = f"{low:.2f}" if low == high else f"{low:.2f} to {high:.2f}"
    return (
        f"Close does not quote the price before renting; your numbers in {country} "
        f"were last billed {paid} each."
    )


# shared -------------------------------------------------------------------------------------


def _parse_list(value: str, *, empty: bool = False) -> list[str]:
    items = [part.strip() for part in value.split(",") if part.strip()]
    if not items and not empty:
        raise argparse.ArgumentTypeError("give at least one value, separated by commas")
    return items


def _parse_bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"true", "yes", "1"}:
        return True
    if lowered in {"false", "no", "0"}:
        return False
    raise argparse.ArgumentTypeError(f"expected true or false, got {value!r}")


COMMANDS = (
    Command(
        "list",
        "List phone numbers as a table, or as JSON, CSV or YAML with --format.",
        """
close-phone-numbers list --participant-user-id user_3xHq7LbN0c
close-phone-numbers list --fields id,number,label --json
""",
        _list_arguments,
        _list,
    ),
    Command(
        "get",
        "Show every field of one phone number.",
        "close-phone-numbers get phon_8ZcQ3Lq1f0XkWmR2yV7tB4nD6hJ9sA5eG1uP3oK0iTr",
        _get_arguments,
        _get,
    ),
    Command(
        "update",
        "Change the settings of a phone number; only the flags given are sent.",
        """
close-phone-numbers update phon_8ZcQ3Lq1f0 --label "Front desk" \\
    --forward-to +16505550199 --forward-to-enabled
close-phone-numbers update phon_8ZcQ3Lq1f0 --clear-voicemail-greeting
""",
        _update_arguments,
        _update,
    ),
    Command(
        "delete",
        "Delete a phone number; a rented number is released. Asks first unless --yes.",
        "close-phone-numbers delete phon_8ZcQ3Lq1f0XkWmR2yV7tB4nD6hJ9sA5eG1uP3oK0iTr",
        _delete_arguments,
        _delete,
    ),
    Command(
        "rent",
        "Rent a new number from Close. This costs money; asks first unless --yes.",
        """
close-phone-numbers rent US --prefix 650
close-phone-numbers rent US --prefix 650 --fallback-to-voice-only --yes --json
""",
        _rent_arguments,
        _rent,
    ),
)
