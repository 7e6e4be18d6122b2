"""Signals sent inside the service's transaction, for the notifications app's outbox.

Receivers get ``report`` (a UnitReport) and ``user`` (who acted); they run in the same
transaction as the act, so an outbox row written there lands (or rolls back) with it.
"""

from django.dispatch import Signal

report_submitted = Signal()
report_returned = Signal()
report_accepted = Signal()
