"""How to do each self-test, in plain words. The tests and their ids are the vocabulary's
``imbalance_tests``; what the results mean comes from the engine's findings."""

from dataclasses import dataclass
from typing import Final, Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Tool = Literal["stopwatch", "countdown", "counter", "none"]


@dataclass(frozen=True)
class SelfTest:
    """One test. ``name`` is its one plain name, used for its heading, its tools and on the Learn
    page; ``clinical_name`` follows it once, in brackets, in the heading. ``sides`` says which
    side each of ``fields`` is, so that two tools of one test have names a screen reader can
    tell apart ("Start the side hold timer, left side")."""

    slug: str
    name: Promise
    clinical_name: Promise
    checks: Promise
    steps: tuple[Promise, ...]
    fields: tuple[str, ...]
    tool: Tool
    sides: tuple[Promise, ...] = ()
    countdown_s: int = 0


SAFETY: Final = _(
    "Only do a test if it feels safe today. Skip any test you cannot do; every test is optional."
)

SELF_TESTS: Final[tuple[SelfTest, ...]] = (
    SelfTest(
        slug="front",
        name=_("Tummy muscles hold"),
        clinical_name=_("trunk flexor endurance test"),
        checks=_("How long the muscles at the front of your body can hold you steady."),
        steps=(
            _(
                "Sit on the floor with your knees bent and your feet flat. Tuck your feet under a "
                "sofa, or ask someone to hold them."
            ),
            _("Cross your arms over your chest."),
            _(
                "Lean back until you are about halfway between sitting up and lying down. Put a "
                "firm cushion behind you to mark the spot."
            ),
            _("Press Start, then move the cushion back a little so that you hold yourself."),
            _(
                "Keep your back straight. Press Stop as soon as you start to sink back, or when "
                "you want to rest."
            ),
        ),
        fields=("trunk_flexor_s",),
        tool="stopwatch",
    ),
    SelfTest(
        slug="back",
        name=_("Back muscles hold"),
        clinical_name=_("Biering-Sørensen test"),
        checks=_("How long the muscles along your spine can hold you level."),
        steps=(
            _("You need a helper and a firm bed or bench."),
            _(
                "Lie on your front with your hips at the edge and your upper body hanging over it. "
                "Rest your hands on a chair in front of you."
            ),
            _("Your helper holds your ankles down."),
            _(
                "Cross your arms over your chest and lift your upper body until it is level with "
                "your legs. Press Start."
            ),
            _(
                "Hold straight. Press Stop as soon as your upper body starts to drop. Skip this "
                "test if arching your back hurts."
            ),
        ),
        fields=("trunk_extensor_s",),
        tool="stopwatch",
    ),
    SelfTest(
        slug="side",
        name=_("Side hold"),
        clinical_name=_("side bridge test"),
        checks=_(
            "How long the muscles on each side of your body can hold you up, and whether "
            "both sides match."
        ),
        steps=(
            _(
                "Lie on your left side with your elbow right under your shoulder and your legs "
                "straight, one foot on top of the other."
            ),
            _("Lift your hips so your body makes a straight line from head to feet. Press Start."),
            _("Press Stop as soon as your hips start to sink."),
            _("Rest for a minute, then do the same on your right side."),
        ),
        fields=("side_bridge_left_s", "side_bridge_right_s"),
        tool="stopwatch",
        sides=(_("left side"), _("right side")),
    ),
    SelfTest(
        slug="hip-flexor",
        name=_("Front of hip stretch check"),
        clinical_name=_("Thomas test"),
        checks=_("Whether the muscle at the front of each hip is tight."),
        steps=(
            _("Sit on the very end of a firm bed or table."),
            _("Lie back and hug both knees to your chest."),
            _("Keep hugging one knee and let the other leg slowly lower down over the edge."),
            _(
                "Look, or ask a helper: does the back of the lowered thigh stay lifted above the "
                "bed? If it does, that side is tight."
            ),
            _("Swap legs and check the other side."),
        ),
        fields=("thomas_test",),
        tool="none",
    ),
    SelfTest(
        slug="leg-raise",
        name=_("Straight leg lift"),
        clinical_name=_("straight-leg raise test"),
        checks=_("How far each straight leg can be lifted before it feels tight or painful."),
        steps=(
            _("Lie on your back with both legs straight. You need a helper."),
            _("Your helper slowly lifts one leg by the heel, keeping your knee straight."),
            _("Say stop as soon as you feel tightness or pain. Your helper holds the leg there."),
            _("Guess the angle: pointing straight up is 90 degrees, halfway up is 45 degrees."),
            _("Do the same with the other leg."),
        ),
        fields=("slr_left_deg", "slr_right_deg"),
        tool="none",
        sides=(_("left leg"), _("right leg")),
    ),
    SelfTest(
        slug="one-leg-bridge",
        name=_("One-leg bridge count"),
        clinical_name=_("single-leg bridge test"),
        checks=_("How strong the big buttock muscle on each side is."),
        steps=(
            _("Lie on your back with your knees bent and your feet flat on the floor."),
            _("Lift one foot and straighten that leg in the air."),
            _(
                "Push through the heel on the floor to lift your hips, then lower them. "
                "That is one."
            ),
            _(
                "Tap the counter for each one. Stop as soon as it feels hard or your hips tip "
                "to one side."
            ),
            _("Rest, then count on the other leg."),
        ),
        fields=("single_leg_bridge_left_reps", "single_leg_bridge_right_reps"),
        tool="counter",
        sides=(_("left leg"), _("right leg")),
    ),
    SelfTest(
        slug="hip-drop",
        name=_("Standing on one leg"),
        clinical_name=_("Trendelenburg test"),
        checks=_("Whether the muscles at the side of each hip keep your hips level."),
        steps=(
            _(
                "Stand facing a mirror with your hands on your hips. Keep a chair close by to "
                "hold if you wobble."
            ),
            _("Lift your right foot a little and stand on your left leg. Press Start: 30 seconds."),
            _(
                "Watch your hips. If the hip of the lifted leg drops down, the side you stand on "
                "is weak."
            ),
            _("Swap and stand on your right leg."),
        ),
        fields=("trendelenburg",),
        tool="countdown",
        countdown_s=30,
    ),
)
