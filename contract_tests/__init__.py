"""Contract tests: the spec held to recorded fixtures, the emulator and (opt-in) live Close.

See contract_tests/README.md. Not shipped in the wheel.
"""
