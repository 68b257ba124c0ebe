"""Which district or commune a bare local body (``UBND huyện``, ``Huyện ủy``) belongs to.

An article about one district names it (``huyện Mường Ảng``) and then its bodies without
the name, as one about a province writes ``UBND tỉnh``. A bare body takes the unit of its
kind named last in its own sentence (``Tại huyện A, Bí thư Huyện ủy …``), else the one unit
of that kind the article has named so far; where it has named several, none (the name
would be a guess). Patterns ask for it with the default ``@unit`` on their ``level`` group.
"""

from __future__ import annotations

UNIT_KEY = "unit:"  # prefix of the remembered names, by the folded unit word


class LocalUnits:
    """The districts and communes an article has named so far, by unit word."""

    def __init__(self, places) -> None:
        """``places``: the :class:`~vnextract.entities.admin_places.PlaceIndex`."""
        self.places = places
        self.named: dict[str, list[str]] = {}  # unit word key -> distinct names, in order
        self.in_sentence: dict[str, str] = {}

    def new_sentence(self, remembered: dict[str, str]) -> None:
        """Forget the sentence's own units; what the article named stays."""
        self.in_sentence = {}
        self._publish(remembered)

    def saw(self, canonical: str, remembered: dict[str, str]) -> None:
        """Note a LOCATION resolved in the sentence being read (``huyện Mường Ảng``)."""
        word, name = self.places.split_unit(canonical)
        if not word:
            return
        kind = self.places.key(word)
        if "province" in self.places.levels_of_kind.get(kind, {"province"}):
            return
        names = self.named.setdefault(kind, [])
        if name not in names:
            names.append(name)
        self.in_sentence[kind] = name
        self._publish(remembered)

    def _publish(self, remembered: dict[str, str]) -> None:
        for kind, names in self.named.items():
            name = self.in_sentence.get(kind) or (names[0] if len(names) == 1 else None)
            if name:
                remembered[UNIT_KEY + kind] = name
            else:
                remembered.pop(UNIT_KEY + kind, None)
