"""Find anything: full-text search over dialogues, concerns, meetings, problems, promises, measures.

The index is the FTS5 table ``search_index`` made by migration 0003. Triggers queue every
changed record in ``search_pending``; the queue is worked off in batches as it fills and,
before every search, here (``SearchService.update_index``), so results are always current.
Its rowids carry the kind in their top bits and the record's own date below (see that
migration), so "the newest hits of one kind" is a backwards walk over a rowid
range that stops after a page — as fast for a word in every record as for a rare one.

User text never reaches FTS5 as syntax: it is split into words the way the index's
unicode61 tokenizer splits them, each word is quoted, and the last one (still being
typed) becomes a prefix search.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from kommunpolis.domain.errors import InvalidInput
from kommunpolis.storage.unit_of_work import UnitOfWork

# The kinds the index holds and their codes in the rowid's top bits (migration 0003).
KIND_CODES: dict[str, int] = {
    "dialogues": 1,
    "concerns": 2,
    "meetings": 3,
    "problems": 4,
    "promises": 5,
    "measures": 6,
}
SEARCHABLE_KINDS: tuple[str, ...] = tuple(KIND_CODES)
_KIND_SHIFT = 60

MAX_QUERY_LENGTH = 500
MAX_WORDS = 16
# Counting stops here: beyond it a count costs as much as the whole doclist.
COUNT_CAP = 1000
SNIPPET_TOKENS = 14
# The index has prefix indexes up to this length (migration 0003: prefix='2 3 4').
LONGEST_INDEXED_PREFIX = 4
# A longer prefix matching at most this many words is searched as those words.
MAX_EXPANSION = 64

# Markers for snippet(): control characters that cannot occur in typed text.
_OPEN, _CLOSE = "\x02", "\x03"
# Words as unicode61 sees them by default: runs of letters and digits (L*, N*, Co).
_WORD = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s+")

_HITS = text(
    "SELECT record_id, happened_at, highlight(search_index, 3, :open, :close), "
    "snippet(search_index, 4, :open, :close, '…', :tokens) "
    "FROM search_index "
    "WHERE search_index MATCH :query AND rowid BETWEEN :low AND :high "
    "ORDER BY rowid DESC LIMIT :limit"
)
_PENDING = text("SELECT EXISTS (SELECT 1 FROM search_pending)")
_SYNC = text("INSERT INTO search_sync (now) VALUES (NULL)")
_TERMS = text(
    "SELECT term FROM search_index_terms WHERE term >= :low AND term < :high "
    "ORDER BY term LIMIT :limit"
)
_COUNT = text(
    "SELECT count(*) FROM (SELECT 1 FROM search_index "
    "WHERE search_index MATCH :query AND rowid BETWEEN :low AND :high LIMIT :cap)"
)


def _wrap(text: str, spans: tuple[tuple[int, int], ...], before: str, after: str) -> str:
    parts, position = [], 0
    for start, end in spans:
        parts += [text[position:start], before, text[start:end], after]
        position = end
    parts.append(text[position:])
    return "".join(parts)


@dataclass(frozen=True)
class SearchHit:
    """One record that matched: what it is, a title and a snippet with the match marked."""

    kind: str
    id: uuid.UUID
    title: str
    title_highlights: tuple[tuple[int, int], ...]
    # A passage of the text (not the title) as plain text, and the (start, end) spans
    # in it that matched; the title's matched spans are in ``title_highlights``.
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    # The record's own time (a dialogue's or meeting's start, otherwise its creation), UTC.
    happened_at: datetime | None

    def marked(self, before: str = "[", after: str = "]") -> str:
        """Return the snippet with every matched span wrapped in ``before``/``after``."""
        return _wrap(self.snippet, self.highlights, before, after)

    def marked_title(self, before: str = "[", after: str = "]") -> str:
        """Return the title with every matched span wrapped in ``before``/``after``."""
        return _wrap(self.title, self.title_highlights, before, after)


@dataclass(frozen=True)
class SearchGroup:
    """The newest hits of one kind, and how many hits that kind has (capped)."""

    kind: str
    hits: tuple[SearchHit, ...]
    total: int
    # True when ``total`` stopped at COUNT_CAP: there are at least that many.
    total_capped: bool


@dataclass(frozen=True)
class SearchResults:
    """The hits for one query, grouped by kind in a fixed order; empty groups left out."""

    text: str
    query: str
    groups: tuple[SearchGroup, ...]

    @property
    def empty(self) -> bool:
        """Whether nothing matched (or there was nothing to search for)."""
        return not self.groups

    @property
    def hits(self) -> tuple[SearchHit, ...]:
        """Every hit, group after group."""
        return tuple(hit for group in self.groups for hit in group.hits)


def fts_query(user_text: str) -> str:
    """Turn what a person typed into a safe FTS5 query ('' when there is nothing to find).

    Each word is quoted, so that FTS5 operators (AND, NEAR, *, ^, quotes) are just words.
    The last word becomes a prefix search unless the text ends with a space or it is a
    single letter (a one-letter prefix would match a large part of the index).
    """
    if len(user_text) > MAX_QUERY_LENGTH:
        raise InvalidInput("search", f"at most {MAX_QUERY_LENGTH} characters")
    # NFC: a decomposed å (a + ring) would otherwise split into 'a' and a separator.
    words = _WORD.findall(unicodedata.normalize("NFC", user_text))
    if len(words) > MAX_WORDS:
        raise InvalidInput("search", f"at most {MAX_WORDS} words")
    if not words:
        return ""
    terms = [f'"{word}"' for word in words]
    still_typing = not user_text[-1].isspace()
    if still_typing and len(words[-1]) > 1:
        terms[-1] += "*"
    return " AND ".join(terms)


def _expand_prefix(session: Session, query: str) -> str:
    """Replace a trailing prefix longer than the indexed prefixes by the words it starts.

    FTS5 answers a prefix it has no prefix index for by merging the doclists of every
    matching word up front, for each query; for a common word that is tens of ms per kind.
    An OR of the few matching words is walked lazily, newest first, and stops early.
    """
    if not query.endswith("*"):
        return query
    head, _, last = query.rpartition(" AND ")
    prefix = last[1:-2]
    if len(prefix) <= LONGEST_INDEXED_PREFIX:
        return query
    words = (
        session.execute(
            _TERMS, {"low": prefix, "high": prefix + "\U0010ffff", "limit": MAX_EXPANSION + 1}
        )
        .scalars()
        .all()
    )
    if len(words) > MAX_EXPANSION:
        return query
    if not words:
        # No word starts so: keep the query, which finds nothing, for the caller to see.
        return query
    expanded = " OR ".join(f'"{word}"' for word in words)
    return f"{head} AND ({expanded})" if head else f"({expanded})"


def _kind_range(kind: str) -> tuple[int, int]:
    code = KIND_CODES[kind]
    return code << _KIND_SHIFT, ((code + 1) << _KIND_SHIFT) - 1


def _check_kinds(kinds: Iterable[str] | None) -> tuple[str, ...]:
    if kinds is None:
        return SEARCHABLE_KINDS
    wanted = set(kinds)
    unknown = sorted(wanted - set(SEARCHABLE_KINDS))
    if unknown:
        known = ", ".join(SEARCHABLE_KINDS)
        raise InvalidInput("kind", f"cannot search {', '.join(unknown)} (searchable: {known})")
    return tuple(kind for kind in SEARCHABLE_KINDS if kind in wanted)


def _split_snippet(raw: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Return the snippet without markers (whitespace folded) and the spans they marked."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = start = 0
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", _SPACE.sub(" ", raw).strip()):
        if piece == _OPEN:
            start = length
        elif piece == _CLOSE:
            spans.append((start, length))
        else:
            plain.append(piece)
            length += len(piece)
    return "".join(plain), tuple(spans)


def _happened_at(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        return None


class SearchService:
    """Search the full-text index, newest first within each kind."""

    def __init__(self, *, uow: Callable[[], UnitOfWork]) -> None:
        self._uow = uow

    def update_index(self) -> bool:
        """Index the records changed since the last update; return whether there were any."""
        with self._uow() as uow:
            if not uow.session.execute(_PENDING).scalar_one():
                return False
        with self._uow() as uow:
            uow.session.execute(_SYNC)
            uow.commit()
        return True

    def search(
        self,
        user_text: str,
        *,
        kinds: Sequence[str] | None = None,
        limit_per_kind: int = 20,
    ) -> SearchResults:
        """Return the newest ``limit_per_kind`` hits of each kind for what the person typed."""
        if limit_per_kind < 1:
            raise InvalidInput("limit", "must be 1 or more")
        wanted = _check_kinds(kinds)
        query = fts_query(user_text)
        if not query:
            return SearchResults(text=user_text, query="", groups=())
        self.update_index()
        groups = []
        with self._uow() as uow:
            session = uow.session
            query = _expand_prefix(session, query)
            for kind in wanted:
                low, high = _kind_range(kind)
                rows = session.execute(
                    _HITS,
                    {
                        "query": query,
                        "low": low,
                        "high": high,
                        "limit": limit_per_kind,
                        "open": _OPEN,
                        "close": _CLOSE,
                        "tokens": SNIPPET_TOKENS,
                    },
                ).all()
                if not rows:
                    continue
                if len(rows) < limit_per_kind:
                    total = len(rows)
                else:
                    total = session.execute(
                        _COUNT, {"query": query, "low": low, "high": high, "cap": COUNT_CAP}
                    ).scalar_one()
                hits = []
                for record_id, happened_at, raw_title, raw_snippet in rows:
                    title, title_highlights = _split_snippet(str(raw_title or ""))
                    snippet, highlights = _split_snippet(str(raw_snippet or ""))
                    hits.append(
                        SearchHit(
                            kind=kind,
                            id=uuid.UUID(bytes=bytes(record_id)),
                            title=title,
                            title_highlights=title_highlights,
                            snippet=snippet,
                            highlights=highlights,
                            happened_at=_happened_at(happened_at),
                        )
                    )
                groups.append(
                    SearchGroup(
                        kind=kind,
                        hits=tuple(hits),
                        total=total,
                        total_capped=total >= COUNT_CAP,
                    )
                )
        return SearchResults(text=user_text, query=query, groups=tuple(groups))
