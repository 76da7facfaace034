"""macros.checks."""
