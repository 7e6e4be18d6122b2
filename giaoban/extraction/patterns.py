"""Regular expressions for the forms met in briefing texts, compiled at import.

Every quantifier that can meet a long run of text is bounded or anchored to a
literal, so matching time grows linearly with the input.
"""

from __future__ import annotations

import re
from typing import Final

from giaoban.extraction import lexicon as lx
from giaoban.extraction.gazetteer import TITLE_HEAD
from giaoban.extraction.groups import UPPER
from giaoban.extraction.lexicon import (
    COMING,
    COMMUNE_LEVEL,
    LEVEL,
    MEETING_NOUN,
    ORDINAL_LA,
    ORDINAL_THU,
    TOPIC_LEAD,
    word_alternation,
    word_pattern,
)
from giaoban.periods import grammar as pg

_D = r"(?<!\d)(\d{1,2})"
_SEP = r"\s*[/.-]\s*"

# --- Dates ---------------------------------------------------------------
# "Chiều 28-11", "Sáng 05/10", "Chiều nay (4/12)", "Ngày 20/6/2024",
# "Sáng thứ Hai (4/12)", "ngày 10 tháng 01 năm 2025".
MEETING_DATE: Final = re.compile(
    r"(?i)(?<!\w)(?:sáng|chiều|trưa|tối|ngày|hôm(?=\s+nay|\s+qua))"
    r"(?:\s+(?:nay|qua|hôm\s+nay|hôm\s+qua|mai))?(?:\s+ngày)?"
    r"(?:\s+(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật))?\s*,?\s*\(?\s*"
    r"(?:" + _D + _SEP + r"(\d{1,2})(?:" + _SEP + r"(\d{4}))?(?!\d)"
    r"|(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)\s*(\d{4}))?)"
)
# A date followed or preceded by a clock time: a publication stamp.
STAMP_DATE: Final = re.compile(
    r"(?<!\d)(\d{1,2}):(\d{2})(?::\d{2})?\s*(?:[,|-]\s*)?(?:\w+\s*,\s*)?"
    r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)"
    r"|(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*(?:[,|-]\s*)?(?:lúc\s+)?"
    r"(\d{1,2})[:h](\d{2})(?!\d)"
)
# "Thứ Năm, 28/11/2023", "Cập nhật: 28/11/2023", "Ngày đăng 28-11-2023".
LABELLED_DATE: Final = re.compile(
    r"(?i)(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|cập\s+nhật|ngày\s+đăng|đăng\s+ngày"
    r"|ngày\s+cập\s+nhật|xuất\s+bản|đăng\s+lúc|ngày\s+xuất\s+bản)\s*[:,]?\s*"
    r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)"
)
WEEKDAY_LABEL: Final = re.compile(r"(?i)thứ\s|chủ\s+nhật")
PLACE_DATE_AT_END: Final = re.compile(
    r"(?i),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*\.?$"
)
MASTHEAD_PLACE: Final = re.compile(
    r"^(?P<place>[^\W\d_][^\W\d_ ]*(?:\s+[^\W\d_]+){0,3}?)(?:\s+(?:Online|online|ONLINE|ngày\s+nay"
    r"|Ngày\s+nay|điện\s+tử|Điện\s+tử)\s*$|(?P<prefix>\s*:\s))"
)
ISO_DATE: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# The place-and-date line of a formal document: "Đồng Nai, ngày 15 tháng 01 năm 2025".
PLACE_DATE: Final = re.compile(
    r"(?i)^(?P<place>[^\W\d_][^,\n]{1,40}?),?\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})"
    r"\s+năm\s+(\d{4})\s*\.?$"
)
# Document numbers: Party "Số 90-TB/TU", state "Số: 45/KH-UBND".
DOC_NUMBER_PARTY: Final = re.compile(
    r"(?i)^(?:số|so)\s*:?\s*(\d{1,5})\s*-\s*([A-ZĐ]{1,6})\s*/\s*([A-ZĐ0-9]{1,12}(?:\s*-\s*[A-ZĐ0-9]{1,10})?)"
)
DOC_NUMBER_STATE: Final = re.compile(
    r"(?i)^(?:số|so)\s*:?\s*(\d{1,5})\s*/\s*(?:(\d{4})\s*/\s*)?([A-ZĐ]{1,6})\s*-\s*([A-ZĐ0-9]{1,12}(?:\s*-\s*[A-ZĐ0-9]{1,10})?)"
)

