"""Benchmark part of ``transfer``: import a phone's 50 MB vCard export (11,375 cards, a photo on
each) into a fresh encrypted book, in a child process so its peak memory is the import's own.

The file mixes what phones write: iOS 3.0 cards (folded base64 photos, ``item1.`` groups,
Apple's no-year birthdays) and Android 2.1 cards (quoted-printable UTF-8 names, base64 photos
indented and ended by a blank line).
"""

from __future__ import annotations

import base64
import json
import quopri
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from crmdesk.bench.synthetic import generate

VCARD_CARDS = 11_375
PHOTO_BYTES = 3_300  # base64 of it is ~4.4 kB: 11,375 cards make ~50 MB, as the issue measured


def _fold(line: str, width: int = 75) -> list[str]:
    return [line[:width]] + [
        " " + line[i : i + width - 1] for i in range(width, len(line), width - 1)
    ]


def _qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode("ascii").replace("=\n", "")


def write_vcards(path: Path, cards: int, seed: int) -> None:
    """``cards`` vCards from the synthetic book, each with a photo."""
    data = generate(cards, seed)
    rng = random.Random(seed)
    companies = {a["id"]: a["name"] for a in data.accounts}
    with path.open("w", encoding="utf-8", newline="") as out:
        for i, c in enumerate(data.contacts):
            photo = base64.b64encode(rng.randbytes(PHOTO_BYTES)).decode("ascii")
            family, given = c["name"][:1], c["name"][1:]
            company = companies[c["account_id"]]
            if i % 2:
                lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{family};{given};;;", f"FN:{c['name']}",
                         f"ORG:{company};{c['department']}", f"TITLE:{c['title']}"]  # fmt: skip
                lines += [f"item{n}.TEL;type=CELL:{p}" for n, p in enumerate(c["phones"], 1)]
                lines += [f"EMAIL;type=INTERNET;type=WORK:{e}" for e in c["emails"]]
                if c["wechat"]:
                    lines.append(f"X-SOCIALPROFILE;type=wechat;x-user={c['wechat']}:weixin://")
                lines.append("NOTE:" + c["notes"].replace("\n", "\\n").replace(",", "\\,"))
                lines += _fold("PHOTO;ENCODING=b;TYPE=JPEG:" + photo)
                lines.append("END:VCARD")
            else:
                lines = ["BEGIN:VCARD", "VERSION:2.1",
                         f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(family)};{_qp(given)};;;",
                         f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(c['name'])}",
                         f"ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(company)}"]  # fmt: skip
                lines += [f"TEL;CELL:{p}" for p in c["phones"]]
                lines += [f"EMAIL;HOME:{e}" for e in c["emails"]]
                lines.append("PHOTO;ENCODING=BASE64;JPEG:" + photo[:72])
                lines += ["  " + photo[j : j + 72] for j in range(72, len(photo), 72)]
                lines += ["", "END:VCARD"]
            out.write("\r\n".join(lines) + "\r\n")


def _peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not the parent's peak
    carried over the fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def child(source: str, book_path: str) -> None:
    """Run in a fresh interpreter: read, plan and apply ``source``; print figures as JSON."""
    from crmdesk.bench.transfer import _fresh_book as fresh_book
    from crmdesk.core.importing.source import read_table
    from crmdesk.db.transfer.applying import apply_import
    from crmdesk.db.transfer.planning import plan_import

    book = fresh_book(Path(book_path))
    rss_before = _peak_rss_mb()
    began, cpu = time.perf_counter(), time.process_time()
    table = read_table(Path(source))
    read_s = time.perf_counter() - began
    with book.session() as s:
        plan = plan_import(s, table)
    plan_s = time.perf_counter() - began - read_s
    with book.session() as s, s.begin():
        result = apply_import(s, plan)  # the commit is timed too
    total_s = time.perf_counter() - began
    book.close()
    print(json.dumps({
        "read_s": round(read_s, 3), "plan_s": round(plan_s, 3),
        "apply_s": round(total_s - read_s - plan_s, 3), "total_s": round(total_s, 3),
        "cpu_s": round(time.process_time() - cpu, 3),
        "created": result.created, "rejected": result.rejected, "set_aside": len(plan.warnings),
        "peak_rss_mb": _peak_rss_mb(), "rss_before_mb": rss_before,
    }))  # fmt: skip


def run_vcard_import(workdir: Path, cards: int, seed: int) -> dict[str, Any]:
    source = workdir / "phone.vcf"
    write_vcards(source, cards, seed)
    book = workdir / "vcard.crmdesk"
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from crmdesk.bench.import_vcard import child; "
         "child(sys.argv[1], sys.argv[2])", str(source), str(book)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["process_s"] = round(time.perf_counter() - began, 3)
    figures["cards"] = cards
    figures["mb"] = round(source.stat().st_size / 1e6, 1)
    source.unlink()
    return figures
