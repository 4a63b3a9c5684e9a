"""`python -m close_phone_contract`: the same as `close-phone-numbers verify`."""

from ._cli import main

raise SystemExit(main())
