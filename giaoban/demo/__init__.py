"""Demo and scale data: a realistic province after the 2025 reform, or the whole country.

``build_province`` (``giaoban demo``, ``make run``) builds one province through the services —
units, users, six quarters of conclusion tasks in every status class — then hands the built
province to every app's demo builder. ``build_national`` (``giaoban demo --scale national``)
writes millions of rows by bulk insert for load tests and writes no audit entries.

Adding an app's demo data (the extension point)
-----------------------------------------------
Write ``giaoban/<app>/demo.py`` with one function taking the built province::

    def build(demo: ProvinceDemo) -> None:
        meeting = services.create_meeting(committee=demo.committee, ..., user=demo.office)
        demo.summary.append(f"{n} meetings")

and add its dotted path to ``PROVINCE_BUILDERS`` below (e.g. ``"giaoban.meetings.demo.build"``): one line per app, run in list order, in
the same transaction as the province. ``ProvinceDemo`` (``giaoban.demo.province``) carries the
committee, its bloc units (the Office first) and communes, every user by username, the office
clerk and the leader, one staff user per unit, the tasks, the reference date ``today`` and the
seeded ``rng`` (use it, so that a seed gives the same data). Go through your app's services and
respect the rules real input obeys — in particular nobody decides on their own request: requests
come from ``demo.unit_staff[unit.pk]``, decisions from ``demo.office`` or ``demo.leader``; the
demo test checks it with ``giaoban.core.decisions.self_decided()``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # this package is also an installed app: nothing here imports models at load
    from giaoban.demo.province import ProvinceDemo  # noqa: F401

__all__ = [
    "DEMO_PASSWORD",
    "PROVINCE_BUILDERS",
    "build_national",
    "build_province",
    "print_logins",
]

DEMO_PASSWORD = "giaoban2026"

#: each app's demo builder, ``callable(ProvinceDemo)``, by dotted path; run in this order
PROVINCE_BUILDERS: list[str] = [
    "giaoban.reports.demo.build",
    "giaoban.meetings.demo.build",
]


def build_province(*, seed: int = 2026, today: date | None = None) -> str:
    """One province (Đồng Nai), its users and tasks, then every app's demo data; a summary line."""
    from django.db import transaction
    from django.utils.module_loading import import_string

    from giaoban.accounts.models import User
    from giaoban.demo import province
    from giaoban.org.models import Unit
    from giaoban.tasks.models import Assignment

    with transaction.atomic():
        demo = province.build(seed=seed, today=today)
        for path in PROVINCE_BUILDERS:
            import_string(path)(demo)
        return ", ".join(
            [
                f"1 province, {Unit.objects.count()} units, {User.objects.count()} users",
                f"{len(demo.tasks)} tasks, {Assignment.objects.count()} assignments",
                *demo.summary,
            ]
        )


def build_national(**kwargs: Any) -> str:
    """The whole country by bulk insert (see ``giaoban.demo.national.build_national``)."""
    from giaoban.demo.national import build_national as build

    return build(**kwargs)


def print_logins(out: TextIO) -> None:
    """Every demo login: one line per active user with a membership (the committee's people and
    every unit's staff, the newspaper and the school included), committee and bloc first, then
    the communes in their order."""
    from giaoban.accounts.models import Membership

    users = (
        Membership.objects.select_related("user", "unit")
        .filter(user__is_active=True)
        .order_by("unit__sort_order", "unit__name", "role", "user__username")
    )
    out.write(f"Tài khoản mẫu / demo logins (mật khẩu / password: {DEMO_PASSWORD}):")
    for m in users:
        out.write(f"  {m.user.username:<14} {m.get_role_display():<28} {m.unit.name}")
