"""Controllers of the Atlas example API: users kept in memory, validated with Masonite's rules."""

from itertools import count

from masonite.controllers import Controller
from masonite.request import Request
from masonite.response import Response
from masonite.validation import Validator

users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


class UsersController(Controller):
    def store(self, request: Request, response: Response, validate: Validator):
        errors = request.validate(validate.required(["email", "name"]))
        if errors:  # a message bag: {"email": ["The email field is required."]}
            return response.json({"errors": errors.all()}, status=422)
        if request.input("email") in emails:
            return response.json({"error": "email already registered"}, status=409)
        user = {"id": next(ids), "email": request.input("email"), "name": request.input("name")}
        users[user["id"]] = user
        emails.add(user["email"])
        return response.json(user, status=201)

    def show(self, request: Request, response: Response):
        user = users.get(int(request.param("user_id")))
        if user is None:
            return response.json({"error": "user not found"}, status=404)
        return user


class HelloController(Controller):
    def plaintext(self, response: Response):
        response.header("Content-Type", "text/plain")
        return "Hello, World!"

    def json(self):
        return {"message": "Hello, World!"}
