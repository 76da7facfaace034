"""scripts.site."""
