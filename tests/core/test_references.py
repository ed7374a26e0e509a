"""The platform's citizen references (digital_services/core/references.py)."""

import pytest

from digital_services.core.references import (
    ALPHABET,
    reference_candidates,
    reference_check_character,
    reference_display,
    reference_for_number,
    reference_is_valid,
    reference_new,
    reference_normalise,
)

#: Fixed references, so the tests do not depend on chance.
SAMPLES = [reference_for_number(n, length=9) for n in (0, 1, 31, 32, 12345, 987654321, 32**8 - 1)]


def test_the_alphabet_has_no_look_alike_characters():
    assert len(ALPHABET) == 32
    assert not set("ILOU") & set(ALPHABET)


def test_a_new_reference_uses_the_alphabet_and_ends_in_its_check_character():
    for _ in range(200):
        reference = reference_new(length=9)
        assert len(reference) == 9
        assert set(reference) <= set(ALPHABET)
        assert reference[-1] == reference_check_character(reference[:-1])
        assert reference_is_valid(reference)


def test_a_new_reference_is_not_one_already_taken():
    calls = []

    def exists(stored):
        calls.append(stored)
        return len(calls) < 3  # the first two draws are "taken"

    reference = reference_new(length=9, exists=exists)
    assert calls[-1] == reference and len(calls) == 3
    assert reference not in calls[:2]


def test_a_new_reference_gives_up_when_every_draw_is_taken():
    with pytest.raises(RuntimeError):
        reference_new(length=9, exists=lambda stored: True)


def test_the_stored_form_can_carry_a_prefix():
    reference = reference_new(length=6, store_as=lambda r: f"TF-{r[:3]}-{r[3:]}")
    assert reference.startswith("TF-") and len(reference) == 10
    assert reference_is_valid(reference.removeprefix("TF-"))


@pytest.mark.parametrize("reference", SAMPLES)
def test_the_check_character_catches_every_single_character_typo(reference):
    for position, right in enumerate(reference):
        for wrong in ALPHABET:
            if wrong != right:
                typo = reference[:position] + wrong + reference[position + 1 :]
                assert not reference_is_valid(typo), typo


@pytest.mark.parametrize("reference", SAMPLES)
def test_the_check_character_catches_two_characters_swapped(reference):
    for i in range(len(reference)):
        for j in range(i + 1, len(reference)):
            if reference[i] != reference[j]:
                chars = list(reference)
                chars[i], chars[j] = chars[j], chars[i]
                assert not reference_is_valid("".join(chars)), (reference, i, j)


def test_a_transposition_next_to_each_other_is_caught():
    reference = "G0QYEQP3" + reference_check_character("G0QYEQP3")
    swapped = "0GQYEQP3" + reference[-1]
    assert reference_is_valid(reference)
    assert not reference_is_valid(swapped)


def test_normalise_forgives_spaces_hyphens_case_and_look_alikes():
    assert reference_normalise(" g0qy eqp3 ") == "G0QYEQP3"
    assert reference_normalise("G0QY-EQP3") == "G0QYEQP3"
    assert reference_normalise("GOQY EQP3") == "G0QYEQP3"  # O read as 0
    assert reference_normalise("il1") == "111"  # I and L read as 1
    assert reference_normalise("") == ""


def test_a_mistyped_look_alike_still_makes_a_valid_reference():
    reference = reference_for_number(32**7 * 24 + 5, length=9)  # begins with R
    typed = reference.replace("0", "o").replace("1", "l").lower()
    assert reference_is_valid(typed)


def test_candidates_keep_letters_that_older_references_used():
    assert reference_candidates("tf lab cde") == ["TFLABCDE", "TF1ABCDE"]
    assert reference_candidates("G0QY EQP3") == ["G0QYEQP3"]


def test_validity_rejects_other_lengths_and_characters():
    reference = SAMPLES[4]
    assert reference_is_valid(reference, length=9)
    assert not reference_is_valid(reference, length=8)
    assert not reference_is_valid(reference[:-1] + "U")
    assert not reference_is_valid("")


def test_display_groups_in_fours_or_threes():
    assert reference_display("G0QYEQP3") == "G0QY EQP3"
    assert reference_display("g0qy-eqp3") == "G0QY EQP3"
    assert reference_display("G0QYEQP3X") == "G0Q YEQ P3X"
    assert reference_display("ABCDEF", group=2) == "AB CD EF"


def test_a_reference_from_a_number_is_the_same_every_time_and_fits():
    assert reference_for_number(12345, length=9) == reference_for_number(12345, length=9)
    assert reference_for_number(0, length=9) == "00000000" + reference_check_character("00000000")
    with pytest.raises(ValueError):
        reference_for_number(32**8, length=9)


def test_an_access_code_hashes_the_same_however_it_is_typed():
    from digital_services.core.references import access_code_hash

    stored = access_code_hash("G0QYEQP3")
    assert access_code_hash(" g0qy-eqp3 ") == stored
    assert access_code_hash("GOQY EQP3") == stored  # O typed for 0
    assert access_code_hash("G0QYEQP4") != stored
    assert "G0QYEQP3" not in stored
