"""Helpers for the database tests: backends to run against and small output folders.

The output folders are written here from Python in the shape OUTPUT.md gives, with
Vietnamese sentences written for these tests (not copied from the seed articles).
The PostgreSQL backend uses $VNEXTRACT_TEST_PG_URL (default below); each test gets
its own PostgreSQL schema (through ``search_path``), dropped afterwards, and the
tests skip with the reason when no server answers (fail, when
$VNEXTRACT_TEST_PG_REQUIRED is set, as in CI).
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from vnextract.output.db.engine import normalise_url

PG_ENV = "VNEXTRACT_TEST_PG_URL"
PG_REQUIRED_ENV = "VNEXTRACT_TEST_PG_REQUIRED"  # CI sets it: no server is a failure, not a skip
PG_DEFAULT = "postgresql+psycopg://postgres@localhost:5432/vnextract_test"


def _pg_base_url() -> tuple[str | None, str]:
    """(URL of a reachable test database, "") or (None, why not); creates the database."""
    url = make_url(normalise_url(os.environ.get(PG_ENV, PG_DEFAULT)))
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": url.database}
            ).scalar()
            if not exists:
                conn.execute(
                    text(f"CREATE DATABASE \"{url.database}\" ENCODING 'UTF8' TEMPLATE template0")
                )
    except Exception as exc:  # any driver error means: no server to test against
        first = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        return None, f"no PostgreSQL server at {url.render_as_string()} ({first}); set {PG_ENV}"
    finally:
        admin.dispose()
    return url.render_as_string(hide_password=False), ""


_PG: tuple[str | None, str] | None = None


def pg_base_url() -> tuple[str | None, str]:
    global _PG
    if _PG is None:
        _PG = _pg_base_url()
    return _PG


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'db' / 'vnextract.db'}"
        return
    base, reason = pg_base_url()
    if base is None and os.environ.get(PG_REQUIRED_ENV):
        pytest.fail(f"{reason} and {PG_REQUIRED_ENV} is set (CI must test PostgreSQL)")
    if base is None:
        pytest.skip(reason)
    name = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    try:
        yield str(make_url(base).update_query_dict({"options": f"-csearch_path={name}"}))
    finally:
        with engine.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
        engine.dispose()


def connect(url: str):
    """A plain engine for checking rows (the loader's own engine is not used for checks)."""
    return create_engine(normalise_url(url))


def rows(url: str, sql: str, **params: Any) -> list[tuple]:
    engine = connect(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params)]
    finally:
        engine.dispose()


def table_dump(url: str, table: str, key: str) -> list[tuple]:
    return rows(url, f"SELECT * FROM {table} ORDER BY {key}")


DATA_TABLES = {
    "documents": "doc_id",
    "sentences": "doc_id, sentence_index",
    "records": "record_id",
    "entities": "entity_id",
    "officials": "official_id",
}


def counts(url: str) -> dict[str, int]:
    return {t: rows(url, f"SELECT COUNT(*) FROM {t}")[0][0] for t in DATA_TABLES}


@dataclass
class Fact:
    """One indicator: in sentence ``sentence``, the number written ``value_text``."""

    sentence: int
    value_text: str
    value: float
    unit: str
    subject: str
    indicator_id: str | None = None
    period: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Doc:
    doc_id: str
    sentences: list[str]
    facts: list[Fact] = field(default_factory=list)
    province: str | None = None
    published: str | None = "2024-01-15"
    title: str | None = None
    # (label, text as written, canonical)
    entities: list[tuple[str, str, str]] = field(default_factory=list)
    # (name, title, agency)
    officials: list[tuple[str, str, str | None]] = field(default_factory=list)
    status: str = "ok"

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    def sentence_start(self, index: int) -> int:
        return sum(len(s) + 1 for s in self.sentences[:index])

    def find(self, written: str, sentence: int | None = None) -> tuple[int, int, int]:
        """(start, end, sentence index) of the first ``written`` (in ``sentence`` if given)."""
        indices = [sentence] if sentence is not None else range(len(self.sentences))
        for i in indices:
            pos = self.sentences[i].find(written)
            if pos != -1:
                start = self.sentence_start(i) + pos
                return start, start + len(written), i
        raise ValueError(f"{written!r} not in {self.doc_id}")


