"""E-mail delivery against the loopback SMTP server: preferences, missing addresses, a server
that is down, and runs killed at each point."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from giaoban.notifications import delivery, engine
from giaoban.notifications.models import (
    Digest,
    DigestState,
    MailState,
    Notification,
    Preference,
    RemindRun,
)
from giaoban.notifications.tests.support import at, remind

MON = date(2026, 3, 23)


def addresses(smtp) -> list[str]:
    return sorted(a for m in smtp.messages for a in m.envelope_to)


def test_email_off_and_no_address_send_nothing_but_keep_the_centre(walk, smtp):
    cast, head, task = walk
    Preference.objects.create(user=cast.unit_a, email_enabled=False)
    head.email = ""
    head.save()
    line = remind(date(2026, 3, 17))
    assert smtp.messages == []
    # head, and the cast's unit_a2 and unit_b (told of their tasks), have no address
    assert "3 people without address" in line and "1 with e-mail off" in line
    assert set(Notification.objects.filter(recipient=head).values_list("mail", flat=True)) == {
        MailState.NO_ADDRESS
    }
    assert Notification.objects.filter(recipient=cast.unit_a, mail=MailState.OFF).count() == 3
    # a later run does not send the old ones once an address is given
    head.email = "head@alpha.test"
    head.save()
    remind(date(2026, 3, 18))
    assert smtp.messages == []


def test_digest_off_sends_one_email_per_notification(walk, smtp):
    cast, head, task = walk
    Preference.objects.create(user=cast.unit_a, email_enabled=True, digest=False)
    remind(date(2026, 3, 17))
    mine = [m for m in smtp.messages if m.envelope_to == ["unit_a@alpha.test"]]
    assert len(mine) == 3
    assert len({m.message["Message-ID"] for m in mine}) == 3
    assert len([m for m in smtp.messages if m.envelope_to == ["head@alpha.test"]]) == 1


def test_a_server_that_is_down_loses_nothing(walk, smtp, settings):
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 9  # discard port: refused on loopback
    line = remind(date(2026, 3, 17))
    assert smtp.messages == [] and "2 failed" in line
    assert set(Digest.objects.values_list("state", flat=True)) == {DigestState.FAILED}
    settings.EMAIL_PORT = port
    remind(date(2026, 3, 18))
    assert addresses(smtp) == ["head@alpha.test", "unit_a@alpha.test"]
    assert set(Digest.objects.values_list("state", flat=True)) == {DigestState.SENT}


def test_killed_before_the_mail_phase_catches_up_next_run(walk, smtp, monkeypatch):
    def killed(day):
        raise KeyboardInterrupt

    monkeypatch.setattr(delivery, "collect", killed)
    with pytest.raises(KeyboardInterrupt), at(date(2026, 3, 20)):
        engine.run()
    monkeypatch.undo()
    assert smtp.messages == [] and not RemindRun.objects.filter(finished_at__isnull=False).exists()
    remind(date(2026, 3, 20))
    assert addresses(smtp) == ["head@alpha.test", "unit_a@alpha.test"]
    smtp.clear()
    remind(date(2026, 3, 20))
    assert smtp.messages == []


def test_killed_after_claiming_an_email_sends_it_once_on_the_next_run(walk, smtp, monkeypatch):
    real_build = delivery.build

    def killed(digest):
        raise KeyboardInterrupt

    monkeypatch.setattr(delivery, "build", killed)
    with pytest.raises(KeyboardInterrupt), at(date(2026, 3, 17)):
        engine.run()
    monkeypatch.setattr(delivery, "build", real_build)
    assert smtp.messages == []
    assert DigestState.SENDING in set(Digest.objects.values_list("state", flat=True))
    remind(date(2026, 3, 17))
    assert addresses(smtp) == ["head@alpha.test", "unit_a@alpha.test"]


def test_killed_between_acceptance_and_mark_resends_with_the_same_message_id(
    walk, smtp, monkeypatch
):
    """The one window the SMTP protocol leaves: the retry carries the same Message-ID."""
    from django.core.mail.backends.smtp import EmailBackend

    real = EmailBackend.send_messages

    def accepted_then_killed(self, messages):
        real(self, messages)
        raise KeyboardInterrupt

    monkeypatch.setattr(EmailBackend, "send_messages", accepted_then_killed)
    with pytest.raises(KeyboardInterrupt), at(date(2026, 3, 17)):
        engine.run()
    monkeypatch.undo()
    first = [m.message["Message-ID"] for m in smtp.messages]
    assert len(first) == 1
    remind(date(2026, 3, 17))
    ids = [m.message["Message-ID"] for m in smtp.messages]
    assert len(ids) == 3 and ids[0] in ids[1:]
    assert Digest.objects.filter(state=DigestState.SENT).count() == 2


def test_missed_days_are_caught_up(walk, smtp):
    cast, head, task = walk
    remind(date(2026, 3, 17))
    remind(MON)  # nothing ran 18/03–22/03
    keys = set(Notification.objects.filter(recipient=cast.unit_a).values_list("key", flat=True))
    asg = task.assignments.get()
    assert {f"asg:{asg.pk}:today:2026-03-20", f"asg:{asg.pk}:over:2026-03-20:1"} <= keys


def test_a_second_run_at_the_same_time_is_refused(walk, smtp):
    with engine.run_lock():
        with pytest.raises(CommandError, match="another"), at(MON):
            call_command("remind", stdout=StringIO())


def test_bad_date_is_a_clear_error(db):
    with pytest.raises(CommandError, match="dd/mm/yyyy"):
        call_command("remind", "--date", "31/02/2026", stdout=StringIO())


def test_date_option_and_no_mail(walk, smtp):
    out = StringIO()
    call_command("remind", "--date", "17/03/2026", "--no-mail", stdout=out)
    assert out.getvalue().startswith("remind 17/03/2026: ")
    assert smtp.messages == [] and Digest.objects.count() == 0
