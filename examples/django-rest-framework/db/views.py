"""Database endpoints as Django REST framework function views (`@api_view`) on Django's ORM.

The fortunes page is HTML, so it is a plain Django view rendering a Django template.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from db.common import many_worlds, one_world, sorted_fortunes, update_worlds


@api_view(["GET"])
def single(request: Request) -> Response:
    return Response(one_world())


@api_view(["GET"])
def queries(request: Request) -> Response:
    return Response(many_worlds(request.query_params.get("queries")))


def fortunes(request: HttpRequest) -> HttpResponse:
    return render(request, "fortunes.html", {"fortunes": sorted_fortunes()})


@api_view(["GET"])
def updates(request: Request) -> Response:
    return Response(update_worlds(request.query_params.get("queries")))