# --- Periods -------------------------------------------------------------
_YEAR_TAIL = r"(?:\s*(?:[/.-]|năm|,\s*năm)\s*(\d{4}))?"
# The period labels are `giaoban.periods.grammar`'s (shared with the reporting rules); here
# with the words that make one the period under review: "giao ban <…> tháng 3/2024",
# "tổng kết <…> năm 2023", a body that opens "Trong tháng 5, …".
_GAP = r"(?:\s+(?!quý|tháng|năm)[^\s.;:!?\d]+){0,9}?\s+"
PERIOD: Final = re.compile(
    r"(?i)(?<!\w)(?:"
    + pg.QUARTER
    + r"(?:\s*(?:[/.-]|năm|,\s*năm)\s*(?P<qy>\d{4}))?|"
    + pg.HALF
    + r"(?:\s+năm(?:\s+(?P<hy>\d{4}))?)?|"
    + pg.NINE_MONTHS
    + r"(?:\s+năm(?:\s+(?P<ny>\d{4}))?)?|"
    + pg.THREE_MONTHS
    + r"(?:\s+(?P<q3y>\d{4}))?"
    r"|(?P<mc>(?:giao\s+ban|thường\s+kỳ|định\s+kỳ|đánh\s+giá|kiểm\s+điểm|sơ\s+kết|nhiệm\s+vụ)"
    + _GAP
    + r"|(?:(?<=\n)|(?<![\s\S]))(?-i:Trong)\s+)"
    + pg.MONTH
    + r"(?:\s*(?:[/.-]|năm)\s*(?P<my>\d{4}))?"
    r"|(?P<y>(?:tổng\s+kết|giao\s+ban|đánh\s+giá|kiểm\s+điểm|nhìn\s+lại|sơ\s+kết)"
    + _GAP
    + r"năm)\s+(?P<yy>\d{4})"
    r")(?!\w)"
)
LEAD_YEAR: Final = re.compile(r"(?i)(?<!\w)năm\s+((?:19|20)\d{2})(?!\d)")
# Words that make the following period a plan, not the period under review.
PLANNING_BEFORE: Final = re.compile(
    r"(?i)(?:định\s+hướng|phương\s+hướng|triển\s+khai|kế\s+hoạch|chuẩn\s+bị|trọng\s+tâm"
    r"|giải\s+pháp|hướng\s+tới|tiến\s+tới|bước\s+sang|hoàn\s+thành|phấn\s+đấu|kịch\s+bản|dự\s+kiến"
    r"|dự\s+thảo)[^.;,]{0,30}$"
)

# --- Meeting kind, online ------------------------------------------------
# "giao ban", not the verb "giao" + "Ban Tổ chức …" ("giao Ban Tổ chức Tỉnh ủy hoàn thiện …").
GIAO_BAN: Final = re.compile(r"[Gg]iao\s+ban|Giao\s+Ban|GIAO\s+BAN")
LAM_VIEC: Final = re.compile(
    r"(?i)làm\s+việc\s+với|buổi\s+làm\s+việc|(?:thường\s+trực|ban\s+thường\s+vụ)\s+\S+\s+ủy\s+(?:đã\s+)?nghe"
    r"|họp\s+trực\s+báo|trực\s+báo\s+với"
)
ONLINE: Final = re.compile(
    r"(?i)(?<!dịch vụ công )trực\s+tuyến(?!\s+(?:toàn\s+trình|một\s+phần|mức))|điểm\s+cầu"
)
# Remote points counted without the word "điểm cầu".
ONLINE_REACH: Final = re.compile(
    r"(?i)(?:kết\s+nối|trực\s+tuyến)\s+(?:tới|đến|với)\s+(?:trụ\s+sở\s+|các\s+)?(?P<n>\d{1,4})\s+"
    r"(?:đảng\s+ủy|xã|phường|huyện|đơn\s+vị|cơ\s+sở|địa\s+phương|chi\s+bộ)(?!\w)"
)
POINT_TOTAL_WITH_HOST: Final = re.compile(
    r"(?i)(?:kể\s+cả|bao\s+gồm(?:\s+cả)?|trong\s+đó\s+có)\s+(?:\d+\s+)?điểm\s+cầu\s+(?:chính|trung\s+tâm)"
)
JOIN_VIA_POINT: Final = re.compile(
    r"(?i)(?:tham\s+gia|dự|theo\s+dõi)(?:\s+(?:hội\s+nghị|từ\s+xa|trực\s+tuyến))*\s+(?:qua|tại|từ)\s+điểm\s+cầu"
)
POINT_COUNT: Final = re.compile(r"(?i)(?<!\d)(\d{1,4})\s+điểm\s+cầu")
POINT_WORD: Final = re.compile(
    r"(?i)(?P<host>(?:từ|chính|trung\s+tâm)(?:\s+tại)?\s+)?điểm\s+cầu"
    r"(?:\s+(?:chính|trung\s+tâm)(?:\s+tại)?)?"
)
# A committee named on its own: "Huyện ủy Hưng Nguyên", "Đảng ủy xã Tân Phú".
NAMED_COMMITTEE: Final = re.compile(
    rf"(?:Huyện|Thị|Thành)\s+ủy\s+[{UPPER}]|Đảng\s+ủy\s+{COMMUNE_LEVEL}\s+[{UPPER}]"
)

