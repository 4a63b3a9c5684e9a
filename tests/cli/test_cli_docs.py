"""The screens of docs/cli.md are what the command prints: they are regenerated, not typed."""

from __future__ import annotations

from scripts.cli_screens import DOC, render


def test_docs_cli_screens_match_real_runs() -> None:
    """Rendering docs/cli.md from real runs changes nothing; else run scripts/cli_screens.py."""
    current = DOC.read_text(encoding="utf-8")
    assert "<!-- screen" in current
    assert render(current) == current, "docs/cli.md is stale: python scripts/cli_screens.py"


def test_a_changed_screen_is_caught() -> None:
    """A screen whose output was edited by hand is rewritten, so the check above can fail."""
    doc = "<!-- screen -->\n```console\n$ close-phone-numbers lsit\nhand-written\n```\n"
    rendered = render(doc)
    assert "hand-written" not in rendered
    assert "did you mean 'list'?" in rendered
