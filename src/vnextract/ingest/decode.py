"""Read one article file into its stored text: decoded, NFC, ``\\n`` line endings.

The bytes decide, not the file's name: UTF-8 and BOM'd UTF-16 are read as such; UTF-8
with a stray bad byte or NUL keeps going with the byte replaced and a warning giving its
offset; anything else is decoded every way that could fit (an HTML page's declared
charset, the code pages charset-normalizer proposes, Windows-1258, TCVN3 and VNI from
``rules/encodings.yml``), and the decoding under which the words read as Vietnamese
syllables wins. ``encoding=`` forces a decoding. HTML is recognised by its content, so
a page saved as ``.txt`` or without an extension is still read as a page.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from vnextract.core.errors import DocumentError, Errors
from vnextract.core.model import SourceText
from vnextract.ingest.html import declared_charset, html_to_text, looks_like_html
from vnextract.ingest.legacy import Legacy, default_legacy

TEXT_SUFFIXES = frozenset({".txt", ""})
HTML_SUFFIXES = frozenset({".html", ".htm"})

# control characters that never occur in text (tab, newlines and form feed do)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# share of control characters above which decoded bytes are taken for binary data
_MAX_CONTROL_SHARE = 0.02
# characters of ordinary prose (and the combining tone marks Windows-1258 writes); the
# rest (symbols, controls, U+FFFD) suggest binary data
_USUAL = re.compile(r"[\w\s.,;:!?()\[\]\"'/%&@#+*=<>“”‘’–—…\u0300-\u036f-]")
_MIN_USUAL_SHARE = 0.85
# candidates are judged on the file's beginning (some 10,000 words): enough to tell
# them apart, and the cost does not grow with the file
_SCORE_BYTES = 64 * 1024
# code pages charset-normalizer proposes that are tried beside Windows-1258
_PROPOSALS = 3
# good non-ASCII UTF-8 characters per bad byte for the bytes to count as UTF-8 (a legacy
# code page almost never forms a valid UTF-8 sequence)
_GOOD_PER_BAD = 2
# offsets of bad bytes shown in a warning; the rest are counted
_SHOWN_OFFSETS = 5


@dataclass(slots=True)
class Decoding:
    """Decoded text and how: codec, confidence, a one-line note, warnings."""

    text: str
    encoding: str
    confidence: float | None
    note: str
    warnings: list[str] = field(default_factory=list)


_RECORDING = threading.local()


def _record_bad(exc: UnicodeDecodeError) -> tuple[str, int]:
    offsets = _RECORDING.offsets
    if len(offsets) >= _RECORDING.limit:
        raise exc  # more than wanted: stop rather than call back once per legacy byte
    offsets.append((exc.start, exc.object[exc.start]))
    return "\ufffd", exc.end


codecs.register_error("vnextract.record", _record_bad)


def _decode_recording(
    data: bytes, codec: str, limit: int | None = None
) -> tuple[str, list[tuple[int, int]]]:
    """Decode with bad bytes replaced by U+FFFD; also return (offset, byte) of each.

    Raises:
        UnicodeDecodeError: more than ``limit`` bad bytes.
    """
    _RECORDING.offsets = []
    _RECORDING.limit = len(data) if limit is None else limit
    try:
        return data.decode(codec, errors="vnextract.record"), _RECORDING.offsets
    finally:
        _RECORDING.offsets = []


def _bad_bytes_warning(bad: list[tuple[int, int]], what: str) -> str:
    shown = ", ".join(f"0x{b:02X} at offset {pos}" for pos, b in bad[:_SHOWN_OFFSETS])
    more = f" and {len(bad) - _SHOWN_OFFSETS} more" if len(bad) > _SHOWN_OFFSETS else ""
    return f"{len(bad)} byte(s) not valid {what} replaced by U+FFFD: {shown}{more}"


def _looks_like_text(text: str) -> bool:
    """True when nearly all characters are letters, digits, spaces or usual punctuation."""
    if not text:
        return True
    usual = len(_USUAL.findall(text))
    return usual >= len(text) * _MIN_USUAL_SHARE


def _check_text(path: Path, text: str) -> None:
    """Refuse decoded text that is mostly control characters (a binary file that decoded)."""
    if not text.strip():
        raise DocumentError(Errors.E007.format(path=path))
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) * _MAX_CONTROL_SHARE):
        reason = f"{controls} control characters in {len(text)}"
        raise DocumentError(Errors.E004.format(path=path, reason=reason))


def decode_bytes(
    data: bytes,
    path: Path | str = "<bytes>",
    *,
    encoding: str | None = None,
    declared: str | None = None,
) -> Decoding:
    """Decode raw article bytes.

    Args:
        data: the file's bytes.
        path: shown in error messages.
        encoding: force this decoding (a Python codec name, or ``tcvn3`` / ``vni``).
        declared: the encoding the document declares (an HTML page's ``<meta charset>``);
            used when the bytes are not UTF-8 and it reads as Vietnamese.
    Returns:
        NFC text with ``\\n`` line endings, the codec used and how it was chosen.
    Raises:
        DocumentError: empty, binary, truncated, or in no encoding that reads as Vietnamese.
    """
    if not data:
        raise DocumentError(Errors.E002.format(path=path))
    legacy = default_legacy()
    if encoding is not None:
        decoded = _forced(data, encoding, legacy, path)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        try:
            text = data[2:].decode(codec)
        except UnicodeDecodeError as exc:
            raise DocumentError(Errors.E005.format(path=path, reason=exc.reason)) from None
        decoded = Decoding(text, codec, 1.0, "byte-order mark")
    else:
        decoded = _utf8_or_legacy(data, path, declared, legacy)
    _check_text(path, decoded.text)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    decoded.text = unicodedata.normalize("NFC", text)
    return decoded


def _forced(data: bytes, name: str, legacy: Legacy, path: Path | str) -> Decoding:
    try:
        codec = legacy.codec_name(name)
    except LookupError:
        raise DocumentError(
            Errors.E033.format(path=path, name=name, known=", ".join(legacy.known()))
        ) from None
    if codec.startswith("utf-8") and data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    warnings = []
    if legacy.font(codec):
        text = legacy.decode(data, codec)
    else:
        text, bad = _decode_recording(data, codec)
        if bad:
            warnings.append(_bad_bytes_warning(bad, codec))
    share = legacy.score(text[:_SCORE_BYTES]).share
    return Decoding(text, codec, round(share, 3), "forced (--encoding)", warnings)


def _utf8_or_legacy(
    data: bytes, path: Path | str, declared: str | None, legacy: Legacy
) -> Decoding:
    codec = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data, codec = data[3:], "utf-8-sig"
    stray = legacy.rules.max_stray_bytes
    nuls = _nul_offsets(data, stray, path)
    try:
        decoded = Decoding(data.decode("utf-8"), codec, 1.0, "valid UTF-8")
    except UnicodeDecodeError as exc:
        # a multi-byte sequence cut off by the end of the file: truncation, not a code page
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            raise DocumentError(Errors.E030.format(path=path, pos=exc.start)) from None
        try:
            text, bad = _decode_recording(data, "utf-8", limit=stray)
        except UnicodeDecodeError:
            text, bad = _decode_recording(data[:_SCORE_BYTES], "utf-8", limit=None)
        good = sum(1 for ch in text if ord(ch) > 0x7F) - len(bad)
        mostly_utf8 = good >= _GOOD_PER_BAD * len(bad)
        if mostly_utf8 and len(bad) <= stray:
            # a stray byte in a good UTF-8 article: keep the article, say where it was
            decoded = Decoding(text, codec, 1.0, "UTF-8", [_bad_bytes_warning(bad, "UTF-8")])
        elif mostly_utf8:
            raise DocumentError(
                Errors.E034.format(path=path, count=len(bad), pos=bad[0][0], stray=stray)
            ) from None
        else:
            decoded = _legacy(data, path, declared, legacy, exc)
    if nuls:
        where = ", ".join(f"offset {n}" for n in nuls)
        decoded.warnings.append(f"{len(nuls)} NUL byte(s) replaced by U+FFFD: {where}")
        decoded.text = decoded.text.replace("\x00", "\ufffd")
    return decoded


def _nul_offsets(data: bytes, stray: int, path: Path | str) -> list[int]:
    """Offsets of the few NUL bytes a text may carry; many mean UTF-16 or binary data."""
    offsets: list[int] = []
    at = data.find(b"\x00")
    while at >= 0:
        if len(offsets) == stray:
            first = offsets[0] if offsets else at
            reason = f"NUL byte at offset {first}; UTF-16 needs a byte-order mark"
            raise DocumentError(Errors.E004.format(path=path, reason=reason))
        offsets.append(at)
        at = data.find(b"\x00", at + 1)
    return offsets


def _candidates(data: bytes, declared: str | None, legacy: Legacy) -> list[str]:
    """Decodings worth trying, the declared one first, then Windows-1258 and the fonts."""
    from charset_normalizer import from_bytes

    names = [declared] if declared else []
    names += ["cp1258", *sorted(legacy.fonts)]
    names += [m.encoding for m in list(from_bytes(data[:_SCORE_BYTES]))[:_PROPOSALS]]
    out: list[str] = []
    for name in names:
        try:
            codec = legacy.codec_name(name)
        except LookupError:
            continue
        if codec not in out and not codec.startswith(("utf-8", "utf-16", "utf-32")):
            out.append(codec)
    return out


def _legacy(
    data: bytes,
    path: Path | str,
    declared: str | None,
    legacy: Legacy,
    exc: UnicodeDecodeError,
) -> Decoding:
    # binary data shows in its first bytes; judging a sample keeps this linear and cheap
    if not _looks_like_text(data[:_SCORE_BYTES].decode("cp1258", errors="replace")):
        reason = f"byte 0x{data[exc.start]:02X} at offset {exc.start} is not UTF-8"
        raise DocumentError(Errors.E004.format(path=path, reason=reason))
    sample = data[:_SCORE_BYTES]
    scores = {
        name: legacy.score(legacy.decode(sample, name))
        for name in _candidates(data, declared, legacy)
    }
    minimum = legacy.rules.min_syllable_share
    try:
        wanted = legacy.codec_name(declared) if declared else None
    except LookupError:
        wanted = None
    if wanted in scores and scores[wanted].share >= minimum:
        best, how = wanted, f"declared in the page ({declared})"
    else:
        # the first of equals wins: Windows-1258, then the fonts, then the proposals
        best = max(scores, key=lambda name: scores[name].share)
        how = "detected"
    ranked = sorted(scores.items(), key=lambda kv: -kv[1].share)
    summary = ", ".join(f"{name} {score.share:.0%}" for name, score in ranked[:3])
    words = scores[best].words
    if scores[best].share < minimum:
        reason = f"0x{data[exc.start]:02X} {exc.reason}"
        raise DocumentError(
            Errors.E003.format(
                path=path, pos=exc.start, reason=reason, words=words, summary=summary
            )
        )
    note = f"{how}: not UTF-8; Vietnamese syllables among {words} non-ASCII words: {summary}"
    if declared and how == "detected":
        note += f"; declared {declared} ignored"
    return Decoding(legacy.decode(data, best), best, round(scores[best].share, 3), note)


def read_document(path: Path | str, *, encoding: str | None = None) -> SourceText:
    """Read an article: a ``.txt``, ``.html``/``.htm`` or extension-less file.

    Args:
        path: the file.
        encoding: force this decoding instead of detecting it.
    Returns:
        The stored text (for HTML, recognised by its content, its visible text), the
        codec and how it was chosen, the HTML title and the sha256 of the raw bytes.
    Raises:
        DocumentError: the file cannot be read or decoded; the message says why and how to fix it.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise DocumentError(Errors.E031.format(path=path, suffix=suffix or "(none)"))
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise DocumentError(Errors.E001.format(path=path)) from None
    except OSError as exc:
        raise DocumentError(Errors.E006.format(path=path, reason=exc.strerror or exc)) from None
    digest = hashlib.sha256(data).hexdigest()
    declared = declared_charset(data) if encoding is None else None
    decoded = decode_bytes(data, path, encoding=encoding, declared=declared)
    source = SourceText(
        text=decoded.text,
        encoding=decoded.encoding,
        sha256=digest,
        encoding_confidence=decoded.confidence,
        decoding=decoded.note,
        warnings=decoded.warnings,
    )
    if not looks_like_html(decoded.text, by_name=suffix in HTML_SUFFIXES):
        return source
    visible, title = html_to_text(decoded.text)
    if not visible.strip():
        raise DocumentError(Errors.E032.format(path=path))
    # html.parser may decode entities to decomposed sequences: the stored text is NFC
    source.text = unicodedata.normalize("NFC", visible)
    source.html_title = unicodedata.normalize("NFC", title) if title else None
    source.is_html = True
    return source
