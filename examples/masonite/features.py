"""Framework features of the Atlas example in Masonite: a route group under /features, an HTTP
middleware, a queued job, a service provider that marks start-up and a handler that answers a
refused CSRF check (paths in data/examples/masonite.yaml). The kernel registers the middleware
and the CORS settings are in config/security.py."""

from masonite.controllers import Controller
from masonite.middleware import Middleware
from masonite.providers import Provider
from masonite.queues import Queue, Queueable
from masonite.request import Request
from masonite.response import Response
from masonite.routes import Route
from masonite.sessions import Session
from masonite.views import View

state = {"started": False, "runs": 0}


class MarkMiddleware(Middleware):
    """HTTP middleware (the kernel's `http_middleware`): runs around every request."""

    def before(self, request: Request, response: Response):
        return request

    def after(self, request: Request, response: Response):
        response.header("X-Atlas-Middleware", "masonite")
        return request


class CsrfRefusedHandler:
    """Bound as `InvalidCSRFTokenHandler`: without it the refused post is a 500 error."""

    def __init__(self, application):
        self.application = application

    def handle(self, exception: Exception):
        return self.application.make("response").json({"error": str(exception)}, status=403)


class StartupProvider(Provider):
    def __init__(self, application):
        self.application = application

    def register(self):  # once, when the application starts; boot() runs on every request
        state["started"] = True
        self.application.bind("InvalidCSRFTokenHandler", CsrfRefusedHandler(self.application))

    def boot(self):
        pass


class CountRun(Queueable):
    def handle(self):
        state["runs"] += 1


class FeaturesController(Controller):
    def group(self):
        return {"group": "features"}

    def upload(self, request: Request):
        file = request.input("file")
        return {"filename": file.name, "size": file.size}

    def cookie(self, request: Request, response: Response):
        response.cookie("atlas", "from-server")
        return {"atlas": request.cookie("atlas")}

    def session(self, session: Session):
        session.set("count", int(session.get("count") or 0) + 1)
        return {"count": int(session.get("count"))}

    def form(self, view: View):
        return view.render("form")

    def posted(self):
        return {"posted": "with a valid token"}

    def template(self, request: Request, view: View):
        return view.render("hello", {"name": request.input("name", "world")})

    def schedule(self, queue: Queue, response: Response):
        queue.push(CountRun())  # the async driver runs it in a thread of this process
        return response.json({"scheduled": "CountRun"}, status=202)

    def runs(self):
        return {"runs": state["runs"]}

    def lifespan(self):
        return {"started": state["started"]}


def routes() -> list:
    """The /features group; routes.py adds it (routes are built once the application exists)."""
    return [
        Route.group(
            [
                Route.get("/group", FeaturesController.group),
                Route.post("/upload", FeaturesController.upload),
                Route.get("/cookie", FeaturesController.cookie),
                Route.get("/template", FeaturesController.template),
                Route.post("/background", FeaturesController.schedule),
                Route.get("/background", FeaturesController.runs),
                Route.get("/lifespan", FeaturesController.lifespan),
                Route.group(
                    [
                        Route.get("/session", FeaturesController.session),
                        Route.get("/form", FeaturesController.form),
                        Route.post("/form", FeaturesController.posted),
                    ],
                    middleware=["web"],  # sessions and the CSRF check
                ),
            ],
            prefix="/features",
        )
    ]
