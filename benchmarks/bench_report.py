"""How fast does the review report open for a large run? (issue #4: under 3 s for 1,000 docs)

Writes a synthetic output folder (``--docs`` documents of Vietnamese sentences made from
templates below, ~12 records and ~20 entities each), builds the report, then opens the
index, the all-records page, the charts page and the largest document page in headless
Chromium, timing each from navigation to the page's ready mark (its script has run and
the all-records table is drawn).

    .venv/bin/python benchmarks/bench_report.py --docs 1000 --max-seconds 3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from vnextract.output.report import write_report
from vnextract.output.report.browser import LAUNCH_ARGS, find_chromium

PROVINCES = ["Sơn La", "Lào Cai", "Nghệ An", "Quảng Trị", "Bình Định", "Đắk Lắk", "Cà Mau",
             "Hà Giang", "Thái Bình", "Kon Tum", "Bến Tre", "Lâm Đồng"]  # fmt: skip
# (sentence with {n} for the number, value_text maker, unit, subject, indicator)
TEMPLATES = [
    ("Toàn tỉnh có {n} trạm phát sóng di động đang hoạt động.", "trạm", "trạm phát sóng", "bts"),
    ("Số thuê bao băng rộng cố định đạt {n} thuê bao.", "thuê bao", "thuê bao băng rộng", "fbb"),
    ("Tỷ lệ hồ sơ nộp trực tuyến đạt {n}%, cao hơn năm trước.", "%", "Tỷ lệ hồ sơ", "online"),
    ("Có {n} xã đã phủ sóng cáp quang đến thôn bản.", "xã", "xã đã phủ sóng", "fiber_communes"),
    ("Doanh thu dịch vụ bưu chính ước đạt {n} tỷ đồng.", "VND", "Doanh thu bưu chính", "post"),
    ("Đã cấp {n} chứng thư số cho cán bộ, công chức.", "chứng thư số", "chứng thư số", "certs"),
    ("Đã đào tạo {n} lượt người về kỹ năng số cơ bản.", "lượt người", "", None),
]
FILLER = [
    "Lãnh đạo Sở đề nghị các đơn vị tiếp tục rà soát hạ tầng.",
    "Hội nghị diễn ra tại hội trường Ủy ban nhân dân tỉnh.",
    "Các huyện vùng cao còn gặp nhiều khó khăn về đường truyền.",
    "Người dân được hướng dẫn cài đặt ứng dụng trên điện thoại.",
]


def _number(rng: random.Random, unit: str) -> tuple[str, float]:
    if unit == "%":
        whole, frac = rng.randint(40, 99), rng.randint(0, 99)
        return f"{whole},{frac:02d}", whole + frac / 100
    n = rng.randint(10, 2_500_000)
    return f"{n:,}".replace(",", "."), float(n)


def make_corpus_output(out_dir: Path, docs: int, seed: int = 4) -> None:
    """Write documents/records/entities.jsonl for ``docs`` synthetic documents."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    with (
        (out_dir / "documents.jsonl").open("w", encoding="utf-8") as fd,
        (out_dir / "records.jsonl").open("w", encoding="utf-8") as fr,
        (out_dir / "entities.jsonl").open("w", encoding="utf-8") as fe,
    ):
        for i in range(docs):
            doc_id = f"bench_{i:05d}"
            province = rng.choice(PROVINCES)
            if i % 97 == 0:
                fd.write(json.dumps({"doc_id": doc_id, "source": f"{doc_id}.txt", "title": None,
                                     "published": None, "province": None, "text": "",
                                     "status": "error", "sha256": "",
                                     "error": f"{doc_id}.txt: binary data, not text."},
                                    ensure_ascii=False) + "\n")  # fmt: skip
                continue
            title = f"{province} đẩy mạnh chuyển đổi số năm {2020 + i % 5}"
            parts, pos = [title + "\n"], len(title) + 1
            period = str(2020 + rng.randint(0, 4))
            for s in range(rng.randint(14, 22)):
                if s % 3 == 2:
                    sentence = rng.choice(FILLER)
                    agency = "Ủy ban nhân dân tỉnh"
                    if agency in sentence:
                        a = pos + sentence.index(agency)
                        fe.write(json.dumps({"doc_id": doc_id, "label": "AGENCY", "text": agency,
                                             "canonical": f"{agency} {province}", "char_start": a,
                                             "char_end": a + len(agency), "sentence_index": s},
                                            ensure_ascii=False) + "\n")  # fmt: skip
                else:
                    pattern, unit, subject, indicator = rng.choice(TEMPLATES)
                    value_text, value = _number(rng, unit)
                    sentence = f"Tại {province}, " + pattern.replace("{n}", value_text)
                    start = pos + sentence.index(value_text)
                    end = start + len(value_text)
                    loc = pos + len("Tại ")
                    fe.write(json.dumps({"doc_id": doc_id, "label": "LOCATION", "text": province,
                                         "canonical": province, "char_start": loc,
                                         "char_end": loc + len(province), "sentence_index": s},
                                        ensure_ascii=False) + "\n")  # fmt: skip
                    rid = hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]
                    fr.write(json.dumps({
                        "record_id": rid, "doc_id": doc_id, "sentence_index": s,
                        "sentence": sentence, "char_start": start, "char_end": end,
                        "value": value, "value_max": None, "value_text": value_text,
                        "unit": unit, "per": None, "total": None, "subject": subject,
                        "indicator_id": indicator, "bound": "=", "estimated": False,
                        "kind": "actual", "plan_percent": None, "change_percent": None,
                        "period": period, "province": province, "agency": None,
                        "rule": "bench"}, ensure_ascii=False) + "\n")  # fmt: skip
                parts.append(sentence + " ")
                pos += len(sentence) + 1
            text = "".join(parts)
            fd.write(json.dumps({"doc_id": doc_id, "source": f"{doc_id}.txt", "title": title,
                                 "published": f"{period}-0{1 + i % 9}-1{i % 10}",
                                 "province": province, "text": text, "status": "ok",
                                 "error": None, "sha256": hashlib.sha1(text.encode()).hexdigest()},
                                ensure_ascii=False) + "\n")  # fmt: skip


