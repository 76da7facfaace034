"""scripts.data."""
