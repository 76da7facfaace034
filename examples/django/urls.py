"""URLconf of the Atlas example Django project."""

from django.urls import path

import views

urlpatterns = [
    path("users", views.create_user),
    path("users/<int:user_id>", views.get_user),
    path("plaintext", views.plaintext),
    path("json", views.hello_json),
]
