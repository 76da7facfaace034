"""Print how many framework feature cells the feature suite proves (the share the site shows).

A cell is proven when ``tests/examples/test_features.py`` probes it: the framework's example
declares the feature in ``data/examples/<id>.yaml``, or the feature is decided for every example.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from macros.data.dataset import DEFAULT_DATA_DIR
from macros.data.loader import load_dataset
from macros.data.model import Feature
from macros.pages.verification import PROBED, feature_label, proven, verification_share


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas verified``."""
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data folder")


def run(args: argparse.Namespace) -> int:
    """Print the shares, then per probe-able feature: examples probed / examples claiming it."""
    dataset = load_dataset(args.data)
    s = verification_share(dataset)
    print(
        f"claimed cells of probe-able features, frameworks with an example: "
        f"{s.claimed_proven}/{s.claimed_with_example} "
        f"({s.percent(s.claimed_proven, s.claimed_with_example)})"
    )
    print(
        f"claimed cells of probe-able features, all frameworks: {s.claimed_proven}/"
        f"{s.claimed_probeable} ({s.percent(s.claimed_proven, s.claimed_probeable)})"
    )
    print(f"all framework cells: {s.proven}/{s.cells} ({s.percent(s.proven, s.cells)})")
    for name in PROBED:
        claimed = shown = 0
        for framework, example in dataset.examples.items():
            cell = getattr(dataset.entities[framework].features, name, None)  # type: ignore[attr-defined]
            if isinstance(cell, Feature) and cell.value != "no":
                claimed += 1
                shown += proven(example, name)
        print(f"  {feature_label(name):<26} {shown:>2}/{claimed}")
    return 0
