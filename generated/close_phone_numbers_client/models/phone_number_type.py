from enum import StrEnum


class PhoneNumberType(StrEnum):
    EXTERNAL = "external"
    INTERNAL = "internal"
    VIRTUAL = "virtual"

    def __str__(self) -> str:
        return str(self.value)
