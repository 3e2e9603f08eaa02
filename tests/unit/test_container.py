"""The canonical container is byte for byte what zipfile writes for the same members."""

from __future__ import annotations

import io
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from kommunpolis.sync import container

NAMES = ("sender.json", "payload.age", "payload.age.minisig")


def _zipfile_bytes(parts: list[bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in zip(NAMES, parts, strict=True):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=3000), min_size=3, max_size=3))
def test_built_and_streamed_containers_equal_zipfiles(parts: list[bytes]) -> None:
    expected = _zipfile_bytes(parts)
    assert container.build(list(zip(NAMES, parts, strict=True))) == expected
    out = io.BytesIO()
    streamed = [(NAMES[0], parts[0]), (NAMES[1], io.BytesIO(parts[1])), (NAMES[2], parts[2])]
    size = container.write(out, streamed)
    assert out.getvalue() == expected and size == len(expected)
    members = [
        container.Member(n, len(d), zipfile.crc32(d)) for n, d in zip(NAMES, parts, strict=True)
    ]
    spans, total = container.layout(members)
    assert total == len(expected)
    for span, data in zip(spans, parts, strict=True):
        assert expected[span.offset : span.offset + len(data)] == data
