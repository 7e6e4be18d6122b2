"""The import flow learns the committee's own names: the unit tree goes to the extractor, and a
clerk's correction on the review screen becomes an alias (audited) used by the next import."""

from __future__ import annotations

import pytest

from giaoban.core.models import AuditEntry
from giaoban.extraction import extract
from giaoban.meetings import aliases, importing
from giaoban.meetings.tests.test_views import _form_values
from giaoban.org.models import UnitAlias

pytestmark = pytest.mark.usefixtures("frozen")

TEXT = (
    "Ngày 10/3/2026, đồng chí Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị giao ban quý I/2026 "
    "với các ban đảng. Kết luận hội nghị, đồng chí Phó Bí thư Thường trực Tỉnh ủy yêu cầu Tổ "
    "giúp việc Ban Chỉ đạo 35 rà soát các tin xấu độc trên mạng xã hội trước ngày 30/4/2026."
)
PHRASE = "Tổ giúp việc Ban Chỉ đạo 35"


def _review(client, committee):
    response = client.post(
        "/meetings/import/", {"committee": committee.pk, "stage": "read", "text": TEXT}
    )
    assert response.status_code == 200
    return response.content.decode()


def test_the_committee_units_are_passed_to_the_extractor(cast):
    text = TEXT.replace(PHRASE, "Ban Tuyên giáo A")
    # without the tree the short name is not a unit the extractor knows …
    assert extract(text).directives[0].assignees != ("Ban Tuyên giáo Tỉnh ủy Alpha",)
    # … with it the assignee comes back under the tree's name, and is matched to the unit
    proposal = importing.propose(committee=cast.committee_a, text=text)
    assert proposal.rows[0].lead == [cast.board_a2] and not proposal.rows[0].unknown
    assert proposal.rows[0].phrases == [("Ban Tuyên giáo Tỉnh ủy Alpha", [cast.board_a2.pk])]


def test_import_correct_reimport_proposes_the_corrected_unit(cast, login):
    client = login(cast.office_a)
    html = _review(client, cast.committee_a)
    assert "unknown-unit" in html and UnitAlias.objects.count() == 0
    data = _form_values(html)
    assert PHRASE in data["r-0-proposed"]
    data["r-0-lead_units"] = [str(cast.board_a2.pk)]  # the clerk's correction
    response = client.post("/meetings/import/", data)
    assert response.status_code == 302, response.content.decode()[:2000]

    alias = UnitAlias.objects.get()
    assert (alias.committee, alias.unit, alias.phrase) == (cast.committee_a, cast.board_a2, PHRASE)
    entry = AuditEntry.objects.get(action="meetings.import.alias_learned")
    assert entry.actor == cast.office_a and entry.data["phrase"] == PHRASE

    # next time the same phrase is proposed as that unit, with nothing to correct
    proposal = importing.propose(committee=cast.committee_a, text=TEXT)
    assert proposal.rows[0].lead == [cast.board_a2] and not proposal.rows[0].unknown
    html = _review(client, cast.committee_a)
    assert "unknown-unit" not in html
    # another committee has learned nothing
    assert importing.UnitMatcher(cast.committee_b).match(PHRASE).unknown


def test_a_correction_is_learned_only_when_it_is_unambiguous(cast):
    a, a2, xa = cast.board_a, cast.board_a2, cast.commune_a
    assert aliases.correction([(PHRASE, [])], [a2]) == (PHRASE, a2)
    # the proposal kept: nothing to learn
    assert aliases.correction([("Ban Tổ chức", [a.pk])], [a]) is None
    # a proposed unit replaced by another
    assert aliases.correction([("Ban TC", [a.pk])], [a2]) == ("Ban TC", a2)
    # two unknown phrases and one chosen unit, or one phrase and two new units: ambiguous
    assert aliases.correction([("X", []), ("Y", [])], [a2]) is None
    assert aliases.correction([("X", [])], [a2, xa]) is None


def test_a_learned_alias_is_changed_by_a_later_correction_and_audited(cast):
    user = cast.office_a
    first = aliases.learn_alias(
        committee=cast.committee_a, user=user, phrase=PHRASE, unit=cast.board_a
    )
    assert first is not None
    again = aliases.learn_alias(
        committee=cast.committee_a, user=user, phrase=PHRASE, unit=cast.board_a
    )
    assert again is None  # nothing changed, nothing audited
    changed = aliases.learn_alias(
        committee=cast.committee_a, user=user, phrase=PHRASE.upper(), unit=cast.board_a2
    )
    assert changed is not None and UnitAlias.objects.get().unit == cast.board_a2
    entries = AuditEntry.objects.filter(action="meetings.import.alias_learned").order_by("pk")
    assert [e.before for e in entries] == [None, {"unit": cast.board_a.pk}]
    # a unit outside the committee's tree is refused
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        aliases.learn_alias(committee=cast.committee_a, user=user, phrase="Z", unit=cast.board_b)
