"""The database app of this example: TechEmpower's `world` and `fortune` tables and their views.

Kept apart from the example's own views; the settings add it (and a database) only when
`DATABASE_URL` is set.
"""
