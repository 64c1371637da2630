"""declassification-missing (DC001): classified cable without a declassification instruction."""

RULE = "DC001"


def test_no_eo_line(cable, check):
    built = cable(eo=None)
    assert check(built.text, RULE) == [(RULE, built.line["banner"], 1, "CONFIDENTIAL cable has no E.O. line")]


def test_na_on_a_classified_cable(cable, check):
    built = cable(eo="E.O. 12958: N/A")
    assert check(built.text, RULE) == [
        (RULE, built.line["eo"], 13, "E.O. line of a CONFIDENTIAL cable says N/A instead of a declassification instruction")
    ]


def test_nothing_after_the_order(cable, check):
    built = cable(eo="E.O. 12958:")
    assert check(built.text, RULE) == [
        (RULE, built.line["eo"], 1, "E.O. line of a CONFIDENTIAL cable has no declassification instruction")
    ]


def test_unclassified_cables_say_na(cable, check):
    built = cable(banner="UNCLAS STATE 126440", security="ZNR UUUUU ZZH", eo="E.O. 12958: N/A", authority=None,
                  paragraphs=["1. Text."])
    assert check(built.text, RULE) == []


def test_no_eo_line_where_the_publication_cut_the_addressee_lines_is_not_judged(cable, check):
    # USTR FOR A...  then SUBJECT: the E.O. and TAGS lines were lost at the cut
    built = cable(captions=("SIPDIS", "USTR FOR A..."), eo=None, tags=None)
    assert check(built.text, RULE) == []


def test_no_eo_line_before_tags_is_reported_even_when_a_later_line_was_cut(cable, check):
    built = cable(eo=None, subject="SUBJECT: (U) TEST OF ...")
    assert check(built.text, RULE) == [(RULE, built.line["banner"], 1, "CONFIDENTIAL cable has no E.O. line")]
