"""Call the app in-process with Masonite's HTTP TestCase (no server) and print GET /plaintext.

The TestCase is a unittest case that tests normally subclass and pytest runs; here one case is
set up by hand to make the same call."""

from masonite.tests import TestCase


class PlaintextTest(TestCase):
    def runTest(self):
        self.get("/plaintext").assertOk()


case = PlaintextTest()
case.setUp()
print(case.get("/plaintext").get_content())
