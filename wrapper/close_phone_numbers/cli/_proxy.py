"""`close-phone-numbers proxy`: the validating proxy of the `contract` extra.

Its options come from `close_phone_contract._proxy_cli`, which needs nothing beyond
the library; the proxy itself (uvicorn, jsonschema, PyYAML) is imported only when it
runs, and names the extra when it is missing.
"""

from __future__ import annotations

from ._verify import contract_command

COMMANDS = (
    contract_command(
        "proxy",
        "_proxy_cli",
        "Forward your traffic to a target and validate every exchange against the spec.",
        "close-phone-numbers proxy --target https://api.close.com/api/v1 --port 8087",
    ),
)
