"""End to end: the corpus through `vnextract run`, bad inputs, atomic output, exit status."""

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from legacy_samples import cp1258, tcvn3, vni
from vnextract.cli import main
from vnextract.output.files import FILES
from vnextract.run.batch import run

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus_out")
    summary = run([CORPUS], out, entities=False, progress=False)
    assert summary.failed == 0
    return out


def test_pipeline_offsets_point_at_the_mentions(corpus_out):
    texts = {d["doc_id"]: d["text"] for d in read_jsonl(corpus_out / "documents.jsonl")}
    records = read_jsonl(corpus_out / "records.jsonl")
    assert len(records) > 50
    for r in records:
        text = texts[r["doc_id"]]
        assert text[r["char_start"] : r["char_end"]] == r["value_text"], r
        assert r["sentence"] in text
    for e in read_jsonl(corpus_out / "entities.jsonl"):
        assert texts[e["doc_id"]][e["char_start"] : e["char_end"]] == e["text"], e


def test_pipeline_every_corpus_file_is_a_document(corpus_out):
    docs = read_jsonl(corpus_out / "documents.jsonl")
    sources = sorted(p for p in CORPUS.iterdir() if p.suffix in {".txt", ".html"})
    assert [d["doc_id"] for d in docs] == [p.stem for p in sources]
    assert all(d["status"] == "ok" for d in docs)
    assert all(len(d["sha256"]) == 64 for d in docs)


def test_pipeline_record_ids_are_stable(corpus_out, tmp_path):
    again = tmp_path / "again"
    run([CORPUS], again, entities=False, progress=False)
    first = [r["record_id"] for r in read_jsonl(corpus_out / "records.jsonl")]
    second = [r["record_id"] for r in read_jsonl(again / "records.jsonl")]
    assert first == second
    assert len(set(first)) == len(first)


def test_pipeline_csv_matches_jsonl(corpus_out):
    import pandas as pd

    frame = pd.read_csv(corpus_out / "records.csv")
    records = read_jsonl(corpus_out / "records.jsonl")
    assert len(frame) == len(records)
    assert frame["value"].tolist() == [r["value"] for r in records]


VIETNAMESE = "Toàn tỉnh có 1.250 thuê bao mới, tăng 8% so với cùng kỳ.\n"

BAD_INPUTS = [
    ("empty.txt", b"", "error", "empty"),
    ("binary.txt", b"\x00\x01\x02\xff" * 200, "error", "binary"),
    # legacy encodings are detected and decoded (the sample sentence, written their way)
    ("cp1258.txt", cp1258(VIETNAMESE), "ok", None),
    ("tcvn3.txt", tcvn3(VIETNAMESE), "ok", None),
    ("vni.txt", vni(VIETNAMESE), "ok", None),
    # a stray byte in UTF-8 is replaced, with a warning, and the article goes on
    ("stray.txt", VIETNAMESE.encode().replace(b",", b",\xff", 1), "ok", None),
    ("latin1.txt", "Café: 1.250 thuê bao".encode("latin-1", "replace"), "error", "UTF-8"),
    ("truncated.txt", VIETNAMESE.encode("utf-8")[:-2] + "ố".encode()[:1], "error", "UTF-8"),
    ("utf16.txt", VIETNAMESE.encode("utf-16"), "ok", None),
    ("bom.txt", b"\xef\xbb\xbf" + VIETNAMESE.encode("utf-8"), "ok", None),
    (
        "page.html",
        f"<html><body><script>var x=99;</script><p>{VIETNAMESE}</p></body></html>".encode(),
        "ok",
        None,
    ),
    (
        "page.txt",
        f"<html><body><script>var x=99;</script><p>{VIETNAMESE}</p></body></html>".encode(),
        "ok",
        None,
    ),
]


@pytest.mark.parametrize(("name", "data", "status", "says"), BAD_INPUTS)
def test_pipeline_bad_inputs_give_their_outcome(tmp_path, name, data, status, says):
    src = tmp_path / "in"
    src.mkdir()
    (src / name).write_bytes(data)
    (src / "good.txt").write_text(VIETNAMESE, encoding="utf-8")
    out = tmp_path / "out"
    summary = run([src], out, entities=False, progress=False)
    docs = {d["doc_id"]: d for d in read_jsonl(out / "documents.jsonl")}
    doc = docs[Path(name).stem]
    assert doc["status"] == status
    assert docs["good"]["status"] == "ok"  # the rest of the batch goes on
    if says:
        assert says.lower() in doc["error"].lower()
        assert name in doc["error"]
        assert "\n" not in doc["error"]
        assert summary.failed == 1
    else:
        records = [r for r in read_jsonl(out / "records.jsonl") if r["doc_id"] == Path(name).stem]
        assert [r["value_text"] for r in records] == ["1.250"]
        assert records[0]["change_percent"] == 8


