"""The environment of a test run, set before Django reads its settings.

pytest loads this module first (``-p giaoban.testenv`` in pyproject.toml): the settings refuse
to start without a secret key, and the tests, like the console, sign with the installation's
own key under var/ (generated on first use, mode 0600).
"""

from __future__ import annotations

import os

os.environ.setdefault("GIAOBAN_INSTALLATION_KEY", "true")
