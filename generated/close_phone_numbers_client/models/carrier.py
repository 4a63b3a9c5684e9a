from enum import StrEnum


class Carrier(StrEnum):
    PLIVO = "plivo"
    TWILIO = "twilio"

    def __str__(self) -> str:
        return str(self.value)
