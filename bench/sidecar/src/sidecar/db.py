"""A small SQLModel table in a sqlite file, so the frozen app carries SQLAlchemy's dialect machinery."""
from datetime import datetime, timezone
from pathlib import Path

from sqlmodel import Field, Session, SQLModel, create_engine, func, select


class Ping(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))
    note: str = ""


def open_engine(path: Path):
    engine = create_engine(f"sqlite:///{path}")
    SQLModel.metadata.create_all(engine)
    return engine


def record_ping(engine, note: str) -> int:
    """Insert one row and return how many there are."""
    with Session(engine) as session:
        session.add(Ping(note=note))
        session.commit()
        return session.exec(select(func.count()).select_from(Ping)).one()