def test_pipeline_nfd_input_is_stored_as_nfc(tmp_path):

    (tmp_path / "nfd.txt").write_text(unicodedata.normalize("NFD", VIETNAMESE), encoding="utf-8")
    run([tmp_path / "nfd.txt"], tmp_path / "out", entities=False, progress=False)
    doc = read_jsonl(tmp_path / "out" / "documents.jsonl")[0]
    assert unicodedata.is_normalized("NFC", doc["text"])
    assert read_jsonl(tmp_path / "out" / "records.jsonl")[0]["value"] == 1250


def test_pipeline_large_single_line_file(tmp_path):
    # about 5 MB (UTF-8 bytes) with no newline: read, split and scanned; its one figure is found
    line = "Ban biên tập giới thiệu bản tin thường kỳ của tỉnh. " * 90_000
    line += "Toàn tỉnh có 4.120 thuê bao mới."
    (tmp_path / "big.txt").write_text(line, encoding="utf-8")
    summary = run([tmp_path / "big.txt"], tmp_path / "out", entities=False, progress=False)
    assert summary.failed == 0
    assert summary.characters > 4_500_000
    records = read_jsonl(tmp_path / "out" / "records.jsonl")
    assert [r["value_text"] for r in records] == ["4.120"]


def test_pipeline_interrupted_run_keeps_previous_outputs(tmp_path, monkeypatch):
    out = tmp_path / "out"
    run([CORPUS / "101_quangbinh_vienthong.txt"], out, entities=False, progress=False)
    before = {name: (out / name).read_bytes() for name in FILES}

    from vnextract import pipeline

    calls = {"n": 0}
    original = pipeline.Extractor.process_file

    def explode(self, path, doc_id=None):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return original(self, path, doc_id)

    monkeypatch.setattr(pipeline.Extractor, "process_file", explode)
    with pytest.raises(KeyboardInterrupt):
        run([CORPUS], out, entities=False, progress=False)
    assert {name: (out / name).read_bytes() for name in FILES} == before
    assert not [p for p in out.iterdir() if p.name.startswith(".vnextract-")]


def test_pipeline_cli_exit_status(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(VIETNAMESE, encoding="utf-8")
    assert (
        main(
            [
                "run",
                str(tmp_path / "good.txt"),
                "--out",
                str(tmp_path / "o"),
                "--quiet",
                "--no-entities",
            ]
        )
        == 0
    )
    assert "1 documents ok, 0 failed" in capsys.readouterr().out
    (tmp_path / "bad.txt").write_bytes(b"")
    assert (
        main(["run", str(tmp_path), "--out", str(tmp_path / "o2"), "--quiet", "--no-entities"]) == 1
    )
    captured = capsys.readouterr()
    assert "bad.txt" in captured.err and "1 failed" in captured.out


def test_pipeline_cli_missing_path_is_one_clear_line(tmp_path):
    (tmp_path / "good.txt").write_text(VIETNAMESE, encoding="utf-8")
    missing = tmp_path / "nope.txt"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "vnextract.cli",
            "run",
            str(missing),
            str(tmp_path / "good.txt"),
            "--out",
            str(tmp_path / "out"),
            "--quiet",
            "--no-entities",
            "--workers",
            "1",
        ],
        capture_output=True,
        text=True,
    )
    # a path that does not exist is a usage error, found before anything is written
    assert proc.returncode == 2
    assert proc.stderr == (
        f"error: {missing}: no such file or folder. Check the path; nothing was written.\n"
    )
    assert not (tmp_path / "out").exists()


