"""Redact secrets (password hashes, token digests, session keys) already in the audit log.

Earlier admin edits of users copied the password hash into the entries' before/after data.
The same rule as giaoban.core.audit.redact, written out here so the migration never changes.
"""

from django.db import migrations

SECRET_FIELDS = {"password", "key_hash", "session_key", "session_data", "token", "secret", "raw_token"}
REDACTED = "[redacted]"
SECRET_OWNERS = ["accounts.user", "accounts.apitoken", "sessions.session"]


def _redact(value):
    if isinstance(value, dict):
        return {k: (REDACTED if k in SECRET_FIELDS else _redact(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact(v) for v in value]
    return value


def redact_entries(apps, schema_editor):
    AuditEntry = apps.get_model("core", "AuditEntry")
    changed = []
    # only users, tokens and sessions ever carried secrets: the rest of a national log is skipped
    entries = AuditEntry.objects.filter(object_type__in=SECRET_OWNERS).only("id", "before", "data")
    for entry in entries.iterator(chunk_size=2000):
        before, data = _redact(entry.before), _redact(entry.data)
        if before != entry.before or data != entry.data:
            entry.before, entry.data = before, data
            changed.append(entry)
        if len(changed) >= 500:
            AuditEntry.objects.bulk_update(changed, ["before", "data"])
            changed = []
    if changed:
        AuditEntry.objects.bulk_update(changed, ["before", "data"])


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(redact_entries, migrations.RunPython.noop)]
