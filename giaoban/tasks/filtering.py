"""One parser and validator of the list filters, shared by the task pages and the task API:
the same fields, the same messages, the same scope checks. An invalid value is refused (the
page shows its message and lists nothing, status 400; the API answers 400 with the message),
never silently dropped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from giaoban.core import dates
from giaoban.org.permissions import units_for
from giaoban.tasks.forms import FilterForm
from giaoban.tasks.ordering import ASSIGNMENT_ORDERINGS
from giaoban.tasks.permissions import tasks_for
from giaoban.tasks.queries import Filters


def leaders_of(user: Any) -> QuerySet:
    """The leaders (users) who directed a task the user can see: the "directed by" choices."""
    from giaoban.accounts.models import User

    directed = tasks_for(user).exclude(directed_by=None).values("directed_by_id")
    return User.objects.filter(pk__in=directed).order_by("full_name", "username")


@dataclass
class ListQuery:
    form: FilterForm
    filters: Filters
    #: the reference date of the status classes: the chosen "as of", else today
    ref: date
    #: an invalid value was given: list nothing and say why
    refused: bool

    def raise_if_refused(self) -> None:
        """For the API: the form's messages by field, as a ValidationError (answered 400)."""
        if self.refused:
            raise ValidationError(self.form.errors.as_data())


def parse_list_query(user: Any, data, *, orderings: dict = ASSIGNMENT_ORDERINGS) -> ListQuery:
    form = FilterForm(
        data or None,
        units=units_for(user).order_by("sort_order", "name"),
        leaders=leaders_of(user),
        orderings=orderings,
    )
    valid = form.is_valid() if form.is_bound else False
    filters = Filters.from_cleaned(form.cleaned_data) if valid else Filters()
    ref = (form.cleaned_data.get("as_of") if valid else None) or dates.today()
    return ListQuery(form=form, filters=filters, ref=ref, refused=form.is_bound and not valid)
