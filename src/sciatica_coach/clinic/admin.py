"""The site admin (Django admin) creates clinics and names their first admins. It does not show
patients' health records: those are reached only through a clinic, by its clinicians."""

from django.contrib import admin

from sciatica_coach.clinic.models import Clinic, Staff


class StaffInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Staff
    extra = 1
    autocomplete_fields = ("user",)


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "slug", "created_at")
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name",)
    inlines = (StaffInline,)
