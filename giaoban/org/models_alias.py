"""Names a committee's clerk taught the import flow: a phrase of a text -> one of its units.

When the clerk corrects the unit proposed for a phrase on the import review screen, the phrase
is stored here for that committee (``importing.learn_aliases``, audited), and the next import
hands it to the extractor as an alias of the unit and matches it first.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from giaoban.core.text import fold

PHRASE_MAX = 200


class UnitAlias(models.Model):
    committee = models.ForeignKey(
        "org.Unit",
        on_delete=models.CASCADE,
        related_name="learned_aliases",
        verbose_name=_("host committee"),
    )
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    phrase = models.CharField(_("text"), max_length=PHRASE_MAX)
    phrase_folded = models.CharField(max_length=PHRASE_MAX, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["committee_id", "phrase_folded"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "phrase_folded"], name="meetings_unitalias_one_per_phrase"
            )
        ]

    def save(self, *args, **kwargs):
        self.phrase_folded = fold(self.phrase)[:PHRASE_MAX]
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.phrase = " ".join(self.phrase.split())
        self.phrase_folded = fold(self.phrase)[:PHRASE_MAX]

    def __str__(self) -> str:
        return f"{self.phrase} → {self.unit}"
