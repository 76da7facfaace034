"""Framework features of the Atlas example in Pyramid: views included with the route prefix
/features, and `setup(config)` for the tween, sessions, static view, templates and the start-up
event (paths in data/examples/pyramid.yaml).

The API features come from the plugins the data names: pyramid_openapi3 checks POST
/features/users against the hand-written openapi.yaml and serves Swagger UI for it;
pyramid_apispec generates /features/api/openapi.json from the routes and view docstrings."""

from collections.abc import Callable, Iterator
from pathlib import Path

from apispec import APISpec
from pyramid.config import Configurator
from pyramid_apispec.helpers import add_pyramid_paths
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


def create_user(request: Request) -> dict[str, object]:
    """Create a user (the body was checked against openapi.yaml before this view runs).
    ---
    post:
      summary: Create a user from a JSON body with email and name.
      responses:
        201:
          description: The user, as posted.
    """
    request.response.status_code = 201
    return dict(request.openapi_validated.body)


def openapi_document(request: Request) -> dict[str, object]:
    spec = APISpec(title="Atlas example (Pyramid)", version="1.0.0", openapi_version="3.1.0")
    add_pyramid_paths(spec, "features-users", request=request)
    return spec.to_dict()


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
    config.add_route("features-users", "/users")
    config.add_view(
        create_user,
        route_name="features-users",
        request_method="POST",
        renderer="json",
        openapi=True,  # pyramid_openapi3 validates the request (and the response)
    )
    config.add_route("features-openapi", "/api/openapi.json")
    config.add_view(openapi_document, route_name="features-openapi", renderer="json")
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
    config.include("pyramid_openapi3")
    config.pyramid_openapi3_spec(str(HERE / "openapi.yaml"), route="/features/api/openapi.yaml")
    config.pyramid_openapi3_add_explorer(route="/features/api/docs")
