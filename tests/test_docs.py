"""The README documents every command, and every command explains itself."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from bma_etl.cli import app

from repo_paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
runner = CliRunner()


def test_readme_gives_the_two_setup_commands() -> None:
    assert "make demo" in README and "make test" in README


def test_readme_lists_every_command() -> None:
    listed = set(re.findall(r"^\| `([a-z]+) ", README, re.MULTILINE))
    assert set(COMMANDS) <= listed, set(COMMANDS) - listed


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 4


def test_makefile_targets_in_readme_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"make ([a-z]+)", README):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target


def test_ci_runs_make_test() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
