"""macros.pages."""
