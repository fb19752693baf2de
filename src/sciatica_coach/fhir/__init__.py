"""FHIR R4B for Sciatica Coach: the person's record as a Bundle, and pain scores from another app.

The builders (``patient``, ``conditions``, ``care_plan``, ``pain``, ``questionnaires``,
``bundle``) and the import's reading of a Bundle (``pain_import``) are pure functions of plain
records; ``selectors`` and ``services`` are the only modules that touch the database, through the
program's and the questionnaires' own selectors and services. Every code used, and where it comes
from, is in ``codes`` and docs/fhir.md.
"""
