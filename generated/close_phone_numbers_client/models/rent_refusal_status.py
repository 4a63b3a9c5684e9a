from enum import StrEnum


class RentRefusalStatus(StrEnum):
    BILLING_ERROR = "billing-error"
    ERROR = "error"
    HAS_VOICE_ONLY = "has-voice-only"
    NEEDS_MORE_INFO = "needs-more-info"

    def __str__(self) -> str:
        return str(self.value)
