"""Accounts managed in the app: users, their unit and role, passwords, API tokens.

Who manages whom: the system administrator manages every account; a committee's office
manages the accounts of its committee's units when GIAOBAN_OFFICE_MANAGES_USERS is on.
Every change is audited; passwords and tokens never enter the audit (only that they
changed, and a token's prefix).
"""

from __future__ import annotations

import csv
import io
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from giaoban.accounts.models import ApiToken, Membership, Role, User
from giaoban.core.audit import log_action
from giaoban.core.permissions import forget_scope, scope_for
from giaoban.core.text import fold
from giaoban.org.models import Unit

USER_FIELDS = ["username", "full_name", "email", "position", "is_active"]


def manageable_unit_ids(manager: Any) -> frozenset[int] | None:
    """Units whose accounts ``manager`` manages: None = every unit (system admin)."""
    scope = scope_for(manager)
    if scope.is_admin:
        return None
    if getattr(settings, "GIAOBAN_OFFICE_MANAGES_USERS", False) and scope.office_unit_ids:
        return scope.office_unit_ids
    return frozenset()


def can_manage_users(manager: Any) -> bool:
    ids = manageable_unit_ids(manager)
    return ids is None or bool(ids)


def users_for(manager: Any) -> QuerySet:
    """The accounts ``manager`` may see in the user pages (everyone with a unit they manage)."""
    ids = manageable_unit_ids(manager)
    qs = User.objects.all()
    if ids is None:
        return qs
    # the system administrators are not the office's to manage: not listed, not editable
    return (
        qs.filter(memberships__unit_id__in=ids)
        .exclude(memberships__role=Role.ADMIN)
        .exclude(is_superuser=True)
        .distinct()
    )


def unit_codes_for(manager: Any) -> QuerySet:
    """The units whose accounts ``manager`` may create, with the codes the CSV import reads."""
    ids = manageable_unit_ids(manager)
    qs = Unit.objects.active().exclude(code="")
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.order_by("sort_order", "name")


def _role_names(roles: set[str]) -> dict[str, str]:
    """What a CSV may write for a role: its code, or its name in Vietnamese or English, with or
    without accents ("Cán bộ đơn vị", "can bo don vi", "Unit staff", "unit")."""
    names: dict[str, str] = {}
    for lang in ("en", "vi"):
        with translation.override(lang):
            names.update({fold(str(label)): value for value, label in Role.choices})
    return {k: v for k, v in names.items() if v in roles} | {v: v for v in roles}


def roles_for(manager: Any) -> list[tuple[str, str]]:
    """Office staff may not hand out the administrator's role."""
    if manageable_unit_ids(manager) is None:
        return list(Role.choices)
    return [(v, label) for v, label in Role.choices if v != Role.ADMIN]


def _check(manager: Any, unit: Unit | None = None, role: str | None = None) -> None:
    ids = manageable_unit_ids(manager)
    if ids is not None and (not ids or (unit is not None and unit.pk not in ids)):
        raise PermissionDenied
    if ids is not None and role == Role.ADMIN:
        raise PermissionDenied


PASSWORD_ACTS = [
    "accounts.user.created",
    "accounts.user.password_reset",
    "accounts.user.password_changed",
]


def needs_password_change(user: Any) -> bool:
    """Was the user's password last set by someone else (a new account, a reset)? Read from the
    audit log at sign-in (one query), kept in the session: no column, no query per page."""
    from giaoban.core.models import AuditEntry

    last = (
        AuditEntry.objects.filter(
            object_type="accounts.user", object_id=str(user.pk), action__in=PASSWORD_ACTS
        )
        .order_by("-created_at", "-id")
        .values_list("action", flat=True)
        .first()
    )
    return last is not None and last != "accounts.user.password_changed"


def temporary_password() -> str:
    """Readable enough to dictate on the phone, long enough for the validators."""
    return "-".join(secrets.token_hex(3) for _ in range(3))


