"""The reading of one clause, shared by the passes: who speaks, who must act.

`Clauses` answers questions about a sentence in the context of one page —
its reporting frame ("Đồng chí … đề nghị,"), a unit's request ("… kiến nghị
…"), where its verb starts, who is assigned — and memoizes the answers, since
several passes ask about the same sentence.
"""

from __future__ import annotations

import re

from giaoban.extraction import groups as gr
from giaoban.extraction import patterns as pt
from giaoban.extraction import report_patterns as rp
from giaoban.extraction.page import PageModel

RequestFrame = tuple[tuple[str, ...], str]  # (who asks, what follows the verb)


def speaker_is_leader(sentence: str) -> bool:
    return bool(pt.LEADER.search(sentence))


def vague(text: str) -> bool:
    """ "các cơ quan, đơn vị liên quan": a partner too vague to list."""
    return bool(gr.VAGUE_PARTNER_RE.search(text))


class Clauses:
    """Questions about clauses of one page, with memoized answers."""

    def __init__(self, page: PageModel) -> None:
        self.page = page
        self.attendees = _attendees(page)
        m = pt.ATTENDEES.search(page.text(page.lead))
        self.session_with = m.group(1) if m else ""  # "làm việc với <units>"
        self._rec_cache: dict[tuple[str, bool], RequestFrame | None] = {}
        self._verb_cache: dict[str, int | None] = {}

    # --- reporting frames ---------------------------------------------------
    def frame(self, sentence: str) -> re.Match[str] | None:
        """The reporting frame ("Đồng chí ... đề nghị,") if the sentence has one."""
        for m in pt.FRAME_VERB.finditer(sentence):
            if m.start() > 300:
                break
            pre = sentence[: m.start()]
            pre_stripped = pt.LEADING_CONNECTIVE.sub("", pre.strip())
            pre_stripped = pt.TOPIC_CLAUSE.sub("", pre_stripped)
            if self.page.is_unit_name(pre_stripped) or self._only_units(pre_stripped):
                continue  # "Ban Tuyên giáo Tỉnh ủy chỉ đạo Báo ...": the unit's own task
            if len(sentence[m.end() :].split()) < 2:
                break  # "… theo mức Ban Thường vụ giao.": a verb at the end frames nothing
            if not pre_stripped or pt.SPEAKER_END.search(pre) or _after_prior_act(pre):
                verb = m.group(0).lower()
                if (
                    pt.ENDS_CO_SE.search(pre)
                    or pt.DUOC.search(pre[-80:])
                    or (verb.startswith(("chỉ", "quán", "giao")) and pt.ENDS_DA.search(pre))
                ):
                    continue
                return m
        return None

    def _only_units(self, text: str) -> bool:
        """ "Ban A và Ban B", "Các đảng ủy xã": units or a group, nothing else (a subject)."""
        if not text or len(text) > 160:
            return False
        if (
            len(text.split()) <= 6
            and gr.GROUP_HEAD_RE.match(text + " ")
            and text[:3].lower() == "các"
        ):
            return not speaker_is_leader(text)
        rest = text
        for a, b, _ in reversed(self.page.find_units(text)):
            rest = rest[:a] + rest[b:]
        return len(rest) < len(text) and not pt.LIST_SEP.sub("", rest).strip()

    # --- requests of units ----------------------------------------------------
    def rec_frame(self, sentence: str, in_region: bool) -> RequestFrame | None:
        """(who asks, the request) when a unit asks the committee for something."""
        key = (sentence, in_region)
        if key not in self._rec_cache:
            self._rec_cache[key] = self._rec_frame(sentence, in_region)
        return self._rec_cache[key]

    def _rec_frame(self, sentence: str, in_region: bool) -> RequestFrame | None:
        asks = "ề nghị" in sentence or "Ề NGHỊ" in sentence
        if not (
            asks
            or "iến nghị" in sentence
            or "ề xuất" in sentence
            or "ề đạt" in sentence
            or "IẾN NGHỊ" in sentence
            or "Ề XUẤT" in sentence
        ):
            return None
        noun = rp.NOUN_REQUEST.search(sentence, 0, 400)
        if noun:
            rest = sentence[noun.end() :]
            if len(rest.split()) >= 2:
                return self.rec_subject(noun.group("who")) or ("*",), rest
        verbs = list(rp.RECOMMEND.finditer(sentence, 0, 400))
        if asks:
            verbs = sorted(verbs + list(rp.REQUEST_VERB.finditer(sentence, 0, 400)), key=_start)
        for m in verbs:
            if m.start() > 250:
                break
            request = "nghị" in m.group(0).lower() and "kiến" not in m.group(0).lower()
            before = sentence[: m.start()]
            if rp.NOT_RECOMMENDATION_BEFORE.search(before[-40:]):
                continue
            subject_text = pt.LEADING_CONNECTIVE.sub("", rp.AT_THE_MEETING.sub("", before.strip()))
            speakers = rp.SPEAKER_GROUP.match(rp.REQUEST_PREAMBLE.sub("", subject_text, 1) + " ")
            group_speaks = bool(speakers) or bool(rp.SPEAKER_GROUP.match(subject_text + " "))
            subject_text = rp.REQUEST_PREAMBLE.sub("", subject_text, 1)
            subject_text = rp.REC_SUBJECT_TAIL.sub("", subject_text).rstrip(" ,")
            if len(subject_text.split()) > 3:
                subject_text = rp.REQUEST_SUBJECT_ACT.sub("", subject_text).rstrip(" ,")
            if (in_region or request) and speaker_is_leader(subject_text):
                return None  # the chair asks: a directive
            rest = sentence[m.end() :]
            if rp.RECOMMEND_NOUN_AFTER.match(rest) or len(subject_text.split()) > 14:
                continue
            if request and not (group_speaks or rp.HIGHER_BODY_AT.match(rest)):
                continue  # "Ban A đề nghị các xã …" is not put to the committee
            subject = self.rec_subject(subject_text) or (("*",) if group_speaks else None)
            if subject is None:
                continue
            addressee = rp.RECOMMEND_ADDRESSEE.match(rest)
            rest = rest[addressee.end() :] if addressee else rest
            if len(rest.split()) < 3:
                continue
            return subject, rest
        return None

    def rec_subject(self, text: str) -> tuple[str, ...] | None:
        if not text:
            return None
        low = text.lower()
        if gr.ALL_UNITS_RE.match(text) or rp.EVERY_SPEAKER.match(low):
            return ("*",)
        units = [u for _, _, u in self.page.find_units(text)]
        if units and len(text.split()) <= 25:
            return tuple(dict.fromkeys(units))
        if rp.THE_UNIT_ITSELF.match(text):
            session = [u for _, _, u in self.page.find_units(self.session_with)]
            return (session[0],) if len(set(session)) == 1 else ("*",)
        branch = gr.find_collectives(text)
        if branch and branch[0][0] == 0 and branch[0][2].startswith("Chi bộ "):
            return (branch[0][2],)  # "Chi bộ thôn Khe Mụ"
        if len(text.split()) <= 8 and gr.REQUESTER_HEAD_RE.match(text):
            return (text,)  # "một số đảng ủy cơ sở": a part, never everyone
        if self._covers_attendees(text, unknown=False):
            return ("*",)  # the attendees themselves ("trưởng các khu phố" at their briefing)
        g = gr.SUBSET_GROUP_RE.match(text)
        if g:
            return (g.group(0),)
        if len(text.split()) <= 8 and (
            gr.GROUP_HEAD_RE.match(text) or gr.REQUESTER_HEAD_RE.match(text)
        ):
            return (text,)
        return None

    # --- verbs and subjects -----------------------------------------------------
    def verb_at(self, text: str) -> int | None:
        """Where the clause's first verb starts (None: no verb)."""
        try:
            return self._verb_cache[text]  # several passes ask about the same clause
        except KeyError:
            pass
        at = None
        for m in pt.ACTION_VERB.finditer(text, 0, 300):
            # A capitalized verb inside the clause is part of a name ("Ban Tổ chức").
            if m.start() and m.group(0)[0].isupper():
                continue
            at = m.start()
            break
        self._verb_cache[text] = at
        return at

    def head(self, text: str) -> str:
        """The clause before its first verb: who must act ("" if none)."""
        at = self.verb_at(text)
        return text[:at].strip(" ,") if at is not None else ""

    def has_subject(self, text: str) -> bool:
        """Does the clause open with who must act (a unit or a group)?"""
        text = pt.LEADING_TIME.sub("", text)
        head = self.head(text) or text[:80]
        return bool(
            gr.ALL_UNITS_RE.match(head)
            or gr.SUBSET_GROUP_RE.match(head)
            or self.page.find_units(head)
            or head.lower().startswith(("việc ", "lãnh đạo ", "các ", "mỗi ", "từng "))
        )

    def subject_units(self, body: str) -> bool:
        """Does the clause open with a unit, a group or a state body, then a verb?"""
        head = self.head(pt.LEADING_TIME.sub("", body))
        return bool(
            head
            and (
                self.page.find_units(head)
                or pt.LEADING_CONNECTIVE.match(head) is None
                and (
                    gr.ALL_UNITS_RE.match(head)
                    or gr.SUBSET_GROUP_RE.match(head)
                    or len(head.split()) <= _group_words(head)
                    and (gr.GROUP_HEAD_RE.match(head) or gr.STATE_BODY_RE.match(head))
                )
            )
            and pt.ACTION_VERB.search(body)
        )

    # --- assignees -------------------------------------------------------------
    def assign(self, text: str, default: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
        """(assignees, lead unit) of a directive's text."""
        clauses = pt.SEMICOLON.split(text) if ";" in text else [text]
        found, lead = self._assign_clause(clauses[0], default)
        if len(clauses) > 1 and found != ("*",):
            # "A chuẩn bị …; B phối hợp với C …": each clause's subject (and partners) too.
            for clause in clauses[1:]:
                units = self.page.find_units(clause)
                if units and units[0][0] <= 1:
                    more, _ = self._assign_clause(clause, (units[0][2],))
                    found = tuple(dict.fromkeys((*found, *more)))
            lead = found[0] if len(found) == 1 and self.page.is_unit_name(found[0]) else lead
        return found, lead

    def _assign_clause(
        self, text: str, default: tuple[str, ...]
    ) -> tuple[tuple[str, ...], str | None]:
        coop = pt.COOPERATION.search(text[:250])
        if coop:
            before = text[: coop.start()]
            lead_units = [u for _, _, u in self.page.find_units(before)]
            if not lead_units and not before.strip(" ,") and default != ("*",):
                # "Chủ trì, phối hợp với Văn phòng Tỉnh ủy …" in a unit's plan: it leads.
                lead_units = [default[0]]
            if not lead_units and before.strip(" ,"):
                # "Sở Nội vụ phối hợp với …", "Các tổ dân phố phối hợp với …": a state body
                # or a group leads.
                lead_units = [a for a in self.assignees(before, ()) if a != "*"][:1]
            if lead_units:
                partners_text = pt.PARTNERS_END.split(text[coop.end() :])[0]
                partners = self.partners(partners_text)
                names = list(dict.fromkeys([lead_units[-1]] + partners))
                return tuple(names), lead_units[-1]
        found = tuple(self.assignees(text, default))
        lead = found[0] if len(found) == 1 and self.page.is_unit_name(found[0]) else None
        return found, lead

    def partners(self, text: str) -> list[str]:
        # Units first ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "Đảng ủy Ủy ban nhân dân tỉnh"),
        # then state bodies ("Sở Kế hoạch và Đầu tư" has a "và" of its own), then groups.
        spans = self.page.find_units(text)
        out: list[str] = [u for _, _, u in spans]
        masked = text
        for a, b, _ in reversed(spans):
            masked = masked[:a] + "," * (b - a) + masked[b:]
        for state in gr.STATE_BODY_RE.finditer(masked):
            out.append(pt.SPACES.sub(" ", state.group(0)))
        masked = gr.STATE_BODY_RE.sub(",", masked)
        for chunk in pt.LIST_SEP.split(masked):
            chunk = chunk.strip(" ,")
            if not chunk or vague(chunk):
                continue
            g = gr.SUBSET_GROUP_RE.match(chunk)
            if g and chunk.lower().startswith("các"):
                out.append(g.group(0))
                continue
        # A group split on commas ("các huyện ủy, thị ủy, thành ủy") is read whole.
        whole = gr.SUBSET_GROUP_RE.search(text)
        if whole and "," in whole.group(0) and not vague(text[whole.end() : whole.end() + 30]):
            out = [o for o in out if o not in whole.group(0)] + [whole.group(0)]
        return out

    def assignees(self, text: str, default: tuple[str, ...]) -> tuple[str, ...]:
        text = pt.LEADING_CONNECTIVE.sub("", text.strip())
        text = pt.LEADING_TIME.sub("", text)
        text = pt.TOPIC_WORD.sub("", text)
        at = self.verb_at(text)
        head = pt.HEAD_TAIL.sub("", (text[:at] if at is not None else text[:120]).strip(" ,:"))
        head = pt.LIST_OBJECT_TAIL.sub("", head)
        if not head:
            return default
        every = gr.ALL_UNITS_RE.match(text)
        if every:
            group = every.group(0)
            # "các cơ quan khối Đảng" at a meeting that also has communes: a subset.
            if gr.PART_OF_ATTENDEES_RE.search(group) and self._part_of_attendees(group):
                return (group,)
            return ("*",)
        # Matched on the text, not the head: a group may contain a verb ("tổ chức đảng").
        g = gr.SUBSET_GROUP_RE.match(text)
        if g and not g.group(0).lower().startswith("các"):
            named = self.page.find_units(head)
            if named and named[0][0] == 0:
                g = None  # "Ban Xây dựng Đảng" in a commune's text names its board
        if g:
            group = g.group(0).rstrip(" ,")
            # "các chi bộ còn lại", "các xã, thị trấn": the group as the clause names it.
            extra = head[len(group) :].split()
            if (
                head.startswith(group)
                and 0 < len(extra) <= 4
                and not vague(head)
                and not pt.NOT_GROUP_WORD.match(extra[0])
            ):
                group = head
            # The whole attendee list named again is everyone present.
            if self._same_as_attendees(group) or self._covers_attendees(group, unknown=False):
                return ("*",)
            return (group,)
        units = [u for _, _, u in self.page.find_units(head)]
        if units:
            return tuple(dict.fromkeys(units))
        if self._is_attendee_list(head):
            return ("*",)
        state = gr.STATE_BODY_RE.match(head)
        if state:
            return (pt.SPACES.sub(" ", state.group(0)),)
        if len(head.split()) <= _group_words(head) and gr.GROUP_HEAD_RE.match(head):
            # "các cơ quan liên quan", "Ngành Giáo dục", "Tổ biên tập": as written.
            return ("*",) if self._same_as_attendees(head) else (head,)
        return default

    def _same_as_attendees(self, group: str) -> bool:
        words = set(pt.WORD.findall(group.lower()))
        if not words or not self.attendees:
            return False
        common = len(words & self.attendees)
        return common / len(words) >= 0.75 and common / len(self.attendees) >= 0.75

    def _covers_attendees(self, group: str, *, unknown: bool = True) -> bool:
        """Is the group the attendee list itself (its content words, not only a part)?

        `unknown` is the answer when the lead names no attendees."""
        words = set(pt.WORD.findall(group.lower())) - _FILLER
        present = self.attendees - _FILLER
        if not present:
            return unknown
        if not words or len(words & present) / min(len(words), len(present)) < 0.75:
            return False  # the group is not named among the attendees
        if not (present - words) & _OTHER_LEVELS:
            return True  # nobody of another kind is at the meeting
        return len(words & present) / len(present) >= 0.75

    def _part_of_attendees(self, group: str) -> bool:
        """ "các cơ quan khối Đảng" at a meeting that also hears communes: a subset."""
        words = set(pt.WORD.findall(group.lower())) - _FILLER
        present = self.attendees - _FILLER
        return (
            bool(present)
            and bool(words)
            and not self._covers_attendees(group)
            and bool((present - words) & _OTHER_LEVELS)
            and len(words & present) / len(words) >= 0.75
        )

    def _is_attendee_list(self, head: str) -> bool:
        words = pt.WORD.findall(head.lower())
        if not words or not head.lower().startswith(("các", "lãnh đạo các", "đội ngũ")):
            return False
        return sum(1 for w in words if w in self.attendees) / len(words) >= 0.75


# Words that say nothing about who attends; words that name a kind of attendee.
_FILLER = frozenset(["lãnh", "đạo", "các", "và", "của", "tỉnh", "ủy", "với"])
_OTHER_LEVELS = frozenset(
    [
        "xã",
        "phường",
        "huyện",
        "quận",
        "thị",
        "thành",
        "mặt",
        "trận",
        "đoàn",
        "thể",
        "sở",
        "ngành",
        "khối",
        "ban",
        "văn",
        "phòng",
        "cơ",
        "quan",
    ]
)


def _after_prior_act(pre: str) -> bool:
    """ "đồng chí X ghi nhận ... và" before the frame verb: the speaker acts twice."""
    act = pt.PRIOR_ACT.search(pre)
    while act is not None:
        if pt.SPEAKER_END.search(pre, 0, act.start()):
            return True
        act = pt.PRIOR_ACT.search(pre, act.start() + 1)
    return False


def _group_words(head: str) -> int:
    """How long a group subject may be: "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội
    xã" is long."""
    return 14 if head.lower().startswith(("mặt trận", "mttq", "ủy ban mặt trận")) else 10


def _start(m: re.Match[str]) -> int:
    return m.start()


def _attendees(page: PageModel) -> set[str]:
    """The words of "giao ban với <attendees>" (or "giao ban <attendees>") in the lead."""
    lead = page.text(page.lead)
    m = pt.ATTENDEES.search(lead) or pt.ATTENDEES_PLAIN.search(lead)
    if not m:
        return set()
    return set(pt.WORD.findall(pt.ATTENDEES_END.split(m.group(1))[0].lower()))
