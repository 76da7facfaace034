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

# --- database endpoints (TechEmpower tests): see db/ ---
from django.urls import include  # noqa: E402

urlpatterns.append(path("", include("db.urls")))
# --- end database endpoints ---
