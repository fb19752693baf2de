"""Plain-language advice texts. Tests import these constants rather than repeating the words.

Sources: NICE NG59 (stay active, continue normal activities), Vroomen 1999 and Cochrane 2010 (bed
rest no better than staying active), the GIRFT national suspected cauda equina syndrome pathway
(any bladder, bowel, saddle or both-legs sign goes to an emergency department at once), NICE CKS
low back pain red flags, NICE NG234 (a cancer history with new nerve-root pain: same day), NHS
maternity advice and NICE NG133 (pregnancy warning signs go to the maternity unit now), NHS advice
on DVT and pulmonary embolism. The sentences are written here, in plain words.
"""

from collections.abc import Iterable
from typing import Final

from sciatica_coach.engine.vocabulary import WHERE_TO_GO, Phase, Place, RedFlagId, Urgency

STAY_ACTIVE: Final = (
    "Keep moving as much as you comfortably can: short walks and your normal daily activities help "
    "sciatica settle faster than resting."
)
BED_REST: Final = (
    "If the pain is very bad, you may rest in bed for a day or two at most. "
    "Longer bed rest does not help and makes stiffness worse."
)
WITHIN_COMFORT: Final = (
    "Exercise within comfort, never to exhaustion: a gentle stretch or mild effort is right; "
    "sharp or increasing pain is a sign to ease off."
)
STOP_IF_SPREADING: Final = (
    "Stop any exercise that makes pain, tingling or numbness spread further down your leg, "
    "and tell your clinician at your next review."
)
# Triage rule 9: every advice list ends with this, whatever the urgency.
SAFETY_NET: Final = (
    "Go to an emergency department at once if you notice any of these: numbness between your legs "
    "or around your back passage; new trouble controlling or feeling your bladder or bowel; "
    "weakness or numbness in both legs. They can be signs of cauda equina syndrome. That is "
    "pressure on the nerves at the bottom of the spine, and it needs treatment the same day."
)
# Triage rule 7: the pregnancy warning signs, for everyone pregnant or six weeks after a birth.
PREGNANCY_SAFETY_NET: Final = (
    "While you are pregnant and for six weeks after the birth, contact your maternity unit now if "
    "you notice any of these. Bleeding from the vagina, or fluid leaking. Regular tightenings or "
    "period-like pain before 37 weeks. A fever. The baby moving less than usual. A severe "
    "headache, problems seeing, or sudden swelling of your face, hands or feet."
)
TWICE_DAILY: Final = (
    "Do your session twice a day, morning and evening. Regular, gentle practice matters more "
    "than hard effort."
)
KEEP_GOING: Final = (
    "Keep doing your program after the pain has gone. Staying active and keeping your muscles "
    "strong may help to stop the pain coming back."
)
WEAKNESS: Final = (
    "You mentioned some weakness in the leg. If it gets worse, or your foot starts to drop "
    "or catch when you walk, see a doctor the same day."
)

URGENCY_ADVICE: Final[dict[Urgency, tuple[str, ...]]] = {
    "emergency": (
        "Get help now. Do not wait to see whether it gets better. If you cannot get there safely, "
        "call your local emergency number.",
        "Do not start or carry on with any exercises until a doctor has checked you.",
    ),
    "urgent": (
        "Be seen by a doctor today. Ring your doctor's practice and ask for an urgent same-day "
        "appointment; if it is closed, use your urgent care or out-of-hours service.",
        "Do not start the exercises until a doctor has seen you.",
    ),
    "soon": (
        "Book an appointment with your doctor within the next few days, and no later than two "
        "weeks. Tell them about the symptom listed here.",
        "The program will start once a clinician has reviewed it and marked it as checked.",
        STAY_ACTIVE,
        BED_REST,
    ),
    "routine": (
        "Book an ordinary appointment with your doctor or a physiotherapist to find out what is "
        "causing your sciatica. The exercises that help depend on the cause.",
        "Useful questions to ask: what is pressing on the nerve? Which movements are safe for me? "
        "Is there anything I should avoid? When should I come back?",
        STAY_ACTIVE,
        BED_REST,
    ),
    "self_care": (STAY_ACTIVE, BED_REST, WITHIN_COMFORT, STOP_IF_SPREADING),
}

