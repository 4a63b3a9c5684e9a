from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PhoneNumberUpdate")


@_attrs_define
class PhoneNumberUpdate:
    """The settings to change; everything left out stays as it is.

    Attributes:
        label (str | Unset): A name for the number.
        forward_to (str | Unset): A phone number in E.164 form, such as `+16505550100`.
        forward_to_enabled (bool | Unset): Whether calls are forwarded to `forward_to`.
        voicemail_greeting_url (None | str | Unset): An https URL of an MP3 greeting; `null` removes the greeting. Plain
            http is refused.
        participants (list[str] | Unset): User ids of the organization that take part in the number.
        phone_numbers (list[str] | Unset): Outside numbers, in E.164, that ring along with the number.
        press_1_to_accept (bool | Unset): Whether a forwarded call must be accepted by pressing 1.
        inbound_ring_duration (int | Unset): Seconds an inbound call rings before moving on.
        participant_groups (list[str] | Unset): Group ids of the organization that take part in the number, at most 40.
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
        label = self.label

        forward_to = self.forward_to

        forward_to_enabled = self.forward_to_enabled

        voicemail_greeting_url: None | str | Unset
        if isinstance(self.voicemail_greeting_url, Unset):
            voicemail_greeting_url = UNSET
        else:
            voicemail_greeting_url = self.voicemail_greeting_url

        participants: list[str] | Unset = UNSET
        if not isinstance(self.participants, Unset):
            participants = self.participants

        phone_numbers: list[str] | Unset = UNSET
        if not isinstance(self.phone_numbers, Unset):
            phone_numbers = self.phone_numbers

        press_1_to_accept = self.press_1_to_accept

        inbound_ring_duration = self.inbound_ring_duration

        participant_groups: list[str] | Unset = UNSET
        if not isinstance(self.participant_groups, Unset):
            participant_groups = self.participant_groups

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if label is not UNSET:
            field_dict["label"] = label
        if forward_to is not UNSET:
            field_dict["forward_to"] = forward_to
        if forward_to_enabled is not UNSET:
            field_dict["forward_to_enabled"] = forward_to_enabled
        if voicemail_greeting_url is not UNSET:
            field_dict["voicemail_greeting_url"] = voicemail_greeting_url
        if participants is not UNSET:
            field_dict["participants"] = participants
        if phone_numbers is not UNSET:
            field_dict["phone_numbers"] = phone_numbers
        if press_1_to_accept is not UNSET:
            field_dict["press_1_to_accept"] = press_1_to_accept
        if inbound_ring_duration is not UNSET:
            field_dict["inbound_ring_duration"] = inbound_ring_duration
        if participant_groups is not UNSET:
            field_dict["participant_groups"] = participant_groups

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label", UNSET)

        forward_to = d.pop("forward_to", UNSET)

        forward_to_enabled = d.pop("forward_to_enabled", UNSET)

        def _parse_voicemail_greeting_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        voicemail_greeting_url = _parse_voicemail_greeting_url(
            d.pop("voicemail_greeting_url", UNSET)
        )

        participants = cast(list[str], d.pop("participants", UNSET))

        phone_numbers = cast(list[str], d.pop("phone_numbers", UNSET))

        press_1_to_accept = d.pop("press_1_to_accept", UNSET)

        inbound_ring_duration = d.pop("inbound_ring_duration", UNSET)

        participant_groups = cast(list[str], d.pop("participant_groups", UNSET))

        phone_number_update = cls(
            label=label,
            forward_to=forward_to,
            forward_to_enabled=forward_to_enabled,
            voicemail_greeting_url=voicemail_greeting_url,
            participants=participants,
            phone_numbers=phone_numbers,
            press_1_to_accept=press_1_to_accept,
            inbound_ring_duration=inbound_ring_duration,
            participant_groups=participant_groups,
        )

        return phone_number_update
