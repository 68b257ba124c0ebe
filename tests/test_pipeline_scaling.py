"""Repeated text and long documents: memory bounded, time linear in the length.

The article below is written for these tests (none of its sentences comes from
../shared). Speed itself is measured by benchmarks/bench_scaling.py; the one test
here that times anything compares two sizes inside one run.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time

import pytest

from vnextract.pipeline import Extractor
from vnextract.segment.sentences import MAX_SENTENCE_CHARS

ARTICLE = [
    "Quảng Trị: mạng cáp quang phủ tới các thôn vùng cao",
    "Thứ hai, 08/04/2024 09:30 (GMT+7)",
    "Lượt xem: 1.532",
    "Theo Sở Thông tin và Truyền thông Quảng Trị, năm 2023 toàn tỉnh có 1.420 trạm BTS, "
    "trong đó 980 trạm 4G. Huyện Hướng Hóa có 214 trạm. Huyện Đakrông có 131 trạm.",
    "Số thuê bao băng rộng cố định đạt 86.300 thuê bao, tăng 9,2% so với cùng kỳ. "
    "Tỷ lệ hộ gia đình có cáp quang đạt 71,5%.",
    "Năm 2024, tỉnh phấn đấu có thêm 150 trạm 5G.",
]


def one_line(copies: int) -> str:
    """The article's text repeated ``copies`` times on one line, as some scrapers save it."""
    return " ".join([" ".join(ARTICLE)] * copies) + "\n"


@pytest.fixture(scope="module")
def plain() -> Extractor:
    return Extractor(entities=False)


@pytest.fixture(scope="module")
def tagged() -> Extractor:
    return Extractor(entities=True)


REPEATED = [
    (
        "Tỉnh có 10 trạm BTS mới. Huyện A có 20 trạm. Tỉnh có 10 trạm BTS mới. Huyện C có 30 trạm.",
        [
            ("10", "Tỉnh có 10 trạm BTS mới."),
            ("20", "Huyện A có 20 trạm."),
            ("10", "Tỉnh có 10 trạm BTS mới."),
            ("30", "Huyện C có 30 trạm."),
        ],
    ),
    (
        "Xã Đông có 6 điểm wifi. Xã Đông có 6 điểm wifi. Xã Tây có 4 điểm wifi.",
        [
            ("6", "Xã Đông có 6 điểm wifi."),
            ("6", "Xã Đông có 6 điểm wifi."),
            ("4", "Xã Tây có 4 điểm wifi."),
        ],
    ),
]


@pytest.mark.parametrize(("line", "expected"), REPEATED)
def test_pipeline_repeated_sentence_record_carries_its_own_sentence(plain, line, expected):
    result = plain.process_text(line + "\n", "rep")
    assert [(r.value_text, r.sentence) for r in result.records] == expected
    for r in result.records:
        assert line[r.char_start : r.char_end] == r.value_text
    assert len({r.record_id for r in result.records}) == len(expected)


def test_pipeline_article_repeated_on_one_line_gives_each_record_once_per_copy(tagged):
    single = tagged.process_text(one_line(1), "one")
    many = tagged.process_text(one_line(24), "many")
    assert many.status == single.status == "ok"
    # seven figures; 'Lượt xem: 1.532' is furniture even inside the one long line
    assert [r.value_text for r in single.records] == [
        "1.420",
        "980",
        "214",
        "131",
        "86.300",
        "71,5",
        "150",
    ]
    assert len(many.records) == 24 * len(single.records)
    longest = max(len(r.sentence) for r in single.records)
    assert max(len(r.sentence) for r in many.records) == longest
    # records.jsonl grows with the input, not with its square
    assert sum(len(r.sentence) for r in many.records) == 24 * sum(
        len(r.sentence) for r in single.records
    )
    assert len(many.entities) == 24 * len(single.entities)


