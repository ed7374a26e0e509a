"""The signing-date checker's rules (domain notes section 2), one case each way."""

import datetime as dt

import pytest

from lasting_power.signing import (
    CONTINUATION_SHEET_3,
    CONTINUATION_SHEET_4,
    SECTION_5,
    SECTION_9,
    SECTION_10,
    SECTION_11,
    SECTION_15,
    Role,
    Signature,
    sections_in_words,
    signing_dates_check,
)

TODAY = dt.date(2026, 3, 20)


def day(n: int) -> dt.date:
    return dt.date(2026, 3, n)


def donor(n, *, section=SECTION_9):
    return Signature("donor", Role.DONOR, "Dora Donor", section, day(n))


def life(n):
    return Signature("life", Role.LIFE_SUSTAINING, "Dora Donor", SECTION_5, day(n))


def provider(n):
    return Signature("provider", Role.CERTIFICATE_PROVIDER, "Cyril Provider", SECTION_10, day(n))


def attorney(key, n, *, section=SECTION_11):
    return Signature(key, Role.ATTORNEY, f"Attorney {key}", section, day(n))


def applicant(key, n):
    return Signature(key, Role.APPLICANT, f"Applicant {key}", SECTION_15, day(n))


def check(*signatures, today=TODAY):
    return signing_dates_check(signatures=signatures, today=today)


def test_everyone_signing_on_the_same_day_is_in_order():
    result = check(donor(2), provider(2), attorney("a1", 2), applicant("p1", 2))
    assert result.in_order
    assert result.sections_to_sign_again == ()


def test_everyone_signing_one_after_another_is_in_order():
    result = check(donor(1), provider(2), attorney("a1", 3), attorney("a2", 5), applicant("p1", 5))
    assert result.in_order


def test_a_certificate_provider_signing_before_the_donor_means_10_11_and_15_again():
    result = check(donor(3), provider(2), attorney("a1", 4), applicant("p1", 5))
    assert [p.rule for p in result.problems] == ["donor-first"]
    assert result.sections_to_sign_again == (SECTION_10, SECTION_11, SECTION_15)
    assert result.sections_text == "sections 10, 11 and 15"
    problem = result.problems[0]
    assert problem.key == "provider"
    assert "The donor must sign before anyone else" in problem.message
    assert "Cyril Provider signed section 10 on 2 March 2026" in problem.message


def test_an_attorney_signing_before_the_certificate_provider_signs_11_and_15_again():
    result = check(donor(1), provider(3), attorney("a1", 3), attorney("a2", 2), applicant("p", 4))
    assert [(p.rule, p.key) for p in result.problems] == [
        ("certificate-provider-before-attorneys", "a2")
    ]
    assert result.sections_text == "sections 11 and 15"
    assert "Attorney a2 must sign again" in result.problems[0].message


def test_a_replacement_counts_as_an_attorney():
    replacement = Signature("r1", Role.ATTORNEY, "Rita Replacement", SECTION_11, day(1))
    result = check(donor(1), provider(2), attorney("a1", 2), replacement)
    assert [p.key for p in result.problems] == ["r1"]


def test_a_trust_corporation_before_the_provider_signs_continuation_sheet_4_again():
    result = check(
        donor(1), provider(3), attorney("t", 2, section=CONTINUATION_SHEET_4), applicant("p", 4)
    )
    assert result.sections_to_sign_again == (CONTINUATION_SHEET_4, SECTION_15)
    assert result.sections_text == "continuation sheet 4 and section 15"


def test_a_donor_who_signs_late_makes_the_trust_corporation_sign_again_too():
    result = check(donor(3), provider(2), attorney("t", 3, section=CONTINUATION_SHEET_4))
    assert result.sections_to_sign_again == (SECTION_10, CONTINUATION_SHEET_4, SECTION_15)


def test_an_applicant_before_the_last_attorney_signs_15_again():
    result = check(donor(1), provider(1), attorney("a1", 2), attorney("a2", 6), applicant("p1", 5))
    assert [(p.rule, p.key) for p in result.problems] == [("applicants-after-attorneys", "p1")]
    assert result.sections_text == "section 15"
    assert "Attorney a2 signed section 11 on 6 March 2026" in result.problems[0].message


