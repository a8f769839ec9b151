"""Owners (one per line, or separated by "/" or ";") and "Ownership:" lines in recommendations."""

from __future__ import annotations

import regex

from dhrplan.extract.patterncache import compiled
from dhrplan.normalize.record import Owner

_OWNERSHIP = compiled(r"^\s*(?:ownership|owner|owned by)\s*[:;\-–]\s*(?P<who>.+)$", regex.I)
_NO_ONE = compiled(
    r"^\s*(?:n\s*/\s*a|none|nil|tbc|tbd|not applicable|[-–—]+)\s*\.?\s*$", regex.I
)
_LIST_SEPARATORS = compiled(r"\s*[,;]\s*")


def _split_outside_parens(text: str, separators: str) -> list[str]:
    parts, depth, current = [], 0, []
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch in separators and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _tidy(name: str) -> str:
    return " ".join(name.split()).strip(" .,;:-–")


_HEAD_NOUN = compiled(
    r"""\b(?:police|constabulary|council|trust|board|partnership|services?|team|practices?|
    agenc(?:y|ies)|coordinator|co-ordinator|manager|lead|officer|director|head|unit|department|
    group|commissioners?|providers?|safeguarding|probation|housing|education|schools?|
    hospitals?|prisons?|social\s+care|partners)\s*$""",
    regex.I | regex.X,
)
_ROLE = compiled(
    r"""\b(?:coordinator|co-ordinator|manager|lead|officer|director|head|chair|nurse|worker|
    champion|adviser|advisor|practitioner|inspector|commissioner)s?\b
    | \bnamed\s+(?:gps?|doctors?|professionals?)\b""",
    regex.I | regex.X,
)
"""A person's role: "DA Lead, Police" is the Police's DA lead, one owner, not two."""
_LABEL_WORDS = r"""(?:lead(?:\s+(?:agency|agencies|officer|partner))?|owners?|responsible
        |action\s+holder|support(?:ing)?(?:\s+(?:agency|agencies|partners?|officers?))?
        |partners?(?:\s+agenc(?:y|ies))?|supported\s+by|contributors?)"""
_LABEL = compiled(
    rf"""^\s*{_LABEL_WORDS}(?:\s*:\s*|\s+[\-\u2013\u2014]\s+)""",
    regex.I | regex.X,
)
"""An owner cell that names its parts' fields ("Lead: Police", "Lead: CSP Manager; Support:
Public Health"): each named part is an owner."""
_NEXT_LABEL = compiled(
    rf"""(?<=\S)\s*[.,]?\s+(?={_LABEL_WORDS}\s*:)""", regex.I | regex.X)
"""Where a second field starts inside a line ("Lead: Police. Support: Health")."""
_AND = compiled(r"\s+(?:&|and)\s+", regex.I)
_ONE_NAME = compiled(
    r"""\bpolice\s+(?:and|&)\s+crime\b | \bfire\s+(?:and|&)\s+rescue\b
    | \bhealth\s+(?:and|&)\s+(?:social\s+care|wellbeing|well-being)\b
    | \bcrime\s+(?:and|&)\s+disorder\b | \bchildren\s+(?:and|&)\s+(?:families|young\s+people)\b
    | \blearning\s+(?:and|&)\s+development\b | \bhousing\s+(?:and|&)\s+communities\b""",
    regex.I | regex.X,
)
"""Names with "and" inside them ("Police and Crime Commissioner", "Fire and Rescue Service"):
never two owners."""
_SUPPORT_WORDS = r"""(?:(?:and\s+)?supported\s+by|with\s+(?:the\s+)?support\s+(?:from|of)
    |in\s+partnership\s+with|assisted\s+by|working\s+(?:with|alongside))"""
_SUPPORTED = compiled(rf"""\s*[,;]?\s*\b{_SUPPORT_WORDS}\b\s*:?\s*""", regex.I | regex.X)
"""A lead and who supports it ("Police, supported by Health"): each is an owner."""
_SUPPORTED_IN_BRACKETS = compiled(
    rf"""\s*\(\s*{_SUPPORT_WORDS}\s*:?\s*(?P<who>[^()]*)\)""", regex.I | regex.X)
