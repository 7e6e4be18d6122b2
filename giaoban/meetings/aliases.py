"""Learned unit names: the clerk's corrections on the import review screen, kept per committee.

``correction`` reads one reviewed row: which phrase of the text the clerk's chosen unit names.
``learn_alias`` stores it (audited); the next import matches the phrase to that unit first and
hands it to the extractor as an alias of the unit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from giaoban.core.audit import log_action
from giaoban.core.text import fold
from giaoban.org.models import Unit
from giaoban.org.models_alias import PHRASE_MAX, UnitAlias


def correction(
    proposal: Iterable[tuple[str, Iterable[int]]], chosen_units: Iterable[Unit]
) -> tuple[str, Unit] | None:
    """(phrase, unit) when the clerk's choice corrects the proposal unambiguously.

    `proposal` is what the row proposed: (assignee phrase, unit ids) pairs. One phrase was
    unknown, or lost every unit proposed for it, and exactly one unit was chosen that was not
    proposed: that phrase names that unit."""
    chosen = {u.pk: u for u in chosen_units}
    pairs = [(phrase, tuple(pks)) for phrase, pks in proposal]
    proposed = {pk for _phrase, pks in pairs for pk in pks}
    unresolved = [
        phrase
        for phrase, pks in pairs
        if phrase.strip() and (not pks or not set(pks) & chosen.keys())
    ]
    added = [u for pk, u in chosen.items() if pk not in proposed]
    if len(unresolved) == 1 and len(added) == 1 and len(unresolved[0]) <= PHRASE_MAX:
        return unresolved[0], added[0]
    return None


@transaction.atomic
def learn_alias(*, committee: Unit, user: Any, phrase: str, unit: Unit) -> UnitAlias | None:
    """Store (phrase -> unit) for the committee, audited; None when nothing changes."""
    from giaoban.org.models import subtree_ids

    if unit.pk == committee.pk or unit.pk not in set(
        subtree_ids([committee.pk], include_roots=False)
    ):
        raise ValidationError(
            _("Unknown unit for this committee: %(names)s.") % {"names": unit.name}
        )
    folded = fold(phrase)[:PHRASE_MAX]
    alias = UnitAlias.objects.filter(committee=committee, phrase_folded=folded).first()
    if alias is not None and alias.unit_id == unit.pk:
        return None
    before = {"unit": alias.unit_id} if alias is not None else None
    if alias is None:
        alias = UnitAlias(committee=committee, phrase=phrase, created_by=user)
    alias.unit = unit
    alias.full_clean()
    alias.save()
    log_action(
        alias,
        "meetings.import.alias_learned",
        user=user,
        unit=committee,
        before=before,
        data={"phrase": alias.phrase, "unit": unit.pk},
    )
    return alias
