"""A migrated, empty Prefect database that new warehouses start from.

Each warehouse keeps Prefect's state in ``<warehouse>/.prefect`` (see ``dateline.cli``). A fresh
Prefect home costs the temporary API server about 6 s of database migrations on its first
start; copying a database that was migrated once (at install time, ``make install`` runs this
module) saves that on every new warehouse. The template is keyed by the installed Prefect
version and lives in the virtual environment. Without a template nothing changes: Prefect
migrates the new database itself.

    python -m dateline.prefect_home     # build the template (idempotent)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from importlib.metadata import version
from pathlib import Path

DB_NAME = "prefect.db"


def template_path() -> Path:
    return Path(sys.prefix) / "share" / "dateline" / f"prefect-{version('prefect')}" / DB_NAME


def build_template() -> Path:
    """Create the migrated template database if it does not exist yet; returns its path."""
    target = template_path()
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="prefect-template-", dir=target.parent) as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        env["PREFECT_HOME"] = tmp
        subprocess.run([sys.executable, "-c", "import asyncio\n"
                        "from prefect.server.database import provide_database_interface\n"
                        "asyncio.run(provide_database_interface().create_db())"],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        os.replace(Path(tmp) / DB_NAME, target)
    return target


def seed(home: Path) -> bool:
    """Copy the template into ``home`` when it has no database yet (and Prefect is not pointed
    at another database or API). Returns whether a copy was made."""
    if any(k in os.environ for k in ("PREFECT_API_URL", "PREFECT_API_DATABASE_CONNECTION_URL")):
        return False
    db, template = home / DB_NAME, template_path()
    if db.exists() or not template.exists():
        return False
    home.mkdir(parents=True, exist_ok=True)
    tmp = home / f".{DB_NAME}.{uuid.uuid4().hex}.tmp"
    shutil.copyfile(template, tmp)
    os.replace(tmp, db)
    return True


if __name__ == "__main__":
    print(build_template())
