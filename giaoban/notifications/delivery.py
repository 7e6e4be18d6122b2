"""E-mail delivery: notifications taken into one digest per person per day, then sent.

Two phases, each safe to interrupt:

1. ``collect(day)`` takes every outbox row not yet e-mailed into an e-mail row (``Digest``) in
   one transaction: the person's digest of the day (unique per person and day), or one e-mail
   per notification for people who turned the digest off. People with e-mail off or without
   an address have their rows marked so (never sent, still in the centre).
2. ``send()`` claims each unsent e-mail by a conditional update (pending → sending), sends it,
   and marks it sent. A run killed after the SMTP server accepted a message and before the
   mark leaves it "sending": the next run sends it again with the *same* Message-ID (the one
   window where a message can arrive twice; mail clients fold equal Message-IDs). Nothing is
   lost: a failure marks the e-mail failed and the next run retries it.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from giaoban.accounts.models import User
from giaoban.notifications.messages import message
from giaoban.notifications.models import Digest, DigestState, MailState, Notification, Preference

log = logging.getLogger("giaoban.notifications")
MAX_ATTEMPTS = 5


@dataclass
class Collected:
    digests: int = 0
    notifications: int = 0
    off: int = 0  # people
    no_address: int = 0  # people


def _message_id(recipient_id: int, day: date, single_of: int | None) -> str:
    domain = settings.GIAOBAN_EMAIL_DOMAIN
    part = f"n{single_of}" if single_of is not None else "digest"
    return f"<giaoban.{day:%Y%m%d}.u{recipient_id}.{part}@{domain}>"


@transaction.atomic
def collect(day: date) -> Collected:
    """Take the pending outbox rows into e-mails (see module docstring)."""
    out = Collected()
    pending = Notification.objects.filter(mail=MailState.PENDING)
    user_ids = sorted(set(pending.values_list("recipient_id", flat=True)))
    if not user_ids:
        return out
    prefs = {p.user_id: p for p in Preference.objects.filter(user_id__in=user_ids)}
    emails = dict(User.objects.filter(pk__in=user_ids).values_list("pk", "email"))
    for user_id in user_ids:
        pref = prefs.get(user_id)
        mine = pending.filter(recipient_id=user_id)
        address = (emails.get(user_id) or "").strip()
        if pref is not None and not pref.email_enabled:
            out.off += bool(mine.update(mail=MailState.OFF))
            continue
        if not address:
            out.no_address += bool(mine.update(mail=MailState.NO_ADDRESS))
            continue
        if pref is not None and not pref.digest:
            for pk in mine.values_list("pk", flat=True):
                d = Digest.objects.create(
                    recipient_id=user_id,
                    day=day,
                    single=True,
                    address=address,
                    count=1,
                    message_id=_message_id(user_id, day, pk),
                )
                Notification.objects.filter(pk=pk).update(digest=d, mail=MailState.TAKEN)
                out.digests += 1
                out.notifications += 1
            continue
        digest, _created = Digest.objects.get_or_create(
            recipient_id=user_id,
            day=day,
            single=False,
            defaults={"address": address, "message_id": _message_id(user_id, day, None)},
        )
        if digest.state != DigestState.PENDING:
            continue  # today's digest is (being) sent: these wait for tomorrow's
        taken = mine.update(digest=digest, mail=MailState.TAKEN)
        Digest.objects.filter(pk=digest.pk).update(count=F("count") + taken, address=address)
        out.digests += int(_created)
        out.notifications += taken
    return out


def _subject(digest: Digest, count: int) -> str:
    if digest.single:
        return _("[giaoban] A notification, %(day)s") % {"day": f"{digest.day:%d/%m/%Y}"}
    return ngettext(
        "[giaoban] %(n)s thing to follow up, %(day)s",
        "[giaoban] %(n)s things to follow up, %(day)s",
        count,
    ) % {"n": count, "day": f"{digest.day:%d/%m/%Y}"}


def build(digest: Digest) -> EmailMultiAlternatives:
    """The e-mail of one digest: plain text with an HTML alternative, grouped by kind."""
    items = list(digest.notifications.order_by("kind", "created_at", "id"))
    base = settings.GIAOBAN_BASE_URL.rstrip("/")
    groups: dict[str, list[dict]] = defaultdict(list)
    labels: dict[str, str] = {}
    for n in items:
        labels[n.kind] = str(n.get_kind_display())
        groups[n.kind].append({"text": message(n.kind, n.params), "url": base + (n.url or "/")})
    ctx = {
        "digest": digest,
        "recipient": digest.recipient,
        "groups": [(labels[k], v) for k, v in groups.items()],
        "count": len(items),
        "centre": base + "/notifications/",
        "preferences": base + "/notifications/preferences/",
    }
    text = render_to_string("notifications/email_digest.txt", ctx)
    html = render_to_string("notifications/email_digest.html", ctx)
    mail = EmailMultiAlternatives(
        subject=_subject(digest, len(items)),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[digest.address],
        headers={"Message-ID": digest.message_id},
    )
    mail.attach_alternative(html, "text/html")
    return mail


@dataclass
class Sent:
    sent: int = 0
    failed: int = 0


def send(*, language: str | None = None) -> Sent:
    """Send every unsent e-mail (pending, failed under the retry limit, or left 'sending' by a
    killed run). Run under the command's lock, so 'sending' rows are never another run's."""
    out = Sent()
    todo = list(
        Digest.objects.filter(
            state__in=[DigestState.PENDING, DigestState.FAILED, DigestState.SENDING],
            attempts__lt=MAX_ATTEMPTS,
        )
        .order_by("id")
        .values_list("pk", flat=True)
    )
    if not todo:
        return out
    connection = get_connection(fail_silently=False)
    with translation.override(language or settings.LANGUAGE_CODE):
        try:
            connection.open()
        except Exception as exc:  # the server is down: every e-mail stays for the next run
            log.error("cannot connect to the mail server: %s", exc)
            Digest.objects.filter(pk__in=todo).update(
                state=DigestState.FAILED, last_error=str(exc)[:500]
            )
            out.failed = len(todo)
            return out
        try:
            for pk in todo:
                claimed = Digest.objects.filter(
                    pk=pk,
                    state__in=[DigestState.PENDING, DigestState.FAILED, DigestState.SENDING],
                ).update(state=DigestState.SENDING, attempts=F("attempts") + 1)
                if not claimed:
                    continue
                digest = Digest.objects.select_related("recipient").get(pk=pk)
                try:
                    connection.send_messages([build(digest)])
                except Exception as exc:
                    log.warning("e-mail %s to %s failed: %s", pk, digest.address, exc)
                    Digest.objects.filter(pk=pk).update(
                        state=DigestState.FAILED, last_error=str(exc)[:500]
                    )
                    out.failed += 1
                    continue
                Digest.objects.filter(pk=pk).update(
                    state=DigestState.SENT, sent_at=timezone.now(), last_error=""
                )
                out.sent += 1
        finally:
            connection.close()
    return out
