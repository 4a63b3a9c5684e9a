from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RateLimitDetail")


@_attrs_define
class RateLimitDetail:
    """The details of a spent rate limit in the older body format. Deprecated by
    Close in favour of the headers.

        Attributes:
            message (str | Unset):
            rate_endpoint_group (int | str | Unset): The endpoint group whose budget is spent.
            rate_limit (int | Unset):
            rate_limit_type (str | Unset):
            rate_reset (float | Unset): Seconds until the budget is refilled.
            rate_window (float | Unset):
    """

    message: str | Unset = UNSET
    rate_endpoint_group: int | str | Unset = UNSET
    rate_limit: int | Unset = UNSET
    rate_limit_type: str | Unset = UNSET
    rate_reset: float | Unset = UNSET
    rate_window: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        rate_endpoint_group: int | str | Unset
        if isinstance(self.rate_endpoint_group, Unset):
            rate_endpoint_group = UNSET
        else:
            rate_endpoint_group = self.rate_endpoint_group

        rate_limit = self.rate_limit

        rate_limit_type = self.rate_limit_type

        rate_reset = self.rate_reset

        rate_window = self.rate_window

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if rate_endpoint_group is not UNSET:
            field_dict["rate_endpoint_group"] = rate_endpoint_group
        if rate_limit is not UNSET:
            field_dict["rate_limit"] = rate_limit
        if rate_limit_type is not UNSET:
            field_dict["rate_limit_type"] = rate_limit_type
        if rate_reset is not UNSET:
            field_dict["rate_reset"] = rate_reset
        if rate_window is not UNSET:
            field_dict["rate_window"] = rate_window

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message", UNSET)

        def _parse_rate_endpoint_group(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        rate_endpoint_group = _parse_rate_endpoint_group(
            d.pop("rate_endpoint_group", UNSET)
        )

        rate_limit = d.pop("rate_limit", UNSET)

        rate_limit_type = d.pop("rate_limit_type", UNSET)

        rate_reset = d.pop("rate_reset", UNSET)

        rate_window = d.pop("rate_window", UNSET)

        rate_limit_detail = cls(
            message=message,
            rate_endpoint_group=rate_endpoint_group,
            rate_limit=rate_limit,
            rate_limit_type=rate_limit_type,
            rate_reset=rate_reset,
            rate_window=rate_window,
        )

        rate_limit_detail.additional_properties = d
        return rate_limit_detail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
