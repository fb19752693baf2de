from django.contrib.auth import views as auth_views
from django.urls import URLPattern, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from sciatica_coach.accounts import views
from sciatica_coach.accounts.forms import LockoutAuthenticationForm, QuietPasswordResetForm

FORM = "accounts/form.html"
MESSAGE = "accounts/message.html"


def _form(title: object, button: object, intro: object = "") -> dict[str, object]:
    return {
        "template_name": FORM,
        "extra_context": {"title": title, "button": button, "intro": intro},
    }


def _message(title: object, text: object) -> dict[str, object]:
    return {"template_name": MESSAGE, "extra_context": {"title": title, "text": text}}


urlpatterns: list[URLPattern] = [
    path("signup/", views.signup, name="signup"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=LockoutAuthenticationForm,
            redirect_authenticated_user=True,
            template_name="accounts/login.html",
        ),
        name="login",
    ),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("logout/everywhere/", views.logout_everywhere, name="logout_everywhere"),
    path("session/", views.session_state, name="session_state"),
    path("email/verify/<str:token>/", views.email_verify, name="email_verify"),
    # Every page links here instead of carrying a logout form: pages without forms need no CSRF
    # token, which lets Today be served whole from its stored copy.
    path(
        "logout/confirm/",
        TemplateView.as_view(template_name="accounts/logout_confirm.html"),
        name="logout_confirm",
    ),
    path(
        "password/change/",
        views.PasswordChangeView.as_view(**_form(_("Change your password"), _("Change password"))),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(
            **_message(
                _("Password changed"),
                _(
                    "Your new password is saved. You are logged out on your other phones and "
                    "computers, and any API tokens you had no longer work."
                ),
            )
        ),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            form_class=QuietPasswordResetForm,
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("password_reset_done"),
            **_form(
                _("Forgotten your password?"),
                _("Send me a reset link"),
                _("Type the e-mail you signed up with. We will send you a link to set a new one."),
            ),
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            **_message(
                _("Check your e-mail"),
                _("If that address has an account, a link to set a new password is on its way."),
            )
        ),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(
            **_form(_("Choose a new password"), _("Save new password"))
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            **_message(
                _("Password saved"), _("Your new password is saved. You can log in with it now.")
            )
        ),
        name="password_reset_complete",
    ),
]
