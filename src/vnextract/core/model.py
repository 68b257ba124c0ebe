"""Plain dataclasses passed between the pipeline stages.

Every mention keeps its raw text and its character offsets into the document's
stored ``text`` (decoded, NFC-normalised, nothing removed), so any value can be
traced back to where it stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Furniture:
    """A stretch of site furniture (counter, caption, footer...) excluded from extraction."""

    start: int
    end: int
    kind: str


@dataclass(slots=True)
class SourceText:
    """A decoded document: its stored text plus what reading learnt about it."""

    text: str
    encoding: str
    is_html: bool = False
    # HTML input: title found in <title>/<h1>, if any
    html_title: str | None = None
    # sha256 of the raw bytes, so re-runs can skip unchanged documents
    sha256: str = ""
    # 1.0 when the bytes prove the encoding (valid UTF-8, a BOM); otherwise the share of
    # non-ASCII words that read as Vietnamese syllables
    encoding_confidence: float | None = None
    # how the encoding was chosen, in one line
    decoding: str = ""
    # bytes that did not decode and were replaced by U+FFFD, with their offsets
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    published: str | None = None
    author: str | None = None
    province: str | None = None
    # offsets of header lines (title, dateline, crawl stamps) so extraction can skip them
    header_spans: list[Furniture] = field(default_factory=list)


@dataclass(slots=True)
class Sentence:
    """One sentence; ``start``/``end`` are offsets into the document text."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    # clause boundaries (offsets into the document) inside the sentence, e.g. at ';'
    clause_breaks: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number mention as parsed from text; offsets are into the string that was parsed."""

    value: Decimal
    value_text: str
    start: int
    end: int
    # end of the whole expression: number plus scale word, '%', currency and '/base'
    expr_end: int
    value_max: Decimal | None = None
    total: Decimal | None = None
    percent: bool = False
    currency: str | None = None  # "VND" when the amount is in đồng
    per: str | None = None  # base of a density or rate: "100 dân", "tháng"
    # the counted noun written between the number and the slash of its base ("máy" in
    # "81,62 máy/100 dân"); the expression then ends after the base
    unit_text: str | None = None
    scale_text: str | None = None
    # a bound written after the number ("10 ha trở lên" is ">="); None when there is none
    bound: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    start: int
    end: int
    iso: str  # 2024-01-04, 2008-04, 2022, 2021/2025; without a year --12-25
    precision: str  # day | month | year | span

    @property
    def dated(self) -> bool:
        """Whether the mention states its year (only such mentions are DATE entities)."""
        return not self.iso.startswith("--")


@dataclass(slots=True)
class Record:
    record_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    char_start: int
    char_end: int
    value: float
    value_text: str
    unit: str
    subject: str
    value_max: float | None = None
    per: str | None = None
    total: float | None = None
    indicator_id: str | None = None
    bound: str = "="
    estimated: bool = False
    kind: str = "actual"
    plan_percent: float | None = None
    change_percent: float | None = None
    period: str | None = None
    province: str | None = None
    agency: str | None = None
    rule: str = ""
    # end of the whole written expression: scale word, %, currency, '/base' ('4.670 tỷ đồng')
    expr_char_end: int | None = None


@dataclass(slots=True)
class Entity:
    doc_id: str
    label: str
    text: str
    canonical: str
    char_start: int
    char_end: int
    sentence_index: int | None
    # LEGAL_DOC only: the issuing date (ISO) and issuer (canonical) when the sentence gives them
    issued: str | None = None
    issuer: str | None = None
    # LOCATION only: the unit holding the place after the 2025 reform ("xã Tân Hiệp, Đà Nẵng"
    # for an old commune, the new province for an old district or province); None when
    # the name is in force or the dataset cannot tell which unit is meant
    successor: str | None = None


@dataclass(slots=True)
class Official:
    doc_id: str
    name: str
    title: str
    agency: str | None
    char_start: int
    char_end: int
    sentence_index: int | None


@dataclass(slots=True)
class DocumentResult:
    """Everything extracted from one input file."""

    doc_id: str
    source: str
    sha256: str
    text: str = ""
    status: str = "ok"
    error: str | None = None
    title: str | None = None
    published: str | None = None
    province: str | None = None
    author: str | None = None
    records: list[Record] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    # places a reviewer should look at: qualifiers that attached to nothing, numbers
    # that gave no record ({kind, text, char_start, char_end, sentence_index})
    review_notes: list[dict] = field(default_factory=list)
    # how the bytes were decoded (see SourceText)
    encoding: str | None = None
    encoding_confidence: float | None = None
    decoding: str | None = None
    decoding_warnings: list[str] = field(default_factory=list)
