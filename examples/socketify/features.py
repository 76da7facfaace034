"""Framework features of the Atlas example in socketify.py: a `/features` decorator router with a
middleware, the static folder, the start-up hook and a Jinja2 template engine registered with
`app.template()` (paths in data/examples/socketify.yaml)."""

import asyncio

from jinja2 import Environment, FileSystemLoader
from socketify import App

state = {"started": False}


class Jinja2Template:
    """The Jinja2 adapter from socketify's template docs (not shipped in the package), with
    autoescaping switched on: socketify calls `render()` from `res.render()`."""

    def __init__(self, searchpath: str) -> None:
        self.env = Environment(loader=FileSystemLoader(searchpath), autoescape=True)

    def render(self, templatename: str, **kwargs: object) -> str:
        return self.env.get_template(templatename).render(**kwargs)


def mark(res, req, data=None):
    """Middleware: runs before every handler of the router and adds a response header."""
    res.write_header("X-Atlas-Middleware", "socketify")
    return True  # a falsy return would stop the chain


templates = Jinja2Template("./templates")
"""The engine `app.template()` registers; db.py renders the fortunes page with it too."""


def setup(app: App) -> None:
    app.template(templates)
    app.static("/static", "./static")

    @app.on_start
    def started() -> None:
        state["started"] = True

    router = app.router("/features", mark)

    @router.get("/group")
    def group(res, req, data=None):
        res.send({"group": "features"})

    @router.get("/stream")
    async def stream(res, req, data=None):
        res.write_header("Content-Type", "text/plain")
        for n in range(1, 4):
            res.write(f"line {n}\n")  # written as a chunk; the total size is not known
            await asyncio.sleep(0)
        res.end("")

    @router.get("/cookie")
    def cookie(res, req, data=None):
        received = req.get_cookie("atlas")
        res.set_cookie("atlas", "from-server", {"path": "/"})
        res.send({"atlas": received})

    @router.get("/template")
    def template(res, req, data=None):
        res.render("hello.html", name=req.get_query("name") or "world")

    @router.get("/lifespan")
    def lifespan(res, req, data=None):
        res.send({"started": state["started"]})
