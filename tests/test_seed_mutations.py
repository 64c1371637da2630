"""The seed cable (08 STATE 126440) is clean; each single mutation gives exactly its rule.

The seed has one finding, the warning for its unmarked SUBJECT line.  Every mutation
below changes one thing and must add exactly the expected finding(s), at the right line,
and nothing else: a rule that over-reaches or a rule that misses shows up here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.findings import Severity

SEED = (Path(__file__).parent / "fixtures" / "08STATE126440.txt").read_text(encoding="utf-8")
SUBJECT_WARNING = ("PM003", 20, 1, "subject line has no portion marking")


def mutate(old: str, new: str) -> str:
    """The seed with its single occurrence of ``old`` replaced by ``new``."""
    assert SEED.count(old) == 1, f"{old!r} occurs {SEED.count(old)} times in the seed"
    return SEED.replace(old, new)


def test_the_seed_gives_only_the_subject_warning(check):
    assert check(SEED) == [SUBJECT_WARNING]


def test_the_seed_has_no_error_finding():
    from conftest import findings_of

    assert [f for f in findings_of(SEED) if f.severity is Severity.ERROR] == []


REQUIRED = [
    pytest.param("2. (C)", "2.", [("PM001", 27, 1, "¶2 has no portion marking")], id="unmarked-para-2"),
    pytest.param(
        "5. (C)",
        "5. (S)",
        [("BN003", 14, 1, "banner CONFIDENTIAL is below SECRET required by ¶5 (S)")],
        id="para-5-secret",
    ),
    pytest.param(
        "11/24/2018",
        "11/24/2048",
        [
            (
                "DC003",
                18,
                13,
                "declassification date 11/24/2048 is after 12/01/2033, the 25-year limit of E.O. 12958 as amended",
            )
        ],
        id="decl-2048",
    ),
    pytest.param(
        "11/24/2018",
        "13/45/2018",
        [("DC002", 18, 13, "declassification date 13/45/2018 is not a calendar date")],
        id="decl-impossible-date",
    ),
    pytest.param(
        "Classified By: PM DAS Stephen Ganyard for Reasons: 1.4 (b) and (d)\n",
        "",
        [
            ("CA001", 14, 1, "CONFIDENTIAL cable has no Classified By line"),
            ("CA002", 14, 1, "CONFIDENTIAL cable has no classification reason"),
        ],
        id="no-classified-by",
    ),
    pytest.param(
        "1.4 (b) and (d)",
        "1.4 (b) and (k)",
        [("CA003", 23, 1, "reason (k) is not a category of 1.4 (a-h)")],
        id="reason-k",
    ),
    pytest.param(
        "ZNY CCCCC",
        "ZNY SSSSS",
        [("BN002", 7, 1, "security line SSSSS says SECRET, classification line says CONFIDENTIAL")],
        id="security-line-secret",
    ),
    pytest.param(
        "DECL: 11/24/2018",
        "N/A",
        [("DC001", 18, 13, "E.O. line of a CONFIDENTIAL cable says N/A instead of a declassification instruction")],
        id="eo-na",
    ),
]


OWN = [
    pytest.param(
        "PM/WRA.\n",
        "PM/WRA.\nVZCZCXYZ0006\n",
        [("SY001", 64, 1, "routing header line after the cable text has started (two cables in one file?)")],
        id="second-header",
    ),
    pytest.param(
        "C O N F I D E N T I A L STATE 126440\n",
        "",
        [("BN001", 13, 1, "no classification line")],
        id="no-banner",
    ),
    pytest.param(
        "C O N F I D E N T I A L STATE",
        "S E C R E T STATE",
        [
            ("BN002", 7, 1, "security line CCCCC says CONFIDENTIAL, classification line says SECRET"),
            ("BN004", 14, 1, "banner SECRET is above every portion (highest CONFIDENTIAL)"),
        ],
        id="banner-secret",
    ),
    pytest.param(
        "-- Confirm whether",
        "-- (SBU) Confirm whether",
        [
            ("PM001", 43, 1, "¶6 bullet 2 has no portion marking"),
            ("PM001", 47, 1, "¶6 bullet 3 has no portion marking"),
            ("PM001", 49, 1, "¶6 bullet 4 has no portion marking"),
        ],
        id="one-bullet-marked",
    ),
    pytest.param("2. (C)", "2. (SE)", [("PM002", 27, 11, "¶2 marking (SE) is invalid: unknown SE")], id="mark-SE"),
    pytest.param(
        "5. (C)",
        "5. (C/NF)",
        [("CT001", 14, 1, "NOFORN in ¶5 (C//NF) is missing from the banner and captions")],
        id="noforn-para",
    ),
    pytest.param(
        "\nSIPDIS\n",
        "\nSIPDIS\nNODIS\n",
        [
            ("CT002", 16, 1, "SIPDIS must not be used with NODIS"),
            ("CT002", 17, 1, "NODIS without NOFORN"),
        ],
        id="sipdis-nodis",
    ),
    pytest.param(
        "11/24/2018",
        "11/24/2007",
        [("DC004", 18, 13, "declassification date 11/24/2007 is on or before the cable date 2008-12-01")],
        id="decl-before-origin",
    ),
    pytest.param(
        "DECL: 11/24/2018",
        "DECL: OADR",
        [("DC002", 18, 13, "OADR not allowed under E.O. 12958 as amended")],
        id="decl-oadr",
    ),
    pytest.param(
        "E.O. 12958",
        "E.O. 13526",
        [("DC005", 18, 1, "E.O. 13526 cited but E.O. 12958 governs cables dated 2008-12-01")],
        id="eo-13526-in-2008",
    ),
    pytest.param(
        "1.4 (b) and (d)",
        "1.5 (b) and (d)",
        [("CA003", 23, 1, "reason section 1.5 is not valid under E.O. 12958 as amended, which uses 1.4")],
        id="reason-1.5",
    ),
    pytest.param(
        "#6440 3361951",
        "#6440 3301951",
        [("HD001", 6, 1, "DE line julian day 330 is 6 days before the date-time group (2008-12-01)")],
        id="julian-day",
    ),
    pytest.param("11. (U)", "12. (U)", [("NU001", 63, 1, "¶12 follows ¶10; ¶11 missing")], id="numbering-gap"),
]


@pytest.mark.parametrize(("old", "new", "expected"), REQUIRED + OWN)
def test_a_mutation_gives_exactly_its_rule(check, old, new, expected):
    found = check(mutate(old, new))
    assert sorted(f for f in found if f[0] != "PM003") == sorted(expected)
    classified = all(code != "BN001" for code, *_ in expected)  # no banner: nothing is classified
    assert [f[0] for f in found].count("PM003") == classified  # the seed's own subject warning


def test_an_impossible_dtg_gives_dtg_invalid_and_silences_date_rules(check):
    # Without a date the governing order is unknown (12958 names two eras): date rules stay silent.
    found = check(mutate("O 011943Z DEC 08", "O 321943Z DEC 08"))
    assert found == [("HD001", 8, 1, "date-time group O 321943Z DEC 08 is not a real date and time")]
