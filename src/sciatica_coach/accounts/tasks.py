"""The e-mails an account gets: the password reset and the address confirmation, sent as
background tasks (the worker), so a request never waits for SMTP or shows by its timing whether
an address has an account."""

from django.contrib.auth.forms import PasswordResetForm
from django.tasks import task

EMAIL_TEMPLATE = "accounts/password_reset_email.txt"
SUBJECT_TEMPLATE = "accounts/password_reset_subject.txt"


@task
def password_reset_send(*, email: str, domain: str, use_https: bool) -> int:
    """Send a reset link to every active account with this address (at most one); returns how
    many went out. Nothing here is logged: the link is a password."""
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return 0
    found = len(list(form.get_users(form.cleaned_data["email"])))
    if found:
        form.save(
            domain_override=domain or None,
            use_https=use_https,
            email_template_name=EMAIL_TEMPLATE,
            subject_template_name=SUBJECT_TEMPLATE,
        )
    return found


@task
def email_verification_send(*, user_id: int, link: str) -> int:
    """The link that proves the person reads this address."""
    from django.contrib.auth import get_user_model
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.utils.translation import gettext as _

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return 0
    body = render_to_string("accounts/email_verification.txt", {"link": link})
    return send_mail(_("Please confirm your e-mail address"), body, None, [user.email])
