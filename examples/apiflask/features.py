"""Framework features of the Atlas example in APIFlask: an APIBlueprint with the prefix /features,
and `setup(app)` for the app-wide parts. Schemas come from APIFlask; the rest is Flask's (static
folder, streaming, sessions, templates, request hooks) or the extensions the data names:
flask-cors, flask-compress and Flask-WTF's CSRF check (paths in data/examples/apiflask.yaml)."""

from collections.abc import Iterator

from apiflask import APIBlueprint, APIFlask, Schema
from apiflask.fields import File, Integer, String
from flask import Response, jsonify, render_template, request, session
from flask_compress import Compress
from flask_cors import CORS
from flask_wtf.csrf import CSRFProtect

bp = APIBlueprint("features", __name__, url_prefix="/features")
csrf = CSRFProtect()  # checks only where csrf.protect() is called (WTF_CSRF_CHECK_DEFAULT off)
compress = Compress()  # per view (COMPRESS_REGISTER off): the benchmarked endpoints stay bare


class ProfileOut(Schema):
    id = Integer()
    name = String()


class UploadIn(Schema):
    file = File(required=True)
    note = String()


class CookieIn(Schema):
    atlas = String()


@bp.after_request
def mark(response: Response) -> Response:
    """A request hook of the blueprint: runs for every response of its routes."""
    response.headers["X-Atlas-Middleware"] = "apiflask"
    return response


@bp.get("/profile")
@bp.output(ProfileOut)  # the schema drops fields it does not list
def profile() -> dict[str, object]:
    return {"id": 1, "name": "Ada", "secret": "not in the schema"}


@bp.get("/group")
def group() -> dict[str, str]:
    return {"group": "features"}


@bp.get("/large")
@compress.compressed()
def large() -> dict[str, str]:
    return {"text": "Hello, World! " * 200}


@bp.get("/stream")
def stream() -> Response:
    def lines() -> Iterator[str]:
        for n in range(1, 4):
            yield f"line {n}\n"

    return Response(lines(), mimetype="text/plain")


@bp.post("/upload")
@bp.input(UploadIn, location="files")  # multipart: the file field is validated
def upload(files_data: dict[str, object]) -> dict[str, object]:
    file = files_data["file"]
    return {"filename": file.filename, "size": len(file.read())}


@bp.get("/cookie")
@bp.input(CookieIn, location="cookies")
def cookie(cookies_data: dict[str, str]) -> Response:
    response = jsonify(atlas=cookies_data.get("atlas"))
    response.set_cookie("atlas", "from-server")
    return response


@bp.get("/session")
def counter() -> dict[str, int]:
    session["count"] = session.get("count", 0) + 1
    return {"count": session["count"]}


@bp.route("/form", methods=["GET", "POST"])
def form() -> dict[str, str] | str:
    if request.method == "POST":
        csrf.protect()  # 400 without a valid token
        return {"posted": "with a valid token"}
    return render_template("form.html")


@bp.get("/template")
def template() -> str:
    return render_template("hello.html", name=request.args.get("name", "world"))


def setup(app: APIFlask) -> None:
    """Add the app-wide features and the blueprint."""
    app.secret_key = "atlas-example-not-a-secret"
    app.config["COMPRESS_REGISTER"] = False
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False  # the JSON API is not posted by forms
    compress.init_app(app)
    csrf.init_app(app)
    CORS(bp, origins=["https://client.example"])  # the blueprint's routes serve browsers
    app.register_blueprint(bp)
