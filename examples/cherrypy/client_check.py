"""Fetch GET /plaintext with CherryPy's CPWebCase (a server it starts in this process, run by
pytest as CherryPy's testing docs show) and print the body."""

import importlib
import sys

import pytest
from cherrypy.test import helper

bodies: list[bytes] = []


class TestPlaintext(helper.CPWebCase):
    interactive = False

    @staticmethod
    def setup_server() -> None:
        importlib.import_module("app")  # mounts the example on the test's fresh cherrypy.tree

    def test_plaintext(self) -> None:
        self.getPage("/plaintext")
        self.assertStatus(200)
        sys.modules["__main__"].bodies.append(self.body)  # pytest imports this file again


if __name__ == "__main__":
    code = pytest.main([__file__, "-q", "-p", "no:cacheprovider"])
    if code == 0 and bodies:
        print(bodies[0].decode())
    sys.exit(code)
