"""The one exception type of giaoban.extraction."""

from __future__ import annotations


class ExtractionError(ValueError):
    """Raised when a text (or file) cannot be read as a briefing record.

    The message is one line, Vietnamese first, then English, so that the
    command line can show it as it is.
    """
