"""Alembic environment: bot.database.migrate() hands us an open connection in config.attributes."""

from alembic import context

from bot.models import SQLModel

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through bot.database.migrate(), which passes the connection")

context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