# Triage rule 6: for each place, the words that send the person there ("worded as in
# where_to_go"), and for each flag, why it matters, in plain words.
GO: Final[dict[Place, str]] = {
    "emergency_department": "Go to " + WHERE_TO_GO["emergency_department"],
    "maternity_unit": "Contact " + WHERE_TO_GO["maternity_unit"],
    "same_day_doctor": "See " + WHERE_TO_GO["same_day_doctor"],
    "doctor_within_days": "See " + WHERE_TO_GO["doctor_within_days"],
}
FLAG_WHY: Final[dict[RedFlagId, str]] = {
    "saddle_numbness": (
        "New numbness in the saddle area can mean the nerves at the bottom of the spine are "
        "squeezed (cauda equina syndrome). It needs treatment within hours."
    ),
    "bladder_change": (
        "A new change in how your bladder works can be a sign of cauda equina syndrome. That is "
        "pressure on the nerves at the bottom of the spine, and it needs treatment within hours."
    ),
    "bowel_change": (
        "A new change in bowel control or feeling can be a sign of cauda equina syndrome. That is "
        "pressure on the nerves at the bottom of the spine, and it needs treatment within hours."
    ),
    "bilateral_leg_weakness": (
        "Weakness or numbness in both legs can mean the nerves at the bottom of the spine are "
        "squeezed (cauda equina syndrome)."
    ),
    "bilateral_sciatica": (
        "New sciatica in both legs can be an early sign of pressure on the nerves at the bottom "
        "of the spine (cauda equina syndrome). It is checked at once, before other signs appear."
    ),
    "bilateral_longstanding": (
        "Pain in both legs for more than six weeks needs a doctor to examine you and find the "
        "cause before the program starts."
    ),
    "progressive_weakness": (
        "Weakness that is getting worse, or a foot that drops, means the nerve is under more "
        "pressure. A doctor needs to examine it today."
    ),
    "gait_disturbance": (
        "New clumsy walking or clumsy hands can come from pressure on the spinal cord. A doctor "
        "needs to examine it today."
    ),
    "fever_or_infection": (
        "A fever or feeling unwell with back pain can mean an infection in the spine. It needs "
        "hospital tests today."
    ),
    "infection_risk": (
        "A weak immune system, injected drugs or a recent serious infection make an infection in "
        "the spine more likely, even without a fever."
    ),
    "significant_trauma": (
        "After a major injury the spine must be checked for a broken bone before you exercise."
    ),
    "fracture_risk": (
        "With thin bones or long-term steroids, even a small fall or lift can break a bone in the "
        "spine."
    ),
    "cancer_history": (
        "With a past or current cancer, new back or leg pain must be checked the same day in case "
        "the cancer has reached the spine."
    ),
    "unexplained_weight_loss": (
        "Losing weight without trying, together with back pain, needs a doctor's check for a "
        "general cause."
    ),
    "constant_night_pain": (
        "Pain at night that no position eases is not typical of sciatica and needs a doctor's "
        "check."
    ),
    "pregnancy_warning_signs": (
        "These can be signs of a problem with the pregnancy or after the birth, such as early "
        "labour or high blood pressure. The maternity team needs to see you now."
    ),
    "calf_swelling": (
        "A swollen, warm, red or tender calf can be a blood clot in the leg, which can feel like "
        "sciatica. It needs treatment today."
    ),
    "breathless_chest_pain": (
        "Sudden breathlessness or chest pain can be a blood clot in the lung. If you are very "
        "breathless, call your emergency number for an ambulance."
    ),
}

PHASE_ADVICE: Final[dict[Phase, tuple[str, ...]]] = {
    "relief": (
        "For now the aim is to calm the pain: gentle positions and stretches, short sessions, and "
        "walking as far as is comfortable.",
        "Heat or cold and medicines your doctor prescribed may also help. So may massage, once a "
        "doctor has ruled out anything needing surgery. You can log what helps you.",
    ),
    "recovery": (
        "The aim now is to build strength and flexibility while the pain settles. Stretches keep "
        "you supple, and strengthening gives your back more support.",
    ),
    "maintenance": (
        "The aim now is to keep your gains for good: strengthening and daily stretches.",
        KEEP_GOING,
    ),
}

CONDITION_ADVICE: Final[dict[str, str]] = {
    "spinal_stenosis": (
        "With spinal stenosis, bending forward or sitting usually eases leg symptoms and arching "
        "backwards makes them worse; your plan leaves out backward-bending exercises."
    ),
    "isthmic_spondylolisthesis": (
        "With spondylolisthesis, avoid arching your lower back backwards; your plan leaves out "
        "backward-bending exercises."
    ),
    "degenerative_spondylolisthesis": (
        "With spondylolisthesis, avoid arching your lower back backwards; your plan leaves out "
        "backward-bending exercises."
    ),
    "piriformis_syndrome": (
        "With piriformis syndrome, stretching the buttock muscle and strengthening the hip muscles "
        "around it may take pressure off the nerve."
    ),
}

HABIT: Final = (
    "Fewer than half of this week's sessions were done. Try linking each session to something you "
    "already do every day, such as after breakfast and before brushing your teeth, and set a "
    "reminder. Even a short session counts."
)
SEE_CLINICIAN_SOON: Final = (
    "Please see your doctor or physiotherapist within a few days, so they can check the diagnosis "
    "and the plan with you."
)


def finished(tips: Iterable[str], *, pregnant_or_postpartum: bool = False) -> list[str]:
    """An advice list as every answer gives it: each tip once, the safety nets last (rule 9)."""
    nets = [PREGNANCY_SAFETY_NET] if pregnant_or_postpartum else []
    nets.append(SAFETY_NET)
    return [tip for tip in dict.fromkeys(tips) if tip not in nets] + nets
