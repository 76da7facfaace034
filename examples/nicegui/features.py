"""Framework features of the Atlas example in NiceGUI, one small endpoint each.

The endpoints sit on a `nicegui.APIRouter` with the prefix /features (NiceGUI's router, a FastAPI
router that can also hold pages). NiceGUI has one app, so the middleware (a header, CORS) is
registered on it, as its docs show; ui.run() adds gzip itself. The data file
data/examples/nicegui.yaml lists the path of each feature, which tests/examples probes.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import Cookie, Request, Response, UploadFile
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import StreamingResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from nicegui import APIRouter, app, background_tasks, ui

HERE = Path(__file__).resolve().parent  # the folders sit beside this module, whatever the cwd
router = APIRouter(prefix="/features")
templates = Jinja2Templates(directory=HERE / "templates")  # jinja2 comes with NiceGUI
state = {"started": False, "runs": 0}


def started() -> None:
    state["started"] = True


class Profile(BaseModel):
    id: int
    name: str


@router.page("/")
def overview() -> None:
    ui.label("Atlas example features")


@router.get("/group")
async def group() -> dict[str, str]:
    return {"group": "features"}


@router.get("/profile", response_model=Profile)
async def profile() -> dict[str, object]:
    return {"id": 1, "name": "Ada", "secret": "not in the response model"}


@router.get("/large")
async def large() -> dict[str, str]:
    return {"text": "Hello, World! " * 200}


def lines() -> Iterator[str]:
    for n in range(1, 4):
        yield f"line {n}\n"


@router.get("/stream")
async def stream() -> StreamingResponse:
    return StreamingResponse(lines(), media_type="text/plain")


@router.post("/upload")
async def upload(file: UploadFile) -> dict[str, object]:
    return {"filename": file.filename, "size": len(await file.read())}


@router.get("/cookie")
async def cookie(response: Response, atlas: Annotated[str | None, Cookie()] = None) -> dict:
    response.set_cookie("atlas", "from-server")
    return {"atlas": atlas}


@router.get("/template")
async def template(request: Request, name: str = "world") -> Response:
    return templates.TemplateResponse(request, "hello.html", {"name": name})


@router.get("/session")
async def session() -> dict[str, int]:
    storage = app.storage.browser  # the signed session cookie that storage_secret enables
    storage["count"] = storage.get("count", 0) + 1
    return {"count": storage["count"]}


async def count_run() -> None:
    state["runs"] += 1


@router.post("/background", status_code=202)
async def schedule() -> dict[str, str]:
    background_tasks.create(count_run(), name="count_run")
    return {"scheduled": "count_run"}


@router.get("/background")
async def runs() -> dict[str, object]:
    return {"runs": state["runs"]}


@router.get("/lifespan")
async def lifespan() -> dict[str, object]:
    return {"started": state["started"]}


def setup() -> None:
    """Register the features router, the middleware, the static folder and the startup hook."""

    @app.middleware("http")
    async def mark(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers["X-Atlas-Middleware"] = "nicegui"
        return response

    app.add_middleware(
        CORSMiddleware, allow_origins=["https://client.example"], allow_methods=["*"]
    )
    app.include_router(router)
    app.add_static_files("/static", HERE / "static")
    app.on_startup(started)
