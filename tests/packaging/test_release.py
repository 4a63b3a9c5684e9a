"""What a package index and a release need: one version, metadata, README, changelog, workflow."""

from __future__ import annotations

import contextlib
import importlib.metadata
import importlib.util
import io
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import close_phone_numbers
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
REPOSITORY = "https://github.com/close-phone-numbers/close-phone-numbers"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def test_the_version_is_the_same_in_metadata_module_build_config_and_cli() -> None:
    """_version.py is the only source: the installed metadata and `--version` agree with it."""
    source = _script("check_package").project_version()
    assert importlib.metadata.version("close-phone-numbers") == source
    assert close_phone_numbers.__version__ == source
    (script,) = importlib.metadata.entry_points(group="console_scripts", name="close-phone-numbers")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            code = script.load()(["--version"])
        except SystemExit as exited:  # argparse's way, when the command does not catch it
            code = exited.code
    assert code == 0
    assert out.getvalue().strip() == f"close-phone-numbers {source}"


def test_metadata_names_the_license_and_every_project_url() -> None:
    """MIT with its file, and source, docs, changelog and issues all in one repository."""
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text().startswith("MIT License\n")
    urls = project["urls"]
    assert {"Source", "Documentation", "Changelog", "Issues"} <= set(urls)
    assert all(url.startswith(REPOSITORY) for url in urls.values())
    assert urls["Changelog"].endswith("/CHANGELOG.md")
    installed = importlib.metadata.metadata("close-phone-numbers")
    assert installed["License-Expression"] == "MIT"
    assert any(u.startswith("Changelog, ") for u in installed.get_all("Project-URL") or [])


def test_classifiers_match_the_supported_pythons() -> None:
    """Every Python the classifiers name is allowed by requires-python, and no license one."""
    project = PYPROJECT["project"]
    floor = tuple(int(p) for p in project["requires-python"].removeprefix(">=").split("."))
    named = [c.rsplit(":: ", 1)[1] for c in project["classifiers"] if re.search(r"3\.\d+$", c)]
    assert named
    assert all(tuple(int(p) for p in v.split(".")) >= floor for v in named)
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]


def test_readme_links_are_absolute_so_they_work_on_a_package_index() -> None:
    """A relative link resolves against the index's page, not the repository."""
    links = re.findall(r"\]\(([^)]+)\)", README)
    assert links
    relative = [link for link in links if not link.startswith(("https://", "http://"))]
    assert relative == []
    ours = [link for link in links if "close-phone-numbers/close-phone-numbers" in link]
    assert all(link.startswith(REPOSITORY) for link in ours)


def test_readme_puts_the_users_quickstart_before_contributor_commands() -> None:
    """Install and quickstart come first; the fresh-machine commands live under Development."""
    headings = re.findall(r"^## (.+)$", README, re.MULTILINE)
    assert headings.index("Install") < headings.index("Quickstart") < 3
    assert headings.index("Development") > headings.index("Errors")
    development = _section(README, "Development")
    assert "$ scripts/tox -e contract" in development
    assert "$ scripts/tox " in development
    user_part = README[: README.index("\n## Errors\n")]
    assert "scripts/tox" not in user_part


def test_readme_installs_only_from_a_git_url_or_a_built_wheel() -> None:
    """Until a release exists, no command in the README installs from an index."""
    installs = re.findall(r"^\$ pip install (.+)$", README, re.MULTILINE)
    assert installs
    for target in installs:
        assert " @ git+https://" in target or ".whl" in target, target
    assert "No release is on PyPI yet" in _section(README, "Install")


def test_the_quickstart_that_the_package_check_runs_is_the_readmes() -> None:
    """The smoke test finds the emulator command, the exports, the python blocks and the CLI."""
    steps = _script("package_smoke").quickstart(README)
    assert steps.emulator == ["close-phone-numbers", "emulator", "--port", "8086"]
    assert steps.exports["CLOSE_BASE_URL"] == "http://127.0.0.1:8086/api/v1"
    assert steps.exports["CLOSE_API_KEY"].startswith("api_emu")
    assert len(steps.python) == 2
    assert "numbers.rent(" in steps.python[0]
    assert "asyncio.run(main())" in steps.python[1]
    assert steps.commands == [["close-phone-numbers", "list"]]


def test_a_readme_without_quickstart_markers_fails_the_package_check() -> None:
    """The check cannot pass by finding nothing to run."""
    with pytest.raises(SystemExit, match="quickstart"):
        _script("package_smoke").quickstart("# a README\n\n```python\nprint(1)\n```\n")


def test_changelog_keeps_a_changelog_with_an_unreleased_section() -> None:
    """Keep a Changelog: a title, Unreleased on top, and a link for each version heading."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    versions = re.findall(r"^## \[([^\]]+)\]", text, re.MULTILINE)
    assert versions[0] == "Unreleased"
    for version in versions:
        assert re.search(rf"^\[{re.escape(version)}\]: {REPOSITORY}/", text, re.MULTILINE)
    kinds = set(re.findall(r"^### (\w+)$", text, re.MULTILINE))
    assert kinds <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


def test_the_sdist_ships_the_license_changelog_and_spec() -> None:
    """What the package check requires of the sdist is what hatch is told to include."""
    include = PYPROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    for needed in ("/LICENSE", "/CHANGELOG.md", "/README.md", "/openapi"):
        assert needed in include


def test_release_workflow_checks_like_ci_and_publishes_only_with_trusted_publishing() -> None:
    """On a tag: the package check (with the tag's version), then PyPI by OIDC, no token."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers == {"push": {"tags": ["v*.*.*"]}}
    build, publish = workflow["jobs"]["build"], workflow["jobs"]["publish"]
    commands = " ".join(step.get("run", "") for step in build["steps"])
    assert "scripts/tox -e package" in commands
    assert '--expect-version "${GITHUB_REF_NAME#v}"' in commands
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["steps"][-1]["uses"] == "pypa/gh-action-pypi-publish@release/v1"
    assert "password" not in str(publish)


def test_ci_runs_the_package_check() -> None:
    """Everything of the release but the upload runs in CI, through tox's default env list."""
    tox = (ROOT / "tox.ini").read_text(encoding="utf-8")
    (env_list,) = re.findall(r"^env_list = (.+)$", tox, re.MULTILINE)
    assert "package" in [e.strip() for e in env_list.split(",")]
    assert "python scripts/check_package.py" in tox


def test_the_wheel_the_readme_installs_is_the_one_a_build_makes() -> None:
    """The README names the wheel file of the current version, so a bump cannot leave it stale."""
    version = _script("check_package").project_version()
    wheels = re.findall(r"close_phone_numbers-([^-\s]+)-py3-none-any\.whl", README)
    assert wheels
    assert set(wheels) == {version}
