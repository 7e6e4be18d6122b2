"""Every audit code reads as words (Vietnamese, or English), wherever it is shown: the
timelines (``action_label``) and the admin's audit list and filter."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation

from giaoban.core.audit import ACTION_LABELS, action_label, log_action

ROOT = Path(__file__).resolve().parents[2]

#: codes built at run time (not a literal in the log_action call)
DYNAMIC = [
    "tasks.assignment.extension_approved",
    "tasks.assignment.extension_rejected",
    "meetings.minutes.saved",
    "meetings.minutes.created",
    "documents.template.uploaded",
    "documents.template.changed",
    # the admin's generic acts (core.admin.AuditedAdminMixin)
    "org.unit.created",
    "org.unit.changed",
    "org.unit.deleted",
    "accounts.user.changed",
]


def _literal_codes() -> dict[str, str]:
    codes = {}
    for path in ROOT.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name != "log_action" or len(node.args) < 2:
                continue
            if isinstance(node.args[1], ast.Constant):
                codes[node.args[1].value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return codes


def test_the_scan_finds_the_codes():
    codes = _literal_codes()
    assert len(codes) > 40
    assert "tasks.assignment.extension_requested" in codes


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_audit_code_has_a_label_in_each_language(lang):
    missing = []
    with translation.override(lang):
        for code, where in [*_literal_codes().items(), *((c, "dynamic") for c in DYNAMIC)]:
            label = action_label(code)
            if label == code or "." in label.split()[0]:
                missing.append(f"{code} ({where})")
    assert not missing, missing


def test_labels_are_translated():
    with translation.override("vi"):
        assert action_label("tasks.assignment.extension_requested") == "Đề nghị gia hạn"
        assert action_label("org.unit.changed") == "Đơn vị: sửa (quản trị)"
    with translation.override("en"):
        assert action_label("tasks.assignment.extension_requested") == "Extension requested"
        assert action_label("org.unit.changed") == "Unit changed (administration)"
    assert action_label("nothing.like.this") == "nothing.like.this"
    assert "tasks.assignment.extension_requested" in ACTION_LABELS


def test_the_admin_audit_list_shows_labels_not_codes(cast):
    log_action(cast.asg_a, "tasks.assignment.extension_requested", user=cast.unit_a)
    cast.admin.is_staff = cast.admin.is_superuser = True
    cast.admin.save()
    client = Client(headers={"accept-language": "vi"})
    client.force_login(cast.admin)
    html = client.get("/admin/core/auditentry/").content.decode()
    start = html.index('id="result_list"')
    body = html[start : html.index("</table>", start)]
    assert "Đề nghị gia hạn" in body
    assert "tasks.assignment.extension_requested" not in body
    # the filter lists the labels too
    side = html[html.index('id="changelist-filter"') :]
    assert "Đề nghị gia hạn" in side and ">tasks.assignment.extension_requested<" not in side
    filtered = client.get("/admin/core/auditentry/?action=tasks.assignment.extension_requested")
    assert filtered.status_code == 200
