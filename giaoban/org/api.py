from datetime import date

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from giaoban.core.permissions import get_for_user
from giaoban.org.permissions import units_for

router = Router(tags=["units"])


class UnitOut(Schema):
    id: int
    kind: str
    name: str
    short_name: str
    code: str
    code_scheme: str
    parent_id: int | None
    valid_from: date | None
    valid_to: date | None


@router.get("/", response=list[UnitOut], summary="Units the user may see")
@paginate(LimitOffsetPagination)
def list_units(request: HttpRequest, q: str = ""):
    from giaoban.core.text import fold

    qs = units_for(request.user).order_by("sort_order", "name")
    for word in fold(q).split():
        qs = qs.filter(name_folded__contains=word)
    return qs


@router.get("/{unit_id}", response=UnitOut)
def get_unit(request: HttpRequest, unit_id: int):
    return get_for_user(request.user, units_for(request.user), unit_id)