# --- Chairs --------------------------------------------------------------
CHAIR_VERB: Final = re.compile(
    r"(?i)(?<!\w)(?:đồng\s+)?chủ\s+trì(?!\s*,?\s*(?:phối\s+hợp|tham\s+mưu|xây\s+dựng|thực\s+hiện"
    r"|triển\s+khai|theo\s+dõi|tổ\s+chức|hướng\s+dẫn|rà\s+soát))(?!\w)"
)
CHAIR_AFTER: Final = re.compile(
    r"(?i)(?:dưới\s+sự\s+(?:đồng\s+)?chủ\s+trì\s+của|(?<!\w)(?:đồng\s+)?chủ\s+trì(?:\s+"
    + MEETING_NOUN
    + r")?\s*,?\s*"
    r"(?:có|là|gồm|:)(?:\s+(?:các|hai|ba)\s+đồng\s+chí)?\s*:?)\s*(?=đồng\s+chí|đ/c|ông|bà|"
    + TITLE_HEAD
    + rf"|[{UPPER}][^\W\d_]*\s+[{UPPER}])"
)
PERSON_MARK: Final = re.compile(
    r"(?i)(?<!\w)(?:(?:hai|ba|các)\s+)?(?:đồng\s+chí|đ/c|ông|bà)(?:\s*:)?\s+"
)
PEOPLE_SPLIT: Final = re.compile(
    r"\s+(?:và|cùng|cùng\s+với)\s+(?=(?:các\s+)?(?i:đồng\s+chí|đ/c|ông|bà)\s)|;\s*"
)
# ", đồng chí B, TITLE" after a first person: the next person of the list.
NEXT_MARKED: Final = re.compile(r",\s+(?=(?i:đồng\s+chí|đ/c)\s)")
_NAME_RUN = rf"(?!(?:Ủy|Bí|Phó|Chủ|Trưởng|Tỉnh|Thành|Huyện|Ban|Đảng|Ủy|Thường|Giám|Tổng)(?!\w))[{UPPER}][^\W\d_]*(?:\s+[{UPPER}][^\W\d_]*){{1,4}}"
# ", Nông Văn Chiến, Chủ tịch …": the next person of a comma-only list.
NEXT_PERSON: Final = re.compile(rf",\s+(?={_NAME_RUN},\s*(?:{TITLE_HEAD}))")
# "… Hứa Văn Lộc, Phó Chủ tịch UBND tỉnh Ninh Thị Hạnh": a title-first person after a name.
NAME_AT_END: Final = re.compile(rf"(?<!\w){_NAME_RUN}$")
NEXT_TITLE: Final = re.compile(rf",\s+(?={TITLE_HEAD})")
# A co-chair named in the next sentence: "Đồng chủ trì là …", "Cùng chủ trì có …".
CO_CHAIR: Final = re.compile(r"(?i)(?<!\w)(?:đồng|cùng)\s+chủ\s+trì")
TITLE_START: Final = re.compile(rf"^(?:{TITLE_HEAD})(?!\w)")

