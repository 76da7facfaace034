"""macros.bench."""
