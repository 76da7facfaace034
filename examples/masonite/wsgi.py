"""The Atlas example API in Masonite: the WSGI entry point `masonite new` writes, `application`.

Masonite's own response handler imports `application` from the module `wsgi`, so the name is
fixed. The kernels register the configuration, middleware and routes; the providers then add the
framework's services in order.
"""

import features
import kernel
from masonite.events.providers import EventProvider
from masonite.foundation import Application, Kernel
from masonite.providers import (
    ExceptionProvider,
    FrameworkProvider,
    QueueProvider,
    RouteProvider,
    SessionProvider,
    ViewProvider,
    WhitenoiseProvider,
)
from masonite.utils.location import base_path
from masonite.validation.providers import ValidationProvider

application = Application(base_path())
application.register_providers(Kernel, kernel.Kernel)
application.add_providers(
    FrameworkProvider,
    RouteProvider,
    ViewProvider,
    WhitenoiseProvider,
    ExceptionProvider,
    EventProvider,
    SessionProvider,
    ValidationProvider,
    QueueProvider,
    features.StartupProvider,
)
