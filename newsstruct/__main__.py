"""``python -m newsstruct``."""

import sys

from newsstruct.cli import main

sys.exit(main())
