"""The directives pass: where the chair's conclusion starts, and its instructions.

`conclusion_start` finds the first sentence of the conclusion; `read_directives`
reads the instructions from there on and returns them with the sentences they
were read from (the figures pass does not count numbers inside a directive).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from giaoban.extraction import patterns as pt
from giaoban.extraction import report_patterns as rp
from giaoban.extraction.clauses import Clauses, speaker_is_leader
from giaoban.extraction.dates import deadline
from giaoban.extraction.items import inline_items, related_links
from giaoban.extraction.page import PageModel, Sentence, clean, report_author, sentences
from giaoban.extraction.record import Directive, Meeting

# Item marks from the outermost to the innermost ("1." > "1.1" > "a)" > "-").
_ITEM_RANK = {"num": 0, "pnum": 0, "ord": 0, "sub": 1, "letter": 2, "bullet": 3}


@dataclass(frozen=True)
class Directives:
    """What the pass found: the directives and the sentences they came from."""

    items: tuple[Directive, ...]
    sentences: frozenset[str]


# --- where the chair's conclusion starts ------------------------------------------
def conclusion_start(page: PageModel, clauses: Clauses) -> int:
    """Index of the first sentence of the chair's conclusion."""
    for k, s in enumerate(page.sentences):
        if s.para in page.title_set:
            continue
        # Every form of the conclusion cue has "kết luận" or "chỉ đạo" in it.
        low = s.text.lower()
        if (
            ("luận" in low or "đạo" in low)
            and pt.CONCLUSION.search(s.text)
            and _is_prose_line(page, s.para)
            and not _is_caption(page, s)
        ):
            return k
    previous = ""
    in_requests = False  # inside a report's "Kiến nghị, đề xuất" section
    for k, s in enumerate(page.sentences):
        if s.para in page.title_set:
            continue
        if s.start == 0 and pt.SECTION.match(page.lines[s.para]):
            in_requests = bool(rp.REQUESTS_SECTION.match(page.lines[s.para]))
        frame = None if in_requests else clauses.frame(s.text)
        if frame is not None and clauses.rec_frame(s.text, False) is None:
            speaker = s.text[: frame.start()]
            if speaker_is_leader(speaker):
                return k
            # "Đồng chí … biểu dương …. Đồng thời đề nghị …": the speaker of the sentence before
            # (not a unit's request to the standing committee).
            if (
                not pt.LEADING_CONNECTIVE.sub("", speaker.strip())
                and speaker_is_leader(previous[:80])
                and clauses.rec_frame(previous, False) is None
            ):
                return k
        if (
            pt.QUOTED_INSTRUCTION.match(s.text)
            or _answer_then_task(s.text)
            or _theo_leader(s.text)
            or pt.LIST_CUE.search(s.text)
        ):
            return k
        previous = s.text
    for k, s in enumerate(page.sentences):
        # No frame at all: the tasks start at a plan sentence ("Tháng tới, …", "Tháng 10, … sẽ").
        if s.para not in page.title_set and _plan_lead(s.text):
            return k
    for k, s in enumerate(page.sentences):
        line = page.lines[s.para]
        sec = pt.SECTION.match(line)
        if sec and not pt.SECTION_REPORT.search(sec.group("title")):
            return k
        # "2. Nhiệm vụ trọng tâm quý IV năm 2024": a numbered heading of the tasks.
        item = pt.LINE_ITEM.match(line)
        if (
            item
            and pt.TASK_HEADING.match(line[item.end() :])
            and _is_heading(page, s.para, line[item.end() :])
        ):
            return k
    return len(page.sentences)


def _plan_lead(sentence: str) -> re.Match[str] | None:
    """ "Tháng tới, …", "Từ nay đến cuối năm, …", or "Tháng 10, <subject> sẽ …": a plan."""
    m = pt.PLAN_LEAD.match(sentence) or pt.PLAN_LEAD_PERIOD.match(sentence)
    if m and (m.re is pt.PLAN_LEAD or pt.WILL.search(sentence, m.end(), m.end() + 120)):
        return m
    return None