@transaction.atomic
def create_user(
    *,
    manager: Any,
    username: str,
    full_name: str,
    email: str,
    unit: Unit,
    role: str,
    position: str = "",
    password: str | None = None,
) -> tuple[User, str]:
    """A new account with a temporary password (changed at the first sign-in)."""
    _check(manager, unit, role)
    raw = password or temporary_password()
    user = User(
        username=username.strip(),
        full_name=full_name.strip(),
        email=email.strip(),
        position=position.strip(),
    )
    user.set_password(raw)
    user.full_clean()
    user.save()
    membership = Membership(user=user, unit=unit, role=role)
    membership.full_clean()
    membership.save()
    log_action(
        user,
        "accounts.user.created",
        user=manager,
        unit=unit,
        data={
            "username": user.username,
            "full_name": user.full_name,
            "email": user.email,
            "unit": unit.pk,
            "role": role,
        },
    )
    return user, raw


@transaction.atomic
def update_user(
    *,
    manager: Any,
    user: User,
    full_name: str,
    email: str,
    position: str,
    unit: Unit,
    role: str,
    is_active: bool,
) -> User:
    """Name, e-mail, position, the one unit and role, and whether the account may sign in."""
    _check(manager, unit, role)
    if user.pk == getattr(manager, "pk", None) and not is_active:
        raise ValidationError({"is_active": _("You cannot deactivate your own account.")})
    before = {f: getattr(user, f) for f in USER_FIELDS}
    old = list(user.memberships.values("unit_id", "role"))
    for m in old:
        unit_obj = Unit.objects.get(pk=m["unit_id"])
        _check(manager, unit_obj, m["role"])
    before["memberships"] = old
    user.full_name, user.email, user.position = full_name.strip(), email.strip(), position.strip()
    user.is_active = is_active
    user.full_clean()
    user.save(update_fields=["full_name", "email", "position", "is_active"])
    if old != [{"unit_id": unit.pk, "role": role}]:
        user.memberships.all().delete()
        Membership.objects.create(user=user, unit=unit, role=role)
    forget_scope(user)
    after = {f: getattr(user, f) for f in USER_FIELDS}
    after["memberships"] = [{"unit_id": unit.pk, "role": role}]
    log_action(user, "accounts.user.updated", user=manager, unit=unit, before=before, data=after)
    if not is_active:
        # a deactivated account's tokens stop at once (the API also refuses inactive users)
        user.api_tokens.all().delete()
    return user


@transaction.atomic
def reset_password(*, manager: Any, user: User) -> str:
    """A new temporary password, shown once to the manager; changed at the next sign-in."""
    for m in user.memberships.select_related("unit"):
        _check(manager, m.unit, m.role)
    if not user.memberships.exists():
        _check(manager, None, Role.ADMIN)
    raw = temporary_password()
    user.set_password(raw)
    user.save(update_fields=["password"])
    log_action(user, "accounts.user.password_reset", user=manager, data={"username": user.username})
    return raw


@transaction.atomic
def change_own_password(*, user: User, old: str, new: str) -> None:
    if not user.check_password(old):
        raise ValidationError({"old_password": _("The current password is not right.")})
    if old == new:
        raise ValidationError({"new_password1": _("Choose a password different from the old one.")})
    validate_password(new, user)
    user.set_password(new)
    user.save(update_fields=["password"])
    log_action(user, "accounts.user.password_changed", user=user, data={"username": user.username})


# -- API tokens from the user's own page ----------------------------------------------------


@transaction.atomic
def issue_token(
    *,
    user: User,
    name: str,
    days: int | None = None,
    actor: User | None | str = "self",
    allow_never: bool = False,
) -> tuple[ApiToken, str]:
    """A token for ``user``, valid ``days`` days (None: GIAOBAN_TOKEN_DAYS). Chosen lengths run
    from 1 to GIAOBAN_TOKEN_MAX_DAYS; 0 (never expires) only where ``allow_never`` (the command
    line). ``actor``: who issues it for the audit (the user themself, or None: the console)."""
    name = name.strip()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Give the token a name (what will use it).")
    limit = settings.GIAOBAN_TOKEN_MAX_DAYS
    if days is not None and not (1 <= days <= limit or (days == 0 and allow_never)):
        errors["days"] = _("A token is valid from 1 to %(max)s days.") % {"max": limit}
    if errors:
        raise ValidationError(errors)
    token, raw = ApiToken.issue(user=user, name=name[:100], days=days)
    log_action(
        token,
        "accounts.token.issued",
        user=user if actor == "self" else actor,
        data={
            "user": user.pk,
            "name": token.name,
            "prefix": token.prefix,
            "expires_at": token.expires_at.isoformat() if token.expires_at else None,
        },
    )
    return token, raw


