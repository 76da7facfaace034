"""Call the app in-process with NiceGUI's pytest `user` fixture (no server) and print GET /plaintext.

The fixture (plugin nicegui.testing.user_plugin, configured in pytest.ini) runs app.py as the main
file and simulates a browser; its HTTP client talks to the app over ASGI, without a socket. Run as
a script, this file runs its own test with pytest and prints the body the test fetched.
"""

import sys

import pytest

from nicegui.testing import User


class Fetched:
    """A pytest plugin that hands the test a place to leave the body it fetched."""

    body = ""

    @pytest.fixture
    def fetched(self) -> "Fetched":
        return self


async def test_plaintext(user: User, fetched: Fetched) -> None:
    await user.open("/")
    await user.should_see("Hello, World!")
    response = await user.http_client.get("/plaintext")
    assert response.status_code == 200
    fetched.body = response.text


if __name__ == "__main__":
    result = Fetched()
    args = [__file__, "-q", "-p", "nicegui.testing.user_plugin", "-p", "no:cacheprovider"]
    code = pytest.main(args, plugins=[result])
    if code != 0:
        sys.exit(int(code))
    print(result.body)