# --- Conclusion and directives -------------------------------------------
CONCLUSION: Final = re.compile(
    rf"(?i)phát\s+biểu\s+kết\s+luận|kết\s+luận\s+(?:{MEETING_NOUN}|giao\s+ban"
    r"|tại\s+(?:hội\s+nghị|buổi|phiên|cuộc))|kết\s+luận\s+như\s+sau|phát\s+biểu\s+chỉ\s+đạo"
    r"|thay\s+mặt\s+[^.,;]{0,60}\s+kết\s+luận|ý\s+kiến\s+kết\s+luận|kết\s+luận\s+và\s+chỉ\s+đạo|kết\s+luận\s*:"
)
FRAME_VERB: Final = re.compile(word_pattern(lx._FRAME_VERB_WORDS).pattern + r"\s*(?:[,:]\s*)?")
# What may stand right before a frame verb: the speaker and an adverb.
SPEAKER_END: Final = re.compile(
    rf"(?:(?i:đồng\s+chí|đ/c)|(?i:tỉnh\s+ủy|thành\s+ủy|huyện\s+ủy|thị\s+ủy|đảng\s+ủy|trung\s+ương"
    rf"|(?:hđnd|ubnd|mttq)\s+{LEVEL}"
    rf"|thường\s+trực|bí\s+thư|chủ\s+tịch|trưởng\s+ban|ban\s+thường\s+vụ|ông|bà"
    rf"|tỉnh)(?:\s+(?i:{LEVEL})(?!\w))?"
    rf"(?:\s+[{UPPER}][^\W\d_]*){{0,5}}|[{UPPER}][^\W\d_]*(?:\s+[{UPPER}][^\W\d_]*){{1,4}})"
    r"(?:\s+(?i:cũng|đặc\s+biệt|còn|đồng\s+thời|tiếp\s+tục|thẳng\s+thắn|nghiêm\s+túc|đề\s+nghị\s+và))*\s*$"
)
LEADING_CONNECTIVE: Final = re.compile(
    r"(?i)^(?:cùng\s+với\s+đó|đồng\s+thời|bên\s+cạnh\s+đó|ngoài\s+ra|mặt\s+khác|trong\s+đó"
    r"|theo\s+đó|trước\s+mắt|tiếp\s+đó|sau\s+đó)\s*,?\s*"
)
CAUSAL_TO_SUBJECT: Final = re.compile(
    r"(?i)(?:,\s*|\s)(?:do\s+đó|vì\s+vậy|vì\s+thế|cho\s+nên|nên|vậy\s+nên)\s*,?\s+(?=(?:các|lãnh\s+đạo"
    r"|mỗi|từng|ban|văn\s+phòng|báo|đài|ủy\s+ban|trường|đảng\s+ủy)\s)"
)
# "năm 2025 là năm quan trọng, các cấp ủy phải ...": the subject after a preamble.
SUBJECT_AFTER_COMMA: Final = re.compile(
    r",\s+(?P<subj>(?:các|mỗi|từng|lãnh\s+đạo|cấp\s+ủy|Ban|Văn\s+phòng|Ủy\s+ban|Báo|Đài|Trường"
    r"|Đảng\s+ủy)\s[^,;.]{0,60}?)\s(?:cần|phải|tiếp\s+tục|tập\s+trung|chủ\s+động|khẩn\s+trương"
    r"|sớm|rà\s+soát|tăng\s+cường|đẩy\s+mạnh|nâng\s+cao|quan\s+tâm|thực\s+hiện)(?!\w)"
)
# A leading time phrase before the subject: "Trước ngày 30/9, các huyện ủy ...".
LEADING_TIME: Final = re.compile(
    r"(?i)^(?:(?:trong|trước|từ|đến|sau|cuối|đầu|ngay\s+trong|chậm\s+nhất)\s[^,;.]{1,40}"
    r"|thời\s+gian\s+tới|trong\s+thời\s+gian\s+tới|trước\s+mắt|từ\s+nay\s+đến\s+cuối\s+năm)\s*,\s*"
)
MODAL_CUE: Final = word_pattern(lx._MODAL_CUE_WORDS)
IMPERATIVE_START: Final = re.compile(
    r"(?i)^(?:tăng\s+cường|tiếp\s+tục|tập\s+trung|đẩy\s+mạnh|đẩy\s+nhanh|nâng\s+cao|chủ\s+động"
    r"|khẩn\s+trương|quan\s+tâm|thực\s+hiện|rà\s+soát|chỉ\s+đạo|triển\s+khai|tổ\s+chức|kịp\s+thời"
    r"|làm\s+tốt|chuẩn\s+bị|xây\s+dựng|phối\s+hợp|đôn\s+đốc|theo\s+dõi|hoàn\s+thành|sớm|chú\s+trọng"
    r"|chấn\s+chỉnh|quán\s+triệt|bảo\s+đảm|đảm\s+bảo|phát\s+huy|duy\s+trì|cần|phải|lưu\s+ý|không\s+để"
    r"|giao|yêu\s+cầu|đề\s+nghị|khắc\s+phục|tham\s+mưu|hướng\s+dẫn|nghiên\s+cứu|đổi\s+mới|siết\s+chặt"
    r"|thường\s+xuyên|kiên\s+quyết|quyết\s+liệt|nghiêm\s+túc|huy\s+động|củng\s+cố|kiện\s+toàn"
    r"|nắm\s+chắc|nắm\s+bắt|bám\s+sát|hoàn\s+thiện)(?!\w)"
)
# Action verbs: where the subject of a directive ends.
ACTION_VERB: Final = word_pattern(lx._ACTION_VERB_WORDS)
EVALUATION: Final = word_pattern(lx._EVALUATION_WORDS)
DONE: Final = re.compile(r"(?i)(?<!\w)(?:đã|vừa|đang)(?!\w)")
# "những đảng viên đã chuyển đi", "việc đã làm": a past tense inside a noun phrase.
# "năm tới có ý nghĩa bản lề", "… là giai đoạn quyết định": a claim about the time.
CONTEXT_CLAIM: Final = re.compile(
    r"(?i)(?<!\w)(?:có\s+ý\s+nghĩa|là\s+(?:năm|giai\s+đoạn|thời\s+điểm|dịp)|mang\s+tính)(?!\w)"
)
REASON_CLAUSE: Final = re.compile(
    r"(?i)(?:,\s*|\s)(?:vì(?!\s+(?:vậy|thế))|bởi\s+vì|bởi|(?<!trong\s)khi|nhờ)\s[^;]*?"
    r"(?=,?\s*(?:do\s+đó|vì\s+vậy|vì\s+thế|cho\s+nên|nên)\s|$)"
)
# "… cơ bản duy trì …, từng bước nâng lên": an assessment of what units do.
ASSESSMENT: Final = re.compile(r"(?i)(?<!\w)(?:cơ\s+bản|từng\s+bước|luôn\s+luôn|ngày\s+càng)\s")
DONE_IN_NOUN: Final = re.compile(
    r"(?i)(?<!\w)(?:những|việc|người|nơi|điều)\s+(?:\S+\s+){0,3}?(?:đã|vừa|đang)$"
)
RELATIVE_CLAUSE: Final = re.compile(r"(?i)(?<!\w)mà\s+[^,.;]{0,60}")
SCHEDULING: Final = re.compile(
    word_alternation([r"hội\s+nghị", r"giao\s+ban", r"cuộc\s+họp", r"phiên\s+họp"], boundary=False)
    + r"(?i:[^.;]{0,40}?(?:(?:sẽ|dự\s+kiến)\s+(?:được\s+)?"
    r"(?:tiếp\s+tục\s+)?(?:tổ\s+chức|diễn\s+ra|họp|tiến\s+hành|làm\s+việc|thảo\s+luận|khai\s+mạc"
    r"|bế\s+mạc)|tiếp\s+theo|lần\s+sau|kỳ\s+tới))"
)
# A sentence that only announces the conclusion: "..., Thường trực Tỉnh ủy kết luận như sau:".
CONCLUSION_ANNOUNCED: Final = re.compile(r"(?i)kết\s+luận(?:\s+như\s+sau)?\s*:?\s*$")
# Between the speaker and a frame verb, an earlier act of the speaker: "đồng chí ...
# ghi nhận các kết quả đạt được và yêu cầu", "... đã trả lời các kiến nghị ... và yêu cầu".
PRIOR_ACT: Final = re.compile(
    r"(?i)(?<!\w)(?:đã\s+)?(?:ghi\s+nhận|đánh\s+giá(?:\s+cao)?|biểu\s+dương|hoan\s+nghênh|cảm\s+ơn"
    r"|trả\s+lời|giải\s+đáp|tiếp\s+thu|thống\s+nhất|đồng\s+ý|khen\s+ngợi|chúc\s+mừng|cho\s+ý\s+kiến"
    r"|nghe|thảo\s+luận|xem\s+xét|phát\s+biểu\s+chỉ\s+đạo|chỉ\s+ra)(?!\w)"
    r"[^.;:]{0,200}?(?:\s+và|,\s*đồng\s+thời|\s*;(?:\s*đồng\s+thời)?)\s*,?\s*$"
)
# "Đại diện Ủy ban Kiểm tra đã giải thích …; hướng dẫn hoàn thiện hồ sơ …": an answer, then
# the task the one who answered gives, with no frame verb of its own.
ANSWER_THEN_TASK: Final = re.compile(
    r"(?i)^(?P<who>[^;]{3,120}?)\s+(?:đã\s+)?(?:trả\s+lời|giải\s+thích|giải\s+đáp|làm\s+rõ)(?!\w)"
    r"[^;]{0,250};\s*(?:đồng\s+thời\s*,?\s*)?(?P<task>[^;]{10,400})$"
)
META_ASSIGNMENT: Final = re.compile(
    r"(?i)^(?:nhiệm\s+vụ|việc)(?:\s+cụ\s+thể)?\s+cho\s+(?:từng|các|mỗi)|^(?:nhiệm\s+vụ|việc)\s*$"
)
TOPIC_HEADER: Final = re.compile(rf"(?i)^{TOPIC_LEAD}\s+[^:]{{1,120}}:\s*")
UNIT_LABEL: Final = re.compile(r"^(?P<label>[^:]{3,80}):\s+")

