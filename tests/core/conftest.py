import pytest


@pytest.fixture
def signed_in_client(client, citizen):
    client.force_login(citizen)
    return client
