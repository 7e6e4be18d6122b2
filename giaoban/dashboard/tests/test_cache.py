"""The dashboard's aggregate is cached until the next audited change."""

from django.test import Client
from django.utils import timezone

from giaoban.tasks import services


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_cached_counts_change_after_an_act(cast, django_assert_max_num_queries):
    office = _client(cast.office_a)
    first = office.get("/").context["counts"]
    # second view: the per-unit aggregate comes from the cache (one query fewer)
    with django_assert_max_num_queries(9):
        assert office.get("/").context["counts"] == first
    today = timezone.localdate()
    services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=today,
        evidence_number="335-BC/ĐU",
        evidence_date=today,
    )
    services.confirm_completion(assignment=cast.asg_a, user=cast.office_a)
    after = office.get("/").context["counts"]
    assert after["done_on_time"] == first["done_on_time"] + 1
    assert after["open_in_time"] == first["open_in_time"] - 1


def test_cache_is_per_scope(cast):
    """Two offices never share a cached aggregate."""
    a = _client(cast.office_a).get("/").context["counts"]["total"]
    b = _client(cast.office_b).get("/").context["counts"]["total"]
    assert (a, b) == (2, 1)


def test_a_change_in_one_province_keeps_the_other_provinces_cache(cast, django_assert_num_queries):
    from giaoban.core import cache as data_cache

    office_a, office_b = _client(cast.office_a), _client(cast.office_b)
    office_a.get("/")
    office_b.get("/")
    b_version = data_cache._version(cast.committee_b.pk)
    a_version = data_cache._version(cast.committee_a.pk)
    services.add_progress(assignment=cast.asg_a, user=cast.unit_a, text="Đã có dự thảo", percent=50)
    assert data_cache._version(cast.committee_a.pk) > a_version
    assert data_cache._version(cast.committee_b.pk) == b_version
    # Beta's dashboard is still served from the cache: session, user, memberships, CTE,
    # overdue, due soon, awaiting ids (none await) — no per-unit aggregate
    with django_assert_num_queries(7):
        office_b.get("/")
