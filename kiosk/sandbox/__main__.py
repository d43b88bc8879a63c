"""``python -m kiosk.sandbox``: the same as ``kiosk sandbox``."""

import sys

from kiosk.sandbox.cli import main

sys.exit(main(sys.argv[1:]))