def test_an_applicant_on_the_day_of_the_last_attorney_is_in_order():
    assert check(donor(1), provider(1), attorney("a1", 6), applicant("p1", 6)).in_order


def test_the_donor_as_applicant_must_also_sign_15_after_the_attorneys():
    donor_applying = Signature("donor-applicant", Role.APPLICANT, "Dora Donor", SECTION_15, day(2))
    result = check(donor(1), provider(1), attorney("a1", 3), donor_applying)
    assert [p.key for p in result.problems] == ["donor-applicant"]


def test_section_5_signed_after_the_certificate_provider_breaks_donor_first():
    result = check(donor(1), life(3), provider(2), attorney("a1", 4))
    assert [p.rule for p in result.problems] == ["donor-first"]
    assert "section 5 on 3 March 2026" in result.problems[0].message


def test_the_person_signing_for_the_donor_signs_first_on_continuation_sheet_3():
    result = check(
        donor(4, section=CONTINUATION_SHEET_3), provider(3), attorney("a1", 5), applicant("p", 5)
    )
    assert [p.rule for p in result.problems] == ["donor-first"]
    assert "continuation sheet 3 on 4 March 2026" in result.problems[0].message


def test_continuation_sheet_3_dated_after_section_5_is_a_problem():
    result = check(donor(3, section=CONTINUATION_SHEET_3), life(2), provider(3), attorney("a", 4))
    assert [p.rule for p in result.problems] == ["continuation-sheet-3-not-after-section-5"]
    assert result.sections_to_sign_again == (SECTION_5, SECTION_10, SECTION_11, SECTION_15)
    assert result.sections_text == "sections 5, 10, 11 and 15"


@pytest.mark.parametrize("sheet_day", [1, 2])
def test_continuation_sheet_3_on_or_before_section_5_is_in_order(sheet_day):
    result = check(donor(sheet_day, section=CONTINUATION_SHEET_3), life(2), provider(3))
    assert result.in_order


def test_section_5_is_not_compared_with_section_9_when_the_donor_signs_themselves():
    # The rule is about continuation sheet 3 only.
    assert check(donor(3), life(2), provider(3)).in_order


@pytest.mark.parametrize("late", ["donor", "provider", "a1", "p1"])
def test_no_date_may_be_in_the_future(late):
    dates = {"donor": 1, "provider": 1, "a1": 1, "p1": 1}
    signatures = [
        donor(dates["donor"]),
        provider(dates["provider"]),
        attorney("a1", dates["a1"]),
        applicant("p1", dates["p1"]),
    ]
    signatures = [
        s if s.key != late else Signature(s.key, s.role, s.who, s.section, day(21))
        for s in signatures
    ]
    result = check(*signatures)
    future = [p for p in result.problems if p.rule == "future"]
    assert [p.key for p in future] == [late]
    assert "is in the future" in future[0].message


def test_today_is_not_in_the_future():
    assert check(donor(20), provider(20)).in_order


def test_several_problems_are_all_reported_with_their_sections_once():
    result = check(donor(5), provider(4), attorney("a1", 3), applicant("p1", 2))
    assert {p.rule for p in result.problems} == {
        "donor-first",
        "certificate-provider-before-attorneys",
        "applicants-after-attorneys",
    }
    assert result.sections_to_sign_again == (SECTION_10, SECTION_11, SECTION_15)


def test_the_check_needs_the_donor_and_the_certificate_provider():
    with pytest.raises(ValueError):
        check(provider(1), attorney("a1", 2))
    with pytest.raises(ValueError):
        check(donor(1), attorney("a1", 2))


def test_keys_must_be_unique():
    with pytest.raises(ValueError):
        check(donor(1), provider(1), attorney("a", 1), applicant("a", 1))


@pytest.mark.parametrize(
    ("sections", "words"),
    [
        ((SECTION_15,), "section 15"),
        ((SECTION_11, SECTION_15), "sections 11 and 15"),
        ((CONTINUATION_SHEET_4, SECTION_15), "continuation sheet 4 and section 15"),
        ((), ""),
    ],
)
def test_sections_in_words(sections, words):
    assert sections_in_words(sections) == words
