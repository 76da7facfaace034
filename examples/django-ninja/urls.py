"""URLconf of the Atlas example Django Ninja project: the API at the site root."""

from api import api
from django.urls import path

urlpatterns = [path("", api.urls)]
