"""Function views of the database endpoints, with Django's ORM and a Django template."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from db.common import many_worlds, one_world, sorted_fortunes, update_worlds


@require_GET
def single(request: HttpRequest) -> JsonResponse:
    return JsonResponse(one_world())


@require_GET
def queries(request: HttpRequest) -> JsonResponse:
    return JsonResponse(many_worlds(request.GET.get("queries")), safe=False)


@require_GET
def fortunes(request: HttpRequest) -> HttpResponse:
    return render(request, "fortunes.html", {"fortunes": sorted_fortunes()})


@require_GET
def updates(request: HttpRequest) -> JsonResponse:
    return JsonResponse(update_worlds(request.GET.get("queries")), safe=False)
