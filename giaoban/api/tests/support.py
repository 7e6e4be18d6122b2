"""A JSON client of the API with a bearer token, shared by the API tests of every app."""

from __future__ import annotations

import json

from django.test import Client

from giaoban.accounts.models import ApiToken


class Api:
    """A client that speaks JSON with a bearer token (English messages unless told otherwise)."""

    def __init__(self, user=None, lang: str = "en"):
        self.client = Client()
        self.headers = {"HTTP_ACCEPT_LANGUAGE": lang}
        if user is not None:
            _, raw = ApiToken.issue(user=user, name="test")
            self.headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"

    def get(self, url, **params):
        return self.client.get(url, params, **self.headers)

    def post(self, url, payload=None):
        return self.client.post(
            url, json.dumps(payload or {}), content_type="application/json", **self.headers
        )


def api(cast, who: str | None, lang: str = "en") -> Api:
    """``api(cast, "office_a")``: the API as that member of the cast (None: not signed in)."""
    return Api(getattr(cast, who) if who else None, lang)
