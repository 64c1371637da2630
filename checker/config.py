"""Configuration: finding, validating and resolving ``[tool.cablelint]`` settings.

A configuration lives in ``.cablelint.toml``, ``cablelint.toml`` (both top-level keys) or a
``pyproject.toml`` with a ``[tool.cablelint]`` table.  For every checked file the closest such
file wins, searching from the file's directory up to the repository root (ruff's rule: no
merging, so what applies is always one file you can open).  ``--config FILE`` names one
file for every input and ``--isolated`` ignores them all; command-line options override
whatever file applies.

Files are validated with jsonschema against a schema assembled from the rule registry, so an
unknown key, rule, option or value is an error naming the file, the key path and the allowed
values.  jsonschema is imported only when a file is not surely valid by the quick check of
``checker.schema_precheck``: a run with a valid configuration file, or none, pays nothing for it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Mapping

from checker.discovery import path_matches
from checker.findings import Severity
from checker.source import SourceError, TooLargeError, read_bytes

if TYPE_CHECKING:
    from checker.engine import EngineSettings

#: Configuration file names, in precedence order within one directory.
CONFIG_NAMES = (".cablelint.toml", "cablelint.toml", "pyproject.toml")
#: Configuration files larger than this are refused (a real one is a few hundred bytes).
MAX_CONFIG_BYTES = 1024 * 1024
#: Files picked when a directory is searched, unless the configuration says otherwise.
DEFAULT_INCLUDE = ("*.txt", "*.cable")
#: The order severities are listed in, for messages and the schema.
SEVERITY_NAMES = ("error", "warning", "info")

#: Conservative test for a pyproject that may define ``tool.cablelint``: a ``[tool.cablelint``
#: or ``[[tool.cablelint`` header (quotes allowed), a dotted ``tool.cablelint`` key, or any
#: ``[tool]`` table or ``tool =`` assignment.  A false alarm only costs a parse.
_MAY_HOLD_OUR_TABLE = re.compile(
    rb"""(?m)^[ \t]*(?:\[\[?[ \t]*["']?tool["']?[ \t]*(?:\.[ \t]*["']?cablelint|\])"""
    rb"""|["']?tool["']?[ \t]*(?:\.[ \t]*["']?cablelint|=))""")

_SCHEMA_ID = "https://github.com/cablelint/cablelint/blob/main/checker/schemas/config.schema.json"


class ConfigError(Exception):
    """A configuration (file or option) that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Overrides:
    """Settings given on the command line; ``None`` (or empty) means "not given"."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_level: Severity | None = None
    as_of: dt.date | None = None


@dataclass(frozen=True)
class Config:
    """One resolved configuration: a file's settings (or the defaults) plus overrides.

    ``rules`` maps a rule *code* to ``{"severity": ..., option: value}`` as written (names
    already resolved to codes).  ``root`` is the directory that relative globs in
    ``per-file-ignores``, ``include`` and ``exclude`` are matched from.  ``origins`` tells,
    for each key that is not a default, where its value came from.
    """

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    fail_level: Severity = Severity.ERROR
    as_of: dt.date | None = None
    path: str | None = None
    root: str = "."
    origins: Mapping[str, str] = field(default_factory=dict)
    overrides: Overrides = Overrides()
    _settings: dict[tuple[str, ...], "EngineSettings"] = field(default_factory=dict, compare=False, repr=False)

    def with_overrides(self, overrides: Overrides) -> "Config":
        """Apply command-line options, which take precedence over the file (see :meth:`settings_for`)."""
        changes: dict[str, Any] = {"overrides": overrides}
        origins = dict(self.origins)
        if overrides.fail_level is not None:
            changes["fail_level"] = overrides.fail_level
            origins["fail-level"] = "command line"
        if overrides.as_of is not None:
            changes["as_of"] = overrides.as_of
            origins["as-of"] = "command line"
        return replace(self, origins=origins, _settings={}, **changes)

    def relative(self, path: str) -> str:
        """``path`` relative to the configuration root, with ``/`` separators."""
        return os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")

    def child_relative(self, directory_relative: str, name: str) -> str | None:
        """What :meth:`relative` gives for the entry ``name`` of a directory whose own relative
        path is ``directory_relative``, without resolving the path again (a directory search
        asks for each of its files); None when the root is not that directory or above it,
        where joining could differ from :meth:`relative`."""
        if directory_relative == ".":
            return name
        if directory_relative == ".." or directory_relative.startswith("../"):
            return None
        return f"{directory_relative}/{name}"

    def is_excluded(self, path: str) -> bool:
        """Whether an ``exclude`` glob matches ``path`` (a file or a directory)."""
        return self.excludes(self.relative(path))

    def excludes(self, relative: str) -> bool:
        """Whether an ``exclude`` glob matches a path given relative to the root."""
        return any(path_matches(pattern, relative) for pattern in self.exclude)

    def includes(self, relative: str) -> bool:
        """Whether an ``include`` glob matches a file (given relative to the root) found by
        searching a directory."""
        return any(path_matches(pattern, relative) for pattern in self.include)

    def ignored_for(self, path: str | None) -> tuple[str, ...]:
        """The selectors that ``per-file-ignores`` switches off for ``path``."""
        if path is None or not self.per_file_ignores:
            return ()
        rel = self.relative(path)
        return tuple(s for glob, selectors in self.per_file_ignores if path_matches(glob, rel) for s in selectors)

    def settings_for(self, path: str | None = None) -> "EngineSettings":
        """The engine settings for one file: rule selection, severities, options, as-of.

        Selection is applied in layers, as ruff does: first the configuration file, then the
        command line.  In each layer ``select`` (when given) replaces the set so far,
        ``extend-select`` adds to it and ``ignore`` removes from it; so ``--select PM001``
        runs PM001 even if the file ignores ``PM``.  The file's ``per-file-ignores`` come last.
        """
        ignored = self.ignored_for(path)
        cached = self._settings.get(ignored)
        if cached is None:
            cached = self._settings[ignored] = self._build_settings(ignored)
        return cached

    def _build_settings(self, ignored: tuple[str, ...]) -> "EngineSettings":
        """Settings with the given per-file ignores; memoised by :meth:`settings_for`."""
        from checker import engine

        defaults = engine.default_settings()
        enabled = set(defaults.enabled)
        cli = self.overrides
        for select, extend, ignore in ((self.select, self.extend_select, self.ignore),
                                       (cli.select, cli.extend_select, cli.ignore)):
            if select is not None:
                enabled = _resolve_all(select)
            enabled |= _resolve_all(extend)
            enabled -= _resolve_all(ignore)
        enabled -= _resolve_all(ignored)
        severities = dict(defaults.severities)
        options = {code: dict(values) for code, values in defaults.options.items()}
        for code, table in self.rules.items():
            if "severity" in table:
                severities[code] = Severity.parse(table["severity"])
            rule_options = {k: v for k, v in table.items() if k != "severity"}
            if rule_options:
                options[code] = {**options.get(code, {}), **rule_options}
        return replace(defaults, enabled=frozenset(enabled), severities=severities, options=options,
                       as_of=self.as_of if self.as_of is not None else defaults.as_of)


def _resolve_all(selectors: tuple[str, ...]) -> set[str]:
    """Union of the codes that each selector (code, code prefix, rule name, ALL) names."""
    from checker import registry

    codes: set[str] = set()
    for selector in selectors:
        codes |= registry.resolve(selector)
    return codes


def check_selectors(selectors: tuple[str, ...], option: str) -> None:
    """Refuse unknown selectors given on the command line, naming the allowed forms."""
    from checker import registry

    for selector in selectors:
        try:
            registry.resolve(selector)
        except ValueError as error:
            raise ConfigError(f"{option}: {error}") from None


# --------------------------------------------------------------------------- discovery

def config_in(directory: str) -> tuple[str, dict[str, Any]] | None:
    """The configuration file of ``directory`` itself (not above it) and its table, or ``None``.

    A ``pyproject.toml`` without a ``[tool.cablelint]`` table does not count.
    """
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            table = read_table(candidate)
            if table is not None:
                return candidate, table
    return None


def is_search_root(directory: str) -> bool:
    """Where the search upwards stops: a repository root or the filesystem root."""
    return os.path.dirname(directory) == directory or os.path.exists(os.path.join(directory, ".git"))


def read_table(path: str) -> dict[str, Any] | None:
    """The cablelint table of one configuration file, or ``None`` for a pyproject without one."""
    is_pyproject = os.path.basename(path) == "pyproject.toml"
    try:
        data = read_bytes(path, MAX_CONFIG_BYTES)
    except TooLargeError:
        raise ConfigError(f"{path}: configuration file larger than {MAX_CONFIG_BYTES // 1024} KiB") from None
    except SourceError as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None
    if is_pyproject and not _MAY_HOLD_OUR_TABLE.search(data):
        return None  # start-up: no TOML parser for the many pyprojects without our table
    document = _parse_toml(path, data)
    if not is_pyproject:
        return document
    tool = document.get("tool")
    table = tool.get("cablelint") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.cablelint: must be a table")
    return table


def _parse_toml(path: str, data: bytes) -> dict[str, Any]:
    """Parse TOML bytes, turning every failure into a one-line :class:`ConfigError`."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: configuration is not valid UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def load_file(path: str) -> Config:
    """Load one named configuration file (``--config``); its directory is the root."""
    if not os.path.exists(path):
        raise ConfigError(f"{path}: configuration file not found")
    table = read_table(path)
    if table is None:
        raise ConfigError(f"{path}: no [tool.cablelint] table")
    return from_mapping(table, source=path, root=os.path.dirname(os.path.abspath(path)))


