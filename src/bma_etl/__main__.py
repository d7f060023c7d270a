"""``python -m bma_etl`` runs the command line."""

from bma_etl.cli import main

main()
