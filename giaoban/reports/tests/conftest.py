"""Fixtures of the reporting tests: the fixed cast on a frozen day, a quarter period of
committee Alpha opened for its units, and an indicator the form asks for."""

from __future__ import annotations

from decimal import Decimal

import pytest

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.periods import Period
from giaoban.reports import services
from giaoban.reports.models import Accumulation, Indicator, IndicatorTarget


@pytest.fixture
def indicator(cast):
    ind = Indicator.objects.create(
        committee=cast.committee_a,
        code="DV01",
        name="Kết nạp đảng viên mới",
        measure="người",
        accumulation=Accumulation.PER_PERIOD,
        min_value=Decimal(0),
        max_value=Decimal(10000),
    )
    IndicatorTarget.objects.create(indicator=ind, year=2026, unit=cast.board_a, target=Decimal(100))
    IndicatorTarget.objects.create(indicator=ind, year=2026, unit=None, target=Decimal(400))
    return ind


@pytest.fixture
def period(frozen, cast, indicator):  # noqa: F811
    """Quý I/2026 of Tỉnh ủy Alpha: data until 14/03/2026, due 20/03/2026, open."""
    p = services.create_period(
        committee=cast.committee_a, period=Period.of_quarter(2026, 1), user=cast.office_a
    )
    p.form.indicators.add(indicator)
    return services.open_period(period=p, user=cast.office_a)


@pytest.fixture
def report(period, cast):
    return services.start_report(period=period, unit=cast.board_a, user=cast.unit_a)
