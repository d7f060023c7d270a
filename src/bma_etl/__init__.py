"""bma-etl: Bangkok Metropolitan Administration project reports into a DuckDB warehouse."""

from __future__ import annotations

import functools


@functools.cache
def _installed_version() -> str:
    # importlib.metadata takes about 25 ms to import: only the commands that need
    # the version pay for it (``--help`` and ``sql`` do not).
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bma-etl")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed package's metadata when first asked for."""
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module 'bma_etl' has no attribute {name!r}")
