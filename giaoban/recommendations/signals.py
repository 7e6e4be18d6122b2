"""Signals sent inside the service's transaction, for the notifications app's outbox.

Receivers get ``recommendation`` and ``user`` (who acted), in the act's transaction.
"""

from django.dispatch import Signal

recommendation_raised = Signal()
recommendation_forwarded = Signal()
recommendation_answered = Signal()
recommendation_closed = Signal()
