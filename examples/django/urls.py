"""URLconf of the Atlas example Django project."""

import features
import views
from django.urls import include, path

urlpatterns = [
    path("users", views.create_user),
    path("users/<int:user_id>", views.get_user),
    path("plaintext", views.plaintext),
    path("json", views.hello_json),
    path("features/", include(features)),
    features.static,
]