# a fresh interpreter under a data-segment limit: a run that needs more is refused memory
_LIMITED = """
import resource, sys
limit = int(sys.argv[1]) * 2**20
resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
from vnextract.cli import main
status = main(sys.argv[2:])
# --workers 1 extracts in this process: its own peak is the run's. VmHWM, not ru_maxrss,
# which keeps the peak of the forking test process across exec
status_lines = open("/proc/self/status").read().splitlines()
print("peak_kb", next(int(ln.split()[1]) for ln in status_lines if ln.startswith("VmHWM")))
sys.exit(status)
"""


def test_pipeline_repeated_article_400kb_runs_in_500mb(tmp_path):
    path = tmp_path / "repeated.txt"
    text = one_line(1)
    path.write_text(one_line(400_000 // len(text.encode())), encoding="utf-8")
    assert path.stat().st_size > 390_000
    out = tmp_path / "out"
    args = ["500", "run", str(path), "--out", str(out), "--workers", "1", "--quiet"]
    args.append("--no-entities")
    done = subprocess.run(
        [sys.executable, "-c", _LIMITED, *args], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (out / "records.jsonl").stat().st_size < 20 * path.stat().st_size
    doc = json.loads((out / "documents.jsonl").read_text(encoding="utf-8"))
    assert doc["status"] == "ok"
    peak_kb = int(done.stdout.split("peak_kb")[-1])
    assert peak_kb < 500 * 1024


def test_pipeline_long_paragraph_with_entities_is_no_spacy_error(tagged, monkeypatch):
    # spaCy refuses a Doc longer than nlp.max_length (E088); a paragraph with no full stop
    # used to be one sentence of any length. Lowered here so that the case stays small.
    assert tagged._nlp.max_length > MAX_SENTENCE_CHARS
    monkeypatch.setattr(tagged._nlp, "max_length", 400)
    paragraph = ", ".join(f"thôn số {i} có {10 + i} hộ dùng cáp quang" for i in range(100))
    result = tagged.process_text(f"Sở Thông tin và Truyền thông cho biết {paragraph}\n", "long")
    assert result.status == "ok", result.error
    values = {r.value_text for r in result.records if r.unit == "hộ"}
    assert values == {str(10 + i) for i in range(100)}
    assert all(len(r.sentence) <= 400 for r in result.records)


def _document(size: int, seed: int) -> str:
    """About ``size`` characters of distinct-ish article text, with a counter line and a
    caption after each paragraph (the furniture every stage has to step around)."""
    rng = random.Random(seed)
    places = ["Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "Tân", "Phú", "An"]
    parts = ["Tin tức: hạ tầng số ở các xã", "Thứ ba, 09/04/2024 10:00 (GMT+7)"]
    length = 0
    while length < size:
        a, b = rng.choice(places), rng.choice(places)
        paragraph = (
            f"Xã {a} {b} có {rng.randint(2, 9999)} hộ dùng cáp quang, tăng "
            f"{rng.randint(1, 99)},{rng.randint(1, 9)}% so với cùng kỳ. "
            f"Thôn {b} có {rng.randint(2, 999)} điểm phát wifi miễn phí."
        )
        parts += [paragraph, f"Lượt xem: {rng.randint(1, 99999)}", f"Ảnh: {a} {b}"]
        length += len(paragraph) + 40
    return "\n".join(parts) + "\n"


def test_pipeline_time_grows_linearly_with_length(plain):
    # 10x the text may take 10x the time, not 100x; the bound leaves room for a busy
    # machine (benchmarks/bench_scaling.py measures 2 MB against 20 MB)
    large = _document(1_000_000, 2)
    plain.process_text(_document(20_000, 3), "warm")

    def seconds(text: str) -> float:
        started = time.perf_counter()
        result = plain.process_text(text, "timed")
        assert result.status == "ok" and result.records
        return time.perf_counter() - started

    # two different small texts: the same one again would be answered by the per-line and
    # per-sentence memos
    small_s = min(seconds(_document(100_000, seed)) for seed in (1, 4))
    large_s = seconds(large)
    assert large_s / small_s < 20, (small_s, large_s)
