"""URL patterns of the database endpoints."""

from django.urls import path

from db import views

urlpatterns = [
    path("db", views.single),
    path("queries", views.queries),
    path("fortunes", views.fortunes),
    path("updates", views.updates),
]
