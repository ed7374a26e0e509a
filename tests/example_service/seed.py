"""Rows of the example service's admin models for the admin query tests
(``tests/quality/queries/seed.py`` reads ``SEEDERS`` from here)."""

from .factories import SubmittedApplicationFactory


def applications_seed(n: int) -> list:
    return SubmittedApplicationFactory.create_batch(n)


SEEDERS = {"example_service.LicenceApplication": applications_seed}