"""The same in brackets ("Police (supported by Health)")."""
_MARKER = compiled(
    r"\s*\((?:lead(?:\s+agency)?|co-?lead|joint\s+lead|support(?:ing)?(?:\s+agency)?|chair)\)\s*$",
    regex.I)
"""A part's role in the work ("Police (lead)"), which does not change what it names."""


def split_at_and(text: str, maxsplit: int = 0) -> list[str]:
    """`text` split at "and" / "&" (at the first `maxsplit` of them, if given), but never
    inside a name that has one (`_ONE_NAME`)."""
    inside = [m.span() for m in _ONE_NAME.finditer(text)]
    cuts = [m for m in _AND.finditer(text) if not any(a <= m.start() < b for a, b in inside)]
    if maxsplit:
        cuts = cuts[:maxsplit]
    pieces, previous = [], 0
    for m in cuts:
        pieces.append(text[previous:m.start()])
        previous = m.end()
    return [*pieces, text[previous:]]


def _complete_owner(name: str, glossary: dict[str, str]) -> bool:
    """A name that stands on its own as an owner: it ends in the head noun of an agency or
    role ("MARAC Coordinator", "all agencies") or is an acronym ("CSP"). "Avon" in "Avon and
    Somerset Police" or "Health" in "Health & Wellbeing Board" does not."""
    name = _tidy(_DETAIL.sub("", _MARKER.sub("", name)))
    return bool(_HEAD_NOUN.search(name)) or name in glossary or _is_acronym(name)


_FORMERLY = compiled(
    r"\s*\(\s*(?:formerly|previously|was|now|(?:known\s+)?as|replacing|replaced)\b[^()]*\)\s*$",
    regex.I)
"""A bracket naming the body's other name ("ICB (formerly CCG)"): the name before it is
the owner the glossary expands."""
_DETAIL = compiled(r"(?<=\w)\s*\([^()]*\)\s*$")
"""A bracketed detail after a name ("Police (DI Smith)", "Probation (SPO Jones)"): who in
the agency, not part of whether the agency stands on its own."""


def split_commas(part: str, glossary: dict[str, str]) -> list[str]:
    """ "Police, Probation, Housing" is three owners, each an agency on its own (the last
    may be "X and Y"); "DA Lead, Police" and "Community Safety Manager, Borough Council" are
    one: a role, then whose."""
    pieces = [p for p in _split_outside_parens(part, ",") if p.strip()]
    if len(pieces) < 2:
        return [part]
    last = split_at_and(pieces[-1])
    if len(last) > 1 and all(_complete_owner(p, glossary) for p in last):
        pieces[-1:] = last
    if all(_complete_owner(p, glossary) and not _ROLE.search(_MARKER.sub("", p)) for p in pieces):
        return pieces
    return [part]


def _maybe_several(kept: list[str], glossary: dict[str, str]) -> bool:
    """A comma list `split_commas` kept whole whose every part names an agency and none a
    role ("Police, Health"), whose every part is a role ("Named GP, Named Nurse"), or of three
    parts or more none a role ("Refuge, Victim Support, IDVA service"): as likely several
    owners as one."""
    if len(kept) != 1:
        return False
    pieces = [p for p in _split_outside_parens(kept[0], ",") if p.strip()]
    roles = [bool(_ROLE.search(_MARKER.sub("", p))) for p in pieces]
    if len(pieces) > 1 and all(roles):
        return True  # "Named GP, Named Nurse": two roles, two people or one with two titles
    if len(pieces) > 2 and not any(roles):
        return True  # "Refuge, Victim Support, IDVA service": a list, not a name and whose
    return len(pieces) > 1 and all(
        (_AGENCY_WORDS.search(p) or _is_acronym(_tidy(p)) or _tidy(p) in glossary)
        and not _ROLE.search(_MARKER.sub("", p)) for p in pieces
    )


def _roles_joined(kept: list[str], glossary: dict[str, str]) -> bool:
    """One part kept whole whose "and" / "&" joins two roles ("CSP Chair & Head of Community
    Safety"): two people as likely as one name."""
    if len(kept) != 1 or len(split_and(kept[0], glossary)) > 1:
        return False
    pieces = split_at_and(kept[0])
    return len(pieces) > 1 and all(
        _ROLE.search(_MARKER.sub("", p)) and len(p.split()) > 1 for p in pieces
    )  # "MARAC Chair and Coordinator": a bare role word shares the name before it


