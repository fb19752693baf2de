"""Every code the FHIR export writes and the import reads, each with its source.

Only codes we could source are here (docs/fhir.md lists the sources and what is left out).
A display is given only where the code system's own wording was found; elsewhere a coding has no
display and the CodeableConcept's ``text`` carries our words, so nothing misquotes a code system.
"""

from dataclasses import dataclass
from typing import Final, Literal

LOINC: Final = "http://loinc.org"
SNOMED: Final = "http://snomed.info/sct"
ICD10CM: Final = "http://hl7.org/fhir/sid/icd-10-cm"
UCUM: Final = "http://unitsofmeasure.org"
CONDITION_CLINICAL: Final = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION: Final = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDITION_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/condition-category"
OBSERVATION_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/observation-category"
EVENT_TIMING: Final = "http://hl7.org/fhir/event-timing"

# HL7 core extensions (R4B): an after-session score follows its before-session score
# (``observation-sequelTo``, Reference(Observation)); the side of the leg augments the body site
# (``observation-structureLaterality``, from the FHIR Extensions Pack, trial use).
SEQUEL_TO: Final = "http://hl7.org/fhir/StructureDefinition/observation-sequelTo"
STRUCTURE_LATERALITY: Final = (
    "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality"
)


@dataclass(frozen=True)
class Code:
    system: str
    code: str
    display: str | None = None


# LOINC (the project's list in /work/shared/EVIDENCE.md "Codes"; displays as LOINC words them).
PAIN_SEVERITY: Final = Code(
    LOINC, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
)
PEG_SCORE: Final = Code(LOINC, "91147-9", "Mean score [PEG]")
ODI_SCORE: Final = Code(LOINC, "97909-6", "Oswestry disability index score ODI")

# SNOMED CT. Exercise therapy is the HL7 Physical Activity IG's ServiceRequest code.
EXERCISE_THERAPY: Final = Code(SNOMED, "229065009", "Exercise therapy")
SCIATICA: Final = Code(SNOMED, "23056005", "Sciatica")
LUMBAR_STENOSIS: Final = Code(SNOMED, "18347007")
LOWER_LIMB: Final = Code(SNOMED, "61685007", "Lower limb structure")
# Named as a body structure in SNOMED International's editorial guide (laterality) and used as
# the body site of low back pain in the HL7 FHIR Symptoms IG.
LOWER_BACK: Final = Code(SNOMED, "37822005", "Lower back structure")
LATERALITY: Final[dict[str, Code]] = {
    "left": Code(SNOMED, "7771000", "Left"),
    "right": Code(SNOMED, "24028007", "Right"),
    "both": Code(SNOMED, "51440002", "Right and left"),
}

# ICD-10-CM, titles as the tabular list gives them.
ICD_SCIATICA: Final = Code(ICD10CM, "M54.30", "Sciatica, unspecified side")
ICD_DISC: Final = Code(
    ICD10CM, "M51.16", "Intervertebral disc disorders with radiculopathy, lumbar region"
)
# "Spinal stenosis, lumbar region NOS" is an inclusion term of M48.061, so it is the right code
# when, as here, nothing says whether there is neurogenic claudication (that would be M48.062).
ICD_STENOSIS: Final = Code(
    ICD10CM, "M48.061", "Spinal stenosis, lumbar region without neurogenic claudication"
)
ICD_SPONDYLOLISTHESIS: Final = Code(ICD10CM, "M43.16", "Spondylolisthesis, lumbar region")
ICD_SCIATIC_NERVE: Final[dict[str, Code]] = {
    "none": Code(ICD10CM, "G57.00", "Lesion of sciatic nerve, unspecified lower limb"),
    "right": Code(ICD10CM, "G57.01", "Lesion of sciatic nerve, right lower limb"),
    "left": Code(ICD10CM, "G57.02", "Lesion of sciatic nerve, left lower limb"),
    "both": Code(ICD10CM, "G57.03", "Lesion of sciatic nerve, bilateral lower limbs"),
}


@dataclass(frozen=True)
class ConditionCodes:
    snomed: Code | None
    # Piriformis syndrome's ICD-10-CM code depends on the side (G57.0x); the others do not.
    icd: Code | dict[str, Code] | None


# Keyed by the contract's condition ids (a test checks every id is here).
# SNOMED CT where a code was sourced; no SNOMED code was found for a herniated disc with
# radiculopathy, spondylolisthesis, piriformis syndrome or pregnancy-related sciatica, so none
# is given rather than guessed. Pregnancy-related sciatica has no sourced code at all: text only.
CONDITIONS: Final[dict[str, ConditionCodes]] = {
    "disc_herniation": ConditionCodes(None, ICD_DISC),
    "spinal_stenosis": ConditionCodes(LUMBAR_STENOSIS, ICD_STENOSIS),
    "isthmic_spondylolisthesis": ConditionCodes(None, ICD_SPONDYLOLISTHESIS),
    "degenerative_spondylolisthesis": ConditionCodes(None, ICD_SPONDYLOLISTHESIS),
    "piriformis_syndrome": ConditionCodes(None, ICD_SCIATIC_NERVE),
    "pregnancy_related": ConditionCodes(None, None),
    "nonspecific": ConditionCodes(SCIATICA, ICD_SCIATICA),
}

# FHIR's EventTiming: "the exact time is unspecified and established by ... patient
# interpretation", which is what the program's slots are.
SLOT_TIMING: Final[dict[str, str]] = {
    "morning": "MORN",
    "midday": "NOON",
    "afternoon": "AFT",
    "evening": "EVE",
}

# UCUM units of the scores written as quantities: the PEG is a mean of 0-10 ratings, a unitless
# score (the ``{score}`` annotation); the ODI is reported as a percentage of the maximum.
SCORE_UNIT: Final = "{score}"
PERCENT: Final = "%"
# A pain score given as a quantity may carry a unitless UCUM unit; anything else is not 0-10.
UNITLESS: Final = frozenset({SCORE_UNIT, "1"})

Site = Literal["leg", "back"]
BODY_SITE: Final[dict[Site, Code]] = {"leg": LOWER_LIMB, "back": LOWER_BACK}
