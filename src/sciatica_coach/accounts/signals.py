"""What other apps hear from accounts, without accounts knowing them."""

from django.dispatch import Signal

# Sent (``user=``) when every way into an account but the request at hand must end: a new
# password, a password set from a reset link, "sign out of all devices". Sessions are ended by
# accounts itself; other credentials (the API's tokens) end on this signal.
every_other_way_in_ends = Signal()
