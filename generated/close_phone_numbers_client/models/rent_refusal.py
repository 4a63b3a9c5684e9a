from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rent_refusal_status import RentRefusalStatus

T = TypeVar("T", bound="RentRefusal")


@_attrs_define
class RentRefusal:
    """A rent Close refused; nothing was rented and nothing was charged.

    Attributes:
        status (RentRefusalStatus | str): Why no number was rented. The set is open: Close adds statuses, and
            clients must accept unknown ones.
        error (str): What went wrong, for people.
    """

    status: RentRefusalStatus | str
    error: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str
        if isinstance(self.status, RentRefusalStatus):
            status = self.status.value
        else:
            status = self.status

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_status(data: object) -> RentRefusalStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = RentRefusalStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(RentRefusalStatus | str, data)

        status = _parse_status(d.pop("status"))

        error = d.pop("error")

        rent_refusal = cls(
            status=status,
            error=error,
        )

        rent_refusal.additional_properties = d
        return rent_refusal

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
