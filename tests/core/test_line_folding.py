"""Line folding of the .ics and vCard writers (RFC 5545 3.1, RFC 6350 3.2): lines over 75
octets continue on lines starting with a space, never cut inside a UTF-8 sequence."""

from __future__ import annotations

import pytest

from crmdesk.core.line_folding import fold_line


def unfold(text: str) -> str:
    return text.replace("\r\n ", "")


@pytest.mark.parametrize(
    "line",
    ["x" * 75, "x" * 76, "UID:" + "a" * 200, "龙" * 25, "龙" * 26, "a" * 74 + "龙",
     "SUMMARY:曾国梁 (father of 张伟): birthday (60) " * 4],
)  # fmt: skip
def test_every_physical_line_fits_in_75_octets_and_unfolds_to_the_line(line):
    folded = fold_line(line)
    assert unfold(folded) == line
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert (len(parts) == 1) == (len(line.encode("utf-8")) <= 75)


def test_a_line_of_75_octets_stays_whole_and_76_is_cut_after_75():
    assert fold_line("x" * 75) == "x" * 75
    assert fold_line("x" * 76) == "x" * 75 + "\r\n x"
    assert fold_line("a" * 74 + "龙") == "a" * 74 + "\r\n 龙"  # 77 octets: 龙 is not split
