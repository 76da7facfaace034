"""Framework features of the Atlas example in Quart: a Blueprint with the prefix /features, and
`setup(app)` for the app-wide parts, with the extensions Quart's docs list for CORS,
compression and CSRF (paths in data/examples/quart.yaml). Quart serves ./static and
./templates itself."""

from collections.abc import AsyncGenerator

from pydantic import BaseModel
from quart import (
    Blueprint,
    Quart,
    Response,
    current_app,
    make_response,
    render_template,
    request,
    session,
)
from quart_compress import Compress
from quart_cors import cors
from quart_schema import RequestSchemaValidationError, validate_response
from quart_wtf import CSRFProtect

bp = Blueprint("features", __name__, url_prefix="/features")
state = {"started": False, "runs": 0}
csrf = CSRFProtect()  # checks only where csrf.protect() is awaited (WTF_CSRF_CHECK_DEFAULT off)


class Profile(BaseModel):
    id: int
    name: str


@bp.get("/group")
async def group() -> dict[str, str]:
    return {"group": "features"}


@bp.get("/profile")
@validate_response(Profile)
async def profile() -> dict[str, object]:
    return {"id": 1, "name": "Ada", "secret": "not in the response model"}


@bp.get("/large")
async def large() -> dict[str, str]:
    return {"text": "Hello, World! " * 200}


@bp.get("/stream")
async def stream() -> Response:
    async def lines() -> AsyncGenerator[bytes, None]:
        for n in range(1, 4):
            yield f"line {n}\n".encode()

    return await make_response(lines(), {"Content-Type": "text/plain"})


@bp.post("/upload")
async def upload() -> dict[str, object]:
    file = (await request.files)["file"]
    return {"filename": file.filename, "size": len(file.read())}


@bp.get("/cookie")
async def cookie() -> Response:
    response = await make_response({"atlas": request.cookies.get("atlas")})
    response.set_cookie("atlas", "from-server")
    return response


@bp.get("/session")
async def counter() -> dict[str, int]:
    session["count"] = session.get("count", 0) + 1
    return {"count": session["count"]}


@bp.route("/form", methods=["GET", "POST"])
async def form() -> dict[str, str] | str:
    if request.method == "POST":
        await csrf.protect()  # 400 without a valid token
        return {"posted": "with a valid token"}
    return await render_template("form.html")


@bp.get("/template")
async def template() -> str:
    return await render_template("hello.html", name=request.args.get("name", "world"))


async def count_run() -> None:
    state["runs"] += 1


@bp.post("/background")
async def schedule() -> tuple[dict[str, str], int]:
    current_app.add_background_task(count_run)
    return {"scheduled": "count_run"}, 202


@bp.get("/background")
async def runs() -> dict[str, object]:
    return {"runs": state["runs"]}


@bp.get("/lifespan")
async def started() -> dict[str, object]:
    return {"started": state["started"]}


def setup(app: Quart) -> Quart:
    """Add the app-wide features and the blueprint (with CORS: its routes serve browsers)."""
    app.secret_key = "atlas-example-not-a-secret"
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False  # the JSON API is not posted by forms
    csrf.init_app(app)

    @app.before_serving
    async def on_start() -> None:
        state["started"] = True

    @bp.after_request  # the blueprint's requests only: the benchmarked endpoints stay bare
    async def mark(response: Response) -> Response:
        response.headers["X-Atlas-Middleware"] = "quart"
        return response

    @app.errorhandler(RequestSchemaValidationError)
    async def invalid_body(error: RequestSchemaValidationError) -> tuple[dict[str, str], int]:
        return {"errors": str(error.validation_error)}, 400  # as the Quart-Schema docs show

    Compress(app)
    app.register_blueprint(cors(bp, allow_origin="https://client.example"))
    return app
