import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
_django = get_wsgi_application()

from giaoban.core.loadguard import LoadGuard  # noqa: E402 (needs the apps loaded)
from giaoban.core.runtime import tune_for_serving  # noqa: E402

# the garbage collector of a long-running process (see giaoban/core/runtime.py)
tune_for_serving()

# a database whose bulk load never finished is not served (see giaoban/core/loadguard.py)
application = LoadGuard(_django)
