"""Queue configuration: the async driver runs jobs in threads of the application process."""

DRIVERS = {
    "default": "async",
    "async": {"blocking": False, "callback": "handle", "mode": "threading", "workers": 1},
}
