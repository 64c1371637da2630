"""The ``cablelint`` command line: a thin click shell over the package.

Commands parse options, call ``checker.api``, ``checker.config``, ``checker.registry`` and
``checker.formatters``, and turn every failure into a one-line message and a documented exit
code.  Nothing here imports lark or a rule module directly, and each command imports only
what it uses, which keeps start-up fast.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

import click

from checker import __version__, start_up

if TYPE_CHECKING:
    from checker.config import Config, Overrides
    from checker.registry import RuleInfo

EXIT_OK = 0  # no finding at or above the fail level
EXIT_FINDINGS = 1  # findings at or above the fail level
EXIT_ERROR = 2  # usage, configuration, unreadable input or internal error

EXIT_CODES = """\b
Exit codes:
  0  no finding at or above the fail level
  1  findings at or above the fail level (see --fail-level, --exit-zero)
  2  usage, configuration, unreadable input or internal error
     (a one-line message on standard error)
"""

FORMAT_NAMES = ("text", "json", "sarif", "github", "junit")  # checked against the registry in tests


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """``("BN,PM", "DC001")`` -> ``("BN", "PM", "DC001")``: options take lists or repeats."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


class CablelintGroup(click.Group):
    """A group whose every failure becomes one line on stderr and exit code 2."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        code = self._run(argv, prog_name or "cablelint", complete_var, extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, argv: list[str], prog_name: str, complete_var: str | None, extra: dict[str, Any]) -> int:
        try:
            result = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
            return result if isinstance(result, int) else EXIT_OK
        except click.exceptions.NoArgsIsHelpError as error:
            click.echo(error.format_message(), err=True)
        except click.UsageError as error:
            where = error.ctx.command_path if error.ctx else prog_name
            message = " ".join(error.format_message().split())
            click.echo(f"{prog_name}: error: {message} (see '{where} --help')", err=True)
        except click.ClickException as error:
            click.echo(f"{prog_name}: error: {' '.join(error.format_message().split())}", err=True)
        except (click.Abort, KeyboardInterrupt):
            click.echo(f"{prog_name}: interrupted", err=True)
        except BrokenPipeError:
            _silence_stdout()
        except Exception as error:  # noqa: BLE001 - the promise: never a traceback by default
            if _is_config_error(error):
                click.echo(f"{prog_name}: error: {' '.join(str(error).split())}", err=True)
                return EXIT_ERROR
            # the type only: an exception's text may quote a cable; --verbose shows everything
            click.echo(f"{prog_name}: internal error: {type(error).__name__} (run with --verbose for details)",
                       err=True)
            if "--verbose" in argv or "-v" in argv:
                import traceback

                traceback.print_exc()
        return EXIT_ERROR


def _is_config_error(error: Exception) -> bool:
    """Whether ``error`` is a ConfigError, without importing the config module just to ask."""
    module = sys.modules.get("checker.config")
    return module is not None and isinstance(error, module.ConfigError)


def _silence_stdout() -> None:
    """After a closed pipe (``cablelint check | head``), keep Python from complaining at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@click.group("cablelint", cls=CablelintGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog="""\b
Examples:
  cablelint check cables/              check every cable under a directory
  cablelint check --format sarif -o cablelint.sarif .
  cablelint rules                      the rulebook
  cablelint explain PM001              one rule's documentation
  cablelint config --show              the settings that apply here, and where they come from
""" + EXIT_CODES)
@click.version_option(__version__, "-V", "--version", prog_name="cablelint", message="%(prog)s %(version)s")
def cli() -> None:
    """Lint the classification markings of State Department cables."""


# --------------------------------------------------------------------------- shared options

def _config_options(function: Any) -> Any:
    """``--config FILE`` and ``--isolated``, shared by ``check`` and ``config``."""
    function = click.option("--isolated", is_flag=True,
                            help="Ignore every configuration file; use defaults and options only.")(function)
    return click.option("--config", "config_file", type=click.Path(dir_okay=False),
                        help="Use this configuration file for every input instead of searching.")(function)


