"""Typed benchmark results (``data/benchmarks/<run-id>.yaml``) and the claims ledger.

Two kinds of run share one provenance block: ``http`` runs (the wrk harness, ``atlas bench``) and
``micro`` runs (in-process measurements, ``atlas bench-micro``). Numbers are written by the tools,
never by hand; the claims ledger (``data/claims.yaml``) only points at them, and its verdicts are
computed when the site is built.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import (
    Field,
    NonNegativeFloat,
    NonNegativeInt,
    PositiveInt,
    StringConstraints,
    model_validator,
)

from macros.data.model import EntityId, HttpUrl, OneLine, Strict

MACHINE_LABEL = "2 vCPU shared VM — compare ratios, not absolute numbers"
HttpTest = Literal["plaintext", "json", "post-users", "db", "queries", "fortunes", "updates"]
Status = Literal["ok", "failed", "skipped"]
RunId = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Samples = list[NonNegativeFloat]
LongLine = Annotated[str, StringConstraints(min_length=1, max_length=1000, pattern=r"^[^\n]+$")]
CommandLine = LongLine


class Machine(Strict):
    """The computer a run was made on."""

    label: OneLine = Field(description="How to read the numbers, e.g. the 2 vCPU VM warning.")
    cpu_model: OneLine
    cores: PositiveInt
    kernel: OneLine
    os: OneLine | None = None


class PackageEnv(Strict):
    """One Python environment used by the run: its interpreter and every installed package."""

    name: OneLine = Field(description="Example id, `micro`, or a Python version.")
    python: OneLine = Field(description="`sys.version` of the interpreter, one line.")
    packages: dict[str, OneLine] = Field(default_factory=dict)


class Provenance(Strict):
    """Where, when and how a run was made, enough to repeat it."""

    date: dt.date
    started: OneLine = Field(description="ISO timestamp, UTC.")
    duration_seconds: NonNegativeFloat
    machine: Machine
    harness_python: OneLine
    git_commit: OneLine | None = None
    command: CommandLine = Field(description="The command that made this file.")
    tools: dict[str, OneLine] = Field(
        default_factory=dict, description="Versions of wrk, valgrind, uv …"
    )
    environments: list[PackageEnv] = Field(default_factory=list)
    notes: list[LongLine] = Field(
        default_factory=list, description="Anything that limits the run (subset, quick mode …)."
    )


class Selector(Strict):
    """One framework on one server."""

    framework: EntityId
    server: EntityId

    def label(self) -> str:
        """``framework + server``."""
        return f"{self.framework} + {self.server}"


class HttpMethod(Strict):
    """Parameters of the paired, interleaved wrk method."""

    window_seconds: PositiveInt
    rounds: PositiveInt
    warmup_seconds: NonNegativeInt
    server_cpus: list[NonNegativeInt] = Field(description="`taskset` cores of every server.")
    client_cpus: list[NonNegativeInt] = Field(description="`taskset` cores of wrk.")
    connections: PositiveInt
    threads: PositiveInt
    wrk_command: CommandLine = Field(description="Template of one wrk window.")
    reference: Selector
    order: LongLine = Field(description="How windows are ordered within and across rounds.")
    bootstrap_resamples: PositiveInt
    confidence: Annotated[float, Field(gt=0, lt=1)]
    compile_bytecode: bool
    output_check: LongLine | None = Field(
        default=None, description="The rule that refuses a server whose output grows per request."
    )
    database: LongLine | None = Field(default=None, description="The database of the DB tests.")


class Estimate(Strict):
    """A median with a bootstrap confidence interval."""

    median: NonNegativeFloat
    low: NonNegativeFloat
    high: NonNegativeFloat

    @model_validator(mode="after")
    def _ordered(self) -> Estimate:
        if not self.low <= self.median <= self.high:
            raise ValueError(
                f"expected low <= median <= high, got {self.low}, {self.median}, {self.high}"
            )
        return self


class Errors(Strict):
    """Error counts summed over every measured window."""

    non_2xx: NonNegativeInt = 0
    connect: NonNegativeInt = 0
    read: NonNegativeInt = 0
    write: NonNegativeInt = 0
    timeout: NonNegativeInt = 0

    @property
    def socket(self) -> int:
        """All socket-level errors."""
        return self.connect + self.read + self.write + self.timeout


class HttpResult(Strict):
    """One framework on one server under one test."""

    framework: EntityId
    server: EntityId
    test: HttpTest
    json_library: OneLine | None = None
    status: Status
    reason: OneLine | None = Field(default=None, description="Why it failed or was skipped.")
    rps: Samples = Field(default_factory=list, description="req/s of each round, in round order.")
    ratio_samples: Samples = Field(
        default_factory=list, description="Per-round ratio to the reference, in round order."
    )
    median_rps: NonNegativeFloat | None = None
    min_rps: NonNegativeFloat | None = None
    max_rps: NonNegativeFloat | None = None
    cv: NonNegativeFloat | None = Field(default=None, description="Of the per-round req/s.")
    ratio: Estimate | None = Field(default=None, description="To the reference, with CI.")
    latency_p50_ms: NonNegativeFloat | None = Field(default=None, description="Median of rounds.")
    latency_p99_ms: NonNegativeFloat | None = Field(default=None, description="Median of rounds.")
    requests: NonNegativeInt = 0
    errors: Errors = Field(default_factory=Errors)
    output_bytes: NonNegativeInt | None = Field(
        default=None, description="Bytes the server wrote during its measured windows."
    )

    @model_validator(mode="after")
    def _consistent(self) -> HttpResult:
        if self.status == "ok" and (not self.rps or self.median_rps is None):
            raise ValueError("an ok result needs rps samples and median_rps")
        if self.status != "ok" and not self.reason:
            raise ValueError(f"a {self.status} result needs a reason")
        if self.ratio_samples and len(self.ratio_samples) != len(self.rps):
            raise ValueError("ratio_samples and rps must have one value per round")
        return self

    def selector(self) -> Selector:
        """The framework and server of this result."""
        return Selector(framework=self.framework, server=self.server)


MicroGroup = Literal["serialization", "cold-start", "runtime"]


class MicroResult(Strict):
    """One in-process measurement: a library, framework or interpreter doing one operation."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9.]+)*(/[a-z0-9.-]+)*$", max_length=80)]
    group: MicroGroup
    subject: OneLine = Field(description="What is measured: a library, framework or Python.")
    operation: OneLine
    status: Status
    reason: OneLine | None = None
    n: NonNegativeInt = Field(default=0, description="Operations per repeat.")
    wall_seconds: Samples = Field(default_factory=list, description="One per repeat.")
    median_seconds: NonNegativeFloat | None = None
    cv: NonNegativeFloat | None = None
    ns_per_op: NonNegativeFloat | None = None
    instructions_per_op: NonNegativeFloat | None = Field(
        default=None, description="Cachegrind Ir per operation (setup subtracted)."
    )
    cachegrind_n: NonNegativeInt | None = None
    python: OneLine | None = None
    versions: dict[str, OneLine] = Field(default_factory=dict)
    notes: list[OneLine] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> MicroResult:
        if self.status == "ok" and (not self.wall_seconds or self.median_seconds is None):
            raise ValueError("an ok result needs wall_seconds samples and median_seconds")
        if self.status != "ok" and not self.reason:
            raise ValueError(f"a {self.status} result needs a reason")
        return self


