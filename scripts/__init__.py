"""Command-line tools of the Atlas (`uv run atlas --help`)."""
