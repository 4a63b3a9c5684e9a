"""``CLOSE_LOG=debug|info``: the library's log on stderr, switched on from the environment.

Read once, when the package is imported, like ``OPENAI_LOG`` and ``STRIPE_LOG``. It adds
one handler to the ``close_phone_numbers`` logger; what that logger writes is the same as
with any handler: method, path, status and time of each request at DEBUG (never the
query, headers or credentials), retries and throttling waits at INFO, an unclear rent at
WARNING, each redacted by `RedactingFilter` of any credential a server echoed back. Any
other value, or none, leaves logging to the application.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import TextIO

from ._constants import API_KEY_ENV, logger
from ._redact import RedactingFilter, secrets_of_key

LOG_ENV = "CLOSE_LOG"
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_FORMAT = "[%(asctime)s %(name)s %(levelname)s] %(message)s"


class EnvHandler(logging.StreamHandler[TextIO]):
    """The handler ``CLOSE_LOG`` adds, told apart from an application's own."""


def setup_from_env(
    environ: Mapping[str, str] = os.environ, stream: TextIO | None = None
) -> EnvHandler | None:
    """Log to ``stream`` (stderr) at the level ``CLOSE_LOG`` names; the handler, or None.

    Called again, it replaces the handler it added before rather than adding a second one.
    """
    level = _LEVELS.get(environ.get(LOG_ENV, "").strip().lower())
    for handler in list(logger.handlers):
        if isinstance(handler, EnvHandler):
            logger.removeHandler(handler)
    if level is None:
        return None
    added = EnvHandler(stream)
    added.setFormatter(logging.Formatter(_FORMAT))
    # The logger redacts its own records already; this also covers records of its child
    # loggers, and the environment's key outside a request.
    key = environ.get(API_KEY_ENV)
    added.addFilter(RedactingFilter(secrets_of_key(key) if key else ()))
    logger.addHandler(added)
    logger.setLevel(level)
    return added