def _answer_then_task(sentence: str) -> re.Match[str] | None:
    """ "<leader or representative> đã giải thích …; hướng dẫn …": the task after the answer."""
    if ";" not in sentence:
        return None
    m = pt.ANSWER_THEN_TASK.match(sentence)
    if m is None:
        return None
    who, task = m.group("who"), m.group("task")
    if not (speaker_is_leader(who) or who.lower().startswith("đại diện")):
        return None
    if pt.DONE.match(task) or pt.FRAME_VERB.match(task):
        return None  # "…; đồng thời giao X …" is the frame's (an earlier act, then the frame)
    if not (pt.IMPERATIVE_START.match(task) or pt.ACTION_VERB.match(task)):
        return None
    return m


def _theo_leader(sentence: str) -> re.Match[str] | None:
    m = pt.THEO_LEADER.match(sentence)
    return m if m and speaker_is_leader(m.group("who")) else None


def conclusion_para(page: PageModel, region: int) -> int:
    """The paragraph where the conclusion starts (the line count if none)."""
    return page.sentences[region].para if region < len(page.sentences) else len(page.lines)


def _is_heading(page: PageModel, para: int, body: str) -> bool:
    """ "1. Đánh giá chung", "2. Phương hướng, nhiệm vụ … năm 2024": a sub-heading."""
    if body.rstrip().endswith((".", ";", "…", ":")):
        return False
    words = len(body.split())
    if words <= 10:
        return True
    nxt = page.lines[para + 1] if para + 1 < len(page.lines) else ""
    return words <= 30 and bool(pt.LINE_ITEM.match(nxt) or pt.INLINE_ITEM.match(nxt))


def _is_caption(page: PageModel, s: Sentence) -> bool:
    """ "Đồng chí X phát biểu kết luận hội nghị." alone on its line: a photo caption."""
    line = page.lines[s.para]
    return len(line.split()) < 15 and line.strip() == s.text and bool(pt.CAPTION_END.search(s.text))


def _is_prose_line(page: PageModel, para: int) -> bool:
    line = page.lines[para]
    return len(line.split()) >= 15 or line.rstrip().endswith((".", ":", "…", ";"))


# --- the directives -----------------------------------------------------------------
def read_directives(page: PageModel, clauses: Clauses, region: int, meeting: Meeting) -> Directives:
    """The directives from sentence `region` on; deadlines resolved against the meeting."""
    ref = meeting.date or page.published
    period_year = meeting.period.year if meeting.period else None
    ref_year = (
        meeting.date.year
        if meeting.date
        else page.published.year
        if page.published
        else period_year
    )
    return _Pass(page, clauses, ref, ref_year).run(region)


