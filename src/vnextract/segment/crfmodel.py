"""A CRFsuite model read into arrays, and Viterbi decoding over them.

underthesea keeps its word segmentation model in CRFsuite's binary format and
tags with it in Rust, one feature string at a time. Read once into a weight
table, the same model scores a token by adding rows: :mod:`vnextract.segment.scores`
uses that to score whole syllables and n-grams from a cache. Sums in another
order may round differently in the last bit, so :func:`viterbi2` declines to
choose between paths closer than a margin and the caller asks underthesea's
tagger instead.

The layout (CRFsuite's ``crf1d_model.c``): a 48-byte header, a ``FEAT`` chunk
of (type, source, destination, weight) records, then the label and attribute
names in two ``CQDB`` chunks, each with an array from id to record.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")  # id, size, number of records
_CQDB = struct.Struct("<4sIIIII")  # id, size, flag, byte order, ids, offset of the id array
_RECORD = struct.Struct("<iI")  # id, key size (with its NUL)
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


@dataclass(frozen=True)
class CRFWeights:
    """The weights of a linear-chain CRF."""

    labels: list[str]
    # attribute string -> row of ``state``
    attributes: dict[str, int]
    # (attributes, labels): what each attribute adds to each label's score
    state: np.ndarray
    # (labels, labels): what going from one label (row) to the next (column) adds
    transitions: np.ndarray
    # how many (attribute, label) and (label, label) weights the file holds
    state_features: int
    transition_features: int


def read_crfsuite(path: Path) -> CRFWeights:
    """The weights of a CRFsuite model file; ValueError if it is not one, or not whole."""
    try:
        return _read(path, path.read_bytes())
    except (struct.error, IndexError) as exc:  # an offset pointing outside the file
        raise ValueError(f"{path.name}: not a CRFsuite model file readable here ({exc})") from exc


def _read(path: Path, data: bytes) -> CRFWeights:
    def need(ok: bool, what: str) -> None:
        if not ok:
            raise ValueError(f"{path.name}: not a CRFsuite model file readable here ({what})")

    need(len(data) >= _HEADER.size, "too short")
    magic, size, kind, version, _, n_labels, n_attrs, off_feat, off_labels, off_attrs, *_ = (
        _HEADER.unpack_from(data)
    )
    need(magic == b"lCRF" and kind == b"FOMC" and version == 100, "header")
    need(size == len(data), "size")
    chunk, chunk_size, n_features = _CHUNK.unpack_from(data, off_feat)
    need(chunk == b"FEAT" and chunk_size == _CHUNK.size + n_features * _FEATURE.itemsize, "FEAT")
    features = np.frombuffer(data, _FEATURE, n_features, off_feat + _CHUNK.size)
    labels = _names(data, off_labels, n_labels, need)
    attributes = _names(data, off_attrs, n_attrs, need)
    state_rows = features[features["type"] == _STATE]
    moves = features[features["type"] == _TRANSITION]
    need(len(state_rows) + len(moves) == n_features, "feature types")
    need(bool((state_rows["src"] < n_attrs).all() and (state_rows["dst"] < n_labels).all()), "ids")
    need(bool((moves["src"] < n_labels).all() and (moves["dst"] < n_labels).all()), "ids")
    state = np.zeros((n_attrs, n_labels))
    np.add.at(state, (state_rows["src"], state_rows["dst"]), state_rows["weight"])
    transitions = np.zeros((n_labels, n_labels))
    np.add.at(transitions, (moves["src"], moves["dst"]), moves["weight"])
    ids = {name: i for i, name in enumerate(attributes)}
    return CRFWeights(labels, ids, state, transitions, len(state_rows), len(moves))


def _names(data: bytes, offset: int, count: int, need) -> list[str]:
    """The strings of a CQDB chunk, by id."""
    chunk, size, _, _, n_ids, ids_at = _CQDB.unpack_from(data, offset)
    need(chunk == b"CQDB" and n_ids == count and offset + size <= len(data), "CQDB")
    names = []
    for i, at in enumerate(struct.unpack_from(f"<{count}I", data, offset + ids_at)):
        record_id, key_size = _RECORD.unpack_from(data, offset + at)
        start = offset + at + _RECORD.size
        need(record_id == i and key_size > 0 and data[start + key_size - 1] == 0, "record")
        names.append(data[start : start + key_size - 1].decode("utf-8"))
    need(len(set(names)) == count, "duplicate names")
    return names


def viterbi2(
    first: list[float], second: list[float], transitions: np.ndarray, margin: float
) -> list[int] | None:
    """The best sequence of two labels (0, 1) given each token's score for each, or None
    if it is not clear by ``margin``: some choice on it (a label's best predecessor, or
    the last label) beat the other by less than that. Two labels only, written out:
    this runs once per sentence."""
    (t00, t01), (t10, t11) = transitions.tolist()
    a, b = first[0], second[0]  # best scores of paths ending in label 0, in label 1
    back: list[tuple[int, int]] = []  # best predecessor of 0 and of 1; -1: too close
    for x0, x1 in zip(first[1:], second[1:], strict=True):
        u, v = a + t00, b + t10
        p0 = -1 if abs(u - v) < margin else (0 if u > v else 1)
        a_next = (u if u > v else v) + x0
        u, v = a + t01, b + t11
        p1 = -1 if abs(u - v) < margin else (0 if u > v else 1)
        b = (u if u > v else v) + x1
        a = a_next
        back.append((p0, p1))
    if abs(a - b) < margin:
        return None
    label = 0 if a > b else 1
    path = [label]
    for pointers in reversed(back):
        label = pointers[label]
        if label < 0:
            return None
        path.append(label)
    path.reverse()
    return path
