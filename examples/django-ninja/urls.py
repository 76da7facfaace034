"""URLconf of the Atlas example Django Ninja project: the API at the site root."""

import features
from api import api
from django.urls import path

urlpatterns = [features.static, path("", api.urls)]
