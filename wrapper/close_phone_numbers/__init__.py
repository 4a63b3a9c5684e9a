"""A typed, spec-first client for the phone-number endpoints of the Close API."""

from ._version import __version__

__all__ = ["__version__"]
