from __future__ import annotations

from django.http import HttpRequest

from giaoban.core.permissions import scope_for


def scope(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"scope": scope_for(user)}
