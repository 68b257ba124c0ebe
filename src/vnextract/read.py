"""Read one article file into its stored text: decoded, NFC, ``\\n`` line endings.

Only UTF-8 (with or without a BOM) and UTF-16 with a BOM are accepted. Anything
else is refused with a one-line :class:`DocumentError` that names the file, the
byte and what the bytes look like: guessing a legacy code page would store
mojibake, which no later stage can detect.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from pathlib import Path

from .errors import DocumentError, Errors
from .htmltext import html_to_text
from .model import SourceText

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})

# control characters that never occur in text (tab, newlines and form feed do)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# share of control characters above which decoded bytes are taken for binary data
_MAX_CONTROL_SHARE = 0.02
# characters of ordinary prose; the rest (symbols, controls, U+FFFD) suggest binary data
_USUAL = re.compile(r"[\w\s.,;:!?()\[\]\"'/%&@#+*=<>“”‘’–—…-]")
_MIN_USUAL_SHARE = 0.85
# letters that cp1258 / cp1252 / Latin-1 put in the 0x80-0xFF range and Vietnamese uses
_LEGACY_LETTERS = re.compile(r"[À-ÿĂăĐđƠơƯư]")


def _legacy_guess(data: bytes, pos: int) -> str:
    """Say what undecodable bytes look like, for the error message."""
    sample = data[max(0, pos - 200) : pos + 200]
    text = sample.decode("cp1258", errors="replace")
    high = sum(1 for b in sample if b >= 0x80)
    letters = len(_LEGACY_LETTERS.findall(text))
    if high and letters >= high * 0.6:
        near = data[max(0, pos - 15) : pos + 15].decode("cp1258", "replace")
        near = unicodedata.normalize("NFC", " ".join(near.split()))
        return f"Windows-1258 / Latin-1 text (read that way: '...{near}...')"
    return "text in a legacy single-byte code page (Windows-1258, Windows-1252 or Latin-1)"


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


def decode_bytes(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode raw article bytes.

    Args:
        data: the file's bytes.
        path: shown in error messages.
    Returns:
        ``(text, encoding)``: NFC text with ``\\n`` line endings, and the codec used.
    Raises:
        DocumentError: empty, binary, not UTF-8 / BOM'd UTF-16, or truncated.
    """
    if not data:
        raise DocumentError(Errors.E002.format(path=path))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        try:
            text = data[2:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise DocumentError(Errors.E005.format(path=path, reason=exc.reason)) from None
    else:
        encoding = "utf-8"
        if data.startswith(codecs.BOM_UTF8):
            data, encoding = data[3:], "utf-8-sig"
        nul = data.find(b"\x00")
        if nul >= 0:
            reason = f"NUL byte at offset {nul}; UTF-16 needs a byte-order mark"
            raise DocumentError(Errors.E004.format(path=path, reason=reason))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _utf8_error(path, data, exc) from None
    _check_text(path, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), encoding


def _utf8_error(path: Path | str, data: bytes, exc: UnicodeDecodeError) -> DocumentError:
    # a multi-byte sequence cut off by the end of the file: truncation, not a code page
    if exc.end == len(data) and exc.reason == "unexpected end of data":
        return DocumentError(Errors.E030.format(path=path, pos=exc.start))
    if not _looks_like_text(data.decode("cp1258", errors="replace")):
        reason = f"byte 0x{data[exc.start]:02X} at offset {exc.start} is not UTF-8"
        return DocumentError(Errors.E004.format(path=path, reason=reason))
    reason = f"0x{data[exc.start]:02X} {exc.reason}"
    guess = _legacy_guess(data, exc.start)
    return DocumentError(Errors.E003.format(path=path, pos=exc.start, reason=reason, guess=guess))


def read_document(path: Path | str) -> SourceText:
    """Read a ``.txt`` or ``.html``/``.htm`` article.

    Args:
        path: the file.
    Returns:
        The stored text (for HTML, its visible text), the codec, the HTML title and
        the sha256 of the raw bytes.
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
    text, encoding = decode_bytes(data, path)
    if suffix not in HTML_SUFFIXES:
        return SourceText(text=text, encoding=encoding, sha256=digest)
    visible, title = html_to_text(text)
    if not visible.strip():
        raise DocumentError(Errors.E032.format(path=path))
    # html.parser may decode entities to decomposed sequences: the stored text is NFC
    visible = unicodedata.normalize("NFC", visible)
    title = unicodedata.normalize("NFC", title) if title else None
    return SourceText(
        text=visible, encoding=encoding, is_html=True, html_title=title, sha256=digest
    )
