"""placeholder"""

COMMANDS = ()
