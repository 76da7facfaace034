"""Views of the Atlas example API in Django: function views and a form that validates input."""

import json
from itertools import count

from django import forms
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET, require_POST

users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


class UserForm(forms.Form):
    email = forms.CharField(max_length=254)
    name = forms.CharField(max_length=200)


@require_POST
def create_user(request: HttpRequest) -> JsonResponse:
    try:
        data = json.loads(request.body)
    except ValueError:
        return JsonResponse({"error": "body must be JSON"}, status=400)
    form = UserForm(data if isinstance(data, dict) else {})
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=422)
    if form.cleaned_data["email"] in emails:
        return JsonResponse({"error": "email already registered"}, status=409)
    user = {"id": next(ids), **form.cleaned_data}
    users[user["id"]] = user
    emails.add(form.cleaned_data["email"])
    return JsonResponse(user, status=201)


@require_GET
def get_user(request: HttpRequest, user_id: int) -> JsonResponse:
    if user_id not in users:
        return JsonResponse({"error": "user not found"}, status=404)
    return JsonResponse(users[user_id])


@require_GET
def plaintext(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello, World!", content_type="text/plain")


@require_GET
def hello_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"message": "Hello, World!"})
