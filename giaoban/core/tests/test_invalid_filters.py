"""An invalid filter value on any list page or list endpoint is refused where the user sees it:
the page shows the message (Vietnamese, or English with the switch) and answers 400; the API
answers 400 with the message. Never a silent fallback to the unfiltered list."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from giaoban.core.forms import invalid_choice


def bad_date() -> str:
    from giaoban.core.forms import DATE_ERRORS

    return str(DATE_ERRORS["invalid"])


def choice(value: str):
    return lambda: invalid_choice(value)


def msg(msgid: str):
    return lambda: gettext(msgid)


#: (user, url, query, the message expected on the page, a row the page must then not list)
PAGES = [
    ("office_a", "/tasks/", {"status": "bogus"}, choice("bogus")),
    ("office_a", "/tasks/", {"as_of": "31/02/2026"}, bad_date),
    ("office_a", "/tasks/assignments/", {"unit": "99999"}, msg("Unknown unit.")),
    ("office_a", "/tasks/awaiting/", {"kind": "bogus"}, msg("Unknown kind of request.")),
    ("office_a", "/tasks/leaders/", {"as_of": "31/02/2026"}, bad_date),
    ("office_a", "/tasks/register/", {"status": "bogus"}, choice("bogus")),
    ("office_a", "/tasks/register/", {"deadline_from": "99/99/2026"}, bad_date),
    ("office_a", "/tasks/register/export/", {"status": "bogus"}, choice("bogus")),
    ("office_a", "/recommendations/", {"state": "bogus"}, choice("bogus")),
    ("office_a", "/meetings/", {"kind": "bogus"}, choice("bogus")),
    (
        "office_a",
        "/meetings/calendar/",
        {"month": "2026-13"},
        msg("Invalid month: use the form YYYY-MM, e.g. 2026-03."),
    ),
    ("office_a", "/meetings/notices/", {"state": "bogus"}, choice("bogus")),
    ("office_a", "/search/", {"q": "Alpha", "kind": "bogus"}, choice("bogus")),
    ("unit_a", "/tasks/", {"leader": "99999"}, msg("Unknown leader.")),
]

API = [
    ("/api/tasks", {"status": "bogus"}, "status"),
    ("/api/tasks", {"ordering": "nonsense"}, "ordering"),
    ("/api/assignments", {"unit": "99999"}, "unit"),
    ("/api/assignments", {"as_of": "2026-02-31"}, "as_of"),
    ("/api/recommendations", {"state": "bogus"}, "state"),
    ("/api/reporting/reports", {"state": "bogus"}, "state"),
    ("/api/statistics/leaders", {"as_of": "2026-02-31"}, "as_of"),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("who,url,query,expected", PAGES, ids=[f"{p[1]}{p[2]}" for p in PAGES])
def test_page_shows_the_message_and_answers_400(cast, client, lang, who, url, query, expected):
    client.force_login(getattr(cast, who))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    response = client.get(url, query)
    assert response.status_code == 400, (url, query)
    with translation.override(lang):
        text = expected()
    if lang == "vi":
        with translation.override("en"):
            assert text != expected(), "the message has no Vietnamese translation"
    assert escape(text) in response.content.decode(), (url, query, text)
    # nothing of the task lists is listed under a refused filter (the cast's task is visible
    # to both users when the filter is valid)
    assert cast.task_a.text not in response.content.decode()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("url,query,field", API, ids=[f"{a[0]}{a[1]}" for a in API])
def test_api_answers_400_with_the_message(cast, client, lang, url, query, field):
    client.force_login(cast.office_a)
    response = client.get(url, query, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 400, response.content
    body = response.json()
    with translation.override(lang):
        assert body["detail"] == gettext("The request is not valid.")
    assert body["errors"][field] and all(body["errors"][field])


def test_a_valid_filter_lists_the_rows(cast, client):
    """The counterpart: the same pages with valid values list the cast's task."""
    client.force_login(cast.office_a)
    for url in ("/tasks/", "/tasks/register/"):
        response = client.get(url, {"status": "open_in_time"})
        assert response.status_code == 200
        assert cast.task_a.text[:40] in response.content.decode()
