"""Framework features of the Atlas example in Django Ninja: a Router added to the API at /features,
plus what Django itself provides (middleware, sessions, static files, templates, start-up hook;
settings at the end of settings.py). Paths in data/examples/django-ninja.yaml."""

from collections.abc import Callable, Iterator
from pathlib import Path

from django.apps import AppConfig
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import re_path
from django.views.decorators.gzip import gzip_page
from django.views.static import serve
from ninja import Cookie, File, Router, Schema
from ninja.decorators import decorate_view
from ninja.files import UploadedFile
from ninja.security import APIKeyCookie

router = Router()
state = {"started": False}


class FeaturesConfig(AppConfig):
    name = "features"

    def ready(self) -> None:  # Django runs it once at start-up
        state["started"] = True


def mark(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response["X-Atlas-Middleware"] = "django-ninja"
        return response

    return middleware


class Profile(Schema):
    id: int
    name: str


@router.get("/group")
def group(request: HttpRequest) -> dict[str, str]:
    return {"group": "features"}


@router.get("/profile", response=Profile)
def profile(request: HttpRequest) -> dict[str, object]:
    return {"id": 1, "name": "Ada", "secret": "not in the response schema"}


@router.get("/large")
@decorate_view(gzip_page)
def large(request: HttpRequest) -> dict[str, str]:
    return {"text": "Hello, World! " * 200}


def lines() -> Iterator[str]:
    for n in range(1, 4):
        yield f"line {n}\n"


@router.get("/stream")
def stream(request: HttpRequest) -> StreamingHttpResponse:
    return StreamingHttpResponse(lines(), content_type="text/plain")


@router.get("/sse")
def events(request: HttpRequest) -> StreamingHttpResponse:
    return StreamingHttpResponse(
        (f"data: {n}\n\n" for n in range(1, 4)), content_type="text/event-stream"
    )


@router.post("/upload")
def upload(request: HttpRequest, file: File[UploadedFile]) -> dict[str, object]:
    return {"filename": file.name, "size": file.size}


@router.get("/cookie")
def cookie(
    request: HttpRequest, response: HttpResponse, atlas: Cookie[str | None] = None
) -> dict[str, str | None]:
    response.set_cookie("atlas", "from-server")
    return {"atlas": atlas}


@router.get("/session")
def session(request: HttpRequest) -> dict[str, int]:
    request.session["count"] = request.session.get("count", 0) + 1
    return {"count": request.session["count"]}


@router.get("/template")
def template(request: HttpRequest, name: str = "world") -> HttpResponse:
    return render(request, "hello.html", {"name": name})


class FormCookie(APIKeyCookie):
    """Cookie-based auth: Ninja then runs Django's CSRF check on unsafe methods."""

    param_name = "atlas"

    def authenticate(self, request: HttpRequest, key: str | None) -> str | None:
        return key


@router.get("/form")
def form(request: HttpRequest) -> dict[str, str]:
    return {"form": "POST here with the atlas cookie and a CSRF token"}


@router.post("/form", auth=FormCookie())
def submit_form(request: HttpRequest) -> dict[str, str]:
    return {"posted": "with a valid token"}


@router.get("/lifespan")
def started(request: HttpRequest) -> dict[str, bool]:
    return {"started": bool(state["started"])}


# Django leaves static files to the web server in production; django.views.static.serve is its
# documented (inefficient) fallback, used here so the example serves ./static without one.
static = re_path(
    r"^static/(?P<path>.*)$", serve, {"document_root": Path(__file__).parent / "static"}
)