def from_mapping(data: Mapping[str, Any], source: str = "<mapping>", root: str = ".") -> Config:
    """Validate a configuration table and build a :class:`Config` from it."""
    data = _normalised(data)
    validate(data, source)
    from checker import registry

    rules: dict[str, dict[str, Any]] = {}
    for key, table in data.get("rules", {}).items():
        try:
            code = registry.by_code(key).code
        except KeyError:
            code = registry.by_name(key).code  # the schema admits only codes and names
        if code in rules:
            raise ConfigError(f"{source}: rules.{key}: rule {code} is configured twice (by code and by name)")
        rules[code] = dict(table)
    origins = {key: source for key in data}
    values: dict[str, Any] = {"path": None if source == "<mapping>" else source,
                              "root": os.path.abspath(root), "origins": origins, "rules": rules}
    for key, attr in (("select", "select"), ("extend-select", "extend_select"), ("ignore", "ignore"),
                      ("include", "include"), ("exclude", "exclude")):
        if key in data:
            values[attr] = tuple(data[key])
    if "per-file-ignores" in data:
        values["per_file_ignores"] = tuple((glob, tuple(sel)) for glob, sel in data["per-file-ignores"].items())
    if "fail-level" in data:
        values["fail_level"] = Severity.parse(data["fail-level"])
    if "as-of" in data:
        values["as_of"] = parse_date(data["as-of"], f"{source}: as-of")
    return Config(**values)


