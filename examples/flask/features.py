"""Framework features of the Atlas example in Flask: a Blueprint with the prefix /features, and
`setup(app)` for the app-wide parts, with the extensions the data names: flask-smorest (schemas,
OpenAPI, Swagger UI), flask-cors, flask-compress, Flask-WTF's CSRF check and Flask-Sock's
WebSocket route (paths in data/examples/flask.yaml). Flask serves ./static and ./templates itself."""

from collections.abc import Iterator

from flask import Flask, Response, jsonify, render_template, request, session
from flask_compress import Compress
from flask_cors import CORS
from flask_smorest import Api, Blueprint
from flask_sock import Sock
from flask_wtf.csrf import CSRFProtect
from marshmallow import Schema, fields
from simple_websocket import Server

bp = Blueprint("features", __name__, url_prefix="/features")  # flask-smorest's Blueprint
csrf = CSRFProtect()  # checks only where csrf.protect() is called (WTF_CSRF_CHECK_DEFAULT off)
compress = Compress()  # per view (COMPRESS_REGISTER off): the benchmarked endpoints stay bare
sock = Sock()  # takes over the server's socket: Gunicorn's and Werkzeug's, not Waitress' or Granian's


@sock.route("/features/ws")  # on the app, not the smorest Blueprint: it is no OpenAPI operation
def echo(ws: Server) -> None:
    while True:
        ws.send(ws.receive())


class UserSchema(Schema):
    email = fields.String(required=True)
    name = fields.String(required=True)


class ProfileSchema(Schema):
    id = fields.Integer()
    name = fields.String()


@bp.post("/users")
@bp.arguments(UserSchema)  # a bad body gets a 422 naming the fields
@bp.response(201, UserSchema)
def create_user(data: dict[str, str]) -> dict[str, str]:
    return data


@bp.get("/profile")
@bp.response(200, ProfileSchema)  # the schema drops fields it does not list
def profile() -> dict[str, object]:
    return {"id": 1, "name": "Ada", "secret": "not in the schema"}


@bp.get("/group")
def group() -> Response:
    return jsonify(group="features")


@bp.get("/large")
@compress.compressed()
def large() -> Response:
    return jsonify(text="Hello, World! " * 200)


@bp.get("/stream")
def stream() -> Response:
    def lines() -> Iterator[str]:
        for n in range(1, 4):
            yield f"line {n}\n"

    return Response(lines(), mimetype="text/plain")


@bp.post("/upload")
def upload() -> Response:
    file = request.files["file"]
    return jsonify(filename=file.filename, size=len(file.read()))


@bp.get("/cookie")
def cookie() -> Response:
    response = jsonify(atlas=request.cookies.get("atlas"))
    response.set_cookie("atlas", "from-server")
    return response


@bp.get("/session")
def counter() -> Response:
    session["count"] = session.get("count", 0) + 1
    return jsonify(count=session["count"])


@bp.route("/form", methods=["GET", "POST"])
def form() -> Response | str:
    if request.method == "POST":
        csrf.protect()  # 400 without a valid token
        return jsonify(posted="with a valid token")
    return render_template("form.html")


@bp.get("/template")
def template() -> str:
    return render_template("hello.html", name=request.args.get("name", "world"))


def setup(app: Flask) -> None:
    """Add the app-wide features and the blueprint."""
    app.secret_key = "atlas-example-not-a-secret"
    app.config.update(
        API_TITLE="Atlas example",
        API_VERSION="1.0",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/features/api",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="swagger-ui",
        OPENAPI_SWAGGER_UI_URL="https://cdn.jsdelivr.net/npm/swagger-ui-dist/",
    )

    @app.after_request
    def mark(response: Response) -> Response:
        response.headers["X-Atlas-Middleware"] = "flask"
        return response

    app.config["COMPRESS_REGISTER"] = False
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False  # the JSON API is not posted by forms
    compress.init_app(app)
    csrf.init_app(app)
    sock.init_app(app)
    CORS(bp, origins=["https://client.example"])  # the blueprint's routes serve browsers
    Api(app).register_blueprint(bp)
