"""Exception handling options, which ExceptionProvider requires (Exceptionite renders errors
only when DEBUG is on)."""

OPTIONS = {
    "editor": "vscode",
    "stack": {"offset": 10, "shorten": True},
    "hide_sensitive_data": True,
}
HANDLERS = {"dumps": False, "solutions": False, "recommendations": False}