def parse_date(text: str, where: str) -> dt.date:
    """``2020-01-31`` -> a date; the schema checks the shape, this checks the calendar."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"{where}: {text!r} is not a real date (YYYY-MM-DD)") from None


def _normalised(data: Mapping[str, Any]) -> dict[str, Any]:
    """TOML dates to ISO strings and ``rules.X = "warning"`` to ``{severity = "warning"}``.

    Done before validation so that each rule has a single object schema and errors point at
    the real culprit instead of an opaque ``oneOf`` failure.
    """
    out = dict(data)
    if isinstance(out.get("as-of"), (dt.date, dt.datetime)):
        out["as-of"] = out["as-of"].isoformat()
    rules = out.get("rules")
    if isinstance(rules, dict):
        out["rules"] = {k: {"severity": v} if isinstance(v, str) else v for k, v in rules.items()}
    return out


# --------------------------------------------------------------------------- validation

def validate(data: Mapping[str, Any], source: str) -> None:
    """Validate against :func:`build_schema`; raise one :class:`ConfigError` listing every error.

    jsonschema (slow to import) judges only what the quick check cannot pass for sure.
    """
    from checker.schema_precheck import surely_valid

    schema = build_schema()
    if surely_valid(data, schema):
        return
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        described = "; ".join(_clip(_describe(error, schema), 400) for error in errors[:20])
        if len(errors) > 20:
            described += f"; and {len(errors) - 20} more errors"
        raise ConfigError(f"{source}: {described}")


def _describe(error: Any, schema: Mapping[str, Any]) -> str:
    """One validation error as ``key.path: what is wrong (allowed: ...)``."""
    where = ".".join(str(part) for part in error.absolute_path) or "(top level)"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unexpected = sorted(set(error.instance) - set(allowed))
        prefix = f"{where}." if error.absolute_path else ""
        keys = ", ".join(f"{prefix}{key}" for key in unexpected)
        return f"{keys}: unknown key (allowed: {', '.join(allowed) or 'none'})"
    if error.validator == "enum" and error.schema is schema["$defs"]["selector"]:
        return (f"{where}: {_clip(repr(error.instance), 60)} is not a rule code, code prefix or rule name "
                f"(rules: {', '.join(error.schema['x-rules'])})")
    if error.validator == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return f"{where}: {_clip(repr(error.instance), 60)} is not allowed (allowed: {allowed})"
    return f"{where}: {error.message}"


def _clip(text: str, limit: int) -> str:
    """Keep messages one readable line even when a hostile file holds megabyte values."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_schema() -> dict[str, Any]:
    """The JSON Schema of a configuration table, assembled from the rule registry.

    Committed as ``checker/schemas/config.schema.json`` for editors; a test keeps that file
    equal to what this function returns.
    """
    from checker import registry

    rules = sorted(registry.all_rules(), key=lambda r: r.code)
    prefixes = sorted({r.code[:i] for r in rules for i in range(1, len(r.code))})
    selectors = ["ALL"] + [r.code for r in rules] + [r.name for r in rules] + prefixes
    severity = {"enum": list(SEVERITY_NAMES)}
    globs = {"type": "array", "items": {"type": "string", "minLength": 1}}
    selector_list = {"type": "array", "items": {"$ref": "#/$defs/selector"}}
    rule_tables: dict[str, Any] = {}
    for rule in rules:
        options = dict((rule.options_schema or {}).get("properties", {}))
        table = {"type": "object", "additionalProperties": False,
                 "description": rule.summary,
                 "properties": {"severity": {"$ref": "#/$defs/severity"}, **options}}
        rule_tables[rule.code] = table
        rule_tables[rule.name] = {"$ref": f"#/properties/rules/properties/{rule.code}"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _SCHEMA_ID,
        "title": "cablelint configuration",
        "description": "The [tool.cablelint] table of pyproject.toml, or the top level of cablelint.toml.",
        "type": "object",
        "additionalProperties": False,
        "$defs": {
            "severity": severity,
            "selector": {"enum": selectors, "x-rules": [f"{r.code} {r.name}" for r in rules]},
        },
        "properties": {
            "select": {**selector_list, "description": "Rules to run instead of the defaults."},
            "extend-select": {**selector_list, "description": "Rules to run in addition."},
            "ignore": {**selector_list, "description": "Rules not to run."},
            "per-file-ignores": {"type": "object", "description": "Glob -> rules not to run on matching files.",
                                 "additionalProperties": selector_list},
            "rules": {"type": "object", "additionalProperties": False, "properties": rule_tables,
                      "description": "Per-rule severity and options, keyed by code or name."},
            "include": {**globs, "description": "Globs of files to check when searching directories."},
            "exclude": {**globs, "description": "Globs of files and directories never to check."},
            "fail-level": {"$ref": "#/$defs/severity", "description": "Lowest severity that makes the exit code 1."},
            "as-of": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$",
                      "description": "Fixed date (YYYY-MM-DD) for date rules, for reproducible runs."},
        },
    }


