"""The task-queue kind: background-job libraries, their brokers and their typed features."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from macros.data.entity import Entity
from macros.data.fields import FeatureValue, Strict, feature

Broker = Literal[
    "redis",
    "rabbitmq",
    "sqs",
    "postgres",
    "sqlite",
    "mongodb",
    "django-orm",
    "filesystem",
    "kafka",
    "nats",
    "zeromq",
    "gcp-pubsub",
    "zookeeper",
    "ironmq",
]
"""Where tasks wait. ``redis`` includes compatible servers (Valkey); ``django-orm`` is the
database of a Django project, through its ORM."""

Concurrency = Literal["processes", "threads", "asyncio", "greenlets"]


class TaskQueueFeatures(Strict):
    """Typed feature cells of a task queue, in the groups the matrix shows."""

    # Tasks
    async_tasks: FeatureValue | None = feature(
        "Async tasks",
        "Tasks",
        "A task can be an `async def` coroutine that the worker awaits on an event loop.",
    )
    retries: FeatureValue | None = feature(
        "Retries",
        "Tasks",
        "Re-runs a task that raised, by a declared policy (attempts, delay or backoff), "
        "without the task re-enqueuing itself.",
    )
    result_backend: FeatureValue | None = feature(
        "Result storage",
        "Tasks",
        "Stores a task's return value so that the caller can fetch or await it later.",
    )
    # Scheduling
    delayed_tasks: FeatureValue | None = feature(
        "Delayed tasks",
        "Scheduling",
        "Enqueues a task to run after a delay or at a given time (countdown / ETA).",
    )
    scheduling: FeatureValue | None = feature(
        "Periodic tasks",
        "Scheduling",
        "Runs tasks on a recurring schedule (cron expression or interval) with the "
        "project's own scheduler.",
    )
    priorities: FeatureValue | None = feature(
        "Priorities",
        "Scheduling",
        "A task can be given a priority so that it runs before lower-priority tasks "
        "waiting at the same time.",
    )
    # Flow control
    rate_limiting: FeatureValue | None = feature(
        "Rate / concurrency limits",
        "Flow control",
        "Caps how many tasks of a kind start per time window, or run at once, through a "
        "documented option.",
    )
    workflows: FeatureValue | None = feature(
        "Workflows",
        "Flow control",
        "Composes tasks into chains, groups or dependencies that the queue runs in order.",
    )
    # Operations
    monitoring_ui: FeatureValue | None = feature(
        "Web dashboard",
        "Operations",
        "A web interface to watch queues, workers and tasks (built in or a companion "
        "package the project documents).",
    )
    typed: FeatureValue | None = feature(
        "Type hints",
        "Developer experience",
        "The package ships inline type hints (PEP 561 `py.typed`).",
    )


class TaskQueue(Entity):
    """A task queue: runs functions in background workers, fed through a broker."""

    kind: Literal["task-queue"] = "task-queue"
    directory: ClassVar[str] = "task-queues"

    brokers: list[Broker] = Field(
        min_length=1,
        description="Brokers or stores the project supports, built in or through its own "
        "packages; test-only in-memory brokers are left out.",
    )
    concurrency: list[Concurrency] = Field(
        default_factory=list, description="How a worker runs several tasks at once."
    )
    features: TaskQueueFeatures = Field(default_factory=TaskQueueFeatures)