# --- Enumerations --------------------------------------------------------
INLINE_ITEM: Final = re.compile(r"(?:(?<=\s)|^)\((\d{1,2})\)\s*")
INLINE_ORDINAL: Final = re.compile(
    rf"(?:(?<=[\s.;:])|^)(?i:({ORDINAL_LA})\s+là)\s*[,:]\s*"
    rf"|(?:(?<=[\s.;:])|^)(?i:thứ\s+({ORDINAL_THU}))\s*[,:]\s*"
)
ORDINAL_WORDS: Final = {w: i + 1 for i, w in enumerate(ORDINAL_LA.split("|"))} | {"nhất": 1}
LINE_ITEM: Final = re.compile(
    r"^(?:(?P<num>\d{1,2})[.)]|(?P<sub>\d{1,2}\.\d{1,2})\.?|(?P<letter>[a-zđ])\)|(?P<bullet>[-+•*])"
    r"|\((?P<pnum>\d{1,2})\)"
    rf"|(?P<ord>(?i:(?:{ORDINAL_LA})\s+là|thứ\s+(?:{ORDINAL_THU}))\s*[,:]))\s+"
)
SECTION: Final = re.compile(r"^(?P<roman>[IVX]{1,4})[.)/]\s+(?P<title>.+)$")
CAPTION_END: Final = re.compile(
    r"(?i)(?:phát\s+biểu\s+(?:kết\s+luận|chỉ\s+đạo)|kết\s+luận)(?:\s+(?:tại\s+)?"
    + MEETING_NOUN
    + r")?\s*[.…]?\s*(?:\(?ảnh\s*:.*)?$"
)
TASK_HEADING: Final = re.compile(
    r"(?i)^(?:(?:một\s+số\s+)?(?:nhiệm\s+vụ|phương\s+hướng|giải\s+pháp|yêu\s+cầu|kết\s+luận|chỉ\s+đạo)(?!\w)"
    r"|(?:những|các)\s+(?:nhiệm\s+vụ|việc|công\s+việc)\s+(?:trọng\s+tâm|cần|sắp))"
)
SECTION_REPORT: Final = re.compile(
    r"(?i)đánh\s+giá|kết\s+quả|tình\s+hình|ưu\s+điểm|hạn\s+chế|tồn\s+tại|đạt\s+được|nhận\s+xét"
)
END_OF_NOTICE: Final = re.compile(
    r"(?i)^(?:nơi\s+nhận|t/m\b|tm\.|t/l\b|tl\.|k/t\b|kt\.|thừa\s+lệnh|(?:thường\s+trực|ban\s+thường\s+vụ)"
    r"\s+\S+\s+ủy\s+thông\s+báo\s+(?:để|kết\s+luận)|văn\s+phòng\s+\S+\s+ủy\s+thông\s+báo)"
)