class _Pass:
    """The state of one walk through the conclusion: defaults set by headings."""

    def __init__(
        self, page: PageModel, clauses: Clauses, ref: date | None, ref_year: int | None
    ) -> None:
        self.page = page
        self.clauses = clauses
        self.ref = ref
        self.ref_year = ref_year
        self.used: set[str] = set()

    def run(self, region: int) -> Directives:
        page, cl = self.page, self.clauses
        out: list[Directive] = []
        section_ok = True
        # In a unit's own report, the items of its plan are its own tasks.
        author = report_author(page)
        lead_default: tuple[str, ...] = (author,) if author else ("*",)
        default = lead_default
        header_rank: int | None = None  # rank of the item line that set `default`
        paras: dict[int, list[Sentence]] = {}
        for s in page.sentences[region:]:
            paras.setdefault(s.para, []).append(s)
        related = related_links(page)
        for para, sents in paras.items():
            if para in related:
                continue
            line = page.lines[para]
            if pt.END_OF_NOTICE.match(line):
                break
            sec = pt.SECTION.match(line)
            if sec:
                # A report's "Kết quả …" and "Kiến nghị, đề xuất" sections hold no directive.
                section_ok = not (
                    pt.SECTION_REPORT.search(sec.group("title")) or rp.REQUESTS_SECTION.match(line)
                )
                default = lead_default
                continue
            item = pt.LINE_ITEM.match(line)
            if item and _is_heading(page, para, line[item.end() :]):
                # "1. Đánh giá chung", "2. Nhiệm vụ thời gian tới": a sub-heading.
                section_ok = not pt.SECTION_REPORT.search(line[item.end() :])
                default = lead_default
                continue
            if not section_ok:
                continue
            if item:
                rank = _ITEM_RANK[item.lastgroup or "bullet"]
                if header_rank is not None and rank <= header_rank:
                    # "4. Ủy ban Kiểm tra ..." after "3. Ban Tuyên giáo:" and its sub-items.
                    default, header_rank = lead_default, None
                body = line[item.end() :]
                inline = inline_items(line) if item.lastgroup == "pnum" else None
                if inline and not inline[0].strip():
                    # "(1) …; (2) …" on one line: one directive per item.
                    for part in inline[1]:
                        d = self.directive(clean(part), default, item=True)
                        if d:
                            out.append(d)
                    self.used.update(s.text for s in sents)
                    continue
                # "Về đề xuất của X về Y: ghi nhận, giao Z …" is an answer, read whole below.
                header = None if rp.REQUEST_ANSWER.match(body) else pt.TOPIC_HEADER.match(body)
                if header:
                    body = body[header.end() :]
                    hdr_units = cl.assignees(header.group(0), ())
                    if not body.strip():
                        default = hdr_units or lead_default
                        header_rank = rank
                        continue
                if not body.strip() or (len(body.split()) < 15 and body.rstrip().endswith(":")):
                    default = cl.assignees(body, ()) or lead_default
                    header_rank = rank
                    continue
                # One entry per numbered item, screened like a sentence (reports are not
                # directives) and with its reporting frame dropped.
                found = self.sentence(body, default, item=True)
                if not found and header_rank is not None and default != lead_default:
                    # Under "3. Ban Tuyên giáo và Dân vận Tỉnh ủy:" every item is its task.
                    task = self.task_item(body, default)
                    found = [task] if task else []
                if found:
                    out.extend(found)
                    self.used.update(s.text for s in sents)
                continue
            text = " ".join(s.text for s in sents)
            items = inline_items(text)
            if items:
                intro, parts = items
                intro_sents = sentences(intro)
                for sentence in intro_sents[:-1]:
                    out.extend(self.sentence(sentence, default))
                frame_text = intro_sents[-1] if intro_sents else ""
                fm = cl.frame(frame_text)
                subject_text = frame_text[fm.end() :] if fm else frame_text
                inherited = cl.assignees(subject_text, ()) or default
                for part in parts:
                    d = self.directive(clean(part), inherited, item=True)
                    if d:
                        out.append(d)
                        self.used.update(s.text for s in sents)
                continue
            if (
                sents[-1].text.rstrip().endswith(":")
                and para + 1 < len(page.lines)
                and pt.LINE_ITEM.match(page.lines[para + 1])
            ):
                # "... yêu cầu các ban Đảng ... thực hiện tốt các nhiệm vụ sau:" introduces
                # the items below: it gives their default assignees, it is not one itself.
                fm = cl.frame(sents[-1].text)
                subject_text = sents[-1].text[fm.end() :] if fm else sents[-1].text
                default = cl.assignees(subject_text, ()) or lead_default
                header_rank = None
                sents = sents[:-1]
            for s in sents:
                if s.para in page.title_set:
                    continue
                out.extend(self.sentence(s.text, default))
        return Directives(tuple(out), frozenset(self.used))

    def task_item(self, body: str, default: tuple[str, ...]) -> Directive | None:
        body = body.strip()
        if pt.DONE.match(body) or pt.EVALUATION.search(body[:120]) or pt.SCHEDULING.search(body):
            return None
        return self.directive(clean(body), default, item=True)

    def sentence(
        self, sentence: str, default: tuple[str, ...], *, item: bool = False
    ) -> list[Directive]:
        """The directives a sentence (or an item's body) gives: none, one, or one per item
        of a colon list ("… các việc sau: A; B; C")."""
        d = self._sentence(sentence, default, item)
        if d is None:
            return []
        self.used.add(sentence)
        colon = pt.COLON_LIST.search(d.text)
        if colon is None:
            return [d]
        parts = [clean(p) for p in pt.SEMICOLON.split(d.text[colon.end() :])]
        parts = [pt.ITEM_TOPIC_LABEL.sub("", p) for p in parts if p]
        if len(parts) < 2:
            return [d]
        items = [self.directive(p, d.assignees, item=False) for p in parts]
        return [i for i in items if i is not None] or [d]

    def _sentence(self, sentence: str, default: tuple[str, ...], item: bool) -> Directive | None:
        cl = self.clauses
        answer = rp.REQUEST_ANSWER.match(sentence)
        if answer:
            # "Đề xuất của X về Y: Thường trực Tỉnh ủy đồng ý; Ban A chủ trì …": the task
            # given in the answer, if one is given (the request is read by `reports`).
            return self._answer_task(answer.group("answer"), default, item)
        if (
            pt.SCHEDULING.search(sentence)
            or cl.rec_frame(sentence, False) is not None
            or sentence.rstrip(" :").endswith(("luận", "LUẬN", "sau", "SAU"))
            and pt.CONCLUSION_ANNOUNCED.search(sentence)
        ):
            return None
        answered = _answer_then_task(sentence)
        if answered:
            return self.directive(clean(answered.group("task")), default, item=item)
        frame = cl.frame(sentence)
        if frame is not None:
            content = sentence[frame.end() :]
            # "nhấn mạnh: trên cơ sở …, đề nghị Tổ biên tập …": the request inside the frame.
            inner = pt.INNER_FRAME.match(content)
            if inner:
                content = content[inner.end() :]
            if pt.META_ASSIGNMENT.match(clean(content)):
                return None
            # "Riêng với đảng ủy các phường, đồng chí yêu cầu …": the topic names who acts.
            topic = pt.TOPIC_ASSIGNEE.match(sentence[: frame.start()])
            if topic:
                default = cl.assignees(topic.group("who"), ()) or (topic.group("who"),)
            verb = pt.SPACES.sub(" ", frame.group(0).strip(" ,:").lower())
            # "nhấn mạnh, năm tới có ý nghĩa bản lề vì toàn tỉnh tổ chức …": context, not a task
            # (a verb inside the "vì"/"khi" clause does not make one).
            main = pt.REASON_CLAUSE.sub("", content)
            if verb in ("nhấn mạnh", "chỉ đạo", "chỉ rõ", "quán triệt") and (
                not (pt.MODAL_CUE.search(main) or pt.ACTION_VERB.search(main))
                or pt.CONTEXT_CLAIM.search(main)
                and not pt.MODAL_CUE.search(main)
            ):
                return None
            return self.directive(clean(content), default, item=item)
        quoted = pt.QUOTED_INSTRUCTION.match(sentence)
        if quoted:
            return self.directive(clean(quoted.group("q")), default, item=item)
        theo = _theo_leader(sentence)
        if theo:
            sentence = sentence[theo.end() :]
        plan = _plan_lead(sentence)
        if plan and pt.WILL.search(sentence, plan.end(), plan.end() + 120):
            if pt.PLAN_LEAD_NO_DATE.match(sentence):
                sentence = sentence[plan.end() :]
            return self.directive(clean(sentence), default, item=item)
        body = pt.LEADING_CONNECTIVE.sub("", sentence)
        if pt.EVALUATION.search(sentence[:120]) or pt.ASSESSMENT.search(body[:80]):
            return None
        # "Đối với công tác cải cách hành chính, rút ngắn …": the topic, then the imperative.
        topic = pt.TOPIC_CLAUSE.match(body)
        if topic and (
            pt.IMPERATIVE_START.match(body[topic.end() :])
            or pt.ACTION_VERB.match(body[topic.end() :])
        ):
            return self.directive(clean(sentence), default, item=item)
        cue = pt.MODAL_CUE.search(pt.RELATIVE_CLAUSE.sub("", body))
        imperative = pt.IMPERATIVE_START.match(body) or (
            pt.ACTION_VERB.match(body) and not pt.DONE.search(body) and "cho thấy" not in body
        )
        subject = cl.subject_units(body)
        if not (cue or imperative or subject or item):
            return None
        first_cue = cue.start() if cue else len(body)
        done = pt.DONE.search(body)
        verb_at = cl.verb_at(body)
        if done and pt.DONE_IN_NOUN.search(body, 0, done.end()):
            done = None  # "thống kê những đảng viên đã chuyển đi": inside the object
        if done and done.start() < first_cue and not imperative:
            return None
        if pt.SHORTCOMING.search(body[: min(first_cue, verb_at or len(body))]) and not imperative:
            return None  # a shortcoming: "một số nhiệm vụ còn chậm"
        if subject and not cue and not imperative:
            act = pt.ACTION_VERB.search(body)
            if not act or done and done.start() < act.start():
                return None
        return self.directive(clean(sentence), default, item=item)

    def _answer_task(self, answer: str, default: tuple[str, ...], item: bool) -> Directive | None:
        clauses = [c for c in pt.SEMICOLON.split(answer) if c.strip()]
        # "ghi nhận;" alone is no task, "ghi nhận, giao Ban Tổ chức … thẩm định" gives one.
        while (
            clauses
            and rp.ANSWER_ONLY.match(clauses[0].strip())
            and not rp.ANSWER_GIVES.search(clauses[0].strip(), 1)
        ):
            clauses = clauses[1:]
        if not clauses:
            return None
        text = "; ".join(clauses)
        given = rp.ANSWER_GIVES.search(text, 0, 120)
        if given:
            text = text[given.end() :]  # "giao <whoever> …": who follows "giao" is tasked
        elif not self.clauses.has_subject(text):
            return None
        return self.directive(clean(text), default, item=item)

    def directive(self, text: str, default: tuple[str, ...], *, item: bool) -> Directive | None:
        """The directive of a clause already known to ask for action."""
        cl = self.clauses
        text = text.strip()
        if not text or len(text.split()) < 3:
            return None
        # "Trong đó, các cơ quan báo chí ..." -> the connective goes with a subject.
        conn = pt.LEADING_CONNECTIVE.match(text)
        if (
            conn
            and not pt.IMPERATIVE_START.match(text[conn.end() :])
            and not pt.MODAL_CUE.match(text[conn.end() :])
        ):
            text = text[conn.end() :]
        low = text.lower()
        # "do đó", "vì vậy", "vì thế", "cho nên", "nên": one of these words must be there.
        causal = (
            pt.CAUSAL_TO_SUBJECT.search(text)
            if ("nên" in low or "đó" in low or "vậy" in low or "thế" in low)
            else None
        )
        if causal and causal.start() < 250:
            text = text[causal.end() :]
        if (
            not pt.IMPERATIVE_START.match(text)
            and not cl.has_subject(text)
            and not pt.PLAN_LEAD_PERIOD.match(text)  # "Tháng 10, …": the time phrase stays in
        ):
            later = pt.SUBJECT_AFTER_COMMA.search(text, 0, 250)
            if later:
                text = text[later.start("subj") :]
        label = pt.UNIT_LABEL.match(text)
        if label and self.page.find_units(label.group("label")):
            text = text[label.end() :]
            default = tuple(cl.assignees(label.group("label"), ()) or default)
        if not text or len(text.split()) < 3:
            return None
        assignees, lead = cl.assign(text, default)
        text = text[0].upper() + text[1:] if item else text
        when = deadline(text, self.ref, self.ref_year)
        period = pt.PLAN_LEAD_PERIOD.match(text) if when is None else None
        if period and not pt.EVENT_PLAN.search(text, period.end(), period.end() + 80):
            # "Tháng 10, các chi bộ sẽ …": the leading time frame of the work is its limit.
            frame = pt.LEADING_TRONG.sub("", period.group(0)).strip(" ,")
            when = deadline("trong " + frame, self.ref, self.ref_year)
        return Directive(text=text, assignees=assignees, deadline=when, lead=lead)
