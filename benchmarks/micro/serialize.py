"""Encode / decode+validate one user object N times with one library; print timings as JSON.

Run inside the pinned micro-benchmark environment by ``atlas bench-micro``; standalone use:
``python serialize.py --libs msgspec,pydantic --ops encode --n 100000 --repeats 5``.
Repeats are interleaved across (library, operation) pairs, in reversed order every other repeat,
so slow stretches of a shared machine hit every contender alike.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Callable
from typing import Any

Op = Callable[[], object]
PAYLOAD = b'{"id":123456,"email":"ada@example.com","name":"Ada Lovelace"}'
FIELDS = {"id": int, "email": str, "name": str}


@dataclasses.dataclass
class UserDC:
    """The user as a stdlib dataclass (no validation of its own)."""

    id: int
    email: str
    name: str


def checked(data: Any) -> UserDC:
    """Hand validation for the libraries that only parse: a dict with three typed fields."""
    if not isinstance(data, dict) or data.keys() != FIELDS.keys():
        raise ValueError("expected an object with id, email, name")
    for key, kind in FIELDS.items():
        if type(data[key]) is not kind:
            raise ValueError(f"{key}: expected {kind.__name__}")
    return UserDC(**data)


def pydantic_ops() -> dict[str, Op]:
    """Pydantic v2: model_dump_json / model_validate_json."""
    import pydantic

    class User(pydantic.BaseModel):
        id: int
        email: str
        name: str

    user = User(id=123456, email="ada@example.com", name="Ada Lovelace")
    return {
        "encode": user.model_dump_json,
        "decode": lambda: User.model_validate_json(PAYLOAD),
        "roundtrip": lambda: User.model_validate_json(PAYLOAD).model_dump_json(),
    }


def msgspec_ops() -> dict[str, Op]:
    """msgspec: a Struct with a reusable typed Decoder and an Encoder."""
    import msgspec

    class User(msgspec.Struct):
        id: int
        email: str
        name: str

    encoder, decoder = msgspec.json.Encoder(), msgspec.json.Decoder(User)
    user = User(id=123456, email="ada@example.com", name="Ada Lovelace")
    return {
        "encode": lambda: encoder.encode(user),
        "decode": lambda: decoder.decode(PAYLOAD),
        "roundtrip": lambda: encoder.encode(decoder.decode(PAYLOAD)),
    }


def stdlib_ops() -> dict[str, Op]:
    """json + dataclasses: asdict + dumps; loads + hand checks."""
    user = UserDC(id=123456, email="ada@example.com", name="Ada Lovelace")
    return {
        "encode": lambda: json.dumps(dataclasses.asdict(user)),
        "decode": lambda: checked(json.loads(PAYLOAD)),
        "roundtrip": lambda: json.dumps(dataclasses.asdict(checked(json.loads(PAYLOAD)))),
    }


def orjson_ops() -> dict[str, Op]:
    """orjson: dumps a dataclass natively; loads + hand checks."""
    import orjson

    user = UserDC(id=123456, email="ada@example.com", name="Ada Lovelace")
    return {
        "encode": lambda: orjson.dumps(user),
        "decode": lambda: checked(orjson.loads(PAYLOAD)),
        "roundtrip": lambda: orjson.dumps(checked(orjson.loads(PAYLOAD))),
    }


LIBRARIES: dict[str, Callable[[], dict[str, Op]]] = {
    "pydantic": pydantic_ops,
    "msgspec": msgspec_ops,
    "stdlib": stdlib_ops,
    "orjson": orjson_ops,
}


def loop(op: Op, n: int) -> float:
    """Seconds to call ``op`` ``n`` times."""
    start = time.perf_counter()
    for _ in range(n):
        op()
    return time.perf_counter() - start


def main() -> int:
    """Parse arguments, warm every operation up, run the interleaved repeats, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--libs", default=",".join(LIBRARIES))
    parser.add_argument("--ops", default="encode,decode,roundtrip")
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args()
    ops = {lib: LIBRARIES[lib]() for lib in args.libs.split(",")}
    pairs = [(lib, op) for lib in ops for op in args.ops.split(",")]
    for lib, op in pairs:  # first calls build caches and schemas: keep them out of the loop
        for _ in range(100):
            ops[lib][op]()
    times: dict[str, list[float]] = {f"{lib}/{op}": [] for lib, op in pairs}
    for repeat in range(args.repeats):
        for lib, op in pairs if repeat % 2 == 0 else reversed(pairs):
            times[f"{lib}/{op}"].append(loop(ops[lib][op], args.n))
    json.dump({"n": args.n, "times": times}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
