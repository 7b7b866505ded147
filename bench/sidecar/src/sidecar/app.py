"""The FastHTML app: /health for the shell's readiness check, / for a page, /ask for the agent."""
import platform
import sys

import certifi
import eliot
import httpx
import uvicorn
from fasthtml.common import H1, P, Title, fast_app
from pydantic import BaseModel
from pydantic_ai import Agent
from pydantic_ai.models.test import TestModel

from .db import open_engine, record_ping
from .frozen import is_frozen, packager
from .settings import Settings, load_settings


class Health(BaseModel):
    status: str
    frozen: bool
    packager: str
    python: str
    pings: int
    ca_bundle: bool


def create_app(settings: Settings):
    engine = open_engine(settings.db_path)
    # TestModel answers without a network: the agent machinery is real, the LLM is not.
    agent = Agent(TestModel(), system_prompt="You are the buildbench sidecar.")
    app, rt = fast_app(pico=False)

    @rt("/health")
    def health():
        with eliot.start_action(action_type="sidecar:health"):
            pings = record_ping(engine, "health")
            ca_ok = bool(certifi.where()) and httpx.create_ssl_context() is not None
            body = Health(status="ok", frozen=is_frozen(), packager=packager(),
                          python=platform.python_version(), pings=pings, ca_bundle=ca_ok)
            return body.model_dump()

    @rt("/")
    def index():
        return Title("buildbench sidecar"), H1("buildbench sidecar"), P(f"frozen: {is_frozen()}")

    @rt("/ask")
    async def ask(q: str = "ping"):
        result = await agent.run(q)
        return {"answer": str(result.output)}

    return app


def main(argv: list[str] | None = None) -> None:
    settings = load_settings(argv)
    eliot.to_file(sys.stderr)
    app = create_app(settings)
    print(f"sidecar listening on http://{settings.host}:{settings.port} (frozen={is_frozen()})", flush=True)
    # The app object, not an import string: frozen artifacts cannot re-import "module:app" by name.
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")


if __name__ == "__main__":
    main()
