"""macros.apps."""
