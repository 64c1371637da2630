"""``checker.dataclass_code``: precompiled dataclass methods must be exactly what ``exec`` makes.

Every case runs in fresh interpreters, since classes are made once per process: one with the
precompiled methods installed (as the command line does), one without, and the generated
methods of every dataclass of the package are compared code object by code object.
"""

from __future__ import annotations

import marshal
import subprocess
import sys
from importlib.util import MAGIC_NUMBER

import pytest

from checker import dataclass_code

_METHODS = """
import dataclasses, marshal, sys
from checker import dataclass_code
if sys.argv[1] == "installed":
    dataclass_code.install()
import checker.cli, checker.rules, checker.api, checker.engine, checker.inspect, checker.formatters.sarif
import checker.parse.build, checker.parse.markings, checker.registry
checker.registry.all_rules()
codes = {}
for module in list(sys.modules.values()):
    if not getattr(module, "__name__", "").startswith("checker"):
        continue
    for value in vars(module).values():
        if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == module.__name__:
            for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__", "__lt__"):
                function = getattr(getattr(value, name, None), "__wrapped__", getattr(value, name, None))
                if getattr(function, "__qualname__", "").startswith(value.__qualname__ + "."):
                    code = function.__code__  # code equality ignores where it was compiled: compare that too
                    codes[f"{value.__module__}.{value.__qualname__}.{name}"] = (code, code.co_filename, getattr(code, "co_qualname", ""))

@dataclasses.dataclass(frozen=True)
class NotInTheFile:  # compiled as usual, with real (not stringified) annotations
    x: int

codes["annotation"] = NotInTheFile.__init__.__annotations__["x"] is int
sys.stdout.write(marshal.dumps(codes).hex())
"""


def _generated_methods(mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", _METHODS, mode], capture_output=True, text=True, check=True)
    return marshal.loads(bytes.fromhex(out.stdout))


def _file_is_for_this_python() -> bool:
    return dataclass_code.PATH.read_bytes()[: len(MAGIC_NUMBER)] == MAGIC_NUMBER


def test_installed_methods_are_the_ones_exec_compiles():
    installed, plain = _generated_methods("installed"), _generated_methods("plain")
    assert len(plain) > 200  # every dataclass of the package, not an empty comparison
    assert installed.keys() == plain.keys()
    assert [key for key in plain if installed[key] != plain[key]] == []
    assert installed["annotation"] is True


@pytest.mark.skipif(not _file_is_for_this_python(), reason="the file holds another Python release's bytecode")
def test_the_shipped_file_is_current():
    # stale means a dataclass changed since the file was written; regenerate with:
    #   python -m checker.dataclass_code
    script = ("import sys\nfrom checker import dataclass_code\n"
              "sys.stdout.write(repr(sorted(dataclass_code.generated_texts())))")
    current = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    shipped = marshal.loads(dataclass_code.PATH.read_bytes()[len(MAGIC_NUMBER):])
    assert repr(sorted(shipped)) == current, (
        "checker/data/dataclass_code.bin is stale: run python -m checker.dataclass_code")


def test_a_file_for_another_python_or_a_damaged_one_is_not_used(tmp_path, monkeypatch):
    import dataclasses

    for content in (b"\0\0\0\0" + marshal.dumps({}), MAGIC_NUMBER + b"\xff garbage"):
        path = tmp_path / "dataclass_code.bin"
        path.write_bytes(content)
        monkeypatch.setattr(dataclass_code, "PATH", path)
        dataclass_code.install()
        assert "exec" not in vars(dataclasses)
    dataclass_code.uninstall()


def test_frozen_dataclass_behaves_as_a_frozen_slotted_dataclass():
    import copy
    import dataclasses
    import inspect

    @dataclasses.dataclass(frozen=True, slots=True, order=True)
    class Plain:
        line: int
        label: str | None = None

    @dataclass_code.frozen_dataclass(order=True)
    class Fast:
        line: int
        label: str | None = None

    for cls in (Plain, Fast):
        value = cls(3, label="A")
        assert (repr(value), value == cls(3, "A"), value < cls(4), hash(value) == hash(cls(3, "A"))) == (
            f"{cls.__qualname__}(line=3, label='A')", True, True, True)
        assert cls(7).label is None and cls.__slots__ == ("line", "label") and not hasattr(value, "__dict__")
        assert copy.deepcopy(value) == value and dataclasses.replace(value, line=4) == cls(4, "A")
        with pytest.raises(dataclasses.FrozenInstanceError):
            value.line = 4  # type: ignore[misc]
        with pytest.raises(TypeError):
            cls()  # type: ignore[call-arg]
    assert str(inspect.signature(Fast)) == str(inspect.signature(Plain)) == "(line: 'int', label: 'str | None' = None) -> None"
    assert Fast.__init__.__qualname__.endswith("Fast.__init__")


def test_frozen_dataclass_refuses_what_its_init_would_not_do():
    import dataclasses

    with pytest.raises(TypeError, match="plain fields"):
        @dataclass_code.frozen_dataclass
        class Factory:
            items: list = dataclasses.field(default_factory=list)
    with pytest.raises(TypeError, match="__post_init__"):
        @dataclass_code.frozen_dataclass
        class Post:
            x: int

            def __post_init__(self) -> None:
                pass