def record_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def output_rows(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """The lines this document contributes to each output file."""
    text = doc.text
    document = {
        "doc_id": doc.doc_id,
        "source": f"corpus/{doc.doc_id}.txt",
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "title": doc.title,
        "published": doc.published,
        "province": doc.province,
        "text": text,
        "status": doc.status,
    }
    records = []
    for fact in doc.facts:
        start, end, i = doc.find(fact.value_text, fact.sentence)
        assert text[start:end] == fact.value_text
        records.append(
            {
                "record_id": record_id(doc.doc_id, start, end),
                "doc_id": doc.doc_id,
                "sentence_index": i,
                "sentence": doc.sentences[i],
                "char_start": start,
                "char_end": end,
                "value": fact.value,
                "value_max": None,
                "value_text": fact.value_text,
                "unit": fact.unit,
                "per": None,
                "total": None,
                "subject": fact.subject,
                "indicator_id": fact.indicator_id,
                "bound": "=",
                "estimated": False,
                "kind": "actual",
                "plan_percent": None,
                "change_percent": None,
                "period": fact.period,
                "province": doc.province,
                "agency": None,
                "rule": "test",
                **fact.extra,
            }
        )
    entities = []
    for label, written, canonical in doc.entities:
        start, end, i = doc.find(written)
        entities.append(
            {
                "doc_id": doc.doc_id,
                "label": label,
                "text": written,
                "canonical": canonical,
                "char_start": start,
                "char_end": end,
                "sentence_index": i,
            }
        )
    officials = []
    for name, title, agency in doc.officials:
        start, end, i = doc.find(name)
        officials.append(
            {
                "doc_id": doc.doc_id,
                "name": name,
                "title": title,
                "agency": agency,
                "char_start": start,
                "char_end": end,
                "sentence_index": i,
            }
        )
    return {
        "documents.jsonl": [document],
        "records.jsonl": records,
        "entities.jsonl": entities,
        "officials.jsonl": officials,
    }


def write_output(out_dir: Path, docs: list[Doc], **doc_fields: Any) -> Path:
    """Write an output folder for ``docs``; ``doc_fields`` are added to every documents line."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files: dict[str, list[dict[str, Any]]] = {
        "documents.jsonl": [],
        "records.jsonl": [],
        "entities.jsonl": [],
        "officials.jsonl": [],
    }
    for doc in docs:
        for name, lines in output_rows(doc).items():
            if name == "documents.jsonl":
                lines = [{**line, **doc_fields} for line in lines]
            files[name].extend(lines)
    for name, lines in files.items():
        body = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        (out_dir / name).write_text(body, encoding="utf-8")
    return out_dir


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


PROVINCES = ["Thanh Hóa", "Đắk Lắk", "Thừa Thiên Huế", "Quảng Ngãi", "Bắc Kạn", "Hà Tĩnh"]


def sample_doc(n: int, *, bump: float = 0.0) -> Doc:
    """Document number ``n`` of a small corpus; ``bump`` changes its figures (a new edition)."""
    province = PROVINCES[n % len(PROVINCES)]
    subscribers = 2957000 + 1000 * n + bump
    written = f"{subscribers:,.0f}".replace(",", ".")  # Vietnamese thousands groups
    return Doc(
        doc_id=f"{n:03d}_baocao",
        province=province,
        title=f"Chuyển đổi số ở {province} năm 2023",
        sentences=[
            f"Năm 2023, toàn tỉnh {province} có {written} thuê bao di động.",
            "Mật độ điện thoại đạt 81,62 máy/100 dân, doanh thu ước đạt 4,67 nghìn tỷ đồng.",
            "Ông Nguyễn Văn Thưởng, Giám đốc Sở Thông tin và Truyền thông, chủ trì hội nghị.",
        ],
        facts=[
            Fact(
                0,
                written,
                float(subscribers),
                "thuê bao",
                "thuê bao di động",
                "mobile_subscribers",
                "2023",
            ),
            Fact(1, "81,62", 81.62, "máy", "mật độ điện thoại", "phone_density", "2023"),
            Fact(1, "4,67", 4.67e12, "VND", "doanh thu", "telecom_revenue", "2023"),
        ],
        entities=[
            ("LOCATION", province, province),
            ("AGENCY", "Sở Thông tin và Truyền thông", f"Sở Thông tin và Truyền thông {province}"),
            ("PERSON", "Nguyễn Văn Thưởng", "Nguyễn Văn Thưởng"),
            ("DATE", "Năm 2023", "2023"),
        ],
        officials=[("Nguyễn Văn Thưởng", "Giám đốc", f"Sở Thông tin và Truyền thông {province}")],
    )
