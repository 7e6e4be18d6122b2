"""Regular expressions of the reports pass: counted results and units' requests.

The other passes' patterns are in `patterns`; the split keeps each module small. Every
quantifier that can meet a long run of text is bounded or anchored to a literal.
"""

from __future__ import annotations

import re
from typing import Final

from giaoban.extraction import lexicon as lx
from giaoban.extraction.lexicon import (
    APPROVAL,
    COUNT,
    COUNT_END,
    HIGHER_BODY,
    MEETING_NOUN,
    REQUEST_NOUN,
    STANDING_BODY,
    word_alternation,
    words,
)

# --- Figures ---------------------------------------------------------------
_FIGURE_VERB = word_alternation(lx._FIGURE_VERBS, ignore_case=False) + r"(?!\w)"
# A count of work done: verb, a short gap, the number, what was counted.
FIGURE: Final = re.compile(
    _FIGURE_VERB
    + r"(?P<gap>(?:[^\d,.;:()\n]|,(?!\s)|,\s(?!(?:trong|với|đồng|góp|qua|nhất|đặc|theo|nhằm|để|tạo)\s))"
    r"{0,60}?)\s(?i:(?:hơn|trên|gần|khoảng|được|tổng\s+số)\s+)?"
    + COUNT
    + r"(?:/(?!(?:19|20)\d\d)\d{1,5})?"
    + COUNT_END
    + r"\s+(?P<measure>[^\W\d_](?:[^.;:()\n]|(?<=\d)\.(?=\d{3})){0,80})"
)
FIGURE_MEASURE_STOP: Final = re.compile(
    r"(?i)^(?:tháng|năm|ngày|giờ|phút|quý|lần\s+thứ|nhiệm\s+kỳ|tuổi|km|điểm\s+cầu|đại\s+biểu"
    r"|đồng\s+chí|ý\s+kiến(?!\s+(?:phản\s+ánh|của\s+(?:người\s+dân|nhân\s+dân|cử\s+tri)))|tham\s+luận|người\s+dự|%|phần\s+trăm|tỷ|triệu|nghìn|vào|của|tại"
    r"|trên|với|và|để|trong|từ|đến)(?!\w)"
)
FIGURE_GAP_STOP: Final = re.compile(
    r"(?i)(?<!\w)(?:thứ|số|khóa|ngày|tháng|năm|quý|lần|kỳ|đợt|giai\s+đoạn|nhiệm\s+kỳ)\s*$"
)
# A second count sharing the verb: "tổ chức 2 hội nghị và 1 cuộc thi".
FIGURE_COORDINATED: Final = re.compile(
    r"(?:,\s*|\s+và\s+|,?\s+trong\s+đó(?:\s+có)?\s+|\s+(?:với|cho)\s+(?:hơn\s+|gần\s+|trên\s+)?)"
    + COUNT
    + COUNT_END
    + r"\s+(?=[^\W\d_])"
)
# What a measure cut before the next count ends with: "đơn thư, đã" -> "đơn thư".
FIGURE_MEASURE_TAIL: Final = re.compile(r"(?i)(?:[\s,]+(?:đã|và|cũng|còn|đồng\s+thời))*[\s,]*$")
FIGURE_MEASURE_END: Final = re.compile(
    r"(?i)(?:\s+(?:gửi\s+đến|trong\s+(?:quý|tháng|năm|kỳ)|so\s+với|đạt|tăng|giảm|và\s+đã|(?:đối\s+)?với"
    r"|trước\s+khi|khi\s+có)|,\s+(?:hướng\s+dẫn|định\s+hướng|chuyển|tham\s+mưu|chỉ\s+đạo|phối\s+hợp"
    r"|góp\s+phần|đồng\s+thời))(?!\w).*$"
)
# "812 lượt công dân được Ban Nội chính Tỉnh ủy tiếp": the count before its verb (a digit
# first, so that the engine skips ahead; the character before is checked by the caller).
FIGURE_PASSIVE: Final = re.compile(
    COUNT + COUNT_END + r"\s+(?P<measure>[^\W\d_][^\d.;:,()\n]{0,60}?)\s+được\s+"
)
# A document reference is not a count: "theo Điều 30", "Nghị quyết số 18-NQ/TW".
DOCUMENT_REFERENCE: Final = re.compile(
    word_alternation(
        words(
            "điều | khoản | chương | mục | số | chỉ thị | nghị quyết | quyết định số | kết luận số | "
            "quy định số | hướng dẫn số | kế hoạch số | thông báo số | công văn số"
        )
    )
    + r"(?!\w)\s+(?:(?i:số)\s+)?\d[\w/.-]*"
)
FIGURE_VERB_AT: Final = re.compile(_FIGURE_VERB)

