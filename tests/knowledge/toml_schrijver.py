"""A minimal TOML writer for the knowledge data files, so tests can break a parsed copy and re-read it."""

from __future__ import annotations

import json
from typing import Any


def als_toml(data: dict[str, Any], prefix: str = "") -> str:
    """`data` (as tomllib parsed it) written back as TOML text."""

    def is_tabellen(waarde: Any) -> bool:
        return isinstance(waarde, list) and bool(waarde) and all(isinstance(w, dict) for w in waarde)

    regels = [
        f"{json.dumps(k)} = {json.dumps(v, ensure_ascii=False)}"
        for k, v in data.items()
        if not isinstance(v, dict) and not is_tabellen(v)
    ]
    for sleutel, waarde in data.items():
        naam = f"{prefix}{json.dumps(sleutel)}"
        if isinstance(waarde, dict):
            regels += [f"[{naam}]", als_toml(waarde, f"{naam}.")]
        elif is_tabellen(waarde):
            for record in waarde:
                regels += [f"[[{naam}]]", als_toml(record, f"{naam}.")]
    return "\n".join(regels)