def _agencies_joined(kept: list[str], glossary: dict[str, str]) -> bool:
    """One part kept whole whose "and" / "&" joins sides that each name a service ("Public
    Health and Housing", "Education & Early Help"): a directorate's name as likely as two
    owners. A bare role word after "and" shares the name before it ("MARAC Chair and
    Coordinator")."""
    if len(kept) != 1 or len(split_and(kept[0], glossary)) > 1:
        return False
    pieces = [_tidy(p) for p in split_at_and(kept[0])]
    return len(pieces) > 1 and all(
        (_AGENCY_WORDS.search(p) or p in glossary or _is_acronym(p))
        and (len(p.split()) > 1 or not _ROLE.search(p)) for p in pieces
    )


def split_and(part: str, glossary: dict[str, str]) -> list[str]:
    """ "MARAC Coordinator & all MARAC agencies" is two owners: split at "&" / "and" only
    where every side is an owner on its own."""
    pieces = split_at_and(part)
    if len(pieces) > 1 and all(_complete_owner(p, glossary) for p in pieces):
        return pieces
    return [part]


_CONTINUES_NAME = compiled(
    r"^(?:board|trust|foundation|service|services|team|council|partnership|group|unit|"
    r"department|officer|manager|lead|coordinator|co-ordinator|commissioners?|chair|director|"
    r"head|\(|and\b|&|of\b|for\b)",
    regex.I,
)
"""A printed line that carries on the name above it ("Safeguarding Adults" / "Board")."""
_MAY_CONTINUE = compiled(r"^(?:care|adults?|children|safeguarding|health)\b", regex.I)
"""A line that carries on the name above ("Mental Health Trust" / "Safeguarding Lead") or
starts one of its own ("Police" / "Adult Social Care"): its own when it names a whole
organisation, not a role or team within the one above (`_ROLE_END`)."""
_ROLE_END = compiled(
    r"\b(?:lead|team|manager|officer|co-?ordinator|director|head|chair|unit|department|group|"
    r"nurse|worker|adviser|advisor)\W*$", regex.I)
_ENDS_OPEN = compiled(r"(?:\b(?:and|of|for|the|&)|[,&/\-–])\s*$", regex.I)


_AGENCY_END = compiled(
    r"""\b(?:police|constabulary|schools?|probation|housing|services?|agenc(?:y|ies)|team|care|
    trust|board|council|partnership|practices?|surgery|hospital|college|university|ambulance|
    prison|unit|department|group|coordinator|co-ordinator|manager|lead|officer|director|chair|
    commissioners?|providers?|gps?|csp|icb|ccg|nhs|idva|isva|marac|mash)\W*$""",
    regex.I | regex.X,
)


_GENERIC_HEAD = compiled(
    r"^(?:group|board|team|panel|committee|partnership|services?|unit|forum|department)$",
    regex.I,
)


def _names_an_agency(line: str, glossary: dict[str, str]) -> bool:
    """A printed line that is an owner in full: it ends in an agency's or a role's head
    noun ("Police", "IDVA service", "All agencies") or is an acronym ("CSP"); a generic head
    ("Steering Group") needs a word that says whose ("IDVA service")."""
    name = _tidy(line)
    if name in glossary or _is_acronym(name):
        return True
    if not _AGENCY_END.search(name):
        return False
    words = name.split()
    if _GENERIC_HEAD.match(words[-1].strip(".,;")):
        return any(_is_acronym(w) or w in glossary or _AGENCY_WORDS.fullmatch(w)
                   for w in words[:-1] if not _GENERIC_HEAD.match(w))
    return True


def _continues(above: str, line: str, glossary: dict[str, str]) -> bool:
    """A printed line that carries on the name above it rather than starting one."""
    return bool(
        _CONTINUES_NAME.match(line) or line[:1].islower() or _ENDS_OPEN.search(above)
        or (_MAY_CONTINUE.match(line)
            and (_ROLE_END.search(line) or not _names_an_agency(line, glossary)))
    )


