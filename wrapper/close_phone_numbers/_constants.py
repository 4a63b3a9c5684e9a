"""Defaults and names shared by the whole package."""

from __future__ import annotations

import logging

from close_phone_numbers_client.constraints import OPERATIONS

from ._redact import RedactingFilter

DEFAULT_BASE_URL = "https://api.close.com/api/v1"
API_KEY_ENV = "CLOSE_API_KEY"
BASE_URL_ENV = "CLOSE_BASE_URL"

# Close answers quickly; a rent can take a few seconds while a carrier is asked.
DEFAULT_TIMEOUT = 30.0
DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_MAX_RETRIES = 2

# The spec's bound on `_limit`, so the default page is the largest Close allows.
MAX_PAGE_SIZE = int(OPERATIONS["listPhoneNumbers"]["query"]["_limit"]["maximum"])

logger = logging.getLogger("close_phone_numbers")
# Each record is redacted of the credentials of the client whose request is running.
logger.addFilter(RedactingFilter())