def test_pipeline_unexpected_failure_costs_one_document(tmp_path, monkeypatch):
    from vnextract import pipeline

    (tmp_path / "a.txt").write_text(VIETNAMESE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(VIETNAMESE.replace("1.250", "2.500"), encoding="utf-8")
    original = pipeline.Extractor.process_text

    def flaky(self, text, doc_id, *args, **kwargs):
        if doc_id == "a":
            raise ValueError("boom")
        return original(self, text, doc_id, *args, **kwargs)

    monkeypatch.setattr(pipeline.Extractor, "process_text", flaky)
    summary = run([tmp_path], tmp_path / "out", entities=False, progress=False)
    docs = {d["doc_id"]: d for d in read_jsonl(tmp_path / "out" / "documents.jsonl")}
    assert summary.failed == 1
    assert docs["a"]["status"] == "error" and "ValueError: boom" in docs["a"]["error"]
    assert "a.txt" in docs["a"]["error"]
    assert docs["b"]["status"] == "ok"


def test_pipeline_reads_number_words_and_skips_list_numbers(tmp_path):
    # list numbers opening a line are not figures; a figure written in words is one,
    # also in a sentence that holds no digit at all
    text = (
        "Báo cáo của huyện Tân Phú\n\n1. Lĩnh vực nông nghiệp\n"
        "Huyện có hai mươi mốt xã đạt chuẩn nông thôn mới.\n"
        "(2) Về y tế\nToàn huyện có 14 trạm y tế.\n"
    )
    (tmp_path / "words.txt").write_text(text, encoding="utf-8")
    run([tmp_path / "words.txt"], tmp_path / "out", entities=False, progress=False)
    records = read_jsonl(tmp_path / "out" / "records.jsonl")
    assert [(r["value_text"], r["value"], r["unit"]) for r in records] == [
        ("hai mươi mốt", 21, "xã"),
        ("14", 14, "trạm"),
    ]


DECODINGS = [
    ("utf8.txt", VIETNAMESE.encode(), "utf-8", 1.0, "valid UTF-8", 0),
    ("cp1258.txt", cp1258(VIETNAMESE), "cp1258", 1.0, "detected", 0),
    ("tcvn3.txt", tcvn3(VIETNAMESE), "tcvn3", 1.0, "detected", 0),
    ("vni.txt", vni(VIETNAMESE), "vni", 1.0, "detected", 0),
    ("stray.txt", VIETNAMESE.encode().replace(b",", b",\xff", 1), "utf-8", 1.0, "UTF-8", 1),
    (
        "meta.html",
        cp1258(f'<meta charset="windows-1258"><p>{VIETNAMESE}</p>'),
        "cp1258",
        1.0,
        "declared in the page",
        0,
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "encoding", "confidence", "how", "warnings"),
    DECODINGS,
    ids=[row[0] for row in DECODINGS],
)
def test_pipeline_documents_record_decoding(
    tmp_path, name, data, encoding, confidence, how, warnings
):
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "out"
    run([path], out, entities=False, progress=False)
    (doc,) = read_jsonl(out / "documents.jsonl")
    assert doc["status"] == "ok"
    assert (doc["encoding"], doc["encoding_confidence"]) == (encoding, confidence)
    assert doc["decoding"].startswith(how)
    assert len(doc["decoding_warnings"]) == warnings
    assert VIETNAMESE.strip().replace(",", "," + "\ufffd" * warnings, 1) in doc["text"]


@pytest.mark.parametrize(
    ("flag", "data", "code", "says"),
    [
        ("vni", vni(VIETNAMESE), 0, None),
        ("TCVN3", tcvn3(VIETNAMESE), 0, None),
        ("windows-1258", cp1258(VIETNAMESE), 0, None),
        ("klingon", VIETNAMESE.encode(), 2, "unknown encoding 'klingon'"),
    ],
    ids=["vni", "tcvn3", "cp1258", "unknown"],
)
def test_pipeline_cli_encoding_option_forces_decoding(tmp_path, capsys, flag, data, code, says):
    path = tmp_path / "bai.txt"
    path.write_bytes(data)
    out = tmp_path / "out"
    argv = ["run", str(path), "--out", str(out), "--no-entities", "--quiet", "--workers", "1"]
    if code == 2:
        with pytest.raises(SystemExit) as info:
            main([*argv, "--encoding", flag])
        assert info.value.code == 2
        assert says in capsys.readouterr().err
        assert not out.exists()
        return
    assert main([*argv, "--encoding", flag]) == code
    (doc,) = read_jsonl(out / "documents.jsonl")
    assert doc["decoding"] == "forced (--encoding)"
    assert doc["text"] == VIETNAMESE
