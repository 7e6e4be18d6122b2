"""Account pages: the user's own page (password, API tokens), and for those who manage
accounts the user list, new user, edit (unit, role, deactivate), password reset, CSV import."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from giaoban.accounts import services
from giaoban.accounts.forms import ImportForm, PasswordForm, TokenForm, UserCreateForm, UserEditForm
from giaoban.accounts.middleware import SESSION_FLAG
from giaoban.accounts.models import ApiToken, User
from giaoban.core.views import apply_validation_error, paginate, querystring_without_page
from giaoban.org.models import Unit


def _manager(request: HttpRequest):
    if not services.can_manage_users(request.user):
        raise PermissionDenied
    ids = services.manageable_unit_ids(request.user)
    units = Unit.objects.active()
    if ids is not None:
        units = units.filter(pk__in=ids)
    return units.order_by("sort_order", "name"), services.roles_for(request.user)


@login_required
@require_GET
def me(request: HttpRequest) -> HttpResponse:
    return _me_page(request)


def _me_page(request, status=200, **extra) -> HttpResponse:
    ctx = {
        "tokens": request.user.api_tokens.all(),
        "now": timezone.now(),
        "token_form": TokenForm(),
        "memberships": request.user.memberships.select_related("unit"),
        "can_manage": services.can_manage_users(request.user),
    }
    ctx.update(extra)
    return render(request, "accounts/me.html", ctx, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def password(request: HttpRequest) -> HttpResponse:
    form = PasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_own_password(
                user=request.user,
                old=form.cleaned_data["old_password"],
                new=form.cleaned_data["new_password1"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            update_session_auth_hash(request, request.user)
            request.session.pop(SESSION_FLAG, None)
            messages.success(request, _("Your password has been changed."))
            return redirect("accounts:me")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/password.html", {"form": form}, status=status)


@login_required
@require_POST
def token_issue(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            token, raw = services.issue_token(
                user=request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            # shown on this answer only: it is stored hashed
            return _me_page(request, new_token=raw, new_token_obj=token)
    return _me_page(request, status=400, token_form=form)


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.revoke_token(user=request.user, token=token)
    messages.success(request, _("Token revoked: %(name)s.") % {"name": token.name})
    return redirect("accounts:me")


@login_required
@require_GET
def user_list(request: HttpRequest) -> HttpResponse:
    _manager(request)
    qs = services.users_for(request.user).prefetch_related("memberships__unit")
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(username__icontains=q) | qs.filter(full_name__icontains=q)
    page = paginate(request, qs.order_by("username"))
    return render(
        request,
        "accounts/user_list.html",
        {"page": page, "q": q, "qs": querystring_without_page(request)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    units, roles = _manager(request)
    form = UserCreateForm(request.POST or None, units=units, roles=roles)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            user, raw = services.create_user(
                manager=request.user,
                username=d["username"],
                full_name=d["full_name"],
                email=d["email"],
                position=d["position"],
                unit=d["unit"],
                role=d["role"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return render(
                request, "accounts/temporary_password.html", {"account": user, "password": raw}
            )
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/user_form.html", {"form": form, "new": True}, status=status)


def _user(request: HttpRequest, pk: int) -> User:
    return get_object_or_404(services.users_for(request.user), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    units, roles = _manager(request)
    account = _user(request, pk)
    first = account.memberships.first()
    initial = {
        "full_name": account.full_name,
        "email": account.email,
        "position": account.position,
        "is_active": account.is_active,
        "unit": first.unit_id if first else None,
        "role": first.role if first else None,
    }
    form = UserEditForm(request.POST or None, initial=initial, units=units, roles=roles)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.update_user(
                manager=request.user,
                user=account,
                full_name=d["full_name"],
                email=d["email"],
                position=d["position"],
                unit=d["unit"],
                role=d["role"],
                is_active=d["is_active"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Account saved: %(name)s.") % {"name": account})
            return redirect("accounts:users")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "accounts/user_form.html", {"form": form, "account": account}, status=status
    )


@login_required
@require_POST
def user_reset_password(request: HttpRequest, pk: int) -> HttpResponse:
    _manager(request)
    account = _user(request, pk)
    raw = services.reset_password(manager=request.user, user=account)
    return render(
        request, "accounts/temporary_password.html", {"account": account, "password": raw}
    )


@login_required
@require_http_methods(["GET", "POST"])
def user_import(request: HttpRequest) -> HttpResponse:
    _manager(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    ctx: dict = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        text = form.cleaned_data["text"]
        if upload is not None:
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                form.add_error("file", _("Save the file as CSV in UTF-8."))
        try:
            if form.errors:
                raise ValidationError({})
            if request.POST.get("confirm") == "1" and upload is None:
                rows = services.import_users(manager=request.user, text=text)
                ctx.update(rows=rows, done=True)
            else:
                rows = services.parse_csv(manager=request.user, text=text)
                ctx.update(rows=rows, text=text, ok=not any(r.errors for r in rows))
        except ValidationError as exc:
            if hasattr(exc, "error_dict") and exc.error_dict:
                apply_validation_error(form, exc)
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "accounts/user_import.html", ctx, status=status)


@login_required
@require_GET
def user_import_units(request: HttpRequest) -> HttpResponse:
    """The codes the CSV import reads, for the units whose accounts this user may create."""
    _manager(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ma-don-vi.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 with its mark
    out = csv.writer(response)
    out.writerow([_("unit code"), _("unit name"), _("short name")])
    for code, name, short in services.unit_codes_for(request.user).values_list(
        "code", "name", "short_name"
    ):
        out.writerow([code, name, short])
    return response
