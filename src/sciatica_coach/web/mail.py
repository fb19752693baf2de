"""The e-mail backend for a production server with no SMTP settings: nothing sent, nothing
printed. The console backend would write reset links (passwords, in effect) into the log."""

import logging
from collections.abc import Sequence
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger(__name__)


class UnsentMailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[Any]) -> int:
        if email_messages:
            logger.warning("%d e-mail(s) not sent: EMAIL_HOST is not set", len(email_messages))
        return 0
