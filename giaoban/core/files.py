"""Attached files: the checks every upload passes and the one way files are served.

Uploads: ``validate_attachment`` (type by extension from ALLOWED_ATTACHMENT_EXTENSIONS, size up to
``GIAOBAN_MAX_ATTACHMENT_BYTES``) raises ValidationError on the ``attachment`` field, with the
user-facing message; call it in the service before saving. Downloads: load the object that holds
the file through the app's scoped queryset first (another unit's record is a 404), then answer
with ``serve(field_file)``: a missing file is a 404 too, never a 500, and the file always comes as
a download (never rendered inline by the browser).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

ALLOWED_ATTACHMENT_EXTENSIONS = {
    ".pdf",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".odt",
    ".ods",
    ".jpg",
    ".jpeg",
    ".png",
    ".zip",
}


def validate_attachment(upload: UploadedFile | None, field: str = "attachment") -> None:
    if upload is None:
        return
    name = (upload.name or "").lower()
    ext = name[name.rfind(".") :] if "." in name else ""
    if ext not in ALLOWED_ATTACHMENT_EXTENSIONS:
        raise ValidationError(
            {
                field: _("File type %(ext)s is not accepted. Accepted: %(allowed)s.")
                % {"ext": ext or "?", "allowed": ", ".join(sorted(ALLOWED_ATTACHMENT_EXTENSIONS))}
            }
        )
    if upload.size is not None and upload.size > settings.GIAOBAN_MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            {
                field: _("The file is larger than %(mb)s MB.")
                % {"mb": settings.GIAOBAN_MAX_ATTACHMENT_BYTES // (1024 * 1024)}
            }
        )


def serve(file: FieldFile | None) -> FileResponse:
    """The file of an object already loaded through the user's scope, as a download."""
    if not file:
        raise Http404
    try:
        handle = file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404
    return FileResponse(handle, as_attachment=True, filename=file.name.rsplit("/", 1)[-1])
