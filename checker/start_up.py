"""The ``cablelint`` script's entry point, and what keeps its start-up short.

Checking one cable should take well under 120 ms, most of which is start-up: importing click,
Lark and the package, building some 45 dataclasses and 150 regular expressions.  Three things
cut it, all set up by :func:`begin` before anything else is imported and undone by :func:`end`
once the first file has been checked:

- the cyclic garbage collector is paused: start-up allocates some 100,000 objects that live
  as long as the process, and each burst of allocations set off a collection that found
  nothing to free (what is alive then is frozen, so later collections and forked ``--jobs``
  workers need not walk it again);
- the methods ``@dataclass`` generates come precompiled (:mod:`checker.dataclass_code`);
- the regular expressions come precompiled (:mod:`checker.regex_code`).

Only the script does this: a library or test caller keeps its collector and compilers as
they are.
"""

from __future__ import annotations

import gc

from checker import dataclass_code, regex_code

_started = False  # set by ``begin``, cleared by ``end``
_collector_was_on = False


def begin() -> None:
    """Pause the collector and install the precompiled dataclass methods and patterns."""
    global _started, _collector_was_on
    _started, _collector_was_on = True, gc.isenabled()
    gc.disable()
    dataclass_code.install()
    regex_code.install()


def end() -> None:
    """Start-up is over: freeze what it built, resume the collector (if it was on), give
    ``dataclasses`` and ``re`` their compilers back.  Does nothing unless :func:`begin` ran,
    and only once."""
    global _started
    if not _started:
        return
    _started = False
    gc.freeze()
    if _collector_was_on:
        gc.enable()
    dataclass_code.uninstall()
    regex_code.uninstall()


def import_every_module() -> None:
    """Import every module of the package, ``checker.rules`` too: what the generators of the
    precompiled files (``python -m checker.dataclass_code``, ``python -m checker.regex_code``)
    run, so that whatever a check may import is recorded."""
    import importlib
    import pkgutil

    import checker
    import checker.rules  # installed from rules/, not found below checker/ in a source tree

    for package in (checker, checker.rules):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if not module.name.endswith("__main__"):
                importlib.import_module(module.name)


def main() -> None:
    """Entry point of the ``cablelint`` script and of ``python -m checker``."""
    begin()
    from checker.cli import main as run

    run()
