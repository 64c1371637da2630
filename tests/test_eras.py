"""Era logic and the vocabulary files: which order governs a date, what it allows."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker import eras
from checker.eras import add_years, allowed_form, era_for_date, eras_citing, exemption_form, instruction_forms
from checker.model import Declassification, Span
from checker.vocabulary import DATA_DIR, NAMES, VocabularyError, digest, load_vocabulary, validate


@pytest.mark.parametrize(
    ("day", "era"),
    [
        ("1972-05-31", None),
        ("1972-06-01", "EO11652"),
        ("1978-11-30", "EO11652"),
        ("1978-12-01", "EO12065"),
        ("1982-08-01", "EO12356"),
        ("1995-10-13", "EO12356"),
        ("1995-10-14", "EO12958"),
        ("2003-03-24", "EO12958"),
        ("2003-03-25", "EO12958A"),
        ("2010-06-26", "EO12958A"),
        ("2010-06-27", "EO13526"),
        ("2030-01-01", "EO13526"),
    ],
)
def test_era_boundaries_follow_the_era_table(day, era):
    found = era_for_date(dt.date.fromisoformat(day))
    assert (found.id if found else None) == era


def test_the_eras_tile_the_calendar_without_gaps():
    all_eras = eras.all_eras()
    for before, after in zip(all_eras, all_eras[1:]):
        assert before.end + dt.timedelta(days=1) == after.start
    assert all_eras[-1].end is None


def test_12958_names_two_eras_and_13526_one():
    assert [e.id for e in eras_citing("12958")] == ["EO12958", "EO12958A"]
    assert [e.id for e in eras_citing("13526")] == ["EO13526"]
    assert eras_citing("12598") == ()


def test_era_for_cable_falls_back_on_an_unambiguous_order(model):
    from checker.model import EoLine

    undated = model(header=None)
    assert eras.era_for_cable(undated) is None
    eo = EoLine("E.O. 13526: DECL: 2030/01/01", "13526", None, Span(1, 1, 1, 2))
    assert eras.era_for_cable(model(header=None, eo=eo)).id == "EO13526"
    assert eras.era_for_cable(model(header=None, eo=EoLine("E.O. 12958", "12958", None, eo.span))) is None


@pytest.mark.parametrize(
    ("code", "form"),
    [("X1", "x-code"), ("1.6 X5", "x-code"), ("25X1", "25x"), ("25X1-HUMAN", "25x-human"), ("50X1-HUM", "50x-hum"),
     ("50X2-WMD", "50x-hum"), ("75X3", "75x"), ("XGDS-2", "xgds"), ("MR", "mr"), ("X9", None), ("25X10", None)],
)
def test_exemption_forms(code, form):
    assert exemption_form(code) == form


def test_instruction_forms_pair_each_token_with_its_form():
    decl = Declassification("DECL: X1, X5", "exemption", None, None, ("X1", "X5", "Z9"), None, Span(1, 1, 1, 2))
    assert instruction_forms(decl) == (("X1", "x-code"), ("X5", "x-code"))
    oadr = Declassification("DECL: OADR", "oadr", None, None, (), None, Span(1, 1, 1, 2))
    assert instruction_forms(oadr) == (("OADR", "oadr"),)


def test_grace_windows_end_on_their_date():
    amended = era_for_date(dt.date(2003, 6, 1))
    assert allowed_form(amended, "x-code", dt.date(2003, 9, 22)) is not None
    assert allowed_form(amended, "x-code", dt.date(2003, 9, 23)) is None
    assert allowed_form(amended, "oadr", dt.date(2003, 6, 1)) is None


def test_add_years_on_29_february():
    assert add_years(dt.date(2008, 2, 29), 10) == dt.date(2018, 2, 28)
    assert add_years(dt.date(2008, 12, 1), 25) == dt.date(2033, 12, 1)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    for name in ("eras.json", "eras.schema.json"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


def test_a_broken_data_file_is_refused_with_its_json_path(data_copy):
    data = json.loads((data_copy / "eras.json").read_text())
    data["eras"][1]["from"] = "1978"
    (data_copy / "eras.json").write_text(json.dumps(data))
    with pytest.raises(VocabularyError, match=r"eras.json: \$.eras\[1\].from: '1978' does not match"):
        load_vocabulary("eras", data_copy)


def test_an_unreadable_data_file_is_refused(tmp_path):
    with pytest.raises(VocabularyError, match="eras.json: cannot be read"):
        load_vocabulary("eras", tmp_path)


def test_an_edited_file_is_validated_even_with_a_stale_record(data_copy):
    (data_copy / "validated.json").write_text(json.dumps({"eras": digest("eras", data_copy)}))
    data = json.loads((data_copy / "eras.json").read_text())
    data["eras"][0]["portion_marking"] = "sometimes"
    (data_copy / "eras.json").write_text(json.dumps(data))
    with pytest.raises(VocabularyError, match="portion_marking"):
        load_vocabulary("eras", data_copy)


def test_the_bundled_files_validate_and_their_record_is_current():
    for name in NAMES:
        raw = json.loads((DATA_DIR / f"{name}.json").read_text())
        validate(name, raw, json.loads((DATA_DIR / f"{name}.schema.json").read_text()))
    recorded = json.loads((DATA_DIR / "validated.json").read_text())
    assert recorded == {name: digest(name) for name in NAMES}, "run: python -m checker.vocabulary"


def test_loading_the_bundled_files_needs_no_jsonschema_and_writes_nothing(tmp_path):
    probe = (
        "import sys; from checker.eras import all_eras; from checker.controls import vocabulary; "
        "all_eras(); vocabulary(); print('jsonschema' in sys.modules)"
    )
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "False"
    assert list(tmp_path.iterdir()) == []
