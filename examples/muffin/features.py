"""Framework features of the Atlas example in Muffin: a nested application mounted at /features
with its own middleware and plugins (muffin-session, muffin-jinja2), the app's startup hook, and a
muffin-rest endpoint whose schema drops a field (paths in data/examples/muffin.yaml)."""

import marshmallow as ma
from muffin import Application, ResponseJSON, ResponseStream
from muffin_jinja2 import Plugin as Jinja2
from muffin_rest import RESTHandler
from muffin_session import Plugin as Session

group = Application()
session = Session(group, secret_key="atlas-example-not-a-secret-32-bytes+")
jinja2 = Jinja2(group, template_folders=["templates"])
state = {"started": False, "runs": 0}


async def startup():
    state["started"] = True


def install(app, api):
    """Register the startup hook, mount the group and add the profile endpoint to the API."""
    app.on_startup(startup)
    app.route("/features")(group)
    api.route("/features/profile", methods="get")(Profile)


@group.middleware
async def mark(handler, request, receive, send):
    response = await handler(request, receive, send)
    response.headers["X-Atlas-Middleware"] = "muffin"
    return response


@group.route("/group")
async def in_group(request):
    return {"group": "features"}


@group.route("/stream")
async def stream(request):
    async def lines():
        for n in range(1, 4):
            yield f"line {n}\n"

    return ResponseStream(lines(), content_type="text/plain")


@group.route("/upload", methods="post")
async def upload(request):
    form = await request.form()
    file = form["file"]
    return {"filename": file.name, "size": len(file.read())}


@group.route("/cookie")
async def cookie(request):
    response = ResponseJSON({"atlas": request.cookies.get("atlas")})
    response.cookies["atlas"] = "from-server"
    return response


@group.route("/session")
async def count_in_session(request):
    ses = session.load_from_request(request)
    ses["count"] = ses.get("count", 0) + 1
    return session.save_to_response(ses, ResponseJSON({"count": ses["count"]}))


@group.route("/template")
async def template(request):
    name = request.query.get("name", "world")
    return await jinja2.render("hello.html", name=name)


async def count_run():
    state["runs"] += 1


@group.route("/background", methods=["get", "post"])
async def background(request):
    if request.method == "POST":
        group.run_after_response(count_run())
        return 202, {"scheduled": "count_run"}
    return {"runs": state["runs"]}


@group.route("/lifespan")
async def started(request):
    return {"started": state["started"]}


class ProfileSchema(ma.Schema):
    email = ma.fields.Str()
    name = ma.fields.Str()


class Profile(RESTHandler):
    """A profile whose stored record holds a secret that the schema leaves out."""

    class Meta:
        name = "profile"
        Schema = ProfileSchema

    async def prepare_collection(self, request):
        return None

    async def get(self, request, *, resource=None):
        record = {"email": "ada@example.com", "name": "Ada", "secret": "not for clients"}
        return await self.dump(request, record)