def _selection_options(function: Any) -> Any:
    """Rule selection, fail level and as-of date, shared by ``check`` and ``config``."""
    options = [
        click.option("--select", multiple=True, metavar="RULES",
                     help="Run only these rules: codes, code prefixes or names, comma-separated."),
        click.option("--extend-select", multiple=True, metavar="RULES", help="Run these rules as well."),
        click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these rules."),
        click.option("--fail-level", type=click.Choice(["error", "warning", "info"]),
                     help="Lowest severity that makes the exit code 1 (default: error)."),
        click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
                     help="Judge date rules as of this day (default: today), for reproducible runs."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _overrides(select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
               fail_level: str | None, as_of: Any) -> "Overrides":
    """Command-line settings, with their rule selectors checked against the registry."""
    from checker.config import Overrides, check_selectors
    from checker.findings import Severity

    overrides = Overrides(
        select=_split(select) if select else None,
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        fail_level=Severity.parse(fail_level) if fail_level else None,
        as_of=as_of.date() if as_of else None,
    )
    for option, selectors in (("--select", overrides.select or ()), ("--extend-select", overrides.extend_select),
                              ("--ignore", overrides.ignore)):
        check_selectors(selectors, option)
    return overrides


# --------------------------------------------------------------------------- check

@cli.command(epilog="""\b
Examples:
  cablelint check cable.txt                 one file
  cablelint check cables/ --statistics      a directory, with counts per rule
  cablelint check --select PM,BN cables/    only portion-mark and banner rules
  git show :cable.txt | cablelint check --stdin-filename cable.txt -
  cablelint check --format sarif -o out.sarif cables/
""" + EXIT_CODES)
@click.argument("paths", nargs=-1, type=click.Path())
@_config_options
@_selection_options
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (2 still means an error).")
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES),
              help="Output format (default: text, or github when GITHUB_ACTIONS=true).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text format (auto: on a terminal, unless NO_COLOR is set).")
@click.option("--show-source", is_flag=True, help="Text format: show the source line of each finding.")
@click.option("--statistics", is_flag=True, help="Text format: count findings per rule.")
@click.option("-q", "--quiet", is_flag=True, help="Only the findings: no summary line, no notes.")
@click.option("--stdin-filename", metavar="PATH", help="Name for standard input (-) in findings and config.")
@click.option("--force-exclude", is_flag=True, help="Apply exclude globs to files named on the command line too.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: the number of CPUs).")
@click.option("-v", "--verbose", is_flag=True, help="Show details (tracebacks) of internal errors.")
def check(paths: tuple[str, ...], config_file: str | None, isolated: bool, select: tuple[str, ...],
          extend_select: tuple[str, ...], ignore: tuple[str, ...], fail_level: str | None, as_of: Any,
          exit_zero: bool, fmt: str | None, output: str | None, color: str, show_source: bool,
          statistics: bool, quiet: bool, stdin_filename: str | None, force_exclude: bool,
          jobs: int | None, verbose: bool) -> int:
    """Check cables: files, directories (searched for *.txt and *.cable) or - for standard input."""
    from checker.api import Extras, check_targets
    from checker.config import Resolver
    from checker.discovery import iter_targets
    from checker.formatters import FormatOptions, Summary, get
    from checker.parse import import_lark_lean

    import_lark_lean()  # before anything imports lark: skips its optional modules (start-up)

    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if show_source and fmt != "text":
        raise click.UsageError("--show-source applies to the text format only")
    resolver = Resolver(_overrides(select, extend_select, ignore, fail_level, as_of), config_file, isolated)
    # an invalid configuration file found for an input makes that input (or directory) an
    # error, reported like an unreadable file; the other inputs are still checked
    targets = iter_targets(paths or (".",), resolver.for_path_or_error, stdin_filename, force_exclude)
    if output is not None and output != "-":  # `check . -o report.txt` must not lint its own report
        report = os.path.abspath(output)
        name = os.path.basename(report)  # compared first: resolving every path costs more
        targets = (t for t in targets
                   if t.path == "-" or os.path.basename(t.path) != name or os.path.abspath(t.path) != report)
    out = _open_output(output)
    try:
        options = FormatOptions(color=_use_colour(color, out), show_source=show_source,
                                statistics=statistics, quiet=quiet)
        formatter = get(fmt)(out, options)
        extras = Extras(fingerprints=formatter.needs_fingerprints, source_lines=show_source, verbose=verbose)
        summary, failing, broken = Summary(), False, False
        formatter.start()
        try:
            for result in check_targets(targets, extras, jobs or _cpu_count()):
                start_up.end()
                summary.add(result)
                failing = failing or result.failing
                broken = broken or result.rule_failed
                _report(result, quiet)
                formatter.file(result)
        finally:  # an internal error or an interrupt still leaves a well-formed document
            formatter.finish(summary)
            out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    if summary.files == 0:
        click.echo("cablelint: warning: no cables found in the given paths", err=True)
    if summary.unreadable or broken:  # a crashed rule is no verdict: never let it pass as 0 or 1
        return EXIT_ERROR
    return EXIT_FINDINGS if failing and not exit_zero else EXIT_OK


def _report(result: Any, quiet: bool) -> None:
    """A file's read or internal error, or decoding note, on standard error.

    A rule that raised is reported by its internal-error finding in the output itself (and
    makes the exit code 2); only its traceback, under ``--verbose``, comes here.
    """
    from checker.formatters import printable

    if result.error is not None:
        click.echo(printable(f"{result.display}: error: {result.error}"), err=True)
    if result.detail:
        click.echo(result.detail.rstrip(), err=True)
    if result.note and not quiet:
        click.echo(printable(f"{result.display}: note: {result.note}"), err=True)


