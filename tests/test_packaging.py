"""The installed package must hold every subpackage of the source tree.

A regular (non-editable) install — what pre-commit and CI users get — ships only the
packages that pyproject.toml lists, so a new subpackage missing from the list works in the
editable checkout and breaks for everyone else.
"""

from __future__ import annotations

import pathlib

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _declared() -> tuple[set[str], dict[str, str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    return set(config["packages"]), config["package-dir"]


def test_every_source_package_is_declared() -> None:
    packages, package_dir = _declared()
    found = set()
    for name, directory in package_dir.items():
        base = ROOT / directory
        for init in base.rglob("__init__.py"):
            relative = init.parent.relative_to(base).parts
            found.add(".".join((name, *relative)))
    assert found <= packages, f"add to [tool.setuptools] packages: {sorted(found - packages)}"


def test_every_declared_package_exists() -> None:
    packages, package_dir = _declared()
    for package in packages:
        root = next(name for name in sorted(package_dir, key=len, reverse=True) if package == name or package.startswith(name + "."))
        path = ROOT / package_dir[root] / pathlib.Path(*package[len(root) :].strip(".").split(".") if package != root else ())
        assert (path / "__init__.py").is_file(), f"{package} declared but {path}/__init__.py is missing"


def test_every_data_file_is_shipped() -> None:
    """Grammar, parser tables, vocabularies and schemas are read at run time: all must ship."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    package_dir, package_data = config["package-dir"], config["package-data"]
    missing = []
    for package, directory in package_dir.items():
        base = ROOT / directory
        globs = package_data.get(package, [])
        for path in base.rglob("*"):
            if not path.is_file() or path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts:
                continue
            relative = path.relative_to(base)
            if any(parent.joinpath("__init__.py").is_file() for parent in path.parents if parent != base and base in parent.parents):
                continue  # belongs to a subpackage, judged under its own name
            if not any(relative.match(pattern) for pattern in globs):
                missing.append(f"{package}: {relative}")
    assert not missing, f"add to [tool.setuptools.package-data]: {missing}"
