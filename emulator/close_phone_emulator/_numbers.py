"""Phone numbers as Close writes them, and the countries the emulator rents in."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import phonenumbers

E164 = re.compile(r"\+[1-9][0-9]{1,14}")
_NANP = re.compile(r"\+1([2-9][0-9]{2})([2-9][0-9]{2})([0-9]{4})")


def is_valid(number: str) -> bool:
    """Whether `number` is E.164 and a number that can exist, per libphonenumber."""
    if not E164.fullmatch(number):
        return False
    try:
        parsed = phonenumbers.parse(number)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(parsed))


def region_of(number: str) -> str | None:
    """The ISO country of a valid number, such as "US"."""
    region: str | None = phonenumbers.region_code_for_number(phonenumbers.parse(number))
    return region


def formatted(number: str) -> str:
    """`number` the way Close shows it: "+1 650-555-0100", "+44 20 7946 0000"."""
    nanp = _NANP.fullmatch(number)
    if nanp:
        # The common case, and 100,000 seeded numbers would spend seconds in libphonenumber.
        return f"+1 {nanp[1]}-{nanp[2]}-{nanp[3]}"
    parsed = phonenumbers.parse(number)
    text: str = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return text


@dataclass(frozen=True)
class Country:
    """What renting in one country gives, and what refuses it."""

    code: str
    calling_code: str
    # A national number shaped like the ones this country hands out; a prefix
    # replaces its start and a counter its last four digits.
    template: str
    price_cents: int
    sms: bool
    mms: bool
    sms_to: tuple[str, ...]
    mms_to: tuple[str, ...]
    voice_only_prefixes: tuple[str, ...] = ()
    needs_address: bool = False


COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        Country("US", "1", "4155550100", 115, True, True, ("CA", "US"), ("CA", "US"), ("907",)),
        Country("CA", "1", "4165550100", 115, True, True, ("CA", "US"), ("CA", "US"), ("867",)),
        Country("GB", "44", "2079460100", 100, True, False, ("GB",), ()),
        Country("DE", "49", "30901820", 100, True, False, ("DE",), (), needs_address=True),
        Country("FR", "33", "140000100", 100, True, False, ("FR",), (), needs_address=True),
        Country("AU", "61", "255500100", 300, True, False, ("AU",), (), needs_address=True),
    )
}


def number_range(country: Country, prefix: str) -> tuple[str, int] | None:
    """(head, first suffix) of the numbers a rent with `prefix` may give, or None.

    They are `head` followed by four digits, from `first` to 9999, tried in that order.
    """
    template = country.template
    if len(prefix) > len(template) - 4:
        return None
    head = f"+{country.calling_code}{prefix}{template[len(prefix) : -4]}"
    return head, int(template[-4:])


@functools.lru_cache(maxsize=4096)
def serves(country_code: str, number: str) -> bool:
    """Whether `number` is valid and of `country_code`; every number of a range shares
    its first number's answer, and libphonenumber is slow enough to remember it."""
    return is_valid(number) and region_of(number) == country_code
