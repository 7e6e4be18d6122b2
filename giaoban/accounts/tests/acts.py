"""The acts on accounts: one's own password and API tokens, and the office's (or the
administrator's) user management. One row each drives the permission matrix and the act tests
(giaoban/core/tests/acts.py says how).

Objects in the paths: the account of unit_a (``<pk>`` of users/), and — with ``state="token"`` —
one API token of unit_a (``state="unit_code"``: Ban Tổ chức A has the code BTC-A of the CSV). The office of committee Alpha manages the accounts of its units; the
administrator all.
"""

from __future__ import annotations

from giaoban.core.tests.acts import ANYONE, UNIT, Act, app_counts
from giaoban.test import PASSWORD

#: who manages accounts (a refused role gets 403: it has no user pages at all)
MANAGERS = ("office_a", "admin")
NEW_PASSWORD = "Giao-ban-2026-moi!"

ACTS: list[Act] = [
    Act(
        "change_password",
        ANYONE,
        "accounts.user.password_changed",
        page="accounts/password/",
        page_get="form",
        page_data={
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        unseen=(),
    ),
    # the new token is shown once on the page that answers (200)
    Act(
        "issue_token",
        ANYONE,
        "accounts.token.issued",
        page="accounts/me/tokens/",
        page_get="405",
        page_ok=200,
        page_data={"name": "Máy chủ báo cáo"},
        unseen=(),
    ),
    # one's own token only: anybody else's does not exist for them
    Act(
        "revoke_token",
        UNIT,
        "accounts.token.revoked",
        page="accounts/me/tokens/<int:pk>/revoke/",
        page_get="405",
        state="token",
        unseen=tuple(r for r in ANYONE if r not in UNIT),
    ),
    # the temporary password is shown once on the page that answers (200)
    Act(
        "create_user",
        MANAGERS,
        "accounts.user.created",
        page="accounts/users/new/",
        page_get="form",
        page_ok=200,
        page_data={
            "username": "tranthic",
            "full_name": "Trần Thị C",
            "email": "c@example.vn",
            "unit": "{unit}",
            "role": "unit",
        },
        unseen=(),
    ),
    Act(
        "import_users",
        MANAGERS,
        "accounts.user.created",
        page="accounts/users/import/",
        page_get="form",
        page_ok=200,
        page_data={
            "text": "full_name,email,unit_code,role\nTrần Thị C,c@example.vn,BTC-A,unit\n",
            "confirm": "1",
        },
        state="unit_code",
        unseen=(),
    ),
    Act(
        "edit_user",
        MANAGERS,
        "accounts.user.updated",
        page="accounts/users/<int:pk>/",
        page_get="form",
        page_data={
            "full_name": "Nguyễn Văn Đơn Vị",
            "email": "",
            "position": "Chuyên viên",
            "unit": "{unit}",
            "role": "unit",
            "is_active": "on",
        },
        unseen=(),
    ),
    Act(
        "reset_password",
        MANAGERS,
        "accounts.user.password_reset",
        page="accounts/users/<int:pk>/reset-password/",
        page_get="405",
        page_ok=200,
        unseen=(),
    ),
]


def prepare(cast, state: str, ids: dict) -> None:
    from giaoban.accounts.models import ApiToken

    ids["user"] = cast.unit_a.pk
    if state == "unit_code":  # the CSV names Ban Tổ chức A by its code
        cast.board_a.code = "BTC-A"
        cast.board_a.save(update_fields=["code"])
    if state == "token":
        ids["token"] = ApiToken.issue(user=cast.unit_a, name="matrix")[0].pk


def url_value(route: str, name: str, ids: dict) -> int | None:
    if not route.startswith("accounts/") or name != "pk":
        return None
    return ids["token"] if route.startswith("accounts/me/tokens/") else ids["user"]


counts = app_counts("accounts")
