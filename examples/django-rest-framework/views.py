"""The Atlas example API in Django REST framework: a serializer, a ViewSet and API views."""

from itertools import count

from django.http import HttpResponse
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


class UserSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    email = serializers.CharField(max_length=254)
    name = serializers.CharField(max_length=200)


class UserViewSet(viewsets.ViewSet):
    def create(self, request: Request) -> Response:
        serializer = UserSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)  # 400 with the field errors
        email = serializer.validated_data["email"]
        if email in emails:
            return Response({"detail": "email already registered"}, status.HTTP_409_CONFLICT)
        user = {"id": next(ids), **serializer.validated_data}
        users[user["id"]] = user
        emails.add(email)
        return Response(UserSerializer(user).data, status.HTTP_201_CREATED)

    def retrieve(self, request: Request, pk: str) -> Response:
        user = users.get(int(pk)) if pk.isdigit() else None
        if user is None:
            raise NotFound("user not found")
        return Response(UserSerializer(user).data)


def plaintext(request: object) -> HttpResponse:
    return HttpResponse("Hello, World!", content_type="text/plain")


@api_view(["GET"])
def hello_json(request: Request) -> Response:
    return Response({"message": "Hello, World!"})