# --------------------------------------------------------------------------- resolution

class Resolver:
    """Which configuration applies to which file, with one lookup per directory.

    ``isolated`` ignores configuration files; ``config_file`` (``--config``) applies one file
    to every input.  Both are then overlaid with the command-line ``overrides``.
    """

    def __init__(self, overrides: Overrides = Overrides(), config_file: str | None = None,
                 isolated: bool = False) -> None:
        self._overrides = overrides
        self._fixed: Config | None = None
        if isolated:
            self._fixed = Config(root=os.path.abspath(".")).with_overrides(overrides)
        elif config_file is not None:
            self._fixed = load_file(config_file).with_overrides(overrides)
        self._by_dir: dict[str, Config] = {}
        self._by_file: dict[str, Config] = {}
        self._default: Config | None = None

    def for_path(self, path: str) -> Config:
        """The configuration for a file (or a directory, for its own contents)."""
        if self._fixed is not None:
            return self._fixed
        directory = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
        return self._discover(os.path.abspath(directory))

    def for_path_or_error(self, path: str) -> Config | str:
        """Like :meth:`for_path`, but an invalid configuration is returned as its message."""
        try:
            return self.for_path(path)
        except ConfigError as error:
            return str(error)

    def _discover(self, directory: str) -> Config:
        """The closest configuration at or above ``directory``, up to the repository root.

        Every directory passed on the way up is remembered, so a deep tree costs one look per
        directory, not one per level per directory; each file is validated once.
        """
        passed: list[str] = []
        current, config = directory, None
        while config is None:
            config = self._by_dir.get(current)
            if config is not None:
                break
            passed.append(current)
            found = config_in(current)
            if found is not None:
                config = self._load(*found)
            elif is_search_root(current):
                config = self._default_config()
            else:
                current = os.path.dirname(current)
        for folder in passed:
            self._by_dir[folder] = config
        return config

    def _load(self, path: str, table: dict[str, Any]) -> Config:
        config = self._by_file.get(path)
        if config is None:
            config = from_mapping(table, source=path, root=os.path.dirname(path)).with_overrides(self._overrides)
            self._by_file[path] = config
        return config

    def _default_config(self) -> Config:
        """One shared default, whatever the number of directories without a configuration."""
        if self._default is None:
            self._default = Config(root=os.path.abspath(".")).with_overrides(self._overrides)
        return self._default


