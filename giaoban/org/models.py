"""The organization: one tree of units (committees, boards, offices, …)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.db import connection, models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from giaoban.core.text import clean_identifier, fold


class UnitKind(models.TextChoices):
    COMMITTEE = "committee", _("Party committee (province/city)")
    BOARD = "board", _("Party board")
    OFFICE = "office", _("Office of the committee")
    INSPECTION = "inspection", _("Inspection commission")
    NEWSPAPER = "newspaper", _("Newspaper")
    RADIO_TV = "radio_tv", _("Radio and television")
    SCHOOL = "school", _("Political school")
    BLOC_COMMITTEE = "bloc_committee", _("Bloc Party committee")
    COMMUNE_COMMITTEE = "commune_committee", _("Commune/ward Party committee")
    NATIONAL = "national", _("National level")
    OTHER = "other", _("Other unit")


#: Kinds that host a briefing cycle for the units below them.
HOST_KINDS = frozenset(
    {UnitKind.COMMITTEE, UnitKind.BLOC_COMMITTEE, UnitKind.COMMUNE_COMMITTEE, UnitKind.NATIONAL}
)


#: the body words a committee's name starts with, before the place it is named after
PLACE_PREFIX_RE = re.compile(
    r"^(?:tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy(?: (?:xã|phường|thị trấn|đặc khu))?)\s+",
    re.IGNORECASE,
)


class UnitQuerySet(models.QuerySet):
    def active(self, on: date | None = None) -> UnitQuerySet:
        on = on or date.today()
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )

    def hosts(self) -> UnitQuerySet:
        return self.filter(kind__in=HOST_KINDS)

    def for_user(self, scope: Any) -> UnitQuerySet:
        """The units ``scope`` (a giaoban.core.permissions.Scope) may read."""
        return self if scope.is_admin else self.filter(pk__in=scope.readable_unit_ids)


class Unit(models.Model):
    """A unit of the Party bloc: a committee, a board, the office, a newspaper, …

    The tree is a plain parent foreign key; subtrees are read with a recursive
    CTE (``subtree_ids``). Restructuring (the 2025 merger of provinces and
    boards) closes a unit with ``valid_to`` and points to its ``successor``,
    so the history of its tasks survives.
    """

    kind = models.CharField(_("kind"), max_length=32, choices=UnitKind.choices)
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    code = models.CharField(_("identifier code"), max_length=64, blank=True)
    code_scheme = models.CharField(
        _("code scheme"),
        max_length=32,
        blank=True,
        help_text=_("Which register the code comes from, e.g. 'QĐ 20/2020' (mã định danh)."),
    )
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("successor"),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    name_folded = models.CharField(max_length=255, editable=False, default="")

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code_scheme", "code"],
                condition=~Q(code=""),
                name="org_unit_code_unique_per_scheme",
                violation_error_message=_("Another unit already has this identifier code."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="org_unit_valid_range",
                violation_error_message=_("'Valid to' must not be before 'valid from'."),
            ),
        ]
        indexes = [
            # children of a unit, walked by the subtree CTE
            models.Index(fields=["parent", "sort_order"], name="org_unit_parent_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self._clean_identifiers()

    def _clean_identifiers(self) -> None:
        # invisible characters must not make two units look like one (see clean_identifier)
        self.name = clean_identifier(self.name)
        self.short_name = clean_identifier(self.short_name)
        self.code = clean_identifier(self.code)

    def save(self, *args, **kwargs) -> None:
        self._clean_identifiers()
        self.name_folded = fold(f"{self.name} {self.short_name}")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = set(kwargs["update_fields"]) | {"name_folded"}
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def is_host(self) -> bool:
        return self.kind in HOST_KINDS

    @property
    def place_name(self) -> str:
        """The place a committee is named after, for the date line of its documents
        ("Tỉnh ủy Đồng Nai" -> "Đồng Nai", "Đảng ủy xã Tân An" -> "Tân An"); "" if none."""
        match = PLACE_PREFIX_RE.match(self.name)
        return self.name[match.end() :].strip() if match else ""

    def is_active(self, on: date | None = None) -> bool:
        on = on or date.today()
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or self.valid_to >= on
        )

    def ancestors(self) -> list[Unit]:
        """Parents from the nearest up to the root (one query per level; trees are shallow)."""
        chain: list[Unit] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain

    def host_committee(self) -> Unit | None:
        """The committee whose briefing cycle this unit belongs to."""
        for node in self.ancestors():
            if node.is_host:
                return node
        return None


def subtree_ids(root_ids: list[int] | set[int], *, include_roots: bool = True) -> set[int]:
    """Ids of every unit below the given roots, by one recursive CTE."""
    roots = sorted(set(root_ids))
    if not roots:
        return set()
    table = Unit._meta.db_table
    placeholders = ",".join(["%s"] * len(roots))
    sql = (
        f"WITH RECURSIVE sub(id) AS ("
        f" SELECT id FROM {table} WHERE id IN ({placeholders})"
        f" UNION SELECT u.id FROM {table} u JOIN sub ON u.parent_id = sub.id"
        f") SELECT id FROM sub"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, roots)
        found = {row[0] for row in cursor.fetchall()}
    if not include_roots:
        found -= set(roots)
    return found


from giaoban.org.models_alias import UnitAlias  # noqa: E402,F401  (learned unit names)
