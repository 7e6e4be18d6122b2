"""The one model of documents: a Word template an office uploaded to replace a default one.

The builders themselves take plain dataclasses and bytes (``render.py``); this
table only stores which template an installation (or one committee) uses.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


class TemplateKind(models.TextChoices):
    NOTICE = "notice", _("Conclusion notice")
    MINUTES = "minutes", _("Minutes of a meeting")
    OFFICIAL = "official", _("Report or letter (general layout)")


class DocumentTemplate(models.Model):
    """An uploaded .docx template of one kind, for one committee or (empty) for every one."""

    kind = models.CharField(_("kind"), max_length=16, choices=TemplateKind.choices)
    committee = models.ForeignKey(
        "org.Unit",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="document_templates",
        verbose_name=_("committee"),
        help_text=_("Empty: used by every committee without its own template."),
    )
    name = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("template"), editable=False)
    active = models.BooleanField(_("in use"), default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        ordering = ["kind", "-uploaded_at"]
        indexes = [
            # the template in use for a kind and committee (template_for)
            models.Index(
                fields=["kind", "committee", "active"], name="documents_template_kind_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"
