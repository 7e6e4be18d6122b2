"""Accounts in the app: users made, changed, deactivated and reset by those who manage them;
own password change; a temporary password changed at the first sign-in; CSV import with a
dry-run preview; API tokens issued (shown once) and revoked from the user's own page."""

from __future__ import annotations

import pytest
from django.test import Client

from giaoban.accounts import services
from giaoban.accounts.models import ApiToken, Membership, User
from giaoban.core.models import AuditEntry
from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.test import PASSWORD

pytestmark = pytest.mark.usefixtures("frozen")


def _new_user(client, cast, **kw):
    data = {
        "username": "nguyen.van.b",
        "full_name": "Nguyễn Văn B",
        "email": "b@example.vn",
        "position": "Chuyên viên",
        "unit": cast.board_a.pk,
        "role": "unit",
    }
    data.update(kw)
    return client.post("/accounts/users/new/", data)


def test_the_office_creates_an_account_with_a_temporary_password(cast, login):
    response = _new_user(login(cast.office_a), cast)
    assert response.status_code == 200
    html = response.content.decode()
    user = User.objects.get(username="nguyen.van.b")
    raw = html.split('<code class="user-select-all fs-5">')[1].split("</code>")[0]
    assert user.check_password(raw) and services.needs_password_change(user)
    assert list(user.memberships.values_list("unit", "role")) == [(cast.board_a.pk, "unit")]
    entry = AuditEntry.objects.get(action="accounts.user.created")
    assert raw not in str(entry.data) and "password" not in str(entry.data)


def test_the_office_manages_only_its_committees_units_and_no_administrators(cast, login):
    client = login(cast.office_a)
    assert _new_user(client, cast, unit=cast.board_b.pk).status_code == 400
    assert _new_user(client, cast, role="admin").status_code == 400
    assert not User.objects.filter(username="nguyen.van.b").exists()
    assert client.get(f"/accounts/users/{cast.unit_b.pk}/").status_code == 404
    assert (
        f'data-user="{cast.unit_b.username}"' not in client.get("/accounts/users/").content.decode()
    )


@pytest.mark.parametrize("who", ["unit_a", "leader_a"])
def test_others_do_not_manage_accounts(cast, login, who):
    client = login(getattr(cast, who))
    assert client.get("/accounts/users/").status_code == 403
    assert _new_user(client, cast).status_code == 403


def test_the_office_may_be_denied_by_the_setting(cast, login, settings):
    settings.GIAOBAN_OFFICE_MANAGES_USERS = False
    assert login(cast.office_a).get("/accounts/users/").status_code == 403
    assert login(cast.admin).get("/accounts/users/").status_code == 200


def test_deactivate_and_move_a_user(cast, login):
    client = login(cast.office_a)
    ApiToken.issue(user=cast.unit_a, name="excel")
    response = client.post(
        f"/accounts/users/{cast.unit_a.pk}/",
        {
            "full_name": "unit_a",
            "email": "",
            "position": "",
            "unit": cast.board_a2.pk,
            "role": "unit",
        },
    )
    assert response.status_code == 302
    cast.unit_a.refresh_from_db()
    assert not cast.unit_a.is_active
    assert list(Membership.objects.filter(user=cast.unit_a).values_list("unit", flat=True)) == [
        cast.board_a2.pk
    ]
    assert not ApiToken.objects.filter(user=cast.unit_a).exists()
    entry = AuditEntry.objects.get(action="accounts.user.updated")
    assert entry.before["is_active"] is True and entry.data["is_active"] is False
    # (through the sign-in page: the login throttle needs the request)
    refused = Client().post("/accounts/login/", {"username": "unit_a", "password": PASSWORD})
    assert refused.status_code == 200  # the form again, not a redirect into the app


