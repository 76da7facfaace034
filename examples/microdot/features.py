"""Framework features of the Atlas example in Microdot: a sub-application mounted at /features with
its own before/after-request handlers, plus the app-wide CORS, session and lifespan setup
(paths in data/examples/microdot.yaml)."""

from microdot import Microdot, Response, send_file
from microdot.cors import CORS
from microdot.csrf import CSRF
from microdot.jinja import Template
from microdot.multipart import with_form_data
from microdot.session import Session, with_session

state = {"started": False}
group = Microdot()


async def startup(scope):
    """ASGI lifespan startup (lifespan_startup= of microdot.asgi.Microdot)."""
    state["started"] = True


def install(app):
    """Mount the /features group and set up what Microdot can only attach to the whole app."""
    # The preflight answer comes from the app's OPTIONS handler, so CORS wraps the whole app.
    cors = CORS(app, allowed_origins=["https://client.example"])
    # Form posts to the group from another origin are refused (Sec-Fetch-Site, then Origin).
    CSRF(group, cors=cors)
    Session(app, secret_key="atlas-example-not-a-secret-32-bytes+")
    # local=True keeps the group's before/after-request handlers to the group's routes.
    app.mount(group, url_prefix="/features", local=True)
    # Microdot has no static route of its own: the docs' recipe is a route that calls send_file().
    app.get("/static/<path:path>")(static)


async def static(request, path):
    if ".." in path:  # the docs' guard against directory traversal
        return "Not found", 404
    return send_file("static/" + path)


@group.after_request
async def mark(request, response):
    response.headers["X-Atlas-Middleware"] = "microdot"
    return response


@group.get("/group")
async def in_group(request):
    return {"group": "features"}


@group.get("/stream")
async def stream(request):
    def lines():
        for n in range(1, 4):
            yield f"line {n}\n"

    return lines(), 200, {"Content-Type": "text/plain"}


@group.post("/upload")
@with_form_data
async def upload(request):
    file = request.files["file"]
    data = await file.read()
    return {"filename": file.filename, "size": len(data)}


@group.get("/cookie")
async def cookie(request):
    response = Response({"atlas": request.cookies.get("atlas")})
    response.set_cookie("atlas", "from-server")
    return response


@group.get("/session")
@with_session
async def session(request, session):
    session["count"] = session.get("count", 0) + 1
    session.save()
    return {"count": session["count"]}


@group.get("/template")
async def template(request):
    name = request.args.get("name", "world")
    return Template("hello.html").render(name=name), {"Content-Type": "text/html"}


@group.route("/form", methods=["GET", "POST"])
async def form(request):
    if request.method == "POST":
        return {"posted": "accepted"}
    return Template("form.html").render(), {"Content-Type": "text/html"}


@group.get("/lifespan")
async def started(request):
    return {"started": state["started"]}
