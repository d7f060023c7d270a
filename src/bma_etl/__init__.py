"""bma-etl: Bangkok Metropolitan Administration project reports into a DuckDB warehouse."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bma-etl")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
