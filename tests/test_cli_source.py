"""Reading inputs: encodings are detected, binary and oversized data refused with one line."""

from __future__ import annotations

import codecs
import io
import os

import pytest

from checker.source import SourceError, TooLargeError, decode, read_open_file, read_path, read_stream

CABLE = "C O N F I D E N T I A L\n\n1. (C) Text.\n"


def test_plain_utf8_is_read_as_is() -> None:
    source = decode(CABLE.encode("utf-8"))
    assert (source.text, source.encoding, source.note) == (CABLE, "utf-8", None)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + CABLE.encode("utf-8"), "utf-8-sig"),
        (CABLE.encode("utf-16"), "utf-16"),  # with the platform's BOM
        (codecs.BOM_UTF16_BE + CABLE.encode("utf-16-be"), "utf-16"),
    ],
)
def test_byte_order_marks_are_honoured_and_stripped(data: bytes, encoding: str) -> None:
    source = decode(data)
    assert (source.text, source.encoding, source.note) == (CABLE, encoding, None)


def test_invalid_utf8_falls_back_to_cp1252_with_a_note() -> None:
    source = decode("SUBJECT: \u201cquoted\u201d caf\u00e9\n".encode("cp1252"))
    assert source.text == "SUBJECT: \u201cquoted\u201d caf\u00e9\n"
    assert (source.encoding, source.note) == ("cp1252", "not valid UTF-8, decoded as cp1252")


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    source = decode(b"TAGS: \x81\x8d PREL\n")
    assert source.encoding == "latin-1"
    assert source.note == "not valid UTF-8, decoded as latin-1"


def test_invalid_utf8_after_a_utf8_bom_is_replaced_with_a_note() -> None:
    source = decode(codecs.BOM_UTF8 + b"TAGS: \xff PREL\n")
    assert source.text == "TAGS: \ufffd PREL\n"
    assert source.note == "invalid UTF-8 after a UTF-8 byte-order mark, replaced"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04\x00\x00binary", "binary data (NUL bytes), not a text cable"),
        (bytes(range(1, 32)) * 10, "binary data (control characters), not a text cable"),
        (codecs.BOM_UTF16_LE + b"\x00", "invalid UTF-16 data after a UTF-16 byte-order mark"),
        (codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), "binary data (NUL characters), not a text cable"),
    ],
)
def test_binary_data_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(SourceError) as caught:
        decode(data)
    assert str(caught.value) == message


def test_empty_and_whitespace_inputs_are_text() -> None:
    assert decode(b"").text == ""
    assert decode(b" \t\r\n").text == " \t\r\n"


def test_size_limit_has_its_own_error() -> None:
    with pytest.raises(TooLargeError) as caught:
        read_stream(io.BytesIO(b"x" * (2 * 1024 * 1024 + 1)), limit=2 * 1024 * 1024)
    assert str(caught.value) == "larger than the 2 MiB limit"
    assert read_stream(io.BytesIO(b"x" * 1024), limit=1024).text == "x" * 1024


@pytest.mark.parametrize(
    ("data", "size"),
    [(b"abc", 3), (b"abcdef", 3), (b"abc", 0)],
    ids=["as-sized", "grew-since-opened", "claims-0-bytes-like-proc"],
)
def test_the_size_of_a_file_only_sizes_the_first_read(tmp_path, data: bytes, size: int) -> None:
    assert _read_as_sized(tmp_path, data, size) == data


def test_a_file_that_grew_past_the_limit_is_refused(tmp_path) -> None:
    with pytest.raises(TooLargeError):
        _read_as_sized(tmp_path, b"x" * 11, 3)


def test_short_reads_before_the_end_of_a_file_are_read_on(tmp_path, monkeypatch) -> None:
    real = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: real(fd, min(n, 2)))  # as a FUSE file system may
    assert _read_as_sized(tmp_path, b"abcdefg", 7) == b"abcdefg"


def _read_as_sized(tmp_path, data: bytes, size: int) -> bytes:
    """``read_open_file`` of a file holding ``data`` that ``fstat`` said was ``size`` bytes."""
    path = tmp_path / "cable.txt"
    path.write_bytes(data)
    fd = os.open(path, os.O_RDONLY)
    try:
        return read_open_file(fd, 10, size)
    finally:
        os.close(fd)


def test_read_path_reads_a_file(tmp_path) -> None:
    path = tmp_path / "cable with spaces \u00e9.txt"
    path.write_bytes(CABLE.encode("utf-8"))
    assert read_path(path).text == CABLE


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: os.symlink(p.parent / "nowhere", p), "dangling symbolic link"),
        (lambda p: os.symlink(p, p), "too many levels of symbolic links"),
        (lambda p: os.mkfifo(p), "not a regular file"),
        (lambda p: p.mkdir(), "is a directory"),
    ],
    ids=["missing", "dangling-symlink", "symlink-loop", "fifo", "directory"],
)
def test_unusable_paths_give_one_line_reasons(tmp_path, make, message: str) -> None:
    path = tmp_path / "cable.txt"
    make(path)
    with pytest.raises(SourceError) as caught:
        read_path(path)  # a FIFO must not block: it is opened non-blocking and refused
    assert str(caught.value) == message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_reported(tmp_path) -> None:
    path = tmp_path / "cable.txt"
    path.write_text(CABLE)
    path.chmod(0)
    with pytest.raises(SourceError, match="^permission denied$"):
        read_path(path)
