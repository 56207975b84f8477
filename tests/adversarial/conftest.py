import pytest

from adversarial.kit import make_base


@pytest.fixture(scope="package")
def base(tmp_path_factory):
    b = make_base(tmp_path_factory.mktemp("adv-base"))
    yield b
    b.ws.close()