def _wrapped_names(lines: list[str], glossary: dict[str, str]) -> list[str]:
    """The lines gathered into names: a line carries on the name above when that name is
    unfinished (it names no agency yet: "Community Safety" / "Partnership") or the line
    cannot start one (`_continues`)."""
    names: list[str] = []
    for line in lines:
        if names and (not _names_an_agency(names[-1], glossary)
                      or _continues(names[-1], line, glossary)):
            names[-1] = f"{names[-1]} {line}"
        else:
            names.append(line)
    return names


_OPENS_ON = compiled(r"^\s*\(")
"""A paragraph that cannot start an owner: a bracket ("(Council)", "(lead)")."""


_BARE_ROLE = compiled(
    r"""^\W*(?:head\s+of\s+(?:service|department|operations)|(?:service|team|operations|area)\s+
        (?:manager|lead|director)|director|manager)\W*$""", regex.I | regex.X)
"""A paragraph that is a role which names no service ("Head of Service", "Director"): the
paragraph under it says whose ("Head of Service" / "Adult Social Care" is one person)."""


def _joined_paragraphs(paragraphs: list[str]) -> list[str]:
    """The cell's paragraphs, each joined to the one above where that one is unfinished
    ("Head of Safeguarding," / "NHS Somerset ICB", "Police and" / "Probation", "Head of
    Service" / "Adult Social Care") or it cannot start a name ("DA Co-ordinator" /
    "(Council)"): one name the author broke, not two."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and joined[-1].strip() and paragraph.strip() and _BARE_ROLE.match(joined[-1]):
            joined[-1] = f"{joined[-1].strip()}, {paragraph.strip()}"
        elif joined and joined[-1].strip() and paragraph.strip() and (
            _ENDS_OPEN.search(joined[-1]) or _OPENS_ON.match(paragraph)
        ):
            joined[-1] = f"{joined[-1].rstrip()} {paragraph.strip()}"
        else:
            joined.append(paragraph)
    return joined


def printed_owners(
    paragraph: str, lines: tuple[str, ...], glossary: dict[str, str]
) -> tuple[list[str], list[str]]:
    """A paragraph of an owner cell that its reader took for one wrapped name, split back
    at its printed lines when each line names an agency, a role or an acronym of its own
    and none carries on the name above ("Police" / "Schools", "Probation" / "IDVA service";
    not "Safeguarding Adults" / "Board" or "Detective Inspector Phil" / "Jones").

    Also, when it stays whole, the names it may hold: lines that gather into several
    agencies ("Community Safety" / "Partnership" / "Brackenford Police") could be those
    agencies or one long name wrapped in a narrow column ("Marshfield" / "District" /
    "Council" / "Housing"); the page does not tell, so the caller warns."""
    words = paragraph.split()
    for start in range(len(lines)):
        for end in range(len(lines), start + 1, -1):
            if " ".join(lines[start:end]).split() != words:
                continue
            parts = [ln.strip() for ln in lines[start:end]]
            if all(_names_an_agency(p, glossary) for p in parts) and not any(
                _continues(a, b, glossary) for a, b in zip(parts, parts[1:], strict=False)
            ):
                return parts, []
            names = _wrapped_names(parts, glossary)
            several = len(names) > 1 and all(_names_an_agency(n, glossary) for n in names)
            return [paragraph], names if several else []
    return [paragraph], []


def split_owners(
    text: str, glossary: dict[str, str], lines: tuple[str, ...] = ()
) -> tuple[list[Owner], list[str]]:
    """One owner per line or "/"-separated part, and parts joined by "&" or "and" where each
    side is an owner on its own; acronyms get their glossary expansion. `lines` are the
    cell's printed lines: owners its reader joined as one wrapped name are parted again, and
    said so in the warnings."""
    owners: list[Owner] = []
    warnings: list[str] = []
    paragraphs: list[str] = []
    for paragraph in _joined_paragraphs(text.split("\n")):
        parts, maybe = printed_owners(paragraph, lines, glossary) if lines else ([paragraph], [])
        if maybe:
            warnings.append(
                f"owner {_tidy(paragraph)!r} was printed on several lines; it may be several "
                f"owners ({' / '.join(repr(_tidy(n)) for n in maybe)}) or one name wrapped"
            )
        if len(parts) > 1:
            warnings.append(
                f"owners {' / '.join(repr(_tidy(p)) for p in parts)} were printed on lines of "
                "their own and read as separate owners"
            )
        paragraphs.extend(parts)
    for line in paragraphs:
        if _NO_ONE.match(line):
            continue
        line = _NEXT_LABEL.sub(";", _LABEL.sub("", line))
        line = _SUPPORTED_IN_BRACKETS.sub(r";\g<who>", line)  # "Police (supported by Health)"
        for part in _split_outside_parens(_SUPPORTED.sub(";", line), "/;"):
            part = _LABEL.sub("", part)
            commas = split_commas(part, glossary)
            if _maybe_several(commas, glossary) or _roles_joined(commas, glossary) \
                    or _agencies_joined(commas, glossary):
                warnings.append(
                    f"owner {_tidy(part)!r} was kept whole; its parts may be owners of their own"
                )
            for piece in (p for c in commas for p in split_and(c, glossary)):
                name = _tidy(piece)
                if name:  # "ASC (Support)" is ASC
                    # "ASC (Support)" and "ICB (formerly CCG)" are the glossary's ASC and ICB
                    owners.append(Owner(name, glossary.get(name) or glossary.get(
                        _MARKER.sub("", name)) or glossary.get(_FORMERLY.sub("", name))))
    return owners, warnings


_AGENCY_WORDS = compiled(
    r"""\b(?:police|constabulary|council|trust|board|partnership|service|services|team|
    practice|practices|surgery|ccg|icb|nhs|probation|housing|health|care|social|safeguarding|
    hospital|school|schools|college|university|ambulance|fire|prison|commissioners?|lead|
    manager|officer|director|head|coordinator|co-ordinator|chair|group|unit|department|
    idva|isva|marac|mash|csp|commissioner|gp|gps|provider|providers|agency|agencies|all|
    safety|safer|children's|adults'?|family|families|youth|education|early\s+help)(?!\w)""",
    regex.I | regex.X,
)
_VERB_OR_SENTENCE = compiled(r"\b(?:should|will|must|to|is|are|has|have)\b|[.;:?!]$",
                                  regex.I)


def looks_like_owner(line: str, glossary: dict[str, str]) -> bool:
    """A line that names an agency, a role or a person: "Avon and Somerset Police",
    "Head of Safeguarding", "ASC", "DI Phil Jones"; not a phrase with a verb."""
    text = " ".join(line.split()).strip(" ,;")
    if not text or _VERB_OR_SENTENCE.search(text):
        return False
    if text in glossary or _is_acronym(text):
        return True
    if _AGENCY_WORDS.search(text):
        return True
    words = [w for w in text.split() if w.isalpha()]
    return bool(words) and all(w[0].isupper() for w in words if len(w) > 3)


def _is_acronym(name: str) -> bool:
    letters = [ch for ch in name.strip(" .") if ch.isalpha()]
    return len(letters) >= 2 and " " not in name.strip() and all(ch.isupper() for ch in letters)


def _ownership_list(who: str) -> list[str]:
    """ "Police, CCG, SomFT and Adult Social Care" is four owners, but "Avon and Somerset
    Police" and "Health & Wellbeing Board" are one: "and" separates the last item of a list
    that has commas, and otherwise only an acronym from its neighbour ("Police & CCG")."""
    who = _SUPPORTED.sub(";", _NEXT_LABEL.sub(";", _LABEL.sub("", who)))
    parts = [_LABEL.sub("", p) for p in _LIST_SEPARATORS.split(who)]
    last = split_at_and(parts[-1], maxsplit=1)
    if len(last) == 2 and (len(parts) > 1 or any(_is_acronym(p) for p in last)):
        parts[-1:] = last
    return parts


def take_ownership(text: str) -> tuple[list[str], str]:
    """Pull "Ownership: A, B and C" paragraphs out of recommendation text."""
    owners: list[str] = []
    kept: list[str] = []
    for para in text.split("\n"):
        m = _OWNERSHIP.match(para)
        if m:
            owners.extend(n for p in _ownership_list(m.group("who")) if (n := _tidy(p)))
        else:
            kept.append(para)
    return owners, "\n".join(kept).strip()
