"""The outer container of a bundle: a canonical ZIP of three stored members, streamed.

Canonical means every byte is determined by the three members' contents: fixed order,
names, time (1980-01-01), attributes, no extra fields, no comments, nothing between or
after the parts. So a reader can rebuild the bytes it expects around the members and
refuse a file that differs anywhere — one flipped byte in a header is as visible as one
in the data. The writer streams the large member (the encrypted payload) from a file,
and the reader checks the headers and the small members byte for byte and hands the
large member on as a byte range, so neither holds the payload in memory.

The layout is plain ZIP (APPNOTE 6.3, no ZIP64: members stay below 4 GiB), the same
bytes :mod:`zipfile` writes for these members, which a test keeps true.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # "2.0": stored members, no ZIP64
_UNIX = 3
_MODE = 0o644 << 16
_DOS_DATE = (1 << 5) | 1  # 1980-01-01
_DOS_TIME = 0
_CHUNK = 1 << 20
LIMIT = (1 << 32) - 1


@dataclass(frozen=True)
class Member:
    """One member as it sits in the container: name, size and CRC-32 of its data."""

    name: str
    size: int
    crc: int


@dataclass(frozen=True)
class Span:
    """Where a member's data lies in the file."""

    member: Member
    offset: int


def local_header(member: Member) -> bytes:
    """Return the local file header that precedes ``member``'s data."""
    name = member.name.encode("ascii")
    return (
        _LOCAL.pack(
            b"PK\x03\x04",
            _VERSION,
            0,
            0,
            0,
            _DOS_TIME,
            _DOS_DATE,
            member.crc,
            member.size,
            member.size,
            len(name),
            0,
        )
        + name
    )


def trailer(members: Sequence[Member]) -> bytes:
    """Return the central directory and end record that follow the members' data."""
    central = b""
    offset = 0
    for member in members:
        name = member.name.encode("ascii")
        central += (
            _CENTRAL.pack(
                b"PK\x01\x02",
                _VERSION,
                _UNIX,
                _VERSION,
                0,
                0,
                0,
                _DOS_TIME,
                _DOS_DATE,
                member.crc,
                member.size,
                member.size,
                len(name),
                0,
                0,
                0,
                0,
                _MODE,
                offset,
            )
            + name
        )
        offset += len(local_header(member)) + member.size
    end = _END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(central), offset, 0)
    return central + end


def layout(members: Sequence[Member]) -> tuple[list[Span], int]:
    """Return where each member's data starts, and the container's total size."""
    spans: list[Span] = []
    offset = 0
    for member in members:
        offset += len(local_header(member))
        spans.append(Span(member, offset))
        offset += member.size
    return spans, offset + len(trailer(members))


def build(parts: Sequence[tuple[str, bytes]]) -> bytes:
    """Return the container of small in-memory members."""
    members = [Member(name, len(data), zlib.crc32(data)) for name, data in parts]
    body = b"".join(
        local_header(member) + data for member, (_, data) in zip(members, parts, strict=True)
    )
    return body + trailer(members)


def crc_of(stream: IO[bytes]) -> tuple[int, int]:
    """Return the CRC-32 and size of what remains in ``stream``."""
    crc, size = 0, 0
    while chunk := stream.read(_CHUNK):
        crc = zlib.crc32(chunk, crc)
        size += len(chunk)
    return crc, size


def write(out: IO[bytes], parts: Sequence[tuple[str, bytes | IO[bytes]]]) -> int:
    """Write the container to ``out``: each part in memory or a seekable stream; return size.

    Streams are read twice (CRC first, since the header precedes the data), in chunks.
    """
    members: list[Member] = []
    for name, data in parts:
        if isinstance(data, bytes):
            members.append(Member(name, len(data), zlib.crc32(data)))
        else:
            start = data.tell()
            crc, size = crc_of(data)
            data.seek(start)
            members.append(Member(name, size, crc))
    if any(member.size > LIMIT for member in members):
        raise ValueError("a member is too large for a ZIP without ZIP64")
    written = 0
    for member, (_, data) in zip(members, parts, strict=True):
        header = local_header(member)
        out.write(header)
        written += len(header)
        if isinstance(data, bytes):
            out.write(data)
        else:
            while chunk := data.read(_CHUNK):
                out.write(chunk)
        written += member.size
    tail = trailer(members)
    out.write(tail)
    return written + len(tail)
