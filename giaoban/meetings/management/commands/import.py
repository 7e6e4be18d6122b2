"""giaoban import FILE --committee CODE [--dry-run] [--user USERNAME]: read a notice or news
text into a draft meeting and notice (the same flow as the import page).

Prints what it would create; without --dry-run saves it in one transaction. Unit names that
match nothing stop the save (with three suggestions each): fix them on the import page.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError

from giaoban.accounts.models import Membership, Role
from giaoban.meetings import importing
from giaoban.org.models import Unit


class Command(BaseCommand):
    help = "Import a conclusion notice or news text (.txt, .docx, .html) as a draft meeting and notice."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--committee", required=True, help="identifier code of the host committee"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="print what would be created, save nothing"
        )
        parser.add_argument(
            "--user", help="office user recorded as the author (default: the committee's first)"
        )

    def handle(self, *args, file: str, committee: str, dry_run: bool, user: str | None, **options):
        unit = Unit.objects.filter(code=committee).first()
        if unit is None or not unit.is_host:
            raise CommandError(f"no committee with code {committee!r}")
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc.strerror}") from None
        try:
            text, name = importing.read_text(
                upload=SimpleUploadedFile(file.rsplit("/", 1)[-1], data)
            )
            proposal = importing.propose(committee=unit, text=text, source_name=name)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self._print(proposal)
        unknown = [m for r in proposal.rows for m in r.unknown]
        if dry_run:
            self.stdout.write(
                f"import {name}: dry run, {len(proposal.rows)} directives, nothing saved"
            )
            return
        if unknown:
            raise CommandError(
                f"{len(unknown)} unit name(s) match nothing; correct them on the import page"
            )
        if proposal.duplicates:
            raise CommandError(
                "this text was imported before; use the import page to import it again"
            )
        author = self._author(unit, user)
        meeting, notice = importing.save_import(
            committee=unit,
            user=author,
            text=text,
            source_name=name,
            meeting=proposal.meeting,
            notice=proposal.notice,
            rows=[
                importing.ReviewedRow(
                    text=r.text,
                    deadline=r.deadline,
                    all_units=r.all_units,
                    lead_units=tuple(r.lead),
                    coordinating_units=tuple(r.coordinating),
                )
                for r in proposal.rows
            ],
        )
        self.stdout.write(
            f"import {name}: meeting {meeting.pk} and draft notice {notice.pk} with {len(proposal.rows)} items saved"
        )

    def _author(self, unit: Unit, username: str | None):
        from giaoban.org.models import subtree_ids

        memberships = Membership.objects.filter(
            role=Role.OFFICE, unit_id__in=subtree_ids([unit.pk])
        ).select_related("user")
        if username:
            memberships = memberships.filter(user__username=username)
        found = memberships.order_by("user__username").first()
        if found is None:
            raise CommandError(
                "no office user of this committee to record as the author (see --user)"
            )
        return found.user

    def _print(self, p) -> None:
        m = p.meeting
        self.stdout.write(
            f"meeting: {m['title']} · {m['day']:%d/%m/%Y} · {m['kind']}"
            + (f" · {m['points']} connection points" if m["points"] else "")
        )
        for name, title in m["chairs"]:
            self.stdout.write(f"  chair: {name}, {title}")
        self.stdout.write(f"notice: {p.notice['number'] or '(no number yet)'} {p.notice['title']}")
        for i, r in enumerate(p.rows, start=1):
            units = "all units" if r.all_units else ", ".join(u.name for u in r.lead) or "-"
            if r.coordinating:
                units += " / coordinating: " + ", ".join(u.name for u in r.coordinating)
            deadline = f"{r.deadline:%d/%m/%Y}" if r.deadline else "standing"
            self.stdout.write(f"  {i}. {r.text[:90]} [{units}; {deadline}]")
            for u in r.unknown:
                hints = ", ".join(s.name for s in u.suggestions)
                self.stdout.write(f"     ! '{u.phrase}' matches no unit (suggestions: {hints})")
        if p.duplicates:
            self.stdout.write("  ! this text was imported before")
