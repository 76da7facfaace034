"""scripts.bench.cli."""
