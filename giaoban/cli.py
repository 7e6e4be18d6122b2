"""The ``giaoban`` console command: wraps manage.py and adds the project's commands.

giaoban run            migrate, load the demo if the database is empty, serve on 127.0.0.1:8000
giaoban demo [--scale national]
giaoban extract PATH…  read conclusion/news texts into JSON records (no Django needed)
giaoban import FILE --committee CODE [--dry-run]   a notice or news text -> draft meeting and notice
giaoban <any manage.py command>
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "extract":
        # The extractor is a pure library: do not pay for Django start-up.
        from giaoban.extraction.cli import main as extract_main

        return extract_main(argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
    # The console may sign with this installation's own key (var/secret_key, made on first
    # use) when GIAOBAN_SECRET_KEY is not set; the web server entry point may not.
    os.environ.setdefault("GIAOBAN_INSTALLATION_KEY", "true")
    from django.core.management import execute_from_command_line

    if not argv:
        argv = ["help"]
    execute_from_command_line(["giaoban", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
