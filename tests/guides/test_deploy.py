"""examples/deploy/: the Dockerfile is checked against the data; the Lambda handler is run."""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest
from dockerfile_parse import DockerfileParser

from macros.apps.env import ensure_env, env_vars
from macros.data.loader import Dataset, load_dataset
from macros.data.model import Runtime, Server

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
DEPLOY = EXAMPLES / "deploy"
INSTRUCTIONS = {
    "FROM",
    "RUN",
    "CMD",
    "LABEL",
    "EXPOSE",
    "ENV",
    "ADD",
    "COPY",
    "ENTRYPOINT",
    "VOLUME",
    "USER",
    "WORKDIR",
    "ARG",
    "ONBUILD",
    "STOPSIGNAL",
    "HEALTHCHECK",
    "SHELL",
}
EXAMPLE = "fastapi"  # the example app the image packages


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="module")
def instructions() -> list[dict[str, str]]:
    parser = DockerfileParser(path=str(DEPLOY / "Dockerfile"))
    return [i for i in parser.structure if i["instruction"] != "COMMENT"]


def of(instructions: list[dict[str, str]], name: str) -> list[str]:
    return [i["value"] for i in instructions if i["instruction"] == name]


def test_every_instruction_is_valid(instructions: list[dict[str, str]]) -> None:
    names = [i["instruction"] for i in instructions]
    assert names, "empty Dockerfile"
    assert set(names) <= INSTRUCTIONS, set(names) - INSTRUCTIONS
    assert names[0] in ("FROM", "ARG")
    assert names.count("CMD") == 1 and names.count("FROM") == 1


def test_base_image_is_a_pinned_supported_python(
    instructions: list[dict[str, str]], dataset: Dataset
) -> None:
    image = of(instructions, "FROM")[0]
    match = re.fullmatch(r"python:(\d+)\.(\d+)\.(\d+)(-[a-z0-9-]+)?(@sha256:[0-9a-f]{64})?", image)
    assert match, f"base image {image!r} is not pinned to a full Python version"
    line = f"{match.group(1)}.{match.group(2)}"
    runtimes = {r.python_version: r for r in dataset.of_kind("runtime") if isinstance(r, Runtime)}
    assert line in runtimes, f"Python {line} is not a runtime in data/runtimes/"
    eol = runtimes[line].end_of_life
    assert eol is not None and eol > dt.date.today(), f"Python {line} is past its end of life"


def test_copied_files_exist_and_are_in_the_context(instructions: list[dict[str, str]]) -> None:
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
    allowed = [line[1:] for line in ignore if line.startswith("!")]
    assert "*" in ignore, "the ignore file should start from an empty context"
    copies = [shlex.split(v) for v in of(instructions, "COPY")]
    local = [c for c in copies if not c[0].startswith("--from=")]
    assert local
    for *sources, _dest in local:
        for source in sources:
            assert (EXAMPLES / source).is_file(), f"COPY {source}: no examples/{source}"
            assert any(fnmatch.fnmatch(source, pattern) for pattern in allowed), source
    for copy in (c for c in copies if c[0].startswith("--from=")):
        image = copy[0].removeprefix("--from=")
        assert re.search(r":\d+\.\d+\.\d+$", image), f"COPY --from={image} is not pinned"


def test_cmd_is_the_server_run_template(
    instructions: list[dict[str, str]], dataset: Dataset
) -> None:
    cmd = json.loads(of(instructions, "CMD")[0])
    example = dataset.examples[EXAMPLE]
    assert cmd[0] in {run.server for run in example.runs}, "the example is not tested under it"
    server = dataset.entities[cmd[0]]
    assert isinstance(server, Server)
    port = of(instructions, "EXPOSE")[0]
    template = server.run[example.interface]
    expected = shlex.split(template.format(host="0.0.0.0", port=port, target=example.target))
    assert cmd == expected


def test_the_target_module_is_copied_into_the_workdir(instructions: list[dict[str, str]]) -> None:
    module = load_dataset().examples[EXAMPLE].target.split(":")[0]
    destinations = [shlex.split(v)[-1] for v in of(instructions, "COPY")]
    assert f"./{module}.py" in destinations
    assert of(instructions, "WORKDIR") == ["/app"]
    users = of(instructions, "USER")
    assert users and users[-1] not in ("root", "0")


def _api_gateway_event(method: str, path: str, body: str | None = None) -> dict[str, object]:
    """A minimal API Gateway HTTP API (payload 2.0) event."""
    return {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": "",
        "headers": {"host": "example.org", "content-type": "application/json"},
        "requestContext": {
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "127.0.0.1",
                "userAgent": "test",
            },
            "stage": "$default",
            "requestId": "1",
            "accountId": "1",
            "apiId": "1",
            "domainName": "example.org",
            "domainPrefix": "example",
            "time": "",
            "timeEpoch": 0,
        },
        "body": body,
        "isBase64Encoded": False,
    }


_DRIVER = """
import json, sys
from lambda_handler import handler
for event in json.load(sys.stdin):
    print(json.dumps(handler(event, None)))
"""


@pytest.mark.slow
def test_lambda_handler_answers_api_gateway_events() -> None:
    venv = ensure_env("deploy-lambda", DEPLOY / "requirements-lambda.txt")
    events = [
        _api_gateway_event("GET", "/json"),
        _api_gateway_event("POST", "/users", json.dumps({"email": "a@example.org", "name": "A"})),
        _api_gateway_event("GET", "/users/1"),
        _api_gateway_event("GET", "/users/99"),
    ]
    env = env_vars(venv) | {"PYTHONPATH": str(EXAMPLES / EXAMPLE)}
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", _DRIVER],
        cwd=DEPLOY,
        env=env,
        input=json.dumps(events),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["statusCode"] for r in results] == [200, 201, 200, 404]
    assert json.loads(results[0]["body"]) == {"message": "Hello, World!"}
    assert json.loads(results[2]["body"]) == {"id": 1, "email": "a@example.org", "name": "A"}