def test_reset_password_then_the_first_sign_in_must_change_it(cast, login, client):
    html = login(cast.office_a).post(f"/accounts/users/{cast.unit_a.pk}/reset-password/")
    raw = html.content.decode().split('<code class="user-select-all fs-5">')[1].split("</code>")[0]
    fresh = Client()
    response = fresh.post("/accounts/login/", {"username": "unit_a", "password": raw})
    assert response.status_code == 302
    assert fresh.get("/tasks/").url == "/accounts/password/"  # nothing else until changed
    page = fresh.get("/accounts/password/").content.decode()
    assert 'id="must-change"' in page
    # the bell the password page polls gets nothing to swap in, not the page nested in itself
    bell = fresh.get("/notifications/bell/", HTTP_HX_REQUEST="true")
    assert bell.status_code == 204 and bell.content == b""
    bad = fresh.post(
        "/accounts/password/",
        {"old_password": raw, "new_password1": "x", "new_password2": "x"},
    )
    assert bad.status_code == 400
    assert "Mật khẩu quá ngắn" in bad.content.decode()  # Django's rule, in Vietnamese
    ok = fresh.post(
        "/accounts/password/",
        {
            "old_password": raw,
            "new_password1": "mat-khau-moi-2026",
            "new_password2": "mat-khau-moi-2026",
        },
    )
    assert ok.status_code == 302
    assert fresh.get("/tasks/").status_code == 200  # still signed in, free to go
    cast.unit_a.refresh_from_db()
    assert cast.unit_a.check_password("mat-khau-moi-2026")
    assert not services.needs_password_change(cast.unit_a)
    assert AuditEntry.objects.filter(action="accounts.user.password_changed").count() == 1


def test_every_user_changes_their_own_password(cast, login):
    client = login(cast.leader_a)
    wrong = client.post(
        "/accounts/password/",
        {
            "old_password": "sai",
            "new_password1": "mat-khau-moi-2026",
            "new_password2": "mat-khau-moi-2026",
        },
    )
    assert wrong.status_code == 400 and "Mật khẩu hiện tại không đúng" in wrong.content.decode()
    ok = client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "mat-khau-moi-2026",
            "new_password2": "mat-khau-moi-2026",
        },
    )
    assert ok.status_code == 302


