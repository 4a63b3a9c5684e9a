from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..errors import mismatch, missing, position
from ..types import UNSET, Unset, show

T = TypeVar("T", bound="PhoneNumberUpdate")

# The JSON names of the fields this model knows; any others are kept as unknown fields.
_KNOWN: frozenset[str] = frozenset(
    (
        "label",
        "forward_to",
        "forward_to_enabled",
        "voicemail_greeting_url",
        "participants",
        "phone_numbers",
        "press_1_to_accept",
        "inbound_ring_duration",
        "participant_groups",
    )
)
# The attributes a repr shows when they are set, in declaration order.
_SHOWN: tuple[str, ...] = (
    "label",
    "forward_to",
    "forward_to_enabled",
    "voicemail_greeting_url",
    "participants",
    "phone_numbers",
    "press_1_to_accept",
    "inbound_ring_duration",
    "participant_groups",
)


@_attrs_define
class PhoneNumberUpdate:
    """The settings to change; everything left out stays as it is.

    Attributes:
        label (str | Unset): A name for the number; the limit of 255 was inferred.
        forward_to (str | Unset): A phone number in E.164 form, such as `+16505550100`.
        forward_to_enabled (bool | Unset): Whether calls are forwarded to `forward_to`.
        voicemail_greeting_url (None | str | Unset): An https URL of an MP3 greeting; `null` removes
            the greeting. Plain
            http is refused.
        participants (list[str] | Unset): User ids of the organization that take part in the number.
        phone_numbers (list[str] | Unset): Outside numbers, in E.164, that ring along with the
            number.
        press_1_to_accept (bool | Unset): Whether a forwarded call must be accepted by pressing 1.
        inbound_ring_duration (int | Unset): Seconds an inbound call rings before moving on.
        participant_groups (list[str] | Unset): Group ids of the organization that take part in the
            number, at most 40.
            Needs the "Manage Team Phone Numbers" permission.
    """

    label: str | Unset = UNSET
    forward_to: str | Unset = UNSET
    forward_to_enabled: bool | Unset = UNSET
    voicemail_greeting_url: None | str | Unset = UNSET
    participants: list[str] | Unset = UNSET
    phone_numbers: list[str] | Unset = UNSET
    press_1_to_accept: bool | Unset = UNSET
    inbound_ring_duration: int | Unset = UNSET
    participant_groups: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        _out: dict[str, Any] = {}
        if not isinstance(self.label, Unset):
            _out["label"] = self.label
        if not isinstance(self.forward_to, Unset):
            _out["forward_to"] = self.forward_to
        if not isinstance(self.forward_to_enabled, Unset):
            _out["forward_to_enabled"] = self.forward_to_enabled
        if not isinstance(self.voicemail_greeting_url, Unset):
            _out["voicemail_greeting_url"] = self.voicemail_greeting_url
        if not isinstance(self.participants, Unset):
            _out["participants"] = self.participants
        if not isinstance(self.phone_numbers, Unset):
            _out["phone_numbers"] = self.phone_numbers
        if not isinstance(self.press_1_to_accept, Unset):
            _out["press_1_to_accept"] = self.press_1_to_accept
        if not isinstance(self.inbound_ring_duration, Unset):
            _out["inbound_ring_duration"] = self.inbound_ring_duration
        if not isinstance(self.participant_groups, Unset):
            _out["participant_groups"] = self.participant_groups
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
            label = src_dict.get("label", UNSET)
            if label is not UNSET:
                if not isinstance(label, str):
                    raise mismatch("string", label, "label")

            forward_to = src_dict.get("forward_to", UNSET)
            if forward_to is not UNSET:
                if not isinstance(forward_to, str):
                    raise mismatch("string", forward_to, "forward_to")

            forward_to_enabled = src_dict.get("forward_to_enabled", UNSET)
            if forward_to_enabled is not UNSET:
                if not (forward_to_enabled is True or forward_to_enabled is False):
                    raise mismatch("boolean", forward_to_enabled, "forward_to_enabled")

            voicemail_greeting_url = src_dict.get("voicemail_greeting_url", UNSET)
            if voicemail_greeting_url is not UNSET:
                if not (
                    voicemail_greeting_url is None
                    or isinstance(voicemail_greeting_url, str)
                ):
                    raise mismatch(
                        "string or null",
                        voicemail_greeting_url,
                        "voicemail_greeting_url",
                    )

            participants = src_dict.get("participants", UNSET)
            if participants is not UNSET:
                if not isinstance(participants, list):
                    raise mismatch("array", participants, "participants")
                for _item0 in participants:
                    if not isinstance(_item0, str):
                        raise mismatch(
                            "string",
                            _item0,
                            "participants",
                            position(participants, _item0),
                        )

            phone_numbers = src_dict.get("phone_numbers", UNSET)
            if phone_numbers is not UNSET:
                if not isinstance(phone_numbers, list):
                    raise mismatch("array", phone_numbers, "phone_numbers")
                for _item0 in phone_numbers:
                    if not isinstance(_item0, str):
                        raise mismatch(
                            "string",
                            _item0,
                            "phone_numbers",
                            position(phone_numbers, _item0),
                        )

            press_1_to_accept = src_dict.get("press_1_to_accept", UNSET)
            if press_1_to_accept is not UNSET:
                if not (press_1_to_accept is True or press_1_to_accept is False):
                    raise mismatch("boolean", press_1_to_accept, "press_1_to_accept")

            inbound_ring_duration = src_dict.get("inbound_ring_duration", UNSET)
            if inbound_ring_duration is not UNSET:
                if not (
                    isinstance(inbound_ring_duration, int)
                    and inbound_ring_duration is not True
                    and inbound_ring_duration is not False
                ):
                    raise mismatch(
                        "integer", inbound_ring_duration, "inbound_ring_duration"
                    )

            participant_groups = src_dict.get("participant_groups", UNSET)
            if participant_groups is not UNSET:
                if not isinstance(participant_groups, list):
                    raise mismatch("array", participant_groups, "participant_groups")
                for _item0 in participant_groups:
                    if not isinstance(_item0, str):
                        raise mismatch(
                            "string",
                            _item0,
                            "participant_groups",
                            position(participant_groups, _item0),
                        )

        except KeyError as _absent:
            raise missing(_absent.args[0]) from None
        _result = cls(
            label,
            forward_to,
            forward_to_enabled,
            voicemail_greeting_url,
            participants,
            phone_numbers,
            press_1_to_accept,
            inbound_ring_duration,
            participant_groups,
        )
        return _result

    def __repr__(self) -> str:
        return show(self, _SHOWN)
