from datetime import timedelta

from django.utils import timezone

from giaoban.tasks import services


def test_office_sees_claims_and_extension_requests_awaiting_decision(cast, login):
    today = timezone.localdate()
    client = login(cast.office_a)
    assert list(client.get("/").context["awaiting"]) == []
    services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=today,
        evidence_number="335-BC/ĐU",
        evidence_date=today,
    )
    other = cast.assignment(cast.task_a, cast.board_a2)
    services.request_extension(
        assignment=other,
        user=cast.unit_a2,
        new_deadline=other.deadline + timedelta(days=30),
        reason="Chờ ý kiến các sở",
    )
    awaiting = list(client.get("/").context["awaiting"])
    assert {a.pk for a in awaiting} == {cast.asg_a.pk, other.pk}
    assert [a.extension_pending for a in sorted(awaiting, key=lambda a: a.pk != other.pk)] == [
        True,
        False,
    ]
    # the other committee's office sees none of it; unit staff get no such list
    assert list(login(cast.office_b).get("/").context["awaiting"]) == []
    assert login(cast.unit_a).get("/").context["awaiting"] is None


def test_the_request_column_shows_what_is_asked_not_only_a_badge(cast, login):
    """ "Nội dung đề nghị": the claim's date and evidence, the extension's dates and reason."""
    import re

    today = timezone.localdate()
    services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=today,
        evidence_number="335-BC/ĐU",
        evidence_date=today,
        note="Đã ban hành kế hoạch triển khai",
    )
    other = cast.assignment(cast.task_a, cast.board_a2)
    services.request_extension(
        assignment=other,
        user=cast.unit_a2,
        new_deadline=other.deadline + timedelta(days=30),
        reason="Chờ ý kiến các sở",
    )
    html = login(cast.office_a).get("/").content.decode()
    table = re.search(r'<table[^>]*id="awaiting".*?</table>', html, re.S).group(0)
    assert "335-BC/ĐU" in table and "Đã ban hành kế hoạch triển khai" in table
    assert f"hoàn thành ngày {today:%d/%m/%Y}" in table or today.strftime("%d/%m/%Y") in table
    assert (other.deadline + timedelta(days=30)).strftime("%d/%m/%Y") in table
    assert "Chờ ý kiến các sở" in table