def open_times(report: Path, chromium: str) -> dict[str, float]:
    """Seconds from navigation to the ready mark, per page, in a fresh headless Chromium."""
    from playwright.sync_api import sync_playwright

    docs = sorted((report / "docs").glob("*.html"), key=lambda p: p.stat().st_size)
    pages = {
        "index.html": report / "index.html",
        "records.html": report / "records.html",
        "charts.html": report / "charts.html",
        f"docs/{docs[-1].name} (largest)": docs[-1],
    }
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=chromium,
            headless=True,
            args=LAUNCH_ARGS,
        )
        for name, path in pages.items():
            page = context.new_page()
            start = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_function("document.documentElement.dataset.ready === '1'")
            times[name] = time.perf_counter() - start
            page.close()
        context.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--chromium", default=find_chromium())
    parser.add_argument("--keep", type=Path, help="write the output folder here and keep it")
    parser.add_argument("--max-seconds", type=float, help="exit 1 if a page opens slower")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp) / "output"
        make_corpus_output(out, args.docs)
        records = sum(1 for _ in (out / "records.jsonl").open(encoding="utf-8"))
        start = time.perf_counter()
        index = write_report(out)
        build = time.perf_counter() - start
        size = sum(p.stat().st_size for p in index.parent.rglob("*.html"))
        print(f"{args.docs} documents, {records} records: report built in {build:.2f} s, "
              f"{size / 1e6:.1f} MB of HTML")  # fmt: skip
        times = open_times(index.parent, args.chromium)
    for name, seconds in times.items():
        print(f"  open {name:<40} {seconds:6.3f} s")
    worst = max(times.values())
    print(f"slowest page opens in {worst:.3f} s")
    if args.max_seconds is not None and worst > args.max_seconds:
        print(f"slower than {args.max_seconds} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
