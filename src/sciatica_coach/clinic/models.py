"""Storage for clinics: who works in one, who joined one, what clinicians did and read.

Access to a person's records is only ever through an active ``Membership`` (joined by an
invitation, ended by the person leaving); every query in ``selectors`` starts from it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Clinic(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=60, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Staff(models.Model):
    """A person working in a clinic: a clinician sees its patients; an admin runs the clinic
    (staff, invitations, exports) and sees patients' records only if also a clinician."""

    class Role(models.TextChoices):
        CLINICIAN = "clinician", _("clinician")
        ADMIN = "admin", _("clinic admin")

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinic_roles"
    )
    role = models.CharField(max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinic", "user", "role"], name="staff_once_per_role")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.role} of {self.clinic_id}"


class Membership(models.Model):
    """A patient's place in a clinic: ``left_at`` set ends every clinician's access at once."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinic_memberships"
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "user"],
                condition=models.Q(left_at__isnull=True),
                name="one_active_membership",
            )
        ]
        indexes = [models.Index(fields=["clinic", "left_at"], name="membership_clinic_active")]

    def __str__(self) -> str:
        return f"user {self.user_id} in clinic {self.clinic_id}"


class Invitation(models.Model):
    """A code (also sent as a link) that lets one person join the clinic, once, for a while."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="invitations")
    code = models.CharField(max_length=16, unique=True)
    label = models.CharField(max_length=120, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    # The code is a key to the clinic, not the person's data.
    NOT_EXPORTED = ("code",)

    def __str__(self) -> str:
        return f"invitation to clinic {self.clinic_id}"


class Note(models.Model):
    """A clinician's note about a patient: private to the clinic, or shared with the patient.
    Keyed ``patient`` (not ``user``): private notes are the clinic's, not part of the person's
    own export; they go when the person's account goes."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="notes")
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinic_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=200)
    text = models.TextField()
    shared = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["clinic", "patient", "-id"], name="note_patient_newest")]

    def __str__(self) -> str:
        return f"note on user {self.patient_id}"


class Template(models.Model):
    """A plan saved by a clinician to give to several patients: exercises with their doses."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="templates")
    name = models.CharField(max_length=120)
    items = models.JSONField()  # [{"exercise", "sets", "reps", "hold_s"}]
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class AuditEvent(models.Model):
    """One read or write of a person's records by someone other than the person (who, what,
    when, from where). Keyed ``user`` by the person whose records were touched: it is theirs to
    read and export."""

    class Action(models.TextChoices):
        READ = "read", _("read")
        WRITE = "write", _("changed")
        EXPORT = "export", _("exported")
        JOIN = "join", _("joined")
        LEAVE = "leave", _("left")

    at = models.DateTimeField(auto_now_add=True)
    clinic = models.ForeignKey(Clinic, null=True, on_delete=models.SET_NULL, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="audit_events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=200)
    action = models.CharField(max_length=8, choices=Action.choices)
    what = models.CharField(max_length=64)
    detail = models.TextField(blank=True, default="")
    address = models.GenericIPAddressField(null=True, blank=True)
    via = models.CharField(max_length=8, default="web")

    class Meta:
        indexes = [
            models.Index(fields=["user", "-at"], name="audit_person_newest"),
            models.Index(fields=["clinic", "-at"], name="audit_clinic_newest"),
        ]

    def __str__(self) -> str:
        return f"{self.actor_name} {self.action} {self.what} of user {self.user_id}"
