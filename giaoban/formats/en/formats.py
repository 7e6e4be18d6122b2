# English pages keep the Vietnamese date and number formats: dd/mm/yyyy everywhere.
from giaoban.formats.vi.formats import *  # noqa: F401,F403
