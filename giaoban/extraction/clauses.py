"""The reading of one clause, shared by the passes: who speaks, who must act.

`Clauses` answers questions about a sentence in the context of one page —
its reporting frame ("Đồng chí … đề nghị,"), a unit's request ("… kiến nghị
…"), where its verb starts, who is assigned — and memoizes the answers, since
several passes ask about the same sentence.
"""

from __future__ import annotations

import re

from giaoban.extraction import gazetteer as gz
from giaoban.extraction import patterns as pt
from giaoban.extraction.page import PageModel

RequestFrame = tuple[tuple[str, ...], str]  # (who asks, what follows the verb)


def speaker_is_leader(sentence: str) -> bool:
    return bool(pt.LEADER.search(sentence))


def vague(text: str) -> bool:
    """ "các cơ quan, đơn vị liên quan": a partner too vague to list."""
    return bool(gz.VAGUE_PARTNER_RE.search(text))


class Clauses:
    """Questions about clauses of one page, with memoized answers."""

    def __init__(self, page: PageModel) -> None:
        self.page = page
        self.attendees = _attendees(page)
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
            if self.page.is_unit_name(pre_stripped):
                continue  # "Ban Tuyên giáo Tỉnh ủy chỉ đạo Báo ...": the unit's own task
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

    # --- requests of units ----------------------------------------------------
    def rec_frame(self, sentence: str, in_region: bool) -> RequestFrame | None:
        """(who asks, the request) when a unit asks the committee for something."""
        key = (sentence, in_region)
        if key not in self._rec_cache:
            self._rec_cache[key] = self._rec_frame(sentence, in_region)
        return self._rec_cache[key]

    def _rec_frame(self, sentence: str, in_region: bool) -> RequestFrame | None:
        if not (
            "iến nghị" in sentence
            or "ề xuất" in sentence
            or "ề đạt" in sentence
            or "IẾN NGHỊ" in sentence
            or "Ề XUẤT" in sentence
        ):
            return None
        for m in pt.RECOMMEND.finditer(sentence):
            if m.start() > 250:
                break
            before = sentence[: m.start()]
            if pt.NOT_RECOMMENDATION_BEFORE.search(before[-40:]):
                continue
            subject_text = pt.LEADING_CONNECTIVE.sub("", pt.AT_THE_MEETING.sub("", before.strip()))
            subject_text = pt.REC_SUBJECT_TAIL.sub("", subject_text)
            if in_region and speaker_is_leader(subject_text):
                return None
            rest = sentence[m.end() :]
            if pt.RECOMMEND_NOUN_AFTER.match(rest) or len(subject_text.split()) > 14:
                continue
            subject = self.rec_subject(subject_text)
            if subject is None:
                continue
            addressee = pt.RECOMMEND_ADDRESSEE.match(rest)
            rest = rest[addressee.end() :] if addressee else rest
            if len(rest.split()) < 3:
                continue
            return subject, rest
        return None

    def rec_subject(self, text: str) -> tuple[str, ...] | None:
        if not text:
            return None
        low = text.lower()
        if gz.ALL_UNITS_RE.match(text) or pt.EVERY_SPEAKER.match(low):
            return ("*",)
        units = [u for _, _, u in self.page.find_units(text)]
        if units and len(text.split()) <= 25:
            return tuple(dict.fromkeys(units))
        g = gz.SUBSET_GROUP_RE.match(text)
        if g:
            return (g.group(0),)
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
            gz.ALL_UNITS_RE.match(head)
            or gz.SUBSET_GROUP_RE.match(head)
            or self.page.find_units(head)
            or head.lower().startswith(("việc ", "lãnh đạo ", "các ", "mỗi ", "từng "))
        )

    def subject_units(self, body: str) -> bool:
        head = self.head(pt.LEADING_TIME.sub("", body))
        return bool(
            head
            and (
                gz.find_units(head)
                or pt.LEADING_CONNECTIVE.match(head) is None
                and (gz.ALL_UNITS_RE.match(head) or gz.SUBSET_GROUP_RE.match(head))
            )
            and pt.ACTION_VERB.search(body)
        )

    # --- assignees -------------------------------------------------------------
    def assign(self, text: str, default: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
        """(assignees, lead unit) of a directive's text."""
        coop = pt.COOPERATION.search(text[:250])
        if coop:
            lead_units = [u for _, _, u in self.page.find_units(text[: coop.start()])]
            if lead_units:
                partners_text = pt.PARTNERS_END.split(text[coop.end() :])[0]
                partners = self.partners(partners_text)
                names = list(dict.fromkeys([lead_units[-1]] + partners))
                return tuple(names), lead_units[-1]
        found = self.assignees(text, default)
        lead = found[0] if len(found) == 1 and self.page.is_unit_name(found[0]) else None
        return tuple(found), lead

    def partners(self, text: str) -> list[str]:
        out: list[str] = []
        for chunk in pt.LIST_SEP.split(text):
            chunk = chunk.strip()
            if not chunk or vague(chunk):
                continue
            units = self.page.find_units(chunk)
            if units:
                out.extend(u for _, _, u in units)
                continue
            g = gz.SUBSET_GROUP_RE.match(chunk)
            if g and chunk.lower().startswith("các"):
                out.append(g.group(0))
                continue
            state = gz.STATE_BODY_RE.match(chunk)
            if state:
                out.append(pt.SPACES.sub(" ", state.group(0)))
        # A group split on commas ("các huyện ủy, thị ủy, thành ủy") is read whole.
        whole = gz.SUBSET_GROUP_RE.search(text)
        if whole and "," in whole.group(0) and not vague(text[whole.end() : whole.end() + 30]):
            out = [o for o in out if o not in whole.group(0)] + [whole.group(0)]
        return out

    def assignees(self, text: str, default: tuple[str, ...]) -> tuple[str, ...]:
        text = pt.LEADING_CONNECTIVE.sub("", text.strip())
        text = pt.LEADING_TIME.sub("", text)
        text = pt.TOPIC_WORD.sub("", text)
        at = self.verb_at(text)
        head = (text[:at] if at is not None else text[:120]).strip(" ,:")
        if not head:
            return default
        if gz.ALL_UNITS_RE.match(text):
            return ("*",)
        # Matched on the text, not the head: a group may contain a verb ("tổ chức đảng").
        g = gz.SUBSET_GROUP_RE.match(text)
        if g:
            group = g.group(0).rstrip(" ,")
            # The whole attendee list named again is everyone present.
            return ("*",) if self._same_as_attendees(group) else (group,)
        units = [u for _, _, u in self.page.find_units(head)]
        if units:
            return tuple(dict.fromkeys(units))
        if self._is_attendee_list(head):
            return ("*",)
        return default

    def _same_as_attendees(self, group: str) -> bool:
        words = set(pt.WORD.findall(group.lower()))
        if not words or not self.attendees:
            return False
        common = len(words & self.attendees)
        return common / len(words) >= 0.75 and common / len(self.attendees) >= 0.75

    def _is_attendee_list(self, head: str) -> bool:
        words = pt.WORD.findall(head.lower())
        if not words or not (
            head.lower().startswith("các") or head.lower().startswith("lãnh đạo các")
        ):
            return False
        return sum(1 for w in words if w in self.attendees) / len(words) >= 0.75


def _after_prior_act(pre: str) -> bool:
    """ "đồng chí X ghi nhận ... và" before the frame verb: the speaker acts twice."""
    act = pt.PRIOR_ACT.search(pre)
    return bool(act and pt.SPEAKER_END.search(pre, 0, act.start()))


def _attendees(page: PageModel) -> set[str]:
    """The words of "giao ban với <attendees>" in the lead."""
    m = pt.ATTENDEES.search(page.text(page.lead))
    if not m:
        return set()
    return set(pt.WORD.findall(m.group(1).lower()))
