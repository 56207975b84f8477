import pytest
from kit import make_base


@pytest.fixture(scope="session")
def base(tmp_path_factory):
    b = make_base(tmp_path_factory.mktemp("adv-base"))
    yield b
    b.ws.close()
