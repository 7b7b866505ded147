"""Settings: port from argv (``--port N`` or a bare number), then env ``SIDECAR_PORT``/``PORT``."""
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from decouple import config


@dataclass(frozen=True)
class Settings:
    host: str
    port: int
    db_path: Path


def parse_port(argv: list[str]) -> int | None:
    """The port named on the command line, if any."""
    for i, arg in enumerate(argv):
        if arg == "--port" and i + 1 < len(argv):
            return int(argv[i + 1])
        if arg.startswith("--port="):
            return int(arg.split("=", 1)[1])
        if arg.isdigit():
            return int(arg)
    return None


def load_settings(argv: list[str] | None = None) -> Settings:
    args = sys.argv[1:] if argv is None else argv
    port = parse_port(args)
    if port is None:
        port = config("SIDECAR_PORT", default=config("PORT", default=8765, cast=int), cast=int)
    default_db = Path(tempfile.gettempdir()) / f"buildbench-sidecar-{os.getpid()}.sqlite3"
    db_path = Path(config("SIDECAR_DB", default=str(default_db)))
    return Settings(host=config("SIDECAR_HOST", default="127.0.0.1"), port=port, db_path=db_path)
