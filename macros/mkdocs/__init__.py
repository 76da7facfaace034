"""macros.mkdocs."""
