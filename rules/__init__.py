"""The rulebook: one module per rule, listed explicitly.

Installed as ``checker.rules`` (never a top-level ``rules`` package).  The registry
(``checker.registry``) reads this tuple; adding a rule means adding its module here and a
``tests/rules/test_<module>.py``.  Codes are stable and never reused.
"""

from checker.rules import (
    banner_above_portions,
    banner_below_portion,
    banner_inconsistent,
    banner_missing,
    classified_by_missing,
    control_conflict,
    control_not_in_banner,
    declassification_before_origin,
    declassification_exceeds_limit,
    declassification_invalid,
    declassification_missing,
    dtg_invalid,
    eo_mismatch,
    paragraph_numbering,
    parse_error,
    portion_marking_invalid,
    portion_marking_missing,
    reason_invalid,
    reason_missing,
    subject_marking_missing,
)

RULE_MODULES = (
    parse_error,
    banner_missing,
    banner_inconsistent,
    banner_below_portion,
    banner_above_portions,
    portion_marking_missing,
    portion_marking_invalid,
    subject_marking_missing,
    control_not_in_banner,
    control_conflict,
    declassification_missing,
    declassification_invalid,
    declassification_exceeds_limit,
    declassification_before_origin,
    eo_mismatch,
    classified_by_missing,
    reason_missing,
    reason_invalid,
    dtg_invalid,
    paragraph_numbering,
)
