"""URLconf of the Atlas example Django REST framework project."""

import features
import views
from django.urls import include, path
from rest_framework.routers import SimpleRouter

router = SimpleRouter(trailing_slash=False)
router.register("users", views.UserViewSet, basename="user")

urlpatterns = [
    *router.urls,
    path("plaintext", views.plaintext),
    path("json", views.hello_json),
    path("features/", include(features)),
    features.schema,
    features.static,
]

# --- database endpoints (TechEmpower tests): see db/ ---
from django.urls import include  # noqa: E402

urlpatterns.append(path("", include("db.urls")))
# --- end database endpoints ---