# --- Deadlines -----------------------------------------------------------
DEADLINE: Final = re.compile(
    r"(?i)(?<!\w)(?:"
    r"(?:trước|chậm\s+nhất(?:\s+là)?|hạn\s+chót(?:\s+là)?|đến|hoàn\s+thành\s+trước|xong\s+trước"
    r"|trong)\s+(?:ngày\s+)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<dm>\d{1,2})(?:\s*[/.-]\s*(?P<dy>\d{4}))?(?!\d)"
    r"|(?:trước|chậm\s+nhất(?:\s+là)?|hạn\s+chót(?:\s+là)?|đến)\s+ngày\s+(?P<d2>\d{1,2})\s+tháng\s+"
    r"(?P<dm2>\d{1,2})(?:\s+năm\s+(?P<dy2>\d{4}))?"
    r"|trong\s+" + pg.QUARTER + r"(?:\s*(?:[/.-]|năm)\s*(?P<qy>\d{4}))?"
    r"|(?:trong|hết|cuối)\s+" + pg.MONTH + r"(?:\s*(?:[/.-]|năm)\s*(?P<my>\d{4}))?(?!\d)"
    r"|(?:trong|xong\s+trong|trước)\s+" + pg.HALF + r"\s+năm(?:\s+(?P<hy>\d{4}))?"
    r"|(?:trong|xong\s+trong|trước)\s+" + pg.THREE_MONTHS + r"(?:\s+(?P<q3y>\d{4}))?"
    r"|(?:xong\s+(?:trong|vào|trước)|hoàn\s+thành\s+(?:trong|vào|trước)|trước|đến|trong|vào)\s+cuối\s+năm"
    r"(?:\s+(?P<ey>\d{4}))?"
    r"|(?:xong|hoàn\s+thành|hoàn\s+tất|dứt\s+điểm)\s+(?:trong|trước)\s+năm\s+(?P<yy>\d{4})"
    r"|trong\s+năm\s+(?P<yy3>\d{4})\s*$"  # "… trong năm 2025" closing the task
    r"|(?:đến\s+hết|trước\s+hết)\s+năm\s+(?P<yy2>\d{4})"
    r")"
)

# Every deadline starts with one of these words: the long pattern is tried from the first.
DEADLINE_CUE: Final = re.compile(
    word_alternation(
        [
            r"trước",
            r"chậm\s+nhất",
            r"hạn\s+chót",
            r"đến",
            r"hoàn\s+thành",
            r"hoàn\s+tất",
            r"xong",
            r"trong",
            r"hết",
            r"cuối",
            r"vào",
            r"dứt\s+điểm",
        ]
    )
    + r"(?!\w)"
)


# --- Recommendations -----------------------------------------------------

# --- Sentences -----------------------------------------------------------
# Alternatives that start with a literal, so that the engine skips to the next mark.
SENTENCE_END: Final = re.compile(r"(?:\.[.!?]*|![.!?]*|\?[.!?]*|…(?:…)*)[\"”’)]*(?:/\.)?\s+")
ABBREVIATION_END: Final = re.compile(
    r"(?i)(?:^|\s)(?:tp|tt|ths|ts|pgs|gs|bs|ông|bà|đ/c|st|v\.v|tr)\.$"
)

