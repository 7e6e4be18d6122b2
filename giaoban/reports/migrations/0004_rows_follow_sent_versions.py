"""The indicator and plan-progress rows of a report returned for correction are its last sent
version's (they used to follow every autosave of the corrected draft): rewrite them once from
that version, so the office's figures stop showing a draft nobody has sent."""

from decimal import Decimal, InvalidOperation

from django.db import migrations


def _number(text):
    """'1.234,5', '1234.5' -> Decimal (as reports.content.parse_number); None if it is not."""
    s = str(text or "").strip().replace(" ", "").replace("\u00a0", "")
    if not s:
        return None
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif s.count(".") > 1:
        s = s.replace(".", "")
    try:
        value = Decimal(s)
    except InvalidOperation:
        return None
    return value.quantize(Decimal("0.01")) if value.is_finite() else None


def resync(apps, schema_editor):
    UnitReport = apps.get_model("reports", "UnitReport")
    ReportVersion = apps.get_model("reports", "ReportVersion")
    Indicator = apps.get_model("reports", "Indicator")
    IndicatorValue = apps.get_model("reports", "IndicatorValue")
    PlanItem = apps.get_model("reports", "PlanItem")
    PlanItemProgress = apps.get_model("reports", "PlanItemProgress")
    returned = UnitReport.objects.filter(state="returned").values_list(
        "pk", "version_count", "period__committee_id"
    )
    for report_id, count, committee_id in returned.iterator():
        version = ReportVersion.objects.filter(report_id=report_id, number=count).first()
        if version is None:
            continue
        content = version.content or {}
        codes = dict(
            Indicator.objects.filter(committee_id=committee_id).values_list("code", "pk")
        )
        values = {}
        for code, text in (content.get("indicators") or {}).items():
            value = _number(text)
            if code in codes and value is not None:
                values[codes[code]] = value
        IndicatorValue.objects.filter(report_id=report_id).delete()
        IndicatorValue.objects.bulk_create(
            [IndicatorValue(report_id=report_id, indicator_id=i, value=v) for i, v in values.items()]
        )
        wanted = {
            int(k): int(v)
            for k, v in (content.get("plan_progress") or {}).items()
            if str(k).isdigit() and str(v).isdigit() and 0 <= int(v) <= 100
        }
        known = set(PlanItem.objects.filter(pk__in=list(wanted)).values_list("pk", flat=True))
        PlanItemProgress.objects.filter(report_id=report_id).delete()
        PlanItemProgress.objects.bulk_create(
            [
                PlanItemProgress(report_id=report_id, item_id=i, percent=p)
                for i, p in wanted.items()
                if i in known
            ]
        )


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_version_decision")]

    operations = [migrations.RunPython(resync, migrations.RunPython.noop)]
