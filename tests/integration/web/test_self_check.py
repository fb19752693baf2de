"""The muscle self-check: each test has one plain name, on its own page and on the Learn page."""

import html

from django.contrib.auth.models import User
from django.test import Client

from sciatica_coach.education.pages import all_pages
from sciatica_coach.program.assessment_guide import SELF_TESTS
from tests.integration.web.conftest import with_program

LEARN_PAGE = "muscle-imbalance-tests"


def test_each_test_is_headed_by_its_plain_name_then_its_clinical_name_once(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    page = html.unescape(alice_client.get("/assessment/").content.decode())
    for number, test in enumerate(SELF_TESTS, start=1):
        assert f">{number}. {test.name} ({test.clinical_name})</h2>" in page
        assert page.count(str(test.clinical_name)) == 1, test.clinical_name


def test_the_learn_page_calls_each_test_by_the_same_names() -> None:
    text = next(p for p in all_pages() if p.slug == LEARN_PAGE).html.lower()
    for test in SELF_TESTS:
        assert str(test.name).lower() in text, test.name
        assert f"({str(test.clinical_name).lower()})" in text, test.clinical_name
    for old_name in (
        "thomas test.",
        "trendelenburg sign",
        "side plank hold",
        "called a side bridge",
    ):
        assert old_name not in text


def test_every_test_with_a_tool_for_each_side_names_the_sides() -> None:
    for test in SELF_TESTS:
        if test.tool != "none" and len(test.fields) > 1:
            assert len(test.sides) == len(test.fields), test.slug
