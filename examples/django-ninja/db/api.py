"""Database endpoints as a Django Ninja router on Django's ORM; fortunes render a Django template."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja import Router

from db.common import many_worlds, one_world, sorted_fortunes, update_worlds

router = Router()


@router.get("/db")
def single(request: HttpRequest) -> dict[str, int]:
    return one_world()


@router.get("/queries")
def queries(request: HttpRequest, queries: str | None = None) -> list[dict[str, int]]:
    return many_worlds(queries)


@router.get("/fortunes")
def fortunes(request: HttpRequest) -> HttpResponse:
    return render(request, "fortunes.html", {"fortunes": sorted_fortunes()})


@router.get("/updates")
def updates(request: HttpRequest, queries: str | None = None) -> list[dict[str, int]]:
    return update_worlds(queries)
