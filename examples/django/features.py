"""Framework features of the Atlas example in Django: views included under /features/ by the
URLconf, a middleware and an app config with a start-up hook (paths in data/examples/django.yaml).
Response schemas and API docs are not in Django itself: a Django Ninja API under /features/api/
provides them.

Settings for them are at the end of settings.py.
"""

from collections.abc import Callable, Iterator
from pathlib import Path

from django.apps import AppConfig
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import path, re_path
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET, require_POST
from django.views.static import serve
from ninja import NinjaAPI, Schema

state = {"started": False}


class FeaturesConfig(AppConfig):
    name = "features"

    def ready(self) -> None:  # runs once when Django starts
        state["started"] = True


def mark(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response["X-Atlas-Middleware"] = "django"
        return response

    return middleware


class Profile(Schema):
    id: int
    name: str


api = NinjaAPI(title="Atlas example (Django with Django Ninja)", urls_namespace="features-api")


@api.get("/profile", response=Profile)
def profile(request: HttpRequest) -> dict[str, object]:
    return {"id": 1, "name": "Ada", "secret": "not in the response schema"}


def group(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"group": "features"})


@gzip_page
def large(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"text": "Hello, World! " * 200})


def lines() -> Iterator[str]:
    for n in range(1, 4):
        yield f"line {n}\n"


def stream(request: HttpRequest) -> StreamingHttpResponse:
    return StreamingHttpResponse(lines(), content_type="text/plain")


def events(request: HttpRequest) -> StreamingHttpResponse:
    return StreamingHttpResponse(
        (f"data: {n}\n\n" for n in range(1, 4)), content_type="text/event-stream"
    )


@require_POST
def upload(request: HttpRequest) -> JsonResponse:
    file = request.FILES["file"]
    return JsonResponse({"filename": file.name, "size": file.size})


def cookie(request: HttpRequest) -> JsonResponse:
    response = JsonResponse({"atlas": request.COOKIES.get("atlas")})
    response.set_cookie("atlas", "from-server")
    return response


def session(request: HttpRequest) -> JsonResponse:
    request.session["count"] = request.session.get("count", 0) + 1
    return JsonResponse({"count": request.session["count"]})


@csrf_protect  # the JSON API has no CSRF middleware; this form is protected per view
def form(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return JsonResponse({"posted": "with a valid token"})
    return render(request, "form.html")


@require_GET
def template(request: HttpRequest) -> HttpResponse:
    return render(request, "hello.html", {"name": request.GET.get("name", "world")})


def started(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"started": state["started"]})


urlpatterns = [
    path("group", group),
    path("large", large),
    path("stream", stream),
    path("sse", events),
    path("upload", upload),
    path("cookie", cookie),
    path("session", session),
    path("form", form),
    path("template", template),
    path("lifespan", started),
    path("api/", api.urls),  # /features/api/profile, /features/api/docs, /features/api/openapi.json
]

# Django leaves static files to the web server in production; django.views.static.serve is its
# documented (inefficient) fallback, used here so the example serves ./static without one.
static = re_path(
    r"^static/(?P<path>.*)$", serve, {"document_root": Path(__file__).parent / "static"}
)