def describe(config: Config) -> list[tuple[str, str, str]]:
    """``(key, value, origin)`` rows for ``cablelint config --show``, every key included."""
    def listed(values: tuple[str, ...] | None, default: str = "") -> str:
        return default if values is None else ", ".join(values) or "(none)"

    rows = [
        ("select", listed(config.select, "(defaults)")),
        ("extend-select", listed(config.extend_select)),
        ("ignore", listed(config.ignore)),
        ("per-file-ignores", "; ".join(f"{g}: {', '.join(s)}" for g, s in config.per_file_ignores) or "(none)"),
        ("rules", "; ".join(f"{code} {_inline(table)}" for code, table in sorted(config.rules.items())) or "(none)"),
        ("include", listed(config.include)),
        ("exclude", listed(config.exclude)),
        ("fail-level", config.fail_level.label),
        ("as-of", config.as_of.isoformat() if config.as_of else "(today)"),
    ]
    shown = [(key, value, config.origins.get(key, "default")) for key, value in rows]
    cli = config.overrides
    for key, values in (("select", cli.select), ("extend-select", cli.extend_select), ("ignore", cli.ignore)):
        if values:
            shown.insert(next(i for i, row in enumerate(shown) if row[0] == key) + 1,
                         (key, listed(values), "command line (applied after the file)"))
    return shown


def _inline(table: Mapping[str, Any]) -> str:
    """``{"severity": "info", "days": 3}`` -> ``severity=info days=3``."""
    return " ".join(f"{key}={value}" for key, value in table.items())
