"""Framework features of the Atlas example in CherryPy: an app mounted at /features with its own
config (gzip, sessions, a custom tool), a static folder mounted at /static, an engine start-up
hook and ws4py's WebSocket tool and engine plugin, which CherryPy's docs point to (paths in
data/examples/cherrypy.yaml)."""

from collections.abc import Iterator
from pathlib import Path

import cherrypy
import cherrypy_cors
from ws4py.server.cherrypyserver import WebSocketPlugin, WebSocketTool
from ws4py.websocket import EchoWebSocket

HERE = Path(__file__).parent
state = {"started": False, "runs": 0}


def mark() -> None:
    cherrypy.response.headers["X-Atlas-Middleware"] = "cherrypy"


cherrypy.tools.mark = cherrypy.Tool("before_finalize", mark)  # a tool wraps every request
cherrypy_cors.install()
cherrypy.tools.websocket = WebSocketTool()  # upgrades the request; needs CherryPy's own server


def count_run() -> None:
    state["runs"] += 1


class Features:
    @cherrypy.expose
    @cherrypy.tools.json_out()
    def group(self) -> dict[str, str] | None:
        if cherrypy.request.method == "OPTIONS":
            cherrypy_cors.preflight(allowed_methods=["GET", "POST"])
            return None
        return {"group": "features"}

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def large(self) -> dict[str, str]:
        return {"text": "Hello, World! " * 200}

    @cherrypy.expose
    @cherrypy.config(**{"response.stream": True, "tools.gzip.on": False})
    def stream(self) -> Iterator[str]:
        cherrypy.response.headers["Content-Type"] = "text/plain"
        return (f"line {n}\n" for n in range(1, 4))

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def upload(self, file: cherrypy._cpreqbody.Part, **form: str) -> dict[str, object]:
        return {"filename": file.filename, "size": len(file.file.read())}

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def cookie(self) -> dict[str, str | None]:
        sent = cherrypy.request.cookie.get("atlas")
        cherrypy.response.cookie["atlas"] = "from-server"
        return {"atlas": sent.value if sent else None}

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def session(self) -> dict[str, int]:
        cherrypy.session["count"] = cherrypy.session.get("count", 0) + 1
        return {"count": cherrypy.session["count"]}

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def background(self) -> dict[str, object]:
        if cherrypy.request.method == "POST":
            cherrypy.request.hooks.attach("on_end_request", count_run)  # after the response
            cherrypy.response.status = 202
            return {"scheduled": "count_run"}
        return {"runs": state["runs"]}

    @cherrypy.expose
    @cherrypy.tools.websocket(handler_cls=EchoWebSocket)
    def ws(self) -> None:
        """The tool has upgraded the connection; ws4py's plugin runs the echo handler on it."""

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def lifespan(self) -> dict[str, bool]:
        return {"started": bool(state["started"])}


def on_start() -> None:
    state["started"] = True


def mount() -> None:
    """Mount the features app and the static folder on CherryPy's tree; hook the engine start."""
    cherrypy.engine.subscribe("start", on_start)
    WebSocketPlugin(cherrypy.engine).subscribe()
    config = {
        "/": {
            "tools.mark.on": True,
            "tools.gzip.on": True,
            "tools.gzip.mime_types": ["text/*", "application/json"],  # default: text only
            "tools.sessions.on": True,
            "cors.expose.on": True,
        }
    }
    cherrypy.tree.mount(Features(), "/features", config)
    static = {"/": {"tools.staticdir.on": True, "tools.staticdir.dir": str(HERE / "static")}}
    cherrypy.tree.mount(None, "/static", static)
