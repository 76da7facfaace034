"""Framework features of the Atlas example in FastAPI, one small endpoint each, on one router.

`setup(app)` mounts them as a sub-application at /features with its own middleware (CORS, gzip,
sessions), so the benchmarked endpoints stay bare, and serves ./static; the data file
data/examples/fastapi.yaml lists the path of each feature, which tests/examples probes.
"""

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Cookie, FastAPI, Request, Response, UploadFile
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.middleware.sessions import SessionMiddleware

router = APIRouter()
HERE = Path(__file__).resolve().parent  # the folders sit beside this module, whatever the cwd
templates = Jinja2Templates(directory=HERE / "templates")
state = {"started": False, "runs": 0}


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    state["started"] = True
    yield


class Profile(BaseModel):
    id: int
    name: str


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


@router.get("/session")
async def session(request: Request) -> dict[str, int]:
    request.session["count"] = request.session.get("count", 0) + 1
    return {"count": request.session["count"]}


@router.get("/template")
async def template(request: Request, name: str = "world") -> Response:
    return templates.TemplateResponse(request, "hello.html", {"name": name})


def count_run() -> None:
    state["runs"] += 1


@router.post("/background", status_code=202)
async def schedule(tasks: BackgroundTasks) -> dict[str, str]:
    tasks.add_task(count_run)
    return {"scheduled": "count_run"}


@router.get("/background")
async def runs() -> dict[str, object]:
    return {"runs": state["runs"]}


@router.get("/lifespan")
async def started() -> dict[str, object]:
    return {"started": state["started"]}


def setup(app: FastAPI) -> None:
    """Mount the features sub-application and the static folder on ``app``."""
    features = FastAPI(title="Atlas example features")

    @features.middleware("http")
    async def mark(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers["X-Atlas-Middleware"] = "fastapi"
        return response

    features.add_middleware(GZipMiddleware, minimum_size=500)
    features.add_middleware(
        CORSMiddleware, allow_origins=["https://client.example"], allow_methods=["*"]
    )
    features.add_middleware(SessionMiddleware, secret_key="atlas-example-not-a-secret")
    features.include_router(router)
    app.mount("/features", features)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
