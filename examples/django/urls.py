"""URLconf of the Atlas example Django project."""

import views
from django.urls import path

urlpatterns = [
    path("users", views.create_user),
    path("users/<int:user_id>", views.get_user),
    path("plaintext", views.plaintext),
    path("json", views.hello_json),
]
