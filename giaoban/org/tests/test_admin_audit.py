"""Edits of reference data in Django admin land in the audit log."""

from giaoban.core.models import AuditEntry
from giaoban.org.models import Unit


def test_unit_edit_in_admin_is_audited(cast, login):
    client = login(cast.admin)
    unit = cast.board_a
    url = f"/admin/org/unit/{unit.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items()}
    data.update(
        {
            "name": "Ban Tổ chức Tỉnh ủy Alpha (mới)",
            "parent": cast.committee_a.pk,
            "valid_from": "",
            "valid_to": "",
            "successor": "",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors if response.context else ""
    )
    unit.refresh_from_db()
    assert unit.name == "Ban Tổ chức Tỉnh ủy Alpha (mới)"
    entry = AuditEntry.objects.get(action="org.unit.changed", object_id=str(unit.pk))
    assert entry.actor == cast.admin
    assert entry.before["name"] == "Ban Tổ chức Tỉnh ủy Alpha"
    assert entry.data["name"] == "Ban Tổ chức Tỉnh ủy Alpha (mới)"


def test_unit_added_in_admin_is_audited(cast, login):
    client = login(cast.admin)
    response = client.post(
        "/admin/org/unit/add/",
        {
            "kind": "board",
            "name": "Ban Nội chính Tỉnh ủy Alpha",
            "short_name": "",
            "code": "",
            "code_scheme": "",
            "parent": cast.committee_a.pk,
            "sort_order": 9,
        },
    )
    assert response.status_code == 302
    unit = Unit.objects.get(name="Ban Nội chính Tỉnh ủy Alpha")
    assert AuditEntry.objects.filter(
        action="org.unit.created", object_id=str(unit.pk), actor=cast.admin
    ).exists()
