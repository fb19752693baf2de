"""Typed readers for settings that come from the environment; a malformed value fails loudly."""

import os
import secrets
from pathlib import Path

import platformdirs

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class SettingError(ValueError):
    """An environment variable holds a value the app cannot use."""


def env_str(name: str, default: str = "") -> str:
    # NAME_FILE lets a secret come from a mounted file rather than the process environment.
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise SettingError(f"{name}={raw!r} is not a yes/no value (use 1 or 0)")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingError(f"{name}={raw!r} is not a whole number") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


def data_dir_path(override: str | None = None) -> Path:
    """Where the data folder is, without making it."""
    raw = override or os.environ.get("SCIATICA_COACH_DATA_DIR")
    if raw:
        return Path(raw).absolute()
    return Path(platformdirs.user_data_dir("sciatica-coach", appauthor=False))


def data_dir() -> Path:
    """Where the embedded database and generated secret live; created on first use, for its
    owner only (the database in it is health data)."""
    path = data_dir_path()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def secret_key(directory: Path) -> str:
    """The key from the environment, or one generated once and kept private in the data dir."""
    from_env = env_str("DJANGO_SECRET_KEY")
    if from_env:
        return from_env
    key_file = directory / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    key = secrets.token_urlsafe(64)
    # Created with owner-only permissions so other users on the machine cannot read it.
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key