def test_tokens_are_shown_once_and_revoked_from_my_page(cast, login):
    client = login(cast.unit_a)
    page = client.get("/accounts/me/").content.decode()
    assert 'href="/api/docs"' in page
    response = client.post("/accounts/me/tokens/", {"name": "Bảng tính Excel"})
    html = response.content.decode()
    raw = html.split('<code class="user-select-all fs-6">')[1].split("</code>")[0]
    assert raw.startswith("gb_")
    api = Client().get("/api/tasks", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.status_code == 200
    assert raw not in client.get("/accounts/me/").content.decode()  # never shown again
    token = ApiToken.objects.get(user=cast.unit_a)
    entry = AuditEntry.objects.get(action="accounts.token.issued")
    assert raw not in str(entry.data)
    assert login(cast.unit_b).post(f"/accounts/me/tokens/{token.pk}/revoke/").status_code == 404
    client = login(cast.unit_a)
    assert client.post(f"/accounts/me/tokens/{token.pk}/revoke/").status_code == 302
    assert Client().get("/api/tasks", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert AuditEntry.objects.filter(action="accounts.token.revoked").count() == 1


CSV = (
    "full_name,email,unit_code,role\n"
    "Trần Thị C,c@example.vn,BTC-A,unit\n"
    "Lê Văn D,d@example.vn,BTG-A,office\n"
)


def test_csv_import_previews_then_creates(cast, login):
    cast.board_a.code, cast.board_a2.code = "BTC-A", "BTG-A"
    cast.board_a.save()
    cast.board_a2.save()
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login(cast.office_a)
    upload = SimpleUploadedFile("users.csv", CSV.encode("utf-8-sig"), content_type="text/csv")
    preview = client.post("/accounts/users/import/", {"file": upload})
    assert preview.status_code == 200
    html = preview.content.decode()
    assert 'id="import-preview"' in html and 'id="import-confirm"' in html
    assert not User.objects.filter(email="c@example.vn").exists()  # a dry run
    done = client.post("/accounts/users/import/", {"text": CSV, "confirm": "1"})
    assert 'id="import-result"' in done.content.decode()
    c = User.objects.get(email="c@example.vn")
    assert (c.username, c.full_name) == ("c", "Trần Thị C")
    assert services.needs_password_change(c)
    assert c.memberships.get().unit == cast.board_a


def test_csv_import_with_a_bad_row_creates_nothing(cast, login):
    cast.board_a.code = "BTC-A"
    cast.board_a.save()
    bad = CSV + "Không Email,,XYZ,chief\n"
    client = login(cast.office_a)
    preview = client.post("/accounts/users/import/", {"text": bad}).content.decode()
    assert "table-danger" in preview and 'id="import-confirm"' not in preview
    assert "Không có đơn vị mã XYZ" in preview or "XYZ" in preview
    response = client.post("/accounts/users/import/", {"text": bad, "confirm": "1"})
    assert response.status_code == 400
    assert not User.objects.filter(email="c@example.vn").exists()


def test_the_office_does_not_see_or_manage_the_system_administrator(cast, login):
    client = login(cast.office_a)
    listing = client.get("/accounts/users/").content.decode()
    assert f'data-user="{cast.admin.username}"' not in listing
    assert f'data-user="{cast.unit_a.username}"' in listing
    assert client.get(f"/accounts/users/{cast.admin.pk}/").status_code == 404
    assert client.post(f"/accounts/users/{cast.admin.pk}/reset-password/").status_code == 404


def test_reset_password_asks_for_a_confirmation_first(cast, login):
    listing = login(cast.office_a).get("/accounts/users/").content.decode()
    row = listing.split(f'data-user="{cast.unit_a.username}"')[1].split("</tr>")[0]
    assert "data-confirm=" in row and "mật khẩu tạm" in row


def test_csv_import_reads_role_names_and_offers_the_unit_codes(cast, login):
    from giaoban.accounts import services

    cast.board_a.code = "A.01"
    cast.board_a.save(update_fields=["code"])
    client = login(cast.office_a)
    codes = client.get("/accounts/users/import/units.csv")
    assert codes.status_code == 200 and codes["Content-Type"].startswith("text/csv")
    text = codes.content.decode("utf-8-sig")
    assert f"A.01,{cast.board_a.name}" in text and cast.board_b.name not in text
    rows = services.parse_csv(
        manager=cast.office_a,
        text="Nguyễn Văn A,a@example.vn,A.01,Cán bộ đơn vị\n"
        "Trần Thị B,b@example.vn,A.01,can bo don vi\n"
        "Lê C,c@example.vn,A.01,Unit staff\n"
        "Phạm D,d@example.vn,A.01,Quản trị hệ thống\n",
    )
    assert [r.role for r in rows[:3]] == ["unit", "unit", "unit"]
    assert [r.errors for r in rows[:3]] == [[], [], []]
    assert rows[3].errors  # the office may not hand out the administrator's role
    page = client.post(
        "/accounts/users/import/",
        {"text": "Nguyễn Văn A,a@example.vn,A.01,Cán bộ đơn vị\n"},
    ).content.decode()
    assert "Cán bộ đơn vị" in page.split('id="import-preview"')[1]
    assert "Text:" not in page and "Văn bản:" not in page  # the hidden field has no label


@pytest.mark.parametrize(
    "header",
    [
        "full_name,email,unit_code,role",
        "họ tên,e-mail,mã đơn vị,vai trò",  # as the import page names the columns
        "Họ và tên,Thư điện tử,Mã đơn vị,Vai trò",
    ],
)
def test_csv_import_skips_a_header_row_in_either_language(cast, header):
    from giaoban.accounts import services

    cast.board_a.code = "A.01"
    cast.board_a.save(update_fields=["code"])
    rows = services.parse_csv(
        manager=cast.office_a, text=f"{header}\nNguyễn Văn A,a@example.vn,A.01,Cán bộ đơn vị\n"
    )
    assert [(r.line, r.full_name, r.errors) for r in rows] == [(2, "Nguyễn Văn A", [])]
