"""The table of acts: one declarative row per act drives the permission matrix, the page test
and the API test of that act.

An *act* is something a person does to a record: claim a completion, confirm it, approve a
notice. Each app lists its acts in ``<app>/tests/acts.py`` as ``ACTS: list[Act]``, saying once
the page URL and its POST data, the API operation and its JSON body, who may do it and the audit
action it writes. From that row:

- the permission matrix (``core/tests/test_permission_matrix.py``) gets the expected status of
  every role on the page (POST, and GET: back to the page, a form, or 405) and on the API;
- the app's act tests (``tasks/tests/test_acts.py``) do the act as the allowed role through the
  page and through the API and find its audit entry, and as every other role find nothing
  written.

So adding an act to the table tests it everywhere; an act URL or API write operation missing
from the table fails the app's completeness test.

Roles, in the order of each expectation string (see test_permission_matrix.py)::

    anon office_a leader_a unit_a unit_b admin
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.test import Client

ROLES = ("anon", "office_a", "leader_a", "unit_a", "unit_b", "admin")

#: who may do an act (the roles of the cast allowed; every other signed-in role is refused)
OFFICE = ("office_a",)
UNIT = ("unit_a",)
LEADER = ("leader_a",)
#: every signed-in person (their own password, tokens, notifications)
ANYONE = ("office_a", "leader_a", "unit_a", "unit_b", "admin")


@dataclass(frozen=True)
class Row:
    """One request of the matrix: a method, one expected status per role, the data, the state."""

    method: str
    expect: str  # one status per role, in ROLES order
    data: dict = field(default_factory=dict)
    state: str = ""  # "claimed", "extension", "attachment": what the act needs

    def status(self, role: str) -> int:
        codes = self.expect.split()
        assert len(codes) == len(ROLES), self.expect
        return int(codes[ROLES.index(role)])


@dataclass(frozen=True)
class Act:
    """One act, on its page and on the API.

    ``page``/``api`` may be None for an act with only one of the two. ``unseen``: the roles for
    whom the record in the URL does not exist (404): by default the user of committee Beta; also
    unit staff for a record only the office and leaders see (a draft notice); () for creating
    (nothing to find: 403 like any other refused role).
    ``page_get`` says what a GET on the page URL answers: "back" (a redirect to the page the act
    belongs to), "form" (the act's form, 200 for the allowed roles) or "405".
    ``audit``: the audit action the act writes ("" for a step that writes nothing yet).
    ``answers``/``api_answers``/``get_answers``: the roles refused with another status than 403
    or 404 on the page's POST, the API and the form's GET (``{"unit_b": 400}``: another
    committee's unit is not among the form's choices); nothing is written for them.
    """

    name: str
    who: tuple[str, ...]
    audit: str
    page: str | None = None
    page_data: dict = field(default_factory=dict)
    page_ok: int = 302
    page_get: str = "back"
    api: tuple[str, str] | None = None
    api_data: dict = field(default_factory=dict)
    api_ok: int = 200
    state: str = ""
    unseen: tuple[str, ...] = ("unit_b",)
    answers: dict[str, int] = field(default_factory=dict)
    api_answers: dict[str, int] = field(default_factory=dict)
    get_answers: dict[str, int] = field(default_factory=dict)

    def _codes(self, ok: int, anon: int, answers: dict[str, int]) -> str:
        def code(role: str) -> int:
            if role == "anon":
                return anon
            if role in answers:
                return answers[role]
            if role in self.who:
                return ok
            if role in self.unseen:
                return 404
            return 403

        return " ".join(str(code(r)) for r in ROLES)

    def page_rows(self) -> list[Row]:
        """The matrix rows of the page URL: the POST, then the GET."""
        assert self.page is not None
        post = Row("post", self._codes(self.page_ok, 302, self.answers), self.page_data, self.state)
        signed_in = len(ROLES) - 1
        get = {
            # tasks/urls.py ``act``: a bookmarked or reloaded act URL goes back to its page
            "back": Row("get", " ".join(["302"] * len(ROLES)), state=self.state),
            "form": Row("get", self._codes(200, 302, self.get_answers), state=self.state),
            "405": Row("get", " ".join(["302"] + ["405"] * signed_in), state=self.state),
        }[self.page_get]
        # a form page shows the form first (GET), then takes it (POST)
        return [get, post] if self.page_get == "form" else [post, get]

    def api_row(self) -> Row:
        assert self.api is not None
        return Row(
            self.api[0], self._codes(self.api_ok, 401, self.api_answers), self.api_data, self.state
        )


#: the rows of a page that is read, not acted on (written by hand in the matrix)
#                         anon office leader unit_a unit_b admin
READ_ALL = Row("get", "302  200    200    200    200    200")
READ_A = Row("get", "302  200    200    200    404    200")
NO_POST = Row("post", "302  405    405    405    405    405")
NO_GET = Row("get", "302  405    405    405    405    405")
API_READ_ALL = Row("get", "401  200    200    200    200    200")
API_READ_A = Row("get", "401  200    200    200    404    200")


def refuses(row: Row) -> bool:
    """Whether ``row`` is a method every signed-in role is refused with 405 (not an act)."""
    return {row.status(r) for r in ROLES if r != "anon"} == {405}


def page_table(acts: list[Act]) -> dict[str, list[Row]]:
    """route -> rows, for the acts that have a page."""
    out: dict[str, list[Row]] = {}
    for act in acts:
        if act.page is not None:
            assert act.page not in out, f"two acts on {act.page}"
            out[act.page] = act.page_rows()
    return out


def api_table(acts: list[Act]) -> dict[tuple[str, str], Row]:
    """(method, path) -> row, for the acts that have an API operation."""
    out: dict[tuple[str, str], Row] = {}
    for act in acts:
        if act.api is not None:
            assert act.api not in out, f"two acts on {act.api}"
            out[act.api] = act.api_row()
    return out


def app_counts(*labels: str) -> Callable[[], dict]:
    """``counts`` for ``do_act``: the rows of every model of the apps ``labels`` and of the audit
    log."""

    def counts() -> dict:
        from django.apps import apps

        from giaoban.core.models import AuditEntry

        models = [m for label in labels for m in apps.get_app_config(label).get_models()]
        return {m._meta.label: m._default_manager.count() for m in [*models, AuditEntry]}

    return counts


# -- doing an act in a test ------------------------------------------------------------------


#: the files an act may upload: "file:<name>" in an act's data is a fresh upload of that name
FILES = {
    ".pdf": (b"%PDF-1.4 giaoban test", "application/pdf"),
    ".txt": ("Báo cáo kết quả".encode(), "text/plain"),
    ".docx": (b"PK\x03\x04 not really", "application/octet-stream"),
}


def fill(data, ids: dict):
    """The data with each "{name}" replaced by ``ids[name]`` (the objects of the cast) and each
    "file:<name>" by a new upload of that name (its content chosen by the extension)."""
    if isinstance(data, str) and data.startswith("file:"):
        from pathlib import Path

        from django.core.files.uploadedfile import SimpleUploadedFile

        name = data[len("file:") :]
        content, kind = FILES[Path(name).suffix]
        return SimpleUploadedFile(name, content, content_type=kind)
    if isinstance(data, dict):
        return {k: fill(v, ids) for k, v in data.items()}
    if isinstance(data, list):
        return [fill(v, ids) for v in data]
    if isinstance(data, str) and data.startswith("{") and data.endswith("}"):
        return ids[data[1:-1]]
    return data


def page_client(cast, role: str) -> Client:
    client = Client()
    if role != "anon":
        client.force_login(getattr(cast, role))
    return client


def api_client(cast, role: str) -> tuple[Client, dict]:
    """A client and the headers of ``role``'s bearer token (none for anon)."""
    from giaoban.accounts.models import ApiToken

    headers = {}
    if role != "anon":
        _, raw = ApiToken.issue(user=getattr(cast, role), name="matrix")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return Client(), headers


def api_call(client: Client, headers: dict, method: str, url: str, data: dict):
    if method == "get":
        return client.get(url, **headers)
    return getattr(client, method)(
        url, json.dumps(data), content_type="application/json", **headers
    )


def refused_status(act: Act, role: str, via: str = "page") -> int:
    """What ``role`` (signed in, not allowed) gets for the act: 404 if it cannot see the record."""
    answers = act.answers if via == "page" else act.api_answers
    if role in answers:
        return answers[role]
    return 404 if role in act.unseen else 403


def do_act(cast, act: Act, *, via: str, url: str, data, counts: Callable[[], dict]) -> None:
    """Do ``act`` through the page (``via="page"``) or the API as every signed-in role, each in a
    savepoint rolled back after it: the allowed roles get the success status and the act's audit
    entry; every other role gets 403 (404 if it cannot see the record) and ``counts()`` (rows of
    the tables the app writes, with the audit log) does not move."""
    from giaoban.core.models import AuditEntry

    def audit() -> int:
        return AuditEntry.objects.filter(action=act.audit).count()

    ok = act.page_ok if via == "page" else act.api_ok
    for role in [r for r in ROLES if r != "anon"]:
        with transaction.atomic():
            if via == "page":
                client, headers = page_client(cast, role), {}
                method = "post"
            else:
                client, headers = api_client(cast, role)
                method = act.api[0] if act.api else "post"
            rows, entries = counts(), audit()
            for value in data.values() if isinstance(data, dict) else ():
                if hasattr(value, "seek"):
                    value.seek(0)  # each role uploads the same file afresh
            if via == "page":
                response = client.post(url, data)
            else:
                response = api_call(client, headers, method, url, data)
            got = (role, response.status_code)
            if role in act.who and role not in (act.answers if via == "page" else act.api_answers):
                assert got == (role, ok), (got, response.content[:400])
                if act.audit:
                    assert audit() == entries + 1, f"{act.name}: no {act.audit} entry"
                else:
                    assert counts() == rows, f"{act.name} wrote before its confirmation"
            else:
                assert got == (role, refused_status(act, role, via)), got
                assert counts() == rows, f"{act.name} by {role} wrote something"
            transaction.set_rollback(True)
