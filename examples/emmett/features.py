"""Framework features of the Atlas example in Emmett: an application module with the URL prefix
/features, whose pipeline holds the sessions pipe and a pipe that marks every response (paths in
data/examples/emmett.yaml). Emmett serves ./static itself. Imported at the end of app.py, as
Emmett's docs lay out controllers. The API features (body validation, response fields, OpenAPI and
its UI) come from the Emmett-REST extension, at the end."""

from collections.abc import Iterator

from app import app
from emmett import Pipe, request, response, sdict, session
from emmett.extensions import Extension, Signals, listen_signal
from emmett.orm import Database, Field, Model
from emmett.sessions import SessionManager
from emmett.tools import service
from emmett_rest import REST

state = {"started": False}


class Startup(Extension):
    """Emmett has no startup hook; an extension's after_loop signal fires when the loop starts."""

    @listen_signal(Signals.after_loop)
    def started(self, loop: object) -> None:
        state["started"] = True


app.use_extension(Startup)


class Mark(Pipe):
    async def pipe(self, next_pipe, **kwargs):  # type: ignore[no-untyped-def]
        result = await next_pipe(**kwargs)
        response.headers["X-Atlas-Middleware"] = "emmett"
        return result


features = app.module(__name__, "features", url_prefix="features")
features.pipeline = [SessionManager.cookies("atlas-example-not-a-secret"), Mark()]


@features.route("/group", methods="get")
@service.json
async def group() -> dict[str, str]:
    return {"group": "features"}


@features.route("/stream", methods="get")
async def stream() -> object:
    def lines() -> Iterator[bytes]:
        for n in range(1, 4):
            yield f"line {n}\n".encode()

    response.content_type = "text/plain"
    return response.wrap_iter(lines())


@features.route("/upload", methods="post")
@service.json
async def upload() -> dict[str, object]:
    file = (await request.files).file
    return {"filename": file.filename, "size": len(file.read())}


@features.route("/cookie", methods="get")
@service.json
async def cookie() -> dict[str, str | None]:
    sent = request.cookies.get("atlas")
    response.cookies["atlas"] = "from-server"
    return {"atlas": sent.value if sent else None}


@features.route("/session", methods="get")
@service.json
async def counter() -> dict[str, int]:
    session.count = (session.count or 0) + 1
    return {"count": session.count}


@features.route("/template", methods="get", template="hello.html")
async def hello() -> dict[str, str]:
    return {"name": request.query_params.name or "world"}


@features.route("/lifespan", methods="get")
@service.json
async def started() -> dict[str, bool]:
    return {"started": bool(state["started"])}


# --- API features through Emmett-REST (the extension the data names): a REST module over an ORM
# model validates JSON bodies (422 naming the field), serializes only the readable fields, and a
# docs module publishes the OpenAPI document and its UI. The ORM needs a database: SQLite, whose
# first row (id 1) is the user the response-fields probe reads.
class Person(Model):
    tablename = "people"
    email = Field.string()
    name = Field.string()
    secret = Field.string()
    validation = {"email": {"presence": True}, "name": {"presence": True}}
    rest_rw = {"secret": False}  # neither read nor written through the API


app.use_extension(REST)  # before the database: it adds the models' rest_rw attribute
store = Database(app, config=sdict(uri="sqlite://people.db", auto_migrate=True))
store.define_models(Person)
with store.connection():
    if not Person.all().count():  # the file in ./databases (Emmett's default) outlives a run
        Person.create(email="ada@example.com", name="Ada", secret="not in the API")

app.rest_module(
    __name__,
    "features_api_people",
    Person,
    url_prefix="features/api/people",
    pipeline=[store.pipe],
)
app.ext.REST.docs_module(
    __name__,
    "features_api_docs",
    title="Atlas example (Emmett-REST)",
    version="1.0.0",
    modules_tree_prefix="features_api_",
    expose_ui=True,
    url_prefix="features/api",
)
