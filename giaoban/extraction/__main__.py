"""`python -m giaoban.extraction PATH...`: the same as `giaoban extract`."""

import sys

from giaoban.extraction.cli import main

sys.exit(main())
