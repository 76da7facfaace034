"""Session configuration: values kept in (encrypted) cookies."""

DRIVERS = {"default": "cookie", "cookie": {}}
