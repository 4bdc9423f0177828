"""Line folding shared by the calendar (RFC 5545 3.1) and vCard (RFC 6350 3.2) writers: both cut
lines over 75 octets the same way."""

from __future__ import annotations


def fold_line(line: str) -> str:
    """Lines over 75 octets continue on lines that start with a space, cut between characters
    (never inside a UTF-8 sequence)."""
    if len(line) <= 25 or (len(line) <= 75 and line.isascii()):  # isascii: no scan, a flag
        return line
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    start, limit = 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:  # a continuation byte
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # the leading space takes one octet
    return "\r\n ".join(parts)
