"""Reading a cable: bytes from a file or standard input, decoded to text.

Cables arrive from many systems, so decoding is forgiving where it can be and strict where
it must be: UTF-8 (with or without a BOM) and UTF-16 with a BOM are read as such, other
bytes fall back to cp1252 (the Windows code page most archives used) with a note, and data
that is plainly not text (NUL bytes, many control characters) is refused with a clear error
rather than linted into nonsense.  Files are opened read-only and non-blocking, so a FIFO or
a device given by mistake is refused instead of hanging the run.
"""

from __future__ import annotations

import codecs
import os
import stat
from typing import BinaryIO

from checker.dataclass_code import frozen_dataclass

#: Largest input accepted, in bytes.  Far above any real cable (the corpus maximum is a few
#: hundred kilobytes) while keeping a mistaken multi-gigabyte file from exhausting memory.
MAX_BYTES = 16 * 1024 * 1024

#: How much of the start of the data the binary heuristic looks at.
_SNIFF_BYTES = 8192
#: Share of control characters (other than whitespace) above which data counts as binary.
_CONTROL_SHARE = 0.05
#: C0 control characters other than the whitespace, SUB and ESC that real text files carry.
_CONTROL_BYTES = bytes(range(32)).translate(None, b"\t\n\v\f\r\x1a\x1b")


class SourceError(Exception):
    """An input that cannot be linted: ``str(error)`` is the one-line reason, without the path."""


class TooLargeError(SourceError):
    """An input above :data:`MAX_BYTES`; its own class so callers can tell it apart."""


@frozen_dataclass
class Source:
    """Decoded text and how it was decoded; ``note`` is set when decoding needed a fallback."""

    text: str
    encoding: str
    note: str | None = None


def decode(data: bytes) -> Source:
    """Decode raw bytes to text, refusing binary data; see the module docstring."""
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8):]
        try:
            return _checked(body.decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            text = body.decode("utf-8", errors="replace")
            return _checked(text, "utf-8-sig", "invalid UTF-8 after a UTF-8 byte-order mark, replaced")
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(name), "utf-16")
            except UnicodeDecodeError:
                raise SourceError("invalid UTF-16 data after a UTF-16 byte-order mark") from None
    if b"\x00" in data:
        raise SourceError("binary data (NUL bytes), not a text cable")
    try:
        return _checked(data.decode("utf-8"), "utf-8", encoded=data)
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; latin-1 maps them, so decoding cannot fail.
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    return _checked(text, encoding, f"not valid UTF-8, decoded as {encoding}")


def _checked(text: str, encoding: str, note: str | None = None, encoded: bytes | None = None) -> Source:
    """Refuse text that is mostly control characters: a binary file that happened to decode.

    ``encoded`` is ``text`` in UTF-8 when the caller has it (the data it decoded as UTF-8):
    a text no longer than the part sniffed need not be encoded again.
    """
    if "\x00" in text:
        raise SourceError("binary data (NUL characters), not a text cable")
    if encoded is not None and len(text) <= _SNIFF_BYTES:
        head = encoded
    else:
        head = text[:_SNIFF_BYTES].encode("utf-8", "surrogatepass")  # bytes: counted at C speed
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > _CONTROL_SHARE:
        raise SourceError("binary data (control characters), not a text cable")
    return Source(text, encoding, note)


def read_path(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> Source:
    """Read and decode one file, read-only; raises :class:`SourceError` with a one-line reason."""
    return decode(read_bytes(path, limit))


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> bytes:
    """Read one regular file, read-only and without ever blocking on a FIFO or device.

    Also used for configuration and ``.gitignore`` files, which users control just as little.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        reason = "dangling symbolic link" if os.path.islink(path) else "no such file"
        raise SourceError(reason) from None
    except OSError as error:
        raise SourceError(_os_reason(error)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError("is a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file")
        return read_open_file(fd, limit, info.st_size)
    finally:
        os.close(fd)


#: What one read asks for once the size given by ``fstat`` has been read: a file that grew.
_MORE_BYTES = 64 * 1024


def read_open_file(fd: int, limit: int, size: int) -> bytes:
    """Read a regular file open as ``fd``, of ``size`` bytes by ``fstat``, with ``os.read``: a
    file object per file (``os.fdopen``, a buffered reader) cost more than the reading itself.
    More than ``limit`` bytes raise :class:`TooLargeError`.

    The first read asks for ``size`` plus one byte, so a file that has not grown is read in
    one call (and a second, empty one shows the end); a read may still return less than asked
    before the end (a network or FUSE file system), so it reads on until the end of the file
    or one byte past the limit.  A file
    that grew since, or claims 0 bytes (``/proc``), is read the same way.
    """
    want = min(size, limit) + 1
    chunks: list[bytes] = []
    total = 0
    try:
        while total <= limit and (chunk := os.read(fd, want)):
            chunks.append(chunk)
            total += len(chunk)
            want = min(limit + 1 - total, _MORE_BYTES)
    except OSError as error:
        raise SourceError(_os_reason(error)) from None
    return _too_large_refused(b"".join(chunks), limit)  # one chunk: joined without a copy


def read_stream(stream: BinaryIO, limit: int = MAX_BYTES) -> Source:
    """Read and decode standard input (or any binary stream) under the same size limit."""
    return decode(read_limited(stream, limit))


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """Read at most ``limit`` bytes of a stream; one more means the input is too large."""
    try:
        data = stream.read(limit + 1)
    except OSError as error:
        raise SourceError(_os_reason(error)) from None
    return _too_large_refused(data, limit)


def _too_large_refused(data: bytes, limit: int) -> bytes:
    """``data``, unless it is more than ``limit`` bytes: then :class:`TooLargeError`."""
    if len(data) > limit:
        raise TooLargeError(f"larger than the {limit // (1024 * 1024)} MiB limit")
    return data


def _os_reason(error: OSError) -> str:
    """``PermissionError(13, 'Permission denied')`` -> ``permission denied``."""
    return (error.strerror or type(error).__name__).lower()
