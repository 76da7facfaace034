"""URLconf of the Atlas example Django REST framework project."""

import views
from django.urls import path
from rest_framework.routers import SimpleRouter

router = SimpleRouter(trailing_slash=False)
router.register("users", views.UserViewSet, basename="user")

urlpatterns = [
    *router.urls,
    path("plaintext", views.plaintext),
    path("json", views.hello_json),
]
