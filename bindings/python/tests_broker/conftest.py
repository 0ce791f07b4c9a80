"""Settings of the broker under test, from tests/integration/run.sh."""
import os
import pytest


@pytest.fixture
def bootstrap():
    return os.environ["IT_BOOTSTRAP"]


@pytest.fixture
def broker_kind():
    return os.environ["IT_BROKER"]


MOCK_KINDS = ("refmock", "ferromock")


@pytest.fixture
def is_mock(broker_kind):
    """A mock cluster (the system librdkafka's or ferrokafka's): 3 brokers
    and fault injection."""
    return broker_kind in MOCK_KINDS
