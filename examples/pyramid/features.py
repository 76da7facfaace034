"""Framework features of the Atlas example in Pyramid: views included with the route prefix
/features, and `setup(config)` for the tween, sessions, static view, templates and the start-up
event (paths in data/examples/pyramid.yaml)."""

from collections.abc import Callable, Iterator
from pathlib import Path

from pyramid.config import Configurator
from pyramid.events import ApplicationCreated
from pyramid.request import Request
from pyramid.response import Response
from pyramid.session import SignedCookieSessionFactory

HERE = Path(__file__).parent
state = {"started": False}


def mark_tween_factory(handler: Callable[[Request], Response], registry: object) -> Callable:
    def mark_tween(request: Request) -> Response:
        response = handler(request)
        response.headers["X-Atlas-Middleware"] = "pyramid"
        return response

    return mark_tween


def group(request: Request) -> dict[str, str]:
    return {"group": "features"}


def stream(request: Request) -> Response:
    def lines() -> Iterator[bytes]:
        for n in range(1, 4):
            yield f"line {n}\n".encode()

    return Response(app_iter=lines(), content_type="text/plain")


def upload(request: Request) -> dict[str, object]:
    file = request.POST["file"]
    return {"filename": file.filename, "size": len(file.file.read())}


def cookie(request: Request) -> dict[str, str | None]:
    request.response.set_cookie("atlas", "from-server")
    return {"atlas": request.cookies.get("atlas")}


def session(request: Request) -> dict[str, int]:
    request.session["count"] = request.session.get("count", 0) + 1
    return {"count": request.session["count"]}


def form(request: Request) -> dict[str, str]:
    return {"posted": "with a valid token"} if request.method == "POST" else {}


def hello(request: Request) -> dict[str, str]:
    return {"name": request.params.get("name", "world")}


def started(request: Request) -> dict[str, bool]:
    return {"started": bool(state["started"])}


def on_created(event: ApplicationCreated) -> None:
    state["started"] = True


def includeme(config: Configurator) -> None:
    """The feature routes and views, included with ``route_prefix="/features"``."""
    views = {
        "group": (group, "json"),
        "stream": (stream, None),
        "upload": (upload, "json"),
        "cookie": (cookie, "json"),
        "session": (session, "json"),
        "lifespan": (started, "json"),
    }
    for name, (view, renderer) in views.items():
        config.add_route(f"features-{name}", f"/{name}")
        config.add_view(view, route_name=f"features-{name}", renderer=renderer)
    config.add_route("features-template", "/template")
    config.add_view(hello, route_name="features-template", renderer="templates/hello.jinja2")
    config.add_route("features-form", "/form")
    # CSRF checked on this view only: the JSON API is not posted by browsers' forms
    config.add_view(
        form, route_name="features-form", renderer="templates/form.jinja2", require_csrf=True
    )


def setup(config: Configurator) -> None:
    """The app-wide parts: a tween, sessions, the static view, Jinja2, the start-up event."""
    config.add_tween("features.mark_tween_factory")
    config.set_session_factory(SignedCookieSessionFactory("atlas-example-not-a-secret"))
    config.add_static_view(name="static", path=str(HERE / "static"))
    config.include("pyramid_jinja2")
    config.add_subscriber(on_created, ApplicationCreated)
