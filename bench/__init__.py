"""Benchmarks: this library against raw httpx and Close's `closeio` client, as ratios.

Run everything with ``python bench/run.py`` (or ``scripts/tox -e bench``); see bench/README.md.
"""
