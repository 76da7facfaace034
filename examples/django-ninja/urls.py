"""URLconf of the Atlas example Django Ninja project: the API at the site root."""

from django.urls import path

from api import api

urlpatterns = [path("", api.urls)]