@transaction.atomic
def revoke_token(*, user: User, token: ApiToken) -> None:
    if token.user_id != user.pk:
        raise PermissionDenied
    log_action(
        token,
        "accounts.token.revoked",
        user=user,
        data={"user": user.pk, "name": token.name, "prefix": token.prefix},
    )
    token.delete()


# -- CSV import -----------------------------------------------------------------------------

CSV_COLUMNS = ["full_name", "email", "unit_code", "role"]


@dataclass
class ImportRow:
    line: int
    full_name: str
    email: str
    unit_code: str
    role: str
    username: str = ""
    unit: Unit | None = None
    errors: list[str] = field(default_factory=list)
    password: str = ""

    @property
    def role_label(self) -> str:
        return str(dict(Role.choices).get(self.role, self.role))


def _username_for(email: str, taken: set[str]) -> str:
    base = email.split("@", 1)[0].lower() or "user"
    name, i = base, 2
    while name in taken:
        name, i = f"{base}{i}", i + 1
    taken.add(name)
    return name


#: the names a first row may give each column (folded: no accents, lower case), so a header
#: written as the page describes the file ("họ tên, e-mail, mã đơn vị, vai trò") is not a row
HEADER_NAMES = (
    {"full_name", "name", "ho ten", "ho va ten", "ten", "full name"},
    {"email", "e-mail", "mail", "thu dien tu", "dia chi thu dien tu"},
    {"unit_code", "unit", "unit code", "ma don vi", "don vi", "ma"},
    {"role", "vai tro"},
)


def _is_header(cells: list[str]) -> bool:
    named = [fold(c).strip() in names for c, names in zip(cells[:4], HEADER_NAMES)]
    return sum(named) >= 3


def parse_csv(*, manager: Any, text: str) -> list[ImportRow]:
    """Read 'full name, e-mail, unit code, role' rows and check each (nothing is saved)."""
    rows: list[ImportRow] = []
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    ids = manageable_unit_ids(manager)
    roles = {v for v, _label in roles_for(manager)}
    role_names = _role_names(roles)
    taken = set(User.objects.values_list("username", flat=True))
    emails = {e.lower() for e in User.objects.exclude(email="").values_list("email", flat=True)}
    seen: set[str] = set()
    for line, cells in enumerate(reader, start=1):
        if not any(c.strip() for c in cells):
            continue
        if line == 1 and _is_header(cells):
            continue  # a header row, in the codes or as the page names the columns
        cells = [c.strip() for c in cells] + [""] * 4
        row = ImportRow(line, cells[0], cells[1], cells[2], cells[3].lower())
        if len([c for c in cells if c]) > 4:
            row.errors.append(_("More than four columns."))
        if not row.full_name:
            row.errors.append(_("The name is missing."))
        try:
            validate_email(row.email)
        except ValidationError:
            row.errors.append(_("The e-mail address is not valid."))
        else:
            if row.email.lower() in emails or row.email.lower() in seen:
                row.errors.append(_("An account with this e-mail already exists."))
            seen.add(row.email.lower())
        row.role = role_names.get(fold(row.role), row.role)
        if row.role not in roles:
            row.errors.append(
                _("Unknown role %(role)s: use one of %(roles)s.")
                % {
                    "role": cells[3] or "—",
                    "roles": "; ".join(str(label) for v, label in Role.choices if v in roles),
                }
            )
        units = Unit.objects.filter(code=row.unit_code) if row.unit_code else Unit.objects.none()
        if ids is not None:
            units = units.filter(pk__in=ids)
        row.unit = units.first()
        if row.unit is None:
            row.errors.append(_("No unit with code %(code)s.") % {"code": row.unit_code or "—"})
        if not row.errors:
            row.username = _username_for(row.email, taken)
        rows.append(row)
    if not rows:
        raise ValidationError({"file": _("The file has no rows.")})
    return rows


@transaction.atomic
def import_users(*, manager: Any, text: str) -> list[ImportRow]:
    """Create every row's account, or none if any row has an error."""
    rows = parse_csv(manager=manager, text=text)
    if any(r.errors for r in rows):
        raise ValidationError({"file": _("Correct the rows marked in red, then import again.")})
    for row in rows:
        _user, row.password = create_user(
            manager=manager,
            username=row.username,
            full_name=row.full_name,
            email=row.email,
            unit=row.unit,
            role=row.role,
        )
    return rows
