"""What the record stage passes between its steps: the sentence's context, a
qualifier's role, the draft record and a sentence's result."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from vnextract.core.model import Quantity


@dataclass(slots=True)
class SentenceContext:
    """What the record builder needs to know beyond the sentence itself."""

    published_year: int | None = None
    target_paragraph: bool = False
    period: str | None = None  # period of the paragraph or article, if stated


@dataclass(slots=True)
class Draft:
    """A record before it is placed in its document (offsets into the sentence)."""

    quantity: Quantity
    unit: str
    subject: str
    bound: str = "="
    estimated: bool = False
    kind: str = "actual"
    plan_percent: Decimal | None = None
    change_percent: Decimal | None = None
    per: str | None = None
    period: str | None = None
    rule: str = ""
    topic: str = ""
    # what the change was measured against: 'yoy' (year on year), 'other' or ''
    change_basis: str = ""
    standalone: bool = False  # the figure is itself a change ('CPI tăng 0,45%')
    lead: str = ""  # the low copy of the words before it in its phrase ('buộc tiêu hủy')


class Role(NamedTuple):
    """What a number is in its sentence (see :func:`records.qualifiers.classify`)."""

    # figure | plan | change | points (a change in percentage points) | compare (a multiple
    # of another thing, an absolute change against a base); points and compare have no field
    kind: str
    value: Decimal | None  # the qualifier's normalised value
    end: int  # where the qualifier's phrase ends
    verb: int  # where its verb starts ('tăng', 'đạt'), else the number's start
    basis: str  # for a change: 'yoy', 'other' or ''


@dataclass(slots=True)
class SentenceResult:
    """The drafts of one sentence's records and the numbers that gave none."""

    drafts: list[Draft] = field(default_factory=list)
    # qualifiers that found no figure to qualify, and figures that gave no record
    unattached: list[Quantity] = field(default_factory=list)
