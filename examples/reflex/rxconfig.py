"""Reflex's configuration of the Atlas example: the app module, allowed origins, no telemetry.

`reflex run` reads this file from the working directory. State lives in memory (no Redis, so one
backend worker), and the sitemap plugin is off because the example builds no frontend.
"""

import reflex as rx

config = rx.Config(
    app_name="atlas",
    app_module_import="app",  # app.py beside this file, not Reflex's atlas/atlas.py layout
    cors_allowed_origins=["https://client.example"],
    state_manager_mode="memory",
    telemetry_enabled=False,
    disable_plugins=[rx.plugins.SitemapPlugin],
)
