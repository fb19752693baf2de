"""The Content-Security-Policy of the pages that may run the pose model.

MediaPipe Pose compiles its WebAssembly in the page, which a policy allows only with
``'wasm-unsafe-eval'`` in ``script-src`` (it permits compiling WebAssembly and nothing else: no
``eval``, no inline script). Everything else stays as strict as the site's own policy: the
model's scripts, WebAssembly and model files come from our own origin (``'self'``), it starts
no worker (so no ``worker-src`` or ``blob:``), and the camera's stream is given to a video element
directly (``srcObject``), which no directive governs. Only the pages that load the coach get
this policy (Django's per-view ``csp_override``); every other page keeps ``SECURE_CSP``.
"""

from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override

View = Callable[..., HttpResponse]


def coach_policy() -> dict[str, list[str]]:
    """The site's policy, read now (so a change to it carries over), plus WebAssembly."""
    site: dict[str, Sequence[str]] = settings.SECURE_CSP  # type: ignore[assignment]
    policy = {directive: list(values) for directive, values in site.items()}
    scripts = policy.get("script-src") or list(policy.get("default-src", [CSP.SELF]))
    policy["script-src"] = [*scripts, CSP.WASM_UNSAFE_EVAL]
    return policy


def allows_the_pose_model(view: View) -> View:
    """Serve ``view`` with ``coach_policy()`` instead of the site's policy."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return csp_override(coach_policy())(view)(request, *args, **kwargs)

    return wrapped
