"""Vietnamese text in legacy encodings, for tests: encoders written from the published
TCVN3 (ABC) and VNI-Windows tables, independently of ``rules/encodings.yml``, and a
Windows-1258 encoder that writes tones as legacy editors did (base letter, tone byte)."""

from __future__ import annotations

import unicodedata

# tone: acute, grave, hook, tilde, dot below
TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
# TCVN3 (ABC): base letter -> bytes for no tone (if not ASCII) and the five tones
_TCVN3 = {
    "a": (None, 0xB8, 0xB5, 0xB6, 0xB7, 0xB9),
    "ă": (0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6),
    "â": (0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB),
    "e": (None, 0xD0, 0xCC, 0xCE, 0xCF, 0xD1),
    "ê": (0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6),
    "i": (None, 0xDD, 0xD7, 0xD8, 0xDC, 0xDE),
    "o": (None, 0xE3, 0xDF, 0xE1, 0xE2, 0xE4),
    "ô": (0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9),
    "ơ": (0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE),
    "u": (None, 0xF3, 0xEF, 0xF1, 0xF2, 0xF4),
    "ư": (0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9),
    "y": (None, 0xFD, 0xFA, 0xFB, 0xFC, 0xFE),
}
_TCVN3_MORE = {"đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6}
_TCVN3_MORE["Đ"] = 0xA7
# VNI-Windows: mark bytes after a base letter (lower case; capitals are 0x20 lower)
_VNI_TONE = (0xF9, 0xF8, 0xFB, 0xF5, 0xEF)
_VNI_BREVE = (0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB)  # no tone first
_VNI_HAT = (0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4)
_VNI_ONE_BYTE = {"ơ": 0xF4, "ư": 0xF6, "đ": 0xF1, "ỵ": 0xEE}
_VNI_I = (0xED, 0xEC, 0xE6, 0xF3, 0xF2)


def _split(ch: str) -> tuple[str, int]:
    """A letter as (base letter with its hat/breve/horn, tone index 0-5)."""
    parts = unicodedata.normalize("NFD", ch)
    tone = next((i + 1 for i, t in enumerate(TONES) if t in parts), 0)
    base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
    return base, tone


def tcvn3(text: str) -> bytes:
    out = bytearray()
    for ch in text:
        base, tone = _split(ch)
        if ch in _TCVN3_MORE:
            out.append(_TCVN3_MORE[ch])
        elif base in _TCVN3 and _TCVN3[base][tone] is not None:
            out.append(_TCVN3[base][tone])
        else:
            out += ch.encode("ascii")
    return bytes(out)


def vni(text: str) -> bytes:
    out = bytearray()
    for ch in text:
        base, tone = _split(ch)
        low, up = base.lower(), base.isupper()
        shift = 0x20 if up else 0
        plain = unicodedata.normalize("NFD", low)[0]
        if ch.lower() in _VNI_ONE_BYTE:
            out.append(_VNI_ONE_BYTE[ch.lower()] - shift)
        elif low == "i" and tone:
            out.append(_VNI_I[tone - 1] - shift)
        elif low in ("ơ", "ư"):
            out.append(_VNI_ONE_BYTE[low] - shift)
            if tone:
                out.append(_VNI_TONE[tone - 1] - shift)
        elif low == "ă":
            out += bytes([ord(plain.upper() if up else plain), _VNI_BREVE[tone] - shift])
        elif low in ("â", "ê", "ô"):
            out += bytes([ord(plain.upper() if up else plain), _VNI_HAT[tone] - shift])
        elif tone:
            out += bytes([ord(base), _VNI_TONE[tone - 1] - shift])
        else:
            out += ch.encode("ascii")
    return bytes(out)


def cp1258(text: str) -> bytes:
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, tone = _split(ch)
            out += base.encode("cp1258") + TONES[tone - 1].encode("cp1258")
    return bytes(out)