# --- Small patterns of the passes ------------------------------------------
DIGIT: Final = re.compile(r"\d")
SPACES: Final = re.compile(r"\s+")
WORD: Final = re.compile(r"\w+")
SEMICOLON: Final = re.compile(r";\s*")
LA_MARK: Final = re.compile(r"là\s*[,:]")
# Page header: where a province is named, who convened the meeting.
PROVINCE_CONTEXT: Final = re.compile(
    r"(?i)(?:(?P<com>tỉnh\s+ủy|thành\s+ủy)|(?P<strong>đảng\s+bộ\s+tỉnh|đảng\s+bộ\s+thành\s+phố"
    r"|cổng\s+ttđt|cổng\s+thông\s+tin\s+điện\s+tử(?:\s+tỉnh)?|báo|đài\s+\S+(?:\s*-\s*\S+)?"
    r"|trường\s+chính\s+trị|ubnd\s+tỉnh|hđnd\s+tỉnh|ủy\s+ban\s+nhân\s+dân\s+tỉnh|tỉnh|thành\s+phố"
    r"|tp\.?|ban\s+\S+(?:\s+\S+)?\s+tỉnh\s+ủy))\s*$"
)
COMMITTEE: Final = re.compile(
    r"(?i)(?<!\w)(?<!các\s)(?<!thị\s\S{2},\s)(?P<com>tỉnh\s+ủy|thành\s+ủy|huyện\s+ủy|thị\s+ủy"
    r"|đảng\s+ủy\s+khối\s+(?:các\s+)?(?:cơ\s+quan(?:\s+và\s+doanh\s+nghiệp)?|doanh\s+nghiệp)"
    rf"(?:\s+tỉnh)?|quận\s+ủy|đảng\s+ủy\s+{COMMUNE_LEVEL}"
    r"|đảng\s+ủy\s+(?:các\s+cơ\s+quan\s+đảng|ủy\s+ban\s+nhân\s+dân|ubnd)\s+(?:tỉnh|thành\s+phố))(?!\s+viên)(?!\w)"
)
# "Đảng ủy xã đã tổ chức …" without a name: the name is the commune's, told in the lead.
LOCAL_PLACE: Final = re.compile(
    rf"(?<!\w)(?P<level>{COMMUNE_LEVEL[3:-1]})\s+(?P<name>[{UPPER}][^\W\d_]*(?:\s+[{UPPER}][^\W\d_]*){{0,2}}|\d{{1,2}})(?!\w)"
)
# "ĐẢNG ỦY YÊN LẠC GIAO BAN …", "phường Tân Định tổ chức hội nghị giao ban …".
LOCAL_HOST: Final = re.compile(
    rf"(?:^|,\s+|\.\s+)(?:(?i:đảng\s+ủy)\s+)?(?P<level>{COMMUNE_LEVEL[3:-1]})\s+(?P<name>[{UPPER}][^\W\d_]*(?:\s+[{UPPER}][^\W\d_]*){{0,2}}|\d{{1,2}})"
    r"\s+(?:đã\s+)?(?:tổ\s+chức|giao\s+ban|họp)"
)
# A meeting of several provinces or convened by a central body: no host committee.
REGIONAL: Final = re.compile(
    r"(?i)(?:các\s+tỉnh(?:,\s+thành(?:\s+phố)?)?\s+(?:vùng|khu\s+vực|miền|trong\s+cụm|phía)"
    r"|do\s+(?:ban\s+[^,.;]{2,30}?|văn\s+phòng|ủy\s+ban\s+kiểm\s+tra)\s+trung\s+ương\s+(?:chủ\s+trì|tổ\s+chức))"
)
CENTRAL: Final = re.compile(
    r"(?i)^(?:[^,]{0,40},\s*)?(?:ban\s+bí\s+thư|bộ\s+chính\s+trị|ban\s+[^,.;]{2,30}?\s+trung\s+ương"
    r"|văn\s+phòng\s+trung\s+ương|ủy\s+ban\s+kiểm\s+tra\s+trung\s+ương|cụm\s+thi\s+đua)"
)
NAME_AFTER: Final = re.compile(rf"\s+([{UPPER}][^\W\d_]*(?:\s+[{UPPER}][^\W\d_]*){{0,3}})")
# Chairs.
CHAIR_SPAN_END: Final = re.compile(r"\.\s|\s(?:tổ\s+chức|đã|diễn\s+ra|họp)\s")
WORKS_WITH: Final = re.compile(r"(?i)(?<!\w)làm\s+việc\s+với")
CHAIR_SPAN_TAIL: Final = re.compile(r"(?i)\s*(?:do|đã|cùng|đồng\s+thời)\s*$")
TITLE_TAIL: Final = re.compile(r"(?i)\s+(?:đã|cùng|đồng|và)$")
# Who speaks before a reporting frame; what makes the frame not the chair's.
LEADER: Final = re.compile(
    rf"(?i)đồng\s+chí|đ/c|bí\s+thư|chủ\s+tịch|thường\s+trực|thường\s+vụ"
    rf"|(?<!\w)(?:ông|bà)(?!\w)(?=\s+[{UPPER}]|\s*$)"
)
TOPIC_CLAUSE: Final = re.compile(rf"(?i)^{TOPIC_LEAD}\s[^,]{{1,120}},\s*")
ENDS_CO_SE: Final = re.compile(r"(?i)(?:có|sẽ)\s*$")
DUOC: Final = re.compile(r"(?i)(?<!\w)(?<!đạt\s)(?<!có\s)được(?!\w)")  # not "kết quả đạt được"
ENDS_DA: Final = re.compile(r"(?i)đã\s*$")
SHORTCOMING: Final = re.compile(r"(?i)(?<!\w)(?:còn|chưa)\s")
# Assignees: "X chủ trì, phối hợp với Y, Z" and the attendee list of the lead.
COOPERATION: Final = re.compile(
    r"(?i)(?<!\w)(?:chủ\s+trì\s*,?\s*phối\s+hợp(?:\s+với)?|phối\s+hợp(?:\s+(?:chặt\s+chẽ|thường\s+xuyên"
    r"|đồng\s+bộ|nhịp\s+nhàng))?\s+với)\s+"
)
PARTNERS_END: Final = re.compile(
    r"[;.]|\s(?:tham\s+mưu|triển\s+khai|xây\s+dựng|tổ\s+chức|thực\s+hiện|rà\s+soát"
    r"|hướng\s+dẫn|theo\s+dõi|đôn\s+đốc|kiểm\s+tra|nghiên\s+cứu|chuẩn\s+bị|hoàn\s+thành"
    r"|báo\s+cáo|trình|đề\s+xuất|tuyên\s+truyền|để|nhằm)\s"
)
LIST_SEP: Final = re.compile(r",\s*|\s+và\s+")
TOPIC_WORD: Final = re.compile(rf"(?i)^{TOPIC_LEAD}\s+")
ATTENDEES: Final = re.compile(r"(?i)(?:giao\s+ban|làm\s+việc|họp)[^.]{0,80}?\svới\s+([^.;]{3,200})")
ATTENDEES_PLAIN: Final = re.compile(
    r"(?i)giao\s+ban\s+(?!với|trực|định|thường|công\s+tác\s+(?:quý|tháng|năm))(?:công\s+tác\s+)?([^.;,:]{3,120})"
)
# Where the attendee list ends: "… Văn phòng Tỉnh ủy để nghe báo cáo …".
ATTENDEES_END: Final = re.compile(
    r"(?i)\s(?:để|nhằm|về|nghe|bàn|đánh\s+giá|triển\s+khai|sơ\s+kết|tổng\s+kết|thông\s+qua|cho\s+ý"
    r"|năm\s+\d|quý|tháng|[69]\s+tháng|tại|theo|trong|lần|định\s+kỳ|năm)(?!\w)"
)
# Words that end a group phrase: a time or place phrase, a modal.
NOT_GROUP_WORD: Final = re.compile(
    r"(?i)^(?:trong|trước|từ|đến|sau|cần|phải|tại|ở|về|theo|để|nhằm|khi|năm|tháng|quý|cùng|và)$"
)
# A preamble before the real request inside a frame's content.
INNER_FRAME: Final = re.compile(
    r"(?i)^(?:trên\s+cơ\s+sở|căn\s+cứ|qua\s+đó|từ\s+đó|để|nhằm)[^.;:]{0,150}?,\s*"
    r"(?:đề\s+nghị|yêu\s+cầu|giao)\s+"
)
# "Riêng với / Đối với <group>, <speaker> yêu cầu …".
TOPIC_ASSIGNEE: Final = re.compile(
    r"(?i)^\s*(?:riêng\s+với|đối\s+với|riêng)\s+(?P<who>[^,]{3,80}?)\s*,"
)
# Tasks with no reporting frame: a plan sentence ("Tháng tới, …", "Từ nay đến hết năm …").
PLAN_LEAD: Final = re.compile(
    rf"(?i)^(?:{COMING}|từ\s+nay\s+đến\s+(?:hết|cuối)\s+[^,]{{2,25}}"
    r"|(?:trong\s+)?những\s+tháng\s+cuối\s+năm|(?:trong\s+)?(?:quý|tháng)\s+[IVX\d]{1,4}(?:/\d{4})?\s+tới)\s*,\s*"
)
# "Tháng 10, các chi bộ sẽ …", "Trong quý IV/2025, …": a named coming period (with "sẽ").
PLAN_LEAD_PERIOD: Final = re.compile(
    r"(?i)^(?:trong\s+)?(?:tháng|quý)\s+[IVX\d]{1,4}(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?\s*,\s*"
)
# "Tháng 11, phường sẽ tổ chức ngày hội …": the month says when an event falls, not a limit.
EVENT_PLAN: Final = re.compile(
    r"(?i)(?<!\w)(?:sẽ\s+)?(?:tổ\s+chức|diễn\s+ra|phát\s+động|khai\s+mạc)\s+(?:ngày\s+hội|lễ|hội\s+thi"
    r"|hội\s+diễn|hội\s+chợ|giải|chương\s+trình|đêm|tuần\s+lễ|tháng\s+hành\s+động|liên\s+hoan)(?!\w)"
)
LEADING_TRONG: Final = re.compile(r"(?i)^trong\s+")
PLAN_LEAD_NO_DATE: Final = re.compile(rf"(?i)^{COMING}\s*,\s*")
WILL: Final = re.compile(r"(?i)(?<!\w)sẽ(?!\w)")
# "“Các chi bộ phải …” – đó là yêu cầu của Bí thư …": a quoted instruction.
QUOTED_INSTRUCTION: Final = re.compile(
    r"^[\"“](?P<q>[^\"”]{10,400})[\"”]\s*[-–—,]?\s*(?:đó\s+là|là)\s+(?:yêu\s+cầu|chỉ\s+đạo|đề\s+nghị"
    r"|ý\s+kiến\s+chỉ\s+đạo|lời\s+nhắc|nhấn\s+mạnh)\s+(?:của|được)\s+"
)
# "Theo Bí thư Thành ủy, …": the leader's view as the frame.
THEO_LEADER: Final = re.compile(r"(?i)^theo\s+(?P<who>[^,]{3,90}?)\s*,\s*")
# Modal words between a subject and its verb: "… xã Bình Minh sẽ vận động" -> the subject.
HEAD_TAIL: Final = re.compile(r"(?i)(?:\s+(?:sẽ|cần|phải|đều|cũng|luôn|tiếp\s+tục|được|thì))+$")
# The object of a list's intro: "các chi bộ thôn mấy việc sau:" -> "các chi bộ thôn".
LIST_OBJECT_TAIL: Final = re.compile(
    r"(?i)\s+(?:(?:ưu\s+tiên|làm|thực\s+hiện)\s+)?(?:mấy|một\s+số|các|những|hai|ba|bốn|năm|sáu)\s+"
    r"(?:việc|nội\s+dung|nhiệm\s+vụ|vấn\s+đề|chủ\s+đề|công\s+việc)"
    r"(?:\s+(?:chính|trọng\s+tâm|cụ\s+thể|sau|dưới\s+đây|cần\s+làm\s+ngay))*\s*$"
)
# The colon that opens a list of tasks inside a sentence: the last one before the items
# ("… nêu rõ: Từ nay đến Tết, các đơn vị cần ưu tiên mấy việc sau: A; B; C").
COLON_LIST: Final = re.compile(rf":\s+(?=[^:]*;[^:]*$|(?i:{TOPIC_LEAD})\s[^:;]{{1,60}}:[^;]*;)")
ITEM_TOPIC_LABEL: Final = re.compile(rf"^(?i:{TOPIC_LEAD})\s+[^:;]{{1,60}}:\s*")
# "… được đồng chí Bí thư nêu cụ thể: …": a leader's list opens the conclusion.
LIST_CUE: Final = re.compile(
    r"(?i)(?:đồng\s+chí|bí\s+thư|chủ\s+tịch|thường\s+trực)[^.:;]{0,80}?(?:nêu|chỉ\s+rõ|nhấn\s+mạnh|lưu\s+ý"
    r"|yêu\s+cầu|đề\s+nghị|giao)(?:\s+(?:cụ\s+thể|rõ))?\s*:"
)
