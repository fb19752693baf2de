"""Reminders: the private calendar feed and e-mail reminders for the two daily sessions."""
