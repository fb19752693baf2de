"""The education pages keep the corrections of the physiotherapist's review (2026-11-28)."""

import re

import pytest

from sciatica_coach.education.pages import Page, all_pages, page_get


def words(html: str) -> str:
    """What a reader sees: words only, lower case, one space between them."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).lower()


def found(slug: str) -> Page:
    page = page_get(slug)
    assert page is not None, slug
    return page


def sections(page: Page) -> dict[str, str]:
    parts = re.split(r"<h2>(.*?)</h2>", page.html)
    pairs = zip(parts[1::2], parts[2::2], strict=True)
    return {words(heading).strip(): words(body) for heading, body in pairs}


@pytest.mark.parametrize(
    "claim",
    [
        "what led to it",  # muscle imbalance as the proven cause
        "imbalances that led",
        "is how sciatica",  # stopping exercise as the way it comes back
        "knees and hips, not your back",  # a lifting rule with no evidence behind it
        "lift with a straight back",
        "join together in your buttock",  # the nerve's roots join in the pelvis
    ],
)
def test_no_page_makes_a_claim_the_review_took_out(claim: str) -> None:
    for page in all_pages():
        assert claim not in words(page.html), page.slug


@pytest.mark.parametrize(
    ("slug", "author"),
    [("stretches-and-strengthening", "hayden"), ("massage-heat-and-cold", "furlan")],
)
def test_low_back_pain_reviews_say_they_are_about_low_back_pain(slug: str, author: str) -> None:
    page = found(slug)
    cited = [source for source in page.sources if author in source.lower()]
    assert cited
    assert all("low back pain" in source for source in cited)
    assert "low back pain" in words(page.html)


def test_the_pregnancy_page_sends_obstetric_warning_signs_to_the_maternity_unit() -> None:
    maternity = sections(found("pregnancy"))["call your maternity unit now"]
    for sign in (
        "bleeding from your vagina",
        "fluid leaking",
        "37 weeks",
        "baby moving less",
        "severe headache",
        "problems seeing",
        "swelling of your face, hands or feet",
        "six weeks after your baby is born",
        "pre-eclampsia",
    ):
        assert sign in maternity, sign
    clot = sections(found("pregnancy"))["signs of a blood clot"]
    assert "calf" in clot
    assert "chest pain" in clot


@pytest.mark.parametrize(
    ("heading", "signs"),
    [
        (
            "go to an emergency department now",
            ["saddle", "bladder", "bowel", "both legs", "fever", "big injury", "chest pain"],
        ),
        (
            "see a doctor today",
            ["foot drop", "clumsy", "cancer", "immune system", "osteoporosis", "calf"],
        ),
        ("see a doctor within days", ["weight", "night", "both legs for more than six weeks"]),
    ],
)
def test_the_doctor_page_lists_each_sign_where_the_contract_sends_it(
    heading: str, signs: list[str]
) -> None:
    section = sections(found("when-to-see-a-doctor"))[heading]
    for sign in signs:
        assert sign in section, sign
