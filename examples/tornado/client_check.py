"""Fetch GET /plaintext with Tornado's AsyncHTTPTestCase (an in-process server on a random port)
and print the body."""

import unittest

from app import make_app
from tornado.testing import AsyncHTTPTestCase


class PlaintextTest(AsyncHTTPTestCase):
    def get_app(self):  # type: ignore[no-untyped-def]
        return make_app()

    def test_plaintext(self) -> None:
        print(self.fetch("/plaintext").body.decode(), flush=True)


unittest.main(argv=["client_check"], verbosity=0, exit=False)
