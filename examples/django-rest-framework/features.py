"""Framework features of the Atlas example in Django REST framework: API views included under
/features/, the built-in (deprecated) OpenAPI schema view with drf-spectacular's Swagger UI for
it, and what Django itself provides
(middleware, sessions, static files, start-up hook; settings at the end of settings.py).
Paths in data/examples/django-rest-framework.yaml."""

from collections.abc import Callable, Iterator
from pathlib import Path

from django.apps import AppConfig
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import path, re_path
from django.views.decorators.gzip import gzip_page
from django.views.static import serve
from drf_spectacular.views import SpectacularSwaggerView
from rest_framework import serializers
from rest_framework.decorators import api_view, parser_classes, renderer_classes
from rest_framework.parsers import MultiPartParser
from rest_framework.renderers import JSONOpenAPIRenderer, TemplateHTMLRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.schemas import get_schema_view

state = {"started": False}


class FeaturesConfig(AppConfig):
    name = "features"

    def ready(self) -> None:  # Django runs it once at start-up
        state["started"] = True


def mark(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response["X-Atlas-Middleware"] = "django-rest-framework"
        return response

    return middleware


class ProfileSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


@api_view(["GET"])
def group(request: Request) -> Response:
    return Response({"group": "features"})


@api_view(["GET"])
def profile(request: Request) -> Response:
    account = {"id": 1, "name": "Ada", "secret": "not in the serializer"}
    return Response(ProfileSerializer(account).data)


@gzip_page
@api_view(["GET"])
def large(request: Request) -> Response:
    return Response({"text": "Hello, World! " * 200})


def lines() -> Iterator[str]:
    for n in range(1, 4):
        yield f"line {n}\n"


def stream(request: HttpRequest) -> StreamingHttpResponse:
    return StreamingHttpResponse(lines(), content_type="text/plain")


def events(request: HttpRequest) -> StreamingHttpResponse:
    return StreamingHttpResponse(
        (f"data: {n}\n\n" for n in range(1, 4)), content_type="text/event-stream"
    )


@api_view(["POST"])
@parser_classes([MultiPartParser])
def upload(request: Request) -> Response:
    file = request.data["file"]
    return Response({"filename": file.name, "size": file.size})


@api_view(["GET"])
def cookie(request: Request) -> Response:
    response = Response({"atlas": request.COOKIES.get("atlas")})
    response.set_cookie("atlas", "from-server")
    return response


@api_view(["GET"])
def session(request: Request) -> Response:
    request.session["count"] = request.session.get("count", 0) + 1
    return Response({"count": request.session["count"]})


@api_view(["GET"])
@renderer_classes([TemplateHTMLRenderer])
def template(request: Request) -> Response:
    return Response({"name": request.query_params.get("name", "world")}, template_name="hello.html")


@api_view(["GET"])
def started(request: Request) -> Response:
    return Response({"started": state["started"]})


urlpatterns = [
    path("group", group),
    path("profile", profile),
    path("large", large),
    path("stream", stream),
    path("sse", events),
    path("upload", upload),
    path("cookie", cookie),
    path("session", session),
    path("template", template),
    path("lifespan", started),
    # drf-spectacular's Swagger UI page, pointed at the schema DRF itself generates (/openapi.json)
    path("docs", SpectacularSwaggerView.as_view(url="/openapi.json")),
]

schema = path(
    "openapi.json",
    get_schema_view(title="Atlas example", renderer_classes=[JSONOpenAPIRenderer]),
)

# Django leaves static files to the web server in production; django.views.static.serve is its
# documented (inefficient) fallback, used here so the example serves ./static without one.
static = re_path(
    r"^static/(?P<path>.*)$", serve, {"document_root": Path(__file__).parent / "static"}
)
