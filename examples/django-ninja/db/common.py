"""Queries shared by the views: TechEmpower's rules for the query count and the fortunes."""

import random
from operator import attrgetter

from db.models import Fortune, World

EXTRA = "Additional fortune added at request time."


def query_count(raw: str | None) -> int:
    """TechEmpower's rule: 1 to 500, and 1 for anything that is not an integer."""
    try:
        return min(max(int(raw or ""), 1), 500)
    except ValueError:
        return 1


def as_json(world: World) -> dict[str, int]:
    return {"id": world.id, "randomNumber": world.randomnumber}


def one_world() -> dict[str, int]:
    return as_json(World.objects.get(id=random.randint(1, 10000)))


def many_worlds(raw: str | None) -> list[dict[str, int]]:
    ids = random.sample(range(1, 10001), query_count(raw))
    return [as_json(World.objects.get(id=i)) for i in ids]


def sorted_fortunes() -> list[Fortune]:
    rows = list(Fortune.objects.all())
    rows.append(Fortune(id=0, message=EXTRA))
    rows.sort(key=attrgetter("message"))
    return rows


def update_worlds(raw: str | None) -> list[dict[str, int]]:
    ids = sorted(random.sample(range(1, 10001), query_count(raw)))
    worlds = [World.objects.get(id=i) for i in ids]
    for world in worlds:
        world.randomnumber = random.randint(1, 10000)
    World.objects.bulk_update(worlds, ["randomnumber"])
    return [as_json(w) for w in worlds]