# --- Requests ("kiến nghị", "đề xuất", a unit's "đề nghị") -------------------
RECOMMEND: Final = re.compile(
    r"(?i)(?<!\w)(?:đã\s+|cũng\s+)?(?:kiến\s+nghị,\s+đề\s+xuất|kiến\s+nghị|đề\s+xuất|đề\s+đạt)(?!\w)"
    r"(?:\s+(?:với|lên))?"
)
RECOMMEND_NOUN_AFTER: Final = re.compile(r"(?i)^\s*(?:của|này|đó|nêu|trên|đã\s+nêu|được)(?!\w)")
RECOMMEND_ADDRESSEE: Final = re.compile(
    r"(?i)^\s*(?:(?:"
    + STANDING_BODY
    + r"(?:\s+(?:tỉnh|thành|huyện)\s+ủy)?(?:,\s+(?:ban\s+thường\s+vụ|thường\s+trực)(?:\s+(?:tỉnh|thành)\s+ủy)?)*"
    r"|(?:các\s+)?sở,\s+ngành|các\s+cấp,\s+các\s+ngành|các\s+cơ\s+quan\s+chức\s+năng"
    r"|đảng\s+ủy\s+khối(?:\s+(?:các\s+cơ\s+quan|doanh\s+nghiệp)(?:\s+tỉnh)?)?|"
    + HIGHER_BODY
    + r")(?!\w))?\s*(?:(?:một\s+(?:số|loạt)|các|những|mấy)\s+(?:nội\s+dung|vấn\s+đề|việc|kiến\s+nghị|đề\s+xuất)"
    r"(?:\s+(?:như|sau))?)?\s*(?:,?\s*(?:gồm|như|sau)(?!\w))?\s*[:,]?\s*"
)
# "đề nghị" is a unit's request when a higher body is asked ("Huyện ủy A đề nghị Thường trực
# Tỉnh ủy …") or when the delegates speak; the chair's "đề nghị" is a directive.
REQUEST_VERB: Final = re.compile(r"(?i)(?<!\w)(?:đã\s+|cũng\s+)?đề\s+nghị(?!\w)(?:\s+(?:với|lên))?")
HIGHER_BODY_AT: Final = re.compile(r"(?i)^\s*(?:" + STANDING_BODY + "|" + HIGHER_BODY + r")(?!\w)")
SPEAKER_GROUP: Final = re.compile(
    r"(?i)^(?:đại\s+diện|các\s+đại\s+biểu|đại\s+biểu|ý\s+kiến|nhiều\s+ý\s+kiến)\s"
)
# Before the one who asks: "Phát biểu tham luận, …", "Góp ý tại hội nghị, …", "đại diện".
REQUEST_PREAMBLE: Final = re.compile(
    r"(?i)^(?:(?:phát\s+biểu|góp\s+ý|tham\s+luận|thảo\s+luận|trao\s+đổi|tham\s+gia|sau\s+(?:phần|khi)"
    r"|tại|qua|trong)[^,]{0,60},\s*)?"
    r"(?:đại\s+diện(?:\s+lãnh\s+đạo)?\s+)?"
)
# The subject did something first: "Trưởng các khu phố đã trình bày …, đồng thời".
REQUEST_SUBJECT_ACT: Final = re.compile(r"(?i)\s(?:đã|đều|cũng|lần\s+lượt)\s.*$")
# "kiến nghị của cơ sở về một số việc: A; B; C": the noun heading a list.
NOUN_REQUEST: Final = re.compile(
    r"(?i)(?<!\w)(?:kiến\s+nghị|đề\s+xuất|đề\s+đạt|đề\s+nghị)(?:,\s+(?:kiến\s+nghị|đề\s+xuất))?"
    r"\s+của\s+(?P<who>[^:;.]{2,100}?)\s+(?:về|với|gồm)\s+(?:(?:một\s+(?:số|loạt)|các|những|mấy)\s+)?"
    r"(?:việc|vấn\s+đề|nội\s+dung|lĩnh\s+vực|kiến\s+nghị|đề\s+xuất)(?:\s+(?:như|sau|cụ\s+thể))?\s*:\s*"
)
# A notice answering a request: "(Về) đề xuất của X về (việc) Y: <answer>".
REQUEST_ANSWER: Final = re.compile(
    r"(?i)^(?:về\s+|đối\s+với\s+)?(?:các\s+|những\s+)?"
    + REQUEST_NOUN
    + r"(?:\s+của\s+(?P<who>[^:;]{2,120}?)\s+(?:về\s+(?:việc\s+)?|xin\s+)|\s+(?:về\s+(?:việc\s+)?|xin\s+)?)"
    r"(?!của\s)(?P<what>[^:]{3,400}?)\s*[:,]\s*"
    r"(?P<answer>(?:thường\s+trực|ban\s+thường\s+vụ|đồng\s+chí|"
    + APPROVAL
    + r"|giao|chưa|không|sẽ|đề\s+nghị|yêu\s+cầu|tỉnh\s+ủy|thành\s+ủy|ban\s+[^,;]{2,30}?\s+tỉnh\s+ủy"
    r"|văn\s+phòng)(?!\w).*)$"
)
# What in an answer is agreement or notice only: no unit is tasked by it.
ANSWER_ONLY: Final = re.compile(
    rf"(?i)^(?:thường\s+trực|ban\s+thường\s+vụ)[^;]{{0,40}}?(?:{APPROVAL}|chưa|không|sẽ)"
    rf"|^(?:{APPROVAL}|chưa|không)(?!\w)"
)
RECOMMEND_LEAD_VERB: Final = re.compile(
    r"(?i)^(?:(?:quan\s+tâm|xem\s+xét)(?:,?\s+(?:chỉ\s+đạo|cho\s+phép|hỗ\s+trợ))?|cho\s+phép"
    r"|(?:sớm\s+)?cho\s+chủ\s+trương)\s+"
    r"(?!(?:các|cho|để|việc|về|đơn\s+vị|bổ\s+sung\s+cho)\s)"
)
NOT_RECOMMENDATION_BEFORE: Final = re.compile(
    r"(?i)(?:giải\s+quyết|xử\s+lý|tiếp\s+nhận|các|những|đơn\s+thư|phản\s+ánh,|tố\s+cáo,|tham\s+mưu,"
    r"|đối\s+với|về|của|chỉ\s+đạo|trả\s+lời|lời|nội\s+dung)\s*$"
)
# Recommendations: the subject before "kiến nghị".
REC_SUBJECT_TAIL: Final = re.compile(
    r"(?i)\s*(?:đã|cũng|tiếp\s+tục|đồng\s+thời|(?:nêu|có|đưa\s+ra)(?:\s+(?:một\s+số|các|những))?)\s*$"
)
# "Lãnh đạo cơ quan đề nghị …" at a working session with one unit: that unit asks.
THE_UNIT_ITSELF: Final = re.compile(r"(?i)^(?:lãnh\s+đạo\s+)?(?:cơ\s+quan|đơn\s+vị)$")
# "IV. KIẾN NGHỊ, ĐỀ XUẤT": a report's section of requests, from the reporting unit.
REQUESTS_SECTION: Final = re.compile(
    r"(?i)^(?:[IVX]{1,4}[.)/]\s*|\d{1,2}[.)]\s*)?"
    + REQUEST_NOUN
    + r"(?:\s*(?:,|và)\s*(?:kiến\s+nghị|đề\s+xuất))?\s*:?$"
)
AT_THE_MEETING: Final = re.compile(rf"(?i)^(?:tại\s+{MEETING_NOUN}|qua\s+đó)\s*,\s*")
EVERY_SPEAKER: Final = re.compile(
    r"(?i)(?:các\s+)?(?:đại\s+biểu|ý\s+kiến|lãnh\s+đạo\s+các|các\s+cấp\s+ủy)"
)
REQUEST_ITEM_LEAD: Final = re.compile(rf"(?i)^{REQUEST_NOUN}\s+")
# "… đồng ý, giao Ban A …", "giao Ban A …": where the task in an answer starts.
ANSWER_GIVES: Final = re.compile(r"(?i)(?:^|[,;]\s*|\s)giao\s+(?=\S)")
# A heading that says whose requests the items below answer.
REQUESTS_OF: Final = re.compile(rf"(?i){REQUEST_NOUN}\s+của\s+(?P<who>[^:;.]{{3,120}})")
