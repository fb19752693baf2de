"""Plain-language advice texts. Tests import these constants rather than repeating the words.

Sources: NICE NG59 (stay active, continue normal activities), Vroomen 1999 and Cochrane 2010 (bed
rest no better than staying active), the national suspected cauda equina pathway (any bladder,
bowel, saddle or both-legs sign goes to an emergency department the same day).
"""

from typing import Final

from sciatica_coach.engine.vocabulary import Phase, Urgency

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
SAFETY_NET: Final = (
    "Go to an emergency department at once if you notice any of these: numbness between your legs "
    "or around your back passage; new trouble controlling or feeling your bladder or bowel; "
    "weakness or numbness in both legs. They can be signs of cauda equina syndrome. That is "
    "pressure on the nerves at the bottom of the spine, and it needs treatment the same day."
)
TWICE_DAILY: Final = (
    "Do your session twice a day, morning and evening. Regular, gentle practice matters more "
    "than hard effort."
)
KEEP_GOING: Final = (
    "Keep doing your program after the pain has gone: stopping the exercises is how sciatica "
    "most often comes back."
)

URGENCY_ADVICE: Final[dict[Urgency, tuple[str, ...]]] = {
    "emergency": (
        "Go to the nearest emergency department now, or call your local emergency number if you "
        "cannot get there safely. Do not wait to see whether it gets better.",
        "Tell them you have back or leg pain with the symptoms listed here. Say that you are "
        "worried about cauda equina syndrome (pressure on the nerves at the bottom of the spine).",
        "Do not start or carry on with any exercises until a doctor has checked you.",
    ),
    "urgent": (
        "See a doctor today. Ring your doctor's practice and ask for an urgent same-day "
        "appointment; if it is closed, use your urgent care or out-of-hours service.",
        "Do not start the exercises until a doctor has seen you.",
        SAFETY_NET,
    ),
    "soon": (
        "Book an appointment with your doctor within the next few days, and no later than two "
        "weeks. Tell them about the symptom listed here.",
        "The program will start once a clinician has reviewed it and marked it as checked.",
        STAY_ACTIVE,
        BED_REST,
        SAFETY_NET,
    ),
    "routine": (
        "Book an ordinary appointment with your doctor or a physiotherapist to find out what is "
        "causing your sciatica. The exercises that help depend on the cause.",
        "Useful questions to ask: what is pressing on the nerve? Which movements are safe for me? "
        "Is there anything I should avoid? When should I come back?",
        STAY_ACTIVE,
        BED_REST,
        SAFETY_NET,
    ),
    "self_care": (STAY_ACTIVE, BED_REST, WITHIN_COMFORT, STOP_IF_SPREADING, SAFETY_NET),
}

PHASE_ADVICE: Final[dict[Phase, tuple[str, ...]]] = {
    "relief": (
        "For now the aim is to calm the pain: gentle positions and stretches, short sessions, and "
        "walking as far as is comfortable.",
        "Heat or cold and medicines your doctor prescribed may also help. So may massage, once a "
        "doctor has ruled out anything needing surgery. You can log what helps you.",
    ),
    "recovery": (
        "Now that the pain has eased, the aim is to correct the muscle imbalances that led to it. "
        "Stretches bring back flexibility, and strengthening protects your back.",
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
        "backward-bending exercises and builds support for the spine instead."
    ),
    "degenerative_spondylolisthesis": (
        "With spondylolisthesis, avoid arching your lower back backwards; your plan leaves out "
        "backward-bending exercises and builds support for the spine instead."
    ),
    "disc_herniation": (
        "With a disc problem, many people find that a particular direction of movement, often "
        "gently arching back, eases the leg pain. Your plan tries this carefully; if it makes "
        "symptoms spread down the leg, the weekly review removes it."
    ),
    "piriformis_syndrome": (
        "With piriformis syndrome, stretching the buttock muscle and strengthening the hip muscles "
        "around it can take pressure off the nerve."
    ),
    "pregnancy_related": (
        "In pregnancy, avoid lying on your front from about 13 weeks, and flat on your back from "
        "about 20 weeks. Your plan uses sitting, standing, kneeling and side-lying exercises."
    ),
}

HABIT: Final = (
    "Fewer than half of this week's sessions were done. Try linking each session to something you "
    "already do every day, such as after breakfast and before brushing your teeth, and set a "
    "reminder. Even a short session counts."
)
