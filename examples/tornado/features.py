"""Framework features of the Atlas example in Tornado: an Application of its own, with its own
settings (compression, templates, signed cookies), that the main app delegates /features/ to
through a routing rule (paths in data/examples/tornado.yaml)."""

from pathlib import Path

import tornado.web
from tornado.routing import PathMatches, Rule

HERE = Path(__file__).parent
state = {"runs": 0, "started": False}


def on_startup() -> None:
    """Tornado has no start-up hook: the app's main() calls this before it listens."""
    state["started"] = True


class FeatureHandler(tornado.web.RequestHandler):
    """Base handler: Tornado has no middleware chain, so shared logic lives in prepare()."""

    def prepare(self) -> None:
        self.set_header("X-Atlas-Middleware", "tornado")


class GroupHandler(FeatureHandler):
    def get(self) -> None:
        self.write({"group": "features"})


class LargeHandler(FeatureHandler):
    def get(self) -> None:
        self.write({"text": "Hello, World! " * 200})


class StreamHandler(FeatureHandler):
    async def get(self) -> None:
        self.set_header("Content-Type", "text/plain")
        for n in range(1, 4):
            self.write(f"line {n}\n")
            await self.flush()  # sends a chunk now


class UploadHandler(FeatureHandler):
    def post(self) -> None:
        file = self.request.files["file"][0]
        self.write({"filename": file["filename"], "size": len(file["body"])})


class CookieHandler(FeatureHandler):
    def get(self) -> None:
        self.write({"atlas": self.get_cookie("atlas")})
        self.set_cookie("atlas", "from-server")


class SessionHandler(FeatureHandler):
    """Tornado has signed cookies, not sessions: the counter travels in one."""

    def get(self) -> None:
        count = int(self.get_signed_cookie("count") or 0) + 1
        self.set_signed_cookie("count", str(count))
        self.write({"count": count})


class TemplateHandler(FeatureHandler):
    def get(self) -> None:
        self.render("hello.html", name=self.get_argument("name", "world"))


class StartedHandler(FeatureHandler):
    def get(self) -> None:
        self.write({"started": state["started"]})


class FormHandler(FeatureHandler):
    """A form protected by Tornado's XSRF check, called here for this handler only (the
    `xsrf_cookies` setting would check every POST of the app, JSON API included)."""

    def get(self) -> None:
        self.render("form.html")

    def post(self) -> None:
        self.check_xsrf_cookie()  # 403 without a token matching the _xsrf cookie
        self.write({"posted": "with a valid token"})


class BackgroundHandler(FeatureHandler):
    def post(self) -> None:
        self.set_status(202)
        self.write({"scheduled": "count_run"})

    def get(self) -> None:
        self.write({"runs": state["runs"]})

    def on_finish(self) -> None:  # runs after the response has been sent
        if self.request.method == "POST":
            state["runs"] += 1


features = tornado.web.Application(
    [
        (r"/features/group", GroupHandler),
        (r"/features/large", LargeHandler),
        (r"/features/stream", StreamHandler),
        (r"/features/upload", UploadHandler),
        (r"/features/cookie", CookieHandler),
        (r"/features/session", SessionHandler),
        (r"/features/template", TemplateHandler),
        (r"/features/form", FormHandler),
        (r"/features/lifespan", StartedHandler),
        (r"/features/background", BackgroundHandler),
    ],
    compress_response=True,
    template_path=str(HERE / "templates"),
    cookie_secret="atlas-example-not-a-secret",
)
rules = [
    Rule(PathMatches(r"/features/.*"), features),
    (r"/static/(.*)", tornado.web.StaticFileHandler, {"path": str(HERE / "static")}),
]
