"""Sort text the Swedish way: a–z, then å, ä, ö; accents and case do not split words."""

from __future__ import annotations

import unicodedata

# Code points just above 'z', so å, ä, ö sort after it and in that order.
_SWEDISH_LAST = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}"})


def swedish_key(text: str) -> str:
    """Return a sort key placing å, ä, ö after z and ignoring case and other accents."""
    folded = text.casefold().translate(_SWEDISH_LAST)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
