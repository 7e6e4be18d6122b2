import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
_django = get_wsgi_application()

from giaoban.core.loadguard import LoadGuard  # noqa: E402 (needs the apps loaded)

# a database whose bulk load never finished is not served (see giaoban/core/loadguard.py)
application = LoadGuard(_django)
