from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..errors import mismatch, missing, position
from ..models.rentable_carrier_type import RentableCarrierType
from ..models.sharing import Sharing
from ..types import UNSET, Unset, show

_RentableCarrierType_BY_VALUE = {member.value: member for member in RentableCarrierType}
_Sharing_BY_VALUE = {member.value: member for member in Sharing}

T = TypeVar("T", bound="RentRequest")

# The JSON names of the fields this model knows; any others are kept as unknown fields.
_KNOWN: frozenset[str] = frozenset(
    (
        "country",
        "prefix",
        "with_sms",
        "with_mms",
        "carrier_type",
        "bundle_id",
        "assign_to",
        "sharing",
    )
)
# The attributes a repr shows when they are set, in declaration order.
_SHOWN: tuple[str, ...] = (
    "country",
    "prefix",
    "with_sms",
    "with_mms",
    "carrier_type",
    "bundle_id",
    "assign_to",
    "sharing",
)


@_attrs_define
class RentRequest:
    """What to rent.

    Attributes:
        country (str): A two-letter ISO 3166-1 alpha-2 country code, upper case.
        prefix (str | Unset): An area code or prefix, without the country code, of up to five
            digits.
        with_sms (bool | None | Unset): Leave out to get SMS where Close offers it in the country.
            `false`
            allows numbers without SMS; send it after a `has-voice-only` refusal.
        with_mms (bool | None | Unset): Leave out to get MMS where Close offers it. `true` needs
            `with_sms`
            to be true as well.
        carrier_type (None | RentableCarrierType | Unset): The kind of number to rent.
        bundle_id (None | str | Unset): The regulatory bundle to rent the number under.
        assign_to (list[str] | Unset): Users to give the number to; the caller when left out. Anyone
            else
            needs the "Manage Team Phone Numbers" permission.
        sharing (Sharing | Unset): `personal` rents a number for one user, `group` a group number.
    """

    country: str
    prefix: str | Unset = UNSET
    with_sms: bool | None | Unset = UNSET
    with_mms: bool | None | Unset = UNSET
    carrier_type: None | RentableCarrierType | Unset = UNSET
    bundle_id: None | str | Unset = UNSET
    assign_to: list[str] | Unset = UNSET
    sharing: Sharing | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        _out: dict[str, Any] = {
            "country": self.country,
        }
        if not isinstance(self.prefix, Unset):
            _out["prefix"] = self.prefix
        if not isinstance(self.with_sms, Unset):
            _out["with_sms"] = self.with_sms
        if not isinstance(self.with_mms, Unset):
            _out["with_mms"] = self.with_mms
        if not isinstance(self.carrier_type, Unset):
            _out["carrier_type"] = (
                self.carrier_type.value
                if isinstance(self.carrier_type, RentableCarrierType)
                else self.carrier_type
            )
        if not isinstance(self.bundle_id, Unset):
            _out["bundle_id"] = self.bundle_id
        if not isinstance(self.assign_to, Unset):
            _out["assign_to"] = self.assign_to
        if not isinstance(self.sharing, Unset):
            _out["sharing"] = self.sharing.value
        return _out

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Check ``src_dict`` against the schema and build the model; no copy is made.

        Raises:
            SchemaMismatch: a field is missing or has a value its schema does not allow.
        """
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise mismatch("object", src_dict)
        try:
            country = src_dict["country"]
            if not isinstance(country, str):
                raise mismatch("string", country, "country")

            prefix = src_dict.get("prefix", UNSET)
            if prefix is not UNSET:
                if not isinstance(prefix, str):
                    raise mismatch("string", prefix, "prefix")

            with_sms = src_dict.get("with_sms", UNSET)
            if with_sms is not UNSET:
                if not (with_sms is None or (with_sms is True or with_sms is False)):
                    raise mismatch("boolean or null", with_sms, "with_sms")

            with_mms = src_dict.get("with_mms", UNSET)
            if with_mms is not UNSET:
                if not (with_mms is None or (with_mms is True or with_mms is False)):
                    raise mismatch("boolean or null", with_mms, "with_mms")

            carrier_type = src_dict.get("carrier_type", UNSET)
            if carrier_type is not UNSET:
                if isinstance(carrier_type, str):
                    if carrier_type not in _RentableCarrierType_BY_VALUE:
                        raise mismatch(
                            "one of 'local', 'mobile', 'national', 'tollfree'",
                            carrier_type,
                            "carrier_type",
                        )
                    carrier_type = _RentableCarrierType_BY_VALUE[carrier_type]

                elif not (carrier_type is None):
                    raise mismatch(
                        "one of 'local', 'mobile', 'national', 'tollfree' or null",
                        carrier_type,
                        "carrier_type",
                    )

            bundle_id = src_dict.get("bundle_id", UNSET)
            if bundle_id is not UNSET:
                if not (bundle_id is None or isinstance(bundle_id, str)):
                    raise mismatch("string or null", bundle_id, "bundle_id")

            assign_to = src_dict.get("assign_to", UNSET)
            if assign_to is not UNSET:
                if not isinstance(assign_to, list):
                    raise mismatch("array", assign_to, "assign_to")
                for _item0 in assign_to:
                    if not isinstance(_item0, str):
                        raise mismatch(
                            "string", _item0, "assign_to", position(assign_to, _item0)
                        )

            sharing = src_dict.get("sharing", UNSET)
            if sharing is not UNSET:
                if not isinstance(sharing, str):
                    raise mismatch("one of 'group', 'personal'", sharing, "sharing")
                if sharing not in _Sharing_BY_VALUE:
                    raise mismatch("one of 'group', 'personal'", sharing, "sharing")
                sharing = _Sharing_BY_VALUE[sharing]

        except KeyError as _absent:
            raise missing(_absent.args[0]) from None
        _result = cls(
            country,
            prefix,
            with_sms,
            with_mms,
            carrier_type,
            bundle_id,
            assign_to,
            sharing,
        )
        return _result

    def __repr__(self) -> str:
        return show(self, _SHOWN)
