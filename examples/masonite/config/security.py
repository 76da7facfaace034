"""Security configuration: CORS for the feature routes (CorsMiddleware, in the kernel)."""

CORS = {
    "paths": ["features/*"],
    "allowed_methods": ["*"],
    "allowed_origins": ["https://client.example"],
    "allowed_headers": ["*"],
    "exposed_headers": [],
    "max_age": None,
    "supports_credentials": False,
}
