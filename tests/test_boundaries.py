"""Dependencies point one way: bot -> dialogs -> knowledge. Checked in fresh interpreters."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _modules_after_import(package: str) -> set[str]:
    code = f"import sys, importlib, pkgutil, {package}\n" + (
        f"for m in pkgutil.walk_packages({package}.__path__, '{package}.'): importlib.import_module(m.name)\n"
        "print('\\n'.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(uit.stdout.split())


@pytest.mark.parametrize(
    ("package", "verboden"),
    [
        ("knowledge", {"botbuilder", "aiohttp", "sqlmodel", "sqlalchemy", "bot", "dialogs", "asyncpg", "aiosqlite"}),
        # botbuilder itself imports aiohttp, so only our own edge and the database are checked here.
        ("dialogs", {"bot", "sqlmodel", "sqlalchemy", "asyncpg", "aiosqlite"}),
    ],
)
def test_package_imports_only_what_it_may(package: str, verboden: set[str]):
    assert _modules_after_import(package) & verboden == set()
