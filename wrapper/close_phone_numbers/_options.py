"""`with_options`: a copy of a client with another timeout or retry budget.

The copy shares everything that is state: the httpx client (so its connection pool), the
generated client and the rate-limit throttle, so a copy and its parent wait out the same
spent budget. Only the retry policy and the per-call timeout differ.
"""

from __future__ import annotations

import copy
from typing import Self

import httpx

from ._config import Core, _timeout, checked_max_retries
from ._plan import Policy
from ._types import NOT_GIVEN, NotGiven


class WithOptions:
    """`with_options` for both clients, which set ``_core`` and ``_timeout``."""

    _core: Core
    # The timeout of this client's calls; None keeps the httpx client's own.
    _timeout: httpx.Timeout | None = None

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy with another ``timeout`` or ``max_retries``, checked like the constructor's.

        The copy shares this client's connections and rate-limit throttle; closing this
        client closes them for both, and closing the copy does nothing.
        """
        core = copy.copy(self._core)
        if not isinstance(max_retries, NotGiven):
            policy = core.policy
            core.policy = Policy(checked_max_retries(max_retries), policy.random, policy.throttle)
        core.owns_http = False  # the parent closes the shared httpx client
        configured = copy.copy(self)
        configured._core = core
        if not isinstance(timeout, NotGiven):
            configured._timeout = _timeout(timeout)
        return configured
