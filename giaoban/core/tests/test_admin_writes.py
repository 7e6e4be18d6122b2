"""Every write made in Django admin goes through the audit writer, secrets never do; deletes
that would erase history are not offered (tasks are cancelled, units ended)."""

from __future__ import annotations

import importlib

from giaoban.accounts.models import ApiToken, Membership, Role, User
from giaoban.core.models import AuditEntry
from giaoban.org.models import Unit, UnitKind
from giaoban.tasks.models import Assignment, Task


def _entries_text() -> str:
    return " ".join(f"{e.before} {e.data}" for e in AuditEntry.objects.all())


def test_password_change_in_admin_is_audited_without_the_hash(cast, login):
    client = login(cast.admin)
    url = f"/admin/accounts/user/{cast.unit_a.pk}/password/"
    response = client.post(
        url,
        {
            "password1": "Mật-khẩu-mới-2026!",
            "password2": "Mật-khẩu-mới-2026!",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    cast.unit_a.refresh_from_db()
    assert cast.unit_a.check_password("Mật-khẩu-mới-2026!")
    entry = AuditEntry.objects.get(action="accounts.user.password_changed")
    assert entry.actor == cast.admin and entry.object_id == str(cast.unit_a.pk)
    assert cast.unit_a.password not in _entries_text()


def test_user_edit_in_admin_never_copies_the_password_hash(cast, login):
    client = login(cast.admin)
    url = f"/admin/accounts/user/{cast.unit_a.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if k != "password"}
    data.update(
        {
            "full_name": "Nguyễn Văn A",
            "groups": [],
            "user_permissions": [],
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "01/01/2026",
            "date_joined_1": "08:00:00",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = AuditEntry.objects.get(action="accounts.user.changed")
    assert entry.data["full_name"] == "Nguyễn Văn A"
    assert entry.data["password"] == "[redacted]" and entry.before["password"] == "[redacted]"
    assert cast.unit_a.password not in _entries_text()
    # the admin audit page shows the entry, without any hash
    page = client.get(f"/admin/core/auditentry/{entry.pk}/change/")
    assert page.status_code == 200
    assert "Nguyễn Văn A" in page.content.decode()
    assert cast.unit_a.password not in page.content.decode()


def test_token_revoked_in_admin_is_audited(cast, login):
    token, raw = ApiToken.issue(user=cast.unit_a, name="script")
    client = login(cast.admin)
    response = client.post(f"/admin/accounts/apitoken/{token.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    entry = AuditEntry.objects.get(action="accounts.apitoken.revoked")
    assert entry.actor == cast.admin and entry.before["name"] == "script"
    assert token.key_hash not in _entries_text()


def test_bulk_user_delete_in_admin_is_audited(cast, login):
    spare = [User.objects.create(username=f"spare{i}") for i in range(3)]
    client = login(cast.admin)
    response = client.post(
        "/admin/accounts/user/",
        {"action": "delete_selected", "_selected_action": [u.pk for u in spare], "post": "yes"},
    )
    assert response.status_code == 302
    assert not User.objects.filter(username__startswith="spare").exists()
    deleted = AuditEntry.objects.filter(action="accounts.user.deleted", actor=cast.admin)
    assert sorted(deleted.values_list("object_id", flat=True)) == sorted(str(u.pk) for u in spare)


def test_a_task_cannot_be_deleted_in_admin(cast, login):
    client = login(cast.admin)
    response = client.post(f"/admin/tasks/task/{cast.task_a.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    response = client.post(
        "/admin/tasks/task/",
        {"action": "delete_selected", "_selected_action": [cast.task_a.pk], "post": "yes"},
    )
    assert Task.objects.filter(pk=cast.task_a.pk).exists()
    assert Assignment.objects.filter(task=cast.task_a).count() == 2


def test_a_unit_with_history_cannot_be_deleted_but_a_mistaken_one_can(cast, login):
    client = login(cast.admin)
    response = client.post(f"/admin/org/unit/{cast.board_a.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    response = client.post(
        "/admin/org/unit/",
        {"action": "delete_selected", "_selected_action": [cast.board_a.pk], "post": "yes"},
    )
    assert Unit.objects.filter(pk=cast.board_a.pk).exists()
    # a unit entered by mistake, with nothing attached: deleted, and audited
    typo = Unit.objects.create(
        kind=UnitKind.BOARD, name="Ban Tổ chuc (gõ nhầm)", parent=cast.committee_a
    )
    response = client.post(f"/admin/org/unit/{typo.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="org.unit.deleted", object_id=str(typo.pk)).exists()
    # a unit with members only is history too
    Membership.objects.create(user=cast.unit_a, unit=cast.commune_a, role=Role.UNIT)
    assert (
        client.post(f"/admin/org/unit/{cast.commune_a.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )


def test_migration_redacts_secrets_already_in_the_log(db):
    from django.apps import apps

    migration = importlib.import_module("giaoban.core.migrations.0002_redact_audit_secrets")
    # entries as the admin wrote them before: hashes in plain sight
    leaked = AuditEntry.objects.create(
        action="accounts.user.changed",
        object_type="accounts.user",
        object_id="7",
        object_repr="unit_a",
        before={"password": "pbkdf2_sha256$1000000$salt$hash=", "full_name": "A"},
        data={"password": "pbkdf2_sha256$1000000$salt$newhash=", "full_name": "B"},
    )
    token = AuditEntry.objects.create(
        action="accounts.apitoken.changed",
        object_type="accounts.apitoken",
        object_id="3",
        object_repr="t",
        before={"key_hash": "ab" * 32, "name": "x"},
    )
    other = AuditEntry.objects.create(
        action="tasks.task.created",
        object_type="tasks.task",
        object_id="1",
        object_repr="task",
        data={"text": "password"},
    )
    migration.redact_entries(apps, None)
    leaked.refresh_from_db()
    assert leaked.before == {"password": "[redacted]", "full_name": "A"}
    assert leaked.data == {"password": "[redacted]", "full_name": "B"}
    token.refresh_from_db()
    assert token.before == {"key_hash": "[redacted]", "name": "x"}
    assert AuditEntry.objects.get(pk=other.pk).data == {"text": "password"}
