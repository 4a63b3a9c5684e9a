from enum import StrEnum


class RentableCarrierType(StrEnum):
    LOCAL = "local"
    MOBILE = "mobile"
    NATIONAL = "national"
    TOLLFREE = "tollfree"

    def __str__(self) -> str:
        return str(self.value)
