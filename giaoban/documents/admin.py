"""Admin: an office uploads its own Word template; a broken one is refused with the reason."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from giaoban.documents.models import MAX_TEMPLATE_BYTES, DocumentTemplate
from giaoban.documents.render import TemplateError, render_docx
from giaoban.documents.samples import sample


class TemplateUploadForm(forms.ModelForm):
    upload = forms.FileField(label=_("Word template (.docx)"), required=True)

    class Meta:
        model = DocumentTemplate
        fields = ["kind", "committee", "active"]

    def clean(self):
        data = super().clean()
        upload = data.get("upload")
        kind = data.get("kind")
        if upload is None or kind is None:
            return data
        if upload.size > MAX_TEMPLATE_BYTES:
            raise forms.ValidationError(_("The template is larger than 5 MB."))
        content = upload.read()
        try:
            render_docx(sample(kind), kind=kind, template=content)
        except TemplateError as exc:
            self.add_error("upload", str(exc))
            return data
        self.instance.content = content
        self.instance.name = upload.name[:255]
        return data


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(admin.ModelAdmin):
    form = TemplateUploadForm
    list_display = ("kind", "committee", "name", "active", "uploaded_by", "uploaded_at")
    list_filter = ("kind", "active")

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None:
            form.base_fields["upload"].required = False
        return form

    def save_model(self, request, obj, form, change):
        from giaoban.core.audit import log_action, snapshot

        if not change:
            obj.uploaded_by = request.user
        obj.full_clean(exclude=["content"])
        obj.save()
        if obj.active:  # one template in use per kind and committee: the newest upload wins
            DocumentTemplate.objects.filter(
                kind=obj.kind, committee=obj.committee, active=True
            ).exclude(pk=obj.pk).update(active=False)
        log_action(
            obj,
            "documents.template.uploaded" if not change else "documents.template.changed",
            user=request.user,
            unit=obj.committee,
            data=snapshot(obj, ["kind", "committee", "name", "active"]),
        )
