"""The menu's groups and the API documentation page's way back to the app."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _client(user, lang: str = "vi") -> Client:
    client = Client(headers={"accept-language": lang})
    client.force_login(user)
    return client


def test_the_docs_page_links_back_to_the_app_and_the_account(cast):
    html = _client(cast.unit_a).get("/api/docs").content.decode()
    assert 'id="docs-back" href="/"' in html
    assert 'id="docs-account" href="/accounts/me/"' in html
    assert "Quay lại giaoban" in html
    html = _client(cast.unit_a, "en").get("/api/docs").content.decode()
    assert "Back to giaoban" in html


def test_the_users_page_links_the_docs(cast):
    html = _client(cast.unit_a).get("/accounts/me/").content.decode()
    assert 'id="api-docs-link"' in html


@pytest.mark.parametrize(
    "lang, groups",
    [
        ("vi", ["Công việc", "Giao ban", "Báo cáo", "Theo dõi"]),
        ("en", ["Work", "Briefings", "Reports", "Follow-up"]),
    ],
)
def test_menu_has_four_groups_in_each_language(cast, lang, groups):
    html = _client(cast.office_a, lang).get("/").content.decode()
    for toggle, label in zip(["work", "briefing", "reporting", "follow"], groups):
        assert f'id="menu-{toggle}" role="button" data-bs-toggle="dropdown"' in html
        assert f">{label}</a>" in html
    assert html.count('class="dropdown-item"') >= 14


def test_unit_user_menu_has_no_office_entries(cast):
    html = _client(cast.unit_a).get("/").content.decode()
    assert 'href="/tasks/new/"' not in html
    assert 'id="nav-awaiting"' not in html
    assert 'href="/tasks/"' in html and 'href="/reports/"' in html
