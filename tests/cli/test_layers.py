"""The command line sits on top: neither the library nor the emulator imports it."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
LIBRARY = ROOT / "wrapper" / "close_phone_numbers"
EMULATOR = ROOT / "emulator" / "close_phone_emulator"


def imported_modules(path: Path, package: str) -> set[str]:
    """Every module an `import` or `from ... import` in ``path`` names, made absolute."""
    tree = ast.parse(path.read_text(), filename=str(path))
    here = package.split(".")
    if path.name != "__init__.py":
        here.append(path.stem)
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = here[: len(here) - node.level]
                base = ".".join([*parent, base] if base else parent)
            names.add(base)
            # `from close_phone_numbers import cli` names the subpackage as an attribute.
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def sources(root: Path, package: str) -> list[tuple[Path, str]]:
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.parent.relative_to(root).parts
        found.append((path, ".".join([package, *relative])))
    return found


def python(code: str) -> str:
    """What ``code`` prints in a fresh interpreter that sees what this one sees."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def names_the_cli(modules: set[str]) -> set[str]:
    return {
        m
        for m in modules
        if m == "close_phone_numbers.cli" or m.startswith("close_phone_numbers.cli.")
    }


@pytest.mark.parametrize(
    ("path", "package"),
    [
        (p, pkg)
        for p, pkg in sources(LIBRARY, "close_phone_numbers")
        if "cli" not in p.relative_to(LIBRARY).parts
    ],
    ids=lambda v: v.name if isinstance(v, Path) else "",
)
def test_no_library_module_imports_the_cli(path: Path, package: str) -> None:
    """The library's own modules never name close_phone_numbers.cli, absolutely or relatively."""
    assert names_the_cli(imported_modules(path, package)) == set()


@pytest.mark.parametrize(
    ("path", "package"),
    sources(EMULATOR, "close_phone_emulator"),
    ids=lambda v: v.name if isinstance(v, Path) else "",
)
def test_no_emulator_module_imports_the_library_cli(path: Path, package: str) -> None:
    """The emulator declares its own options; it never reaches up into the command line."""
    assert names_the_cli(imported_modules(path, package)) == set()


def test_the_checker_sees_a_relative_import_of_the_cli(tmp_path: Path) -> None:
    """The static check is not vacuous: `from .cli import main` in the library is caught."""
    module = tmp_path / "_client.py"
    module.write_text("from .cli import main\nfrom . import cli\n")
    assert names_the_cli(imported_modules(module, "close_phone_numbers")) == {
        "close_phone_numbers.cli",
        "close_phone_numbers.cli.main",
    }


def test_importing_the_library_and_the_emulator_loads_no_cli() -> None:
    """In a fresh interpreter, the library, its plugin and the emulator leave the cli unloaded."""
    code = (
        "import sys, pkgutil, importlib\n"
        "import close_phone_numbers, close_phone_numbers.testing, close_phone_emulator\n"
        "for m in pkgutil.iter_modules(close_phone_emulator.__path__):\n"
        "    if m.name != '__main__':\n"
        "        importlib.import_module('close_phone_emulator.' + m.name)\n"
        "for m in pkgutil.iter_modules(close_phone_numbers.__path__):\n"
        "    if m.name != 'cli':\n"
        "        importlib.import_module('close_phone_numbers.' + m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith('close_phone_numbers.cli')))\n"
    )
    assert python(code) == "[]"


def test_the_emulator_options_need_none_of_the_extra() -> None:
    """`add_server_options` imports without starlette, uvicorn or phonenumbers installed."""
    code = (
        "import sys\n"
        "for name in ('starlette', 'uvicorn', 'phonenumbers'):\n"
        "    sys.modules[name] = None\n"
        "import argparse\n"
        "from close_phone_emulator import add_server_options\n"
        "parser = argparse.ArgumentParser()\n"
        "add_server_options(parser)\n"
        "print(parser.parse_args(['--port', '9']).port)\n"
    )
    assert python(code) == "9"
