"""Every administrative unit of Viet Nam, read from the ``vietnamadminunits`` package's data.

The package (MIT) ships an SQLite database of the 63 provinces, 696 district-level units
and 10,040 commune-level units in force before the 2025 reform, the 34 provinces and
3,321 communes after it, and a converter table from old communes to new ones. Its files
are read directly: importing the package would load shapely and geopy (about 3 s) for
nothing. Reading and indexing take about 0.2 s, so the table is built in memory once per
process (:func:`admin_units`) rather than cached on disk, and follows the installed
package's version with nothing to go stale.

Unit words come from the dataset (``Huyện`` -> ``huyện``), so this module holds none.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import re
import sqlite3
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from vnextract.core.errors import Errors

PACKAGE = "vietnamadminunits"
LEVELS = ("province", "district", "commune")


class AdminDataError(RuntimeError):
    """The place dataset is missing or unreadable (one line: what, and how to fix it)."""


@dataclass(frozen=True, slots=True)
class AdminUnit:
    """One administrative unit.

    ``kind`` is the unit word in lower case as the dataset writes it; ``name`` the bare
    name (``Tiên Du``); ``province`` and ``district`` the bare names of the units above
    it; ``current`` is True for the units in force from the 2025 reform. ``successor``
    (old units only) is the 2025 unit holding it: for a commune the new commune and its
    province (``xã Tân Hiệp, Đà Nẵng``; the converter's default one where a commune was
    split), for a district or province the new province.
    """

    level: str
    kind: str
    name: str
    province: str
    district: str | None
    current: bool
    successor: str | None = None


def _data_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise AdminDataError(Errors.E250.format(package=PACKAGE))
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    if not (folder / "dataset.db").is_file():
        raise AdminDataError(Errors.E251.format(path=folder / "dataset.db", package=PACKAGE))
    return folder


def package_version() -> str:
    """Installed version of the dataset package (part of the rules digest of a run)."""
    return importlib.metadata.version(PACKAGE)


def _kind(word: str | None) -> str:
    return (word or "").lower()


def read_units(folder: Path | None = None) -> list[AdminUnit]:
    """Every unit of the dataset, old and new, provinces first.

    Args:
        folder: the package's ``data`` folder (default: the installed package's).
    Raises:
        AdminDataError: the package is missing or its files cannot be read.
    """
    folder = folder or _data_dir()
    try:
        db = sqlite3.connect(f"file:{folder / 'dataset.db'}?mode=ro", uri=True)
        try:
            old = db.execute(
                "SELECT province, provinceShort, districtShort, districtType, wardShort,"
                " wardType, provinceKey, districtKey, wardKey FROM admin_units_legacy"
            ).fetchall()
            new = db.execute(
                "SELECT province, provinceShort, wardShort, wardType, provinceKey, wardKey"
                " FROM admin_units"
            ).fetchall()
        finally:
            db.close()
        converter = json.loads((folder / "converter_2025.json").read_text(encoding="utf-8"))
    except (sqlite3.Error, OSError, ValueError, KeyError) as exc:
        message = Errors.E251.format(path=folder, package=PACKAGE)
        raise AdminDataError(f"{message} ({exc})") from None

    new_province = {key: short for _, short, _, _, key, _ in new}
    new_commune = {(pk, wk): f"{_kind(wt)} {ws}, {ps}" for _, ps, ws, wt, pk, wk in new}
    province_after: dict[str, str] = {}
    for new_key, old_keys in converter["DICT_PROVINCE"].items():
        for old_key in old_keys:
            province_after[old_key] = new_province.get(new_key, "")
    commune_after: dict[str, str] = {}
    for new_key, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, old_keys in wards.items():
            for old_key in old_keys:
                commune_after.setdefault(old_key, new_commune.get((new_key, ward_key), ""))
    for new_key, wards in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in wards.items():
            default = next((p["newWardKey"] for p in parts if p.get("isDefaultNewWard")), None)
            if default:
                commune_after.setdefault(old_key, new_commune.get((new_key, default), ""))

    units: dict[tuple, AdminUnit] = {}
    # the dataset tells two units of one name apart by their kind in brackets ('Kỳ Anh
    # (Huyện)', 'Kỳ Anh (Thị xã)'); the kind is a field already, so names drop it
    kinds = {_kind(r[3]) for r in old} | {_kind(r[5]) for r in old if r[5]}
    suffix = _kind_suffix(kinds | {_kind(r[3]) for r in new})

    def add(unit: AdminUnit) -> None:
        district = unit.district and suffix.sub("", unit.district)
        unit = replace(unit, name=suffix.sub("", unit.name), district=district)
        units.setdefault((unit.level, unit.kind, unit.name, unit.province, unit.district), unit)

    for full, short, _, _, _, _, pkey, _, _ in old:
        add(AdminUnit("province", _kind(full[: -len(short)]).strip(), short, short, None, False,
                      province_after.get(pkey) or None))  # fmt: skip
    for full, short, _, _, _, _ in new:
        add(AdminUnit("province", _kind(full[: -len(short)]).strip(), short, short, None, True))
    for _, province, district, dtype, _, _, pkey, _, _ in old:
        add(AdminUnit("district", _kind(dtype), district, province, None, False,
                      province_after.get(pkey) or None))  # fmt: skip
    for _, province, district, _, ward, wtype, pkey, dkey, wkey in old:
        if ward:
            after = commune_after.get(f"{pkey}_{dkey}_{wkey}") or None
            add(AdminUnit("commune", _kind(wtype), ward, province, district, False, after))
    for _, province, ward, wtype, _, _ in new:
        add(AdminUnit("commune", _kind(wtype), ward, province, None, True))
    return list(units.values())


def _kind_suffix(kinds: set[str]) -> re.Pattern:
    """One of the dataset's unit kinds in brackets ending a name ('... (Huyện)')."""
    alternatives = "|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True) if k)
    return re.compile(rf"\s*\((?:{alternatives})\)$", re.I) if alternatives else re.compile("(?!)")


@lru_cache(maxsize=1)
def admin_units() -> tuple[AdminUnit, ...]:
    """:func:`read_units` of the installed package, read once per process."""
    return tuple(read_units())
