"""`python -m close_phone_emulator --port 8086`."""

from ._server import main

raise SystemExit(main())