def _open_output(path: str | None) -> TextIO:
    """Standard output, or the ``-o`` file: the only place cablelint ever writes."""
    if path is None or path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="\n")
    except OSError as error:
        raise click.ClickException(f"cannot write {path}: {(error.strerror or str(error)).lower()}") from None


def _use_colour(choice: str, out: TextIO) -> bool:
    """``--color``: auto means a terminal, no ``NO_COLOR``, not ``TERM=dumb``; ``FORCE_COLOR`` forces."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return out.isatty() and os.environ.get("TERM") != "dumb"


def _cpu_count() -> int:
    """CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# --------------------------------------------------------------------------- rules, explain

@cli.command(epilog="""\b
Examples:
  cablelint rules
  cablelint rules --format markdown     the table in the README
  cablelint rules --format json
""" + EXIT_CODES)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="Table layout.")
def rules(fmt: str) -> None:
    """List every rule: code, name, default severity and summary."""
    import json

    from checker import registry

    infos = registry.all_rules()
    if fmt == "json":
        click.echo(json.dumps([_rule_dict(info) for info in infos], indent=2))
    elif fmt == "markdown":
        click.echo(rules_markdown(infos))
    else:
        width = max(len(info.name) for info in infos)
        for info in infos:
            default = "on " if info.enabled_by_default else "off"
            click.echo(f"{info.code}  {info.name:<{width}}  {info.severity.label:<7}  {default}  {info.summary}")


def rules_markdown(infos: Any) -> str:
    """The rules table as Markdown (README's table is this, verbatim)."""
    lines = ["| Code | Name | Severity | Default | What it checks |", "| --- | --- | --- | --- | --- |"]
    for info in infos:
        summary = info.summary.replace("|", "\\|")
        default = "on" if info.enabled_by_default else "off"
        lines.append(f"| {info.code} | `{info.name}` | {info.severity.label} | {default} | {summary} |")
    return "\n".join(lines)


def _rule_dict(info: "RuleInfo") -> dict[str, Any]:
    """A rule as ``rules --format json`` lists it."""
    options = {key: {"default": spec.get("default"), "description": spec.get("description")}
               for key, spec in info.options_schema.get("properties", {}).items()}
    return {"code": info.code, "name": info.name, "severity": info.severity.label,
            "enabled_by_default": info.enabled_by_default, "scope": list(info.scope), "summary": info.summary,
            "options": options}


@cli.command(epilog="""\b
Examples:
  cablelint explain PM001
  cablelint explain banner-below-portion
""" + EXIT_CODES)
@click.argument("rule")
def explain(rule: str) -> None:
    """Show a rule's documentation: what, why, failing and passing examples, regulation."""
    import json

    from checker import registry

    try:
        code = registry.by_code(rule).code
    except KeyError:
        try:
            code = registry.by_name(rule).code
        except KeyError:
            raise click.BadParameter(f"no rule with code or name {rule!r}",
                                     param_hint="RULE") from None
    info = registry.by_code(code)
    default = "" if info.enabled_by_default else "; off by default, turn on with extend-select"
    click.echo(f"{info.code} {info.name} (default severity: {info.severity.label}{default})")
    click.echo(f"Reads: {', '.join(info.scope)}\n")
    click.echo(info.doc)
    options = _rule_dict(info)["options"]
    if options:
        click.echo("\nOptions (set in [tool.cablelint.rules." + info.code + "]):")
        for key, spec in options.items():
            click.echo(f"  {key} = {json.dumps(spec['default'])}  {spec['description']}")


# --------------------------------------------------------------------------- inspect