class BenchmarkRunBase(Strict):
    """Fields of every run file."""

    directory: ClassVar[str] = "benchmarks"

    id: RunId = Field(description="Same as the file name without `.yaml`.")
    title: OneLine
    provenance: Provenance


class HttpRun(BenchmarkRunBase):
    """A run of the wrk harness."""

    kind: Literal["http"]
    method: HttpMethod
    results: list[HttpResult]

    def find(self, framework: str, server: str, test: str) -> HttpResult | None:
        """The result for one framework, server and test, if measured."""
        for result in self.results:
            if (result.framework, result.server, result.test) == (framework, server, test):
                return result
        return None


class MicroMethod(Strict):
    """Parameters of the in-process measurements."""

    repeats: PositiveInt
    interleaved: bool
    cpu: list[NonNegativeInt] = Field(default_factory=list, description="`taskset` cores.")
    compile_bytecode: bool
    cachegrind: OneLine | None = Field(default=None, description="The valgrind command line.")
    bootstrap_resamples: PositiveInt
    confidence: Annotated[float, Field(gt=0, lt=1)]


class MicroRun(BenchmarkRunBase):
    """A run of the in-process micro-benchmarks."""

    kind: Literal["micro"]
    method: MicroMethod
    results: list[MicroResult]

    def find(self, result_id: str) -> MicroResult | None:
        """The result with ``result_id``, if any."""
        return next((r for r in self.results if r.id == result_id), None)


BenchmarkRun = HttpRun | MicroRun
RUN_MODELS: dict[str, type[HttpRun] | type[MicroRun]] = {"http": HttpRun, "micro": MicroRun}


# --- claims ledger -------------------------------------------------------------------------------


class ClaimSource(Strict):
    """Where a claim is made: a public page, described and linked (a claim nobody can look up is
    not in the ledger)."""

    description: OneLine
    url: HttpUrl


class HttpMeasure(Strict):
    """A claim's ratio as ``subject / baseline`` req/s, paired per round, in one HTTP run."""

    run: RunId
    test: HttpTest
    subject: Selector
    baseline: Selector


class MicroMeasure(Strict):
    """A claim's ratio as ``baseline / subject`` time (a speed-up), paired per repeat."""

    run: RunId
    subject: OneLine = Field(description="Micro result id, e.g. `serialization/encode/msgspec`.")
    baseline: OneLine
    metric: Literal["wall", "instructions"] = "wall"


class Claim(Strict):
    """A performance claim, the range it states and the measurements that test it."""

    id: EntityId
    statement: OneLine = Field(description="The claim, in our words.")
    low: Annotated[float, Field(gt=0)] = Field(description="Lowest ratio the claim allows.")
    high: Annotated[float, Field(gt=0)] = Field(description="Highest ratio the claim allows.")
    reading: OneLine | None = Field(
        default=None, description="How a vague claim (`~3x`) was turned into a range."
    )
    made_in: list[ClaimSource] = Field(min_length=1)
    http: list[HttpMeasure] = Field(default_factory=list)
    micro: list[MicroMeasure] = Field(default_factory=list)
    note: OneLine | None = None

    @model_validator(mode="after")
    def _range(self) -> Claim:
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        return self


class ClaimsLedger(Strict):
    """``data/claims.yaml``."""

    claims: list[Claim]
