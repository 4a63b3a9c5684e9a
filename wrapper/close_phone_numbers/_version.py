"""The version of the close-phone-numbers distribution, read by the build backend."""

__version__ = "0.1.0"