@cli.command(epilog="""\b
Examples:
  cablelint inspect cable.txt                 the model, one line per part
  cablelint inspect --format json cable.txt   the model as JSON, for other tools
  cablelint inspect - < cable.txt
""" + EXIT_CODES)
@click.argument("path", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: a readable outline; json: the full model.")
def inspect(path: str, fmt: str) -> None:
    """Show the parsed model of one cable (what the rules see)."""
    import json

    from checker.parse import import_lark_lean

    import_lark_lean()
    from checker.discovery import STDIN
    from checker.source import SourceError, read_path, read_stream

    try:
        source = read_stream(sys.stdin.buffer) if path == STDIN else read_path(path)
    except SourceError as error:
        raise click.ClickException(f"{path}: {error}") from None
    from checker.inspect import cable_to_dict
    from checker.parse import parse_cable

    model = cable_to_dict(parse_cable(source.text))
    if fmt == "json":
        click.echo(json.dumps(model, indent=2, ensure_ascii=False))
    else:
        from checker.formatters import printable

        click.echo("\n".join(printable(line) for line in model_outline(model)))


def model_outline(model: dict[str, Any]) -> list[str]:
    """``inspect``'s text form: one line per part of the cable, in reading order."""
    def mark(marking: dict[str, Any] | None, portion: bool = True) -> str:
        if not marking:
            return "no marking"
        unknown = f" unknown {', '.join(marking['unknown'])}" if marking.get("unknown") else ""
        written = f"({marking['raw']})" if portion else marking["raw"]
        return f"{written} -> {marking.get('canonical') or '?'}{unknown}"

    def either(value: Any) -> str:
        return "-" if value in (None, "", []) else str(value)

    header, decl, auth = model.get("header") or {}, model["declassify"], model["authority"]
    reasons = auth.get("reasons") or {}
    lines = [
        f"classification: {either(model['classification']['level'])}"
        f" controls: {either(', '.join(model['classification']['controls']))}",
        f"date: {either(model['date'])}",
        "header: " + " ".join(f"{key}={either(value)}" for key, value in header.items()) if header else "header: -",
        *(f"banner   line {b['line']:<5} {b['kind']:<7} {mark(b['marking'], portion=False)}" for b in model["banners"]),
        *(f"caption  line {c['line']:<5} {', '.join(c['tokens'])}" for c in model["captions"]),
        f"E.O.: {either(model['eo'])}  declassify: {either(decl['kind'])} {either(decl['raw'])}"
        f" date {either(decl['date'])} exemptions {either(', '.join(decl['exemptions']))}",
        f"TAGS: {either(', '.join(model['tags']))}",
        f"SUBJECT: {mark(model['subject_marking'])}" if model["subject"] is not None else "SUBJECT: -",
        f"authority: by {either(auth['by'])} derived from {either(auth.get('derived_from'))}"
        f" reasons {either(reasons.get('section'))} {either(', '.join(reasons.get('letters', [])))}",
    ]
    for p in model["paragraphs"]:
        lines.append(f"¶{either(p['number']):<4} line {p['line']:<5} {mark(p['marking'])}")
        lines += [
            f"  {s['label'] if s['parent'] is None else s['parent'] + '.' + s['label']:<5} line {s['line']:<5} "
            f"{mark(s['marking'])}"
            for s in p["subparagraphs"]
        ]
    lines += [f"page mark line {m['line']:<5} {m['kind']}" for m in model["page_marks"]]
    lines += [f"marker   line {m['line']:<5} {m['kind']}" for m in model["markers"]]
    if model.get("metadata_classification"):
        lines.append(f"metadata classification: {mark(model['metadata_classification'], portion=False)}")
    lines += [f"parse error line {e['line']}:{e['column']} {e['message']}" for e in model["parse_errors"]]
    lines.append(f"lines: {model['line_count']}")
    return lines


# --------------------------------------------------------------------------- config

@cli.command(epilog="""\b
Examples:
  cablelint config --show                  settings for the current directory
  cablelint config --show cables/a.txt     settings that apply to one file
  cablelint config --schema > cablelint.schema.json
""" + EXIT_CODES)
@click.argument("path", required=False, default=".", type=click.Path())
@click.option("--show", is_flag=True, help="Print the resolved settings and where each comes from.")
@click.option("--schema", is_flag=True, help="Print the JSON Schema of the configuration.")
@_config_options
@_selection_options
def config(path: str, show: bool, schema: bool, config_file: str | None, isolated: bool,
           select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
           fail_level: str | None, as_of: Any) -> None:
    """Show the configuration that applies to PATH (default: the current directory)."""
    import json

    from checker.config import Resolver, build_schema

    if show == schema:
        raise click.UsageError("give exactly one of --show and --schema")
    if schema:
        click.echo(json.dumps(build_schema(), indent=2))
        return
    overrides = _overrides(select, extend_select, ignore, fail_level, as_of)
    resolved = Resolver(overrides, config_file, isolated).for_path(path)
    _show_config(resolved)


def _show_config(config: "Config") -> None:
    """``key = value  # origin`` lines, after the file they were read from."""
    from checker.config import describe

    click.echo(f"# configuration file: {config.path or '(none: defaults)'}")
    for key, value, origin in describe(config):
        click.echo(f"{key} = {value}  # {origin}")


# --------------------------------------------------------------------------- the script


def main() -> None:
    """Run the command line (the ``cablelint`` script enters through ``checker.start_up``).

    What is alive at exit is frozen rather than walked by the collector once more (the files we
    wrote are closed by then; nothing we hold needs a finalizer).
    """
    code = cli.main(prog_name="cablelint", standalone_mode=False)
    gc.freeze()
    sys.exit(code)
