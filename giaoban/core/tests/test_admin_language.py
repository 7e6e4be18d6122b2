"""Every piece of text a user reads is in the page's language: the Django admin (index, every
list, add and change form, recent actions) in Vietnamese has no English left, and in English
no Vietnamese left — period labels and document references included — apart from the data
itself (unit names, task texts)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.test import Client

pytestmark = pytest.mark.django_db

VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I
)
#: an English phrase: letters and spaces only (no digits: not a number or a code), 3+ letters
ENGLISH = re.compile(r"^[A-Za-z][A-Za-z ,.:;?!’'()/-]*$")
#: words that read the same in Vietnamese pages (names, acronyms, the product)
SAME_IN_BOTH = {
    "giaoban",
    "API",
    "CSV",
    "ID",
    "URL",
    "Email",
    "E-mail",
    "admin",
    "Django",
    "OK",
    "PDF",
    "DOCX",
    "XLSX",
    "ICS",
    "SMTP",
    "VI",
    "EN",
    "Alpha",
    "Beta",
    "LDAP",
    "SSO",
    # the sign-in throttling library's name, and protocol terms
    "Axes",
    "HTTP Accept",
    "HTTP Accept:",
    "Message-ID",
    "Message-ID:",
}


class _Text(HTMLParser):
    """The text a reader sees (and the titles, labels and placeholders of controls)."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1
        for name, value in attrs:
            if name in ("title", "aria-label", "placeholder", "alt") and value:
                self.parts.append(value)
            if name == "value" and tag == "input" and dict(attrs).get("type") == "submit":
                self.parts.append(value or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def texts(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    out = []
    for part in parser.parts:
        clean = " ".join(part.split()).strip(" ›»«|")
        if clean:
            out.append(clean)
    return out


def _data_strings() -> list[str]:
    """Every text stored in the database (the data may be in any language), longest first."""
    found: set[str] = set()
    for model in apps.get_models():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField))
        ]
        if not fields:
            continue
        for row in model.objects.values_list(*fields):
            found.update(v.strip() for v in row if isinstance(v, str) and v.strip())
        for field in model._meta.concrete_fields:
            if isinstance(field, models.JSONField):
                for value in model.objects.values_list(field.attname, flat=True):
                    found.update(_json_strings(value))
    return sorted(found, key=len, reverse=True)


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        return [s for v in value.values() for s in _json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return []


def _vietnamese_strings() -> set[str]:
    """Every Vietnamese translation the catalogues hold (a text equal to one is Vietnamese,
    even without diacritics: "Xem", "Giao ban")."""
    from django.utils.translation import trans_real

    catalog = trans_real.translation("vi")._catalog
    return {str(v) for _k, v in catalog.items() if isinstance(v, str)}


def english_left(html: str) -> list[str]:
    vietnamese = _vietnamese_strings()
    return [
        t
        for t in texts(html)
        if t not in vietnamese
        and ENGLISH.match(t)
        and len(re.sub(r"[^A-Za-z]", "", t)) >= 3
        and t not in SAME_IN_BOTH
        and t.lower() not in {"office_a", "leader_a", "unit_a", "admin"}
    ]


def vietnamese_left(html: str, data: list[str]) -> list[str]:
    out = []
    for t in texts(html):
        if not VIETNAMESE.search(t):
            continue
        rest = t
        for d in data:
            if d in rest:
                rest = rest.replace(d, " ")
        if VIETNAMESE.search(rest):
            out.append(t)
    return out


def _admin_urls(cast) -> list[str]:
    urls = ["/admin/"]
    seen_apps = set()
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        base = f"/admin/{meta.app_label}/{meta.model_name}/"
        if meta.app_label not in seen_apps:
            seen_apps.add(meta.app_label)
            urls.append(f"/admin/{meta.app_label}/")
        urls.append(base)
        if model_admin.has_add_permission(_Request(cast.admin)):
            urls.append(base + "add/")
        obj = model.objects.order_by("pk").first()
        if obj is not None:
            urls.append(f"{base}{obj.pk}/change/")
    return urls


class _Request:
    def __init__(self, user):
        self.user = user
        self.method = "GET"
        self.GET = {}


def _recent_actions(cast):
    """Recent actions on the admin index show "Added:", "Changed:", "Deleted:"."""
    ct = ContentType.objects.get_for_model(type(cast.board_a))
    for flag in (ADDITION, CHANGE, DELETION):
        LogEntry.objects.create(
            user=cast.admin,
            content_type=ct,
            object_id=str(cast.board_a.pk),
            object_repr=str(cast.board_a),
            action_flag=flag,
            change_message="[]",
        )


def _client(user, lang: str) -> Client:
    client = Client(headers={"accept-language": lang})
    client.force_login(user)
    return client


def test_the_checks_see_untranslated_text():
    """The two detectors catch what they are for (so a green run means something)."""
    assert english_left("<th>Model name</th><p>Tỉnh ủy Alpha</p>") == ["Model name"]
    assert english_left('<img src="/static/admin/img/icon-yes.svg" alt="True">') == ["True"]
    assert vietnamese_left("<p>Quý I/2026</p><p>Tỉnh ủy Alpha</p>", ["Tỉnh ủy Alpha"]) == [
        "Quý I/2026"
    ]
    assert vietnamese_left("<p>90-TB/TU ngày 01/01/2026</p>", ["90-TB/TU"]) == [
        "90-TB/TU ngày 01/01/2026"
    ]


def test_the_admin_in_vietnamese_has_no_english_left(cast):
    _recent_actions(cast)
    client = _client(cast.admin, "vi")
    wrong = {}
    urls = _admin_urls(cast)
    assert len(urls) > 30
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        left = english_left(response.content.decode())
        if left:
            wrong[url] = sorted(set(left))
    assert not wrong, wrong


def test_the_admin_in_english_has_no_vietnamese_left(cast):
    _recent_actions(cast)
    data = _data_strings()
    client = _client(cast.admin, "en")
    wrong = {}
    for url in _admin_urls(cast):
        left = vietnamese_left(client.get(url).content.decode(), data)
        if left:
            wrong[url] = sorted(set(left))
    assert not wrong, wrong


def test_the_task_pages_in_english_show_english_periods_and_references(cast):
    from giaoban.tasks import services

    services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=cast.task_a.doc_date,
        evidence_number="335-BC/ĐU",
        evidence_date=cast.task_a.doc_date,
    )
    data = _data_strings()
    pages = {
        cast.office_a: [
            "/",
            "/?period=2026-Q1",
            "/tasks/",
            "/tasks/assignments/",
            f"/tasks/{cast.task_a.pk}/",
            "/tasks/leaders/",
            "/tasks/awaiting/",
            "/tasks/register/",
            f"/tasks/assignments/{cast.asg_a.pk}/",
        ],
        cast.unit_a: ["/", "/tasks/", f"/tasks/assignments/{cast.asg_a.pk}/"],
    }
    wrong = {}
    for user, urls in pages.items():
        client = _client(user, "en")
        for url in urls:
            html = client.get(url).content.decode()
            assert '<html lang="en">' in html, url
            left = vietnamese_left(html, data)
            if left:
                wrong[(user.username, url)] = sorted(set(left))
    assert not wrong, wrong


def test_the_admin_yes_no_icons_read_in_the_language(cast):
    """A list with a yes/no column (users: "active", "staff") shows its icons' alternative text in the
    page's language: "Có"/"Không" in Vietnamese, "Yes"/"No" in English, never "True"/"False"."""
    for lang, yes, no in (("vi", "Có", "Không"), ("en", "Yes", "No")):
        html = _client(cast.admin, lang).get("/admin/accounts/user/").content.decode()
        alts = set(re.findall(r'<img src="[^"]*/icon-(?:yes|no)\.svg" alt="([^"]*)"', html))
        assert alts and alts <= {yes, no}, (lang, alts)
        assert 'alt="True"' not in html and 'alt="False"' not in html
