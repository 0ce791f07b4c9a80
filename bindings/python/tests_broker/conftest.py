"""Settings of the broker under test, from tests/integration/run.sh."""
import os
import pytest


@pytest.fixture
def bootstrap():
    return os.environ["IT_BOOTSTRAP"]


@pytest.fixture
def broker_kind():
    return os.environ["IT_BROKER"]
