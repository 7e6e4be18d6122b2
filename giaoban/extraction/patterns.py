"""Regular expressions for the forms met in briefing texts, compiled at import.

Every quantifier that can meet a long run of text is bounded or anchored to a
literal, so matching time grows linearly with the input.
"""

from __future__ import annotations

import re
from typing import Final

from giaoban.extraction.gazetteer import TITLE_HEAD, UPPER


def word_alternation(
    alternatives: list[str], *, ignore_case: bool = True, boundary: bool = True
) -> str:
    """`(?<!\\w)(?:a|b|...)`, written so that the regex engine can skip ahead.

    A pattern that starts with a look-behind or (under IGNORECASE) with a cased
    letter is tried at every position of the text. Here the first op is one
    character class of the alternatives' first letters in both cases, which the
    engine scans for in C; the word boundary is checked after that letter
    (`(?<!\\w.)`), and each alternative's rest is chosen by its first letter.
    Every alternative must start with a plain letter. Matches are the same as
    the plain alternation's, `(?i)` or not, with `(?<!\\w)` before it or not
    (tests compare them).
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        groups.setdefault(alt[0].lower() if ignore_case else alt[0], []).append(alt[1:])
    flag = "(?i:" if ignore_case else "(?:"

    def cases(k: str) -> str:
        return k + k.upper() if ignore_case else k

    firsts = "".join(sorted({c for k in groups for c in cases(k)}))
    parts = [f"(?<=[{cases(k)}]){flag}{'|'.join(rest)})" for k, rest in groups.items()]
    edge = "(?<!\\w.)" if boundary else ""
    return f"[{firsts}]{edge}(?:{'|'.join(parts)})"


def words(spec: str) -> list[str]:
    """ "tiếp nhận | xử lý" -> [r"tiếp\\s+nhận", r"xử\\s+lý"]: a word list written plainly."""
    return [r"\s+".join(w.split()) for w in spec.split("|")]


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
PERIOD: Final = re.compile(
    r"(?i)(?<!\w)(?:"
    r"quý\s+(?P<q>IV|I{1,3}|[1-4])(?!\w)(?:\s*(?:[/.-]|năm|,\s*năm)\s*(?P<qy>\d{4}))?"
    r"|(?P<h>6|06|sáu)\s+tháng(?:\s+(?P<hw>đầu|cuối))?(?:\s+năm(?:\s+(?P<hy>\d{4}))?)?"
    r"|(?P<n>9|09|chín)\s+tháng(?:\s+đầu)?(?:\s+năm(?:\s+(?P<ny>\d{4}))?)?"
    r"|(?P<t>3|03|ba)\s+tháng\s+(?P<tw>đầu|cuối)\s+năm(?:\s+(?P<ty>\d{4}))?"
    r"|(?P<m>giao\s+ban(?:\s+công\s+tác)?\s+tháng)\s+(?P<mn>\d{1,2})(?:\s*(?:[/.-]|năm)\s*(?P<my>\d{4}))?"
    r"|(?P<y>(?:tổng\s+kết|giao\s+ban|đánh\s+giá|kiểm\s+điểm)(?:\s+(?:công\s+tác|tình\s+hình"
    r"|kết\s+quả|thực\s+hiện|nhiệm\s+vụ|cả|của|trong))*\s+năm)\s+(?P<yy>\d{4})"
    r")(?!\w)"
)
# Words that make the following period a plan, not the period under review.
PLANNING_BEFORE: Final = re.compile(
    r"(?i)(?:định\s+hướng|phương\s+hướng|triển\s+khai|kế\s+hoạch|chuẩn\s+bị|trọng\s+tâm"
    r"|giải\s+pháp|hướng\s+tới|tiến\s+tới|bước\s+sang|hoàn\s+thành|phấn\s+đấu)[^.;,]{0,30}$"
)
YEAR: Final = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)")

# --- Meeting kind, online ------------------------------------------------
GIAO_BAN: Final = re.compile(r"(?i)giao\s+ban")
LAM_VIEC: Final = re.compile(
    r"(?i)làm\s+việc\s+với|buổi\s+làm\s+việc|(?:thường\s+trực|ban\s+thường\s+vụ)\s+\S+\s+ủy\s+nghe"
)
ONLINE: Final = re.compile(
    r"(?i)(?<!dịch vụ công )trực\s+tuyến(?!\s+(?:toàn\s+trình|một\s+phần|mức))|điểm\s+cầu"
)
POINT_COUNT: Final = re.compile(r"(?i)(?<!\d)(\d{1,4})\s+điểm\s+cầu")
POINT_WORD: Final = re.compile(
    r"(?i)(?P<host>(?:từ|chính|trung\s+tâm)(?:\s+tại)?\s+)?điểm\s+cầu"
    r"(?:\s+(?:chính|trung\s+tâm)(?:\s+tại)?)?"
)
# A committee named on its own: "Huyện ủy Hưng Nguyên", "Đảng ủy xã Tân Phú".
NAMED_COMMITTEE: Final = re.compile(
    rf"(?:Huyện|Thị|Thành)\s+ủy\s+[{UPPER}]|Đảng\s+ủy\s+(?:xã|phường|thị\s+trấn)\s+[{UPPER}]"
)

# --- Chairs --------------------------------------------------------------
CHAIR_VERB: Final = re.compile(
    r"(?i)(?<!\w)(?:đồng\s+)?chủ\s+trì(?!\s*,?\s*(?:phối\s+hợp|tham\s+mưu|xây\s+dựng|thực\s+hiện"
    r"|triển\s+khai|theo\s+dõi|tổ\s+chức|hướng\s+dẫn|rà\s+soát))(?!\w)"
)
CHAIR_AFTER: Final = re.compile(
    r"(?i)(?:dưới\s+sự\s+(?:đồng\s+)?chủ\s+trì\s+của|(?<!\w)chủ\s+trì\s+(?:hội\s+nghị|buổi\s+làm\s+việc"
    r"|cuộc\s+họp|buổi\s+giao\s+ban)?\s*(?:có|là|gồm|:))\s*(?=đồng\s+chí|đ/c|ông|bà|"
    + TITLE_HEAD
    + r")"
)
PERSON_MARK: Final = re.compile(r"(?i)(?<!\w)(?:đồng\s+chí|đ/c|ông|bà)\s+")
PEOPLE_SPLIT: Final = re.compile(
    r"\s+(?:và|cùng|cùng\s+với)\s+(?=(?:các\s+)?(?i:đồng\s+chí|đ/c|ông|bà)\s)|;\s*"
)
TITLE_START: Final = re.compile(rf"^(?:{TITLE_HEAD})(?!\w)")

# --- Conclusion and directives -------------------------------------------
CONCLUSION: Final = re.compile(
    r"(?i)phát\s+biểu\s+kết\s+luận|kết\s+luận\s+(?:hội\s+nghị|buổi\s+làm\s+việc|cuộc\s+họp"
    r"|(?:buổi\s+)?giao\s+ban|phiên\s+họp|tại\s+(?:hội\s+nghị|buổi|phiên|cuộc))|kết\s+luận\s+như\s+sau|phát\s+biểu\s+chỉ\s+đạo"
    r"|thay\s+mặt\s+[^.,;]{0,60}\s+kết\s+luận|ý\s+kiến\s+kết\s+luận|kết\s+luận\s+và\s+chỉ\s+đạo"
)
# The reporting frame: "Đồng chí ... đề nghị," -> what follows is the directive.
_FRAME_VERB_WORDS: Final = [
    r"lưu\s+ý\s+và\s+đề\s+nghị",
    r"đề\s+nghị\s+và\s+yêu\s+cầu",
    r"yêu\s+cầu\s+và\s+đề\s+nghị",
    r"đề\s+nghị",
    r"yêu\s+cầu",
    r"lưu\s+ý",
    r"nhấn\s+mạnh",
    r"chỉ\s+đạo",
    r"mong\s+muốn",
    r"quán\s+triệt",
    r"giao(?!\s+(?:(?-i:ban|BAN)|lưu|thông|tiếp|dịch|nhận|thoa|hữu|thương|việc\s+có|nộp|kết))",
    r"chỉ\s+rõ",
    r"đồng\s+ý[^,.;]{0,60}?(?:,|\s+và)\s+giao",
    r"thống\s+nhất[^,.;]{0,60}?(?:,|\s+và)\s+giao",
]
FRAME_VERB: Final = re.compile(word_alternation(_FRAME_VERB_WORDS) + r"(?!\w)\s*(?:[,:]\s*)?")
# What may stand right before a frame verb: the speaker and an adverb.
SPEAKER_END: Final = re.compile(
    rf"(?:(?i:đồng\s+chí|đ/c)|(?i:tỉnh\s+ủy|thành\s+ủy|huyện\s+ủy|thị\s+ủy|đảng\s+ủy|trung\s+ương"
    rf"|hđnd\s+tỉnh|ubnd\s+tỉnh|thường\s+trực|bí\s+thư|chủ\s+tịch|trưởng\s+ban|ban\s+thường\s+vụ"
    rf"|tỉnh)(?:\s+[{UPPER}][^\W\d_]*){{0,5}}|[{UPPER}][^\W\d_]*(?:\s+[{UPPER}][^\W\d_]*){{1,4}})"
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
# A sentence that asks someone to act (outside a reporting frame).
_MODAL_CUE_WORDS: Final = words(
    "cần | phải | không để | không được | tập trung | tiếp tục | lưu ý | khẩn trương | "
    "mong muốn | sẽ được"
)
MODAL_CUE: Final = re.compile(word_alternation(_MODAL_CUE_WORDS) + r"(?!\w)")
IMPERATIVE_START: Final = re.compile(
    r"(?i)^(?:tăng\s+cường|tiếp\s+tục|tập\s+trung|đẩy\s+mạnh|đẩy\s+nhanh|nâng\s+cao|chủ\s+động"
    r"|khẩn\s+trương|quan\s+tâm|thực\s+hiện|rà\s+soát|chỉ\s+đạo|triển\s+khai|tổ\s+chức|kịp\s+thời"
    r"|làm\s+tốt|chuẩn\s+bị|xây\s+dựng|phối\s+hợp|đôn\s+đốc|theo\s+dõi|hoàn\s+thành|sớm|chú\s+trọng"
    r"|chấn\s+chỉnh|quán\s+triệt|bảo\s+đảm|đảm\s+bảo|phát\s+huy|duy\s+trì|cần|phải|lưu\s+ý|không\s+để"
    r"|giao|yêu\s+cầu|đề\s+nghị|khắc\s+phục|tham\s+mưu|hướng\s+dẫn|nghiên\s+cứu|đổi\s+mới|siết\s+chặt"
    r"|thường\s+xuyên|kiên\s+quyết|quyết\s+liệt|nghiêm\s+túc|huy\s+động|củng\s+cố|kiện\s+toàn"
    r"|nắm\s+chắc|nắm\s+bắt|bám\s+sát|hoàn\s+thiện)(?!\w)"
)
_ACTION_VERB_WORDS: Final = words(
    "cần | phải | tiếp tục | tập trung | chủ động | khẩn trương | sớm | tăng cường | "
    "đẩy mạnh | đẩy nhanh | rà soát | chỉ đạo | thực hiện | triển khai | xây dựng | tổ chức | "
    "tham mưu | nâng cao | quan tâm | phối hợp | chủ trì | theo dõi | đôn đốc | hướng dẫn | "
    "hoàn thành | bao quát | nắm bắt | làm tốt | kịp thời | dồn lực | chuẩn bị | nghiên cứu | "
    "phát huy | bảo đảm | đảm bảo | không để | chú trọng | quyết liệt | kiện toàn | "
    "hoàn thiện | đổi mới | củng cố | thường xuyên | khắc phục | duy trì | có giải pháp | "
    "lãnh đạo, chỉ đạo | trình | báo cáo | tổng hợp | ban hành | tuyên truyền | bố trí | "
    "sơ kết | tổng kết | kiểm tra | giám sát | làm việc | định hướng | chăm lo | bám sát | "
    "vận động"
)
# Action verbs: where the subject of a directive ends.
ACTION_VERB: Final = re.compile(word_alternation(_ACTION_VERB_WORDS) + r"(?!\w)")
# Not directives: evaluation, scheduling, reports of what was done.
_EVALUATION_WORDS: Final = words(
    "ghi nhận | đánh giá cao | biểu dương | khen ngợi | hoan nghênh | cảm ơn | chúc mừng | "
    "khẳng định | nhìn nhận | thẳng thắn chỉ ra"
)
EVALUATION: Final = re.compile(word_alternation(_EVALUATION_WORDS) + r"(?!\w)")
DONE: Final = re.compile(r"(?i)(?<!\w)(?:đã|vừa|đang)(?!\w)")
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
    r"|trả\s+lời|giải\s+đáp|tiếp\s+thu|thống\s+nhất|đồng\s+ý|khen\s+ngợi|chúc\s+mừng)(?!\w)"
    r"[^.;:]{0,200}?(?:\s+và|,\s*đồng\s+thời|\s*;)\s*$"
)
META_ASSIGNMENT: Final = re.compile(
    r"(?i)^(?:nhiệm\s+vụ|việc)(?:\s+cụ\s+thể)?\s+cho\s+(?:từng|các|mỗi)|^(?:nhiệm\s+vụ|việc)\s*$"
)
TOPIC_HEADER: Final = re.compile(r"(?i)^(?:về|đối\s+với)\s+[^:]{1,120}:\s*")
UNIT_LABEL: Final = re.compile(r"^(?P<label>[^:]{3,80}):\s+")

# --- Enumerations --------------------------------------------------------
INLINE_ITEM: Final = re.compile(r"(?:(?<=\s)|^)\((\d{1,2})\)\s*")
INLINE_ORDINAL: Final = re.compile(
    r"(?:(?<=[\s.;:])|^)(?i:(một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là)\s*[,:]\s*"
    r"|(?:(?<=[\s.;:])|^)(?i:thứ\s+(nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\s*[,:]\s*"
)
ORDINAL_WORDS: Final = {
    w: i + 1 for i, w in enumerate("một hai ba bốn năm sáu bảy tám chín mười".split())
} | {"nhất": 1}
LINE_ITEM: Final = re.compile(
    r"^(?:(?P<num>\d{1,2})[.)]|(?P<sub>\d{1,2}\.\d{1,2})\.?|(?P<letter>[a-zđ])\)|(?P<bullet>[-+•*])"
    r"|\((?P<pnum>\d{1,2})\))\s+"
)
SECTION: Final = re.compile(r"^(?P<roman>[IVX]{1,4})[.)/]\s+(?P<title>.+)$")
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
    r"|trong\s+quý\s+(?P<q>IV|I{1,3}|[1-4])(?!\w)(?:\s*(?:[/.-]|năm)\s*(?P<qy>\d{4}))?"
    r"|(?:trong|hết|cuối)\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:[/.-]|năm)\s*(?P<my>\d{4}))?(?!\d)"
    r"|(?:trong|xong\s+trong|trước)\s+(?P<h>6|06|sáu)\s+tháng\s+(?P<hw>đầu|cuối)\s+năm(?:\s+(?P<hy>\d{4}))?"
    r"|(?:trong|xong\s+trong|trước)\s+(?P<t>3|03|ba)\s+tháng\s+cuối\s+năm(?:\s+(?P<ty>\d{4}))?"
    r"|(?:xong\s+(?:trong|vào|trước)|hoàn\s+thành\s+(?:trong|vào|trước)|trước|đến|trong|vào)\s+cuối\s+năm"
    r"(?:\s+(?P<ey>\d{4}))?"
    r"|(?:xong|hoàn\s+thành|hoàn\s+tất|dứt\s+điểm)\s+(?:trong|trước)\s+năm\s+(?P<yy>\d{4})"
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

# --- Figures -------------------------------------------------------------
_FIGURE_VERBS: Final = words(
    "tiếp nhận | xử lý | giải quyết | tham mưu | ban hành | kết nạp | kiểm tra | giám sát | "
    "thi hành kỷ luật | kỷ luật | tổ chức | xuất bản | phát hành | đăng tải | đăng | "
    "phát sóng | thẩm định | góp ý | tiếp | biên tập | mở | đào tạo | bồi dưỡng | xét | "
    "trình | cho ý kiến | khảo sát | tập huấn | sản xuất | phục vụ | phát hiện | trao tặng | "
    "trao | tặng | hướng dẫn | xây dựng | thụ lý | nhận | theo dõi | đôn đốc | bổ nhiệm | "
    "điều động"
)
# A count of work done: verb, a short gap, the number, what was counted.
FIGURE: Final = re.compile(
    word_alternation(_FIGURE_VERBS, ignore_case=False) + r"(?!\w)"
    r"(?P<gap>(?:[^\d,.;:()\n]|,(?!\s)){0,60}?)\s(?i:(?:hơn|trên|gần|khoảng|được|tổng\s+số)\s+)?"
    r"(?P<value>\d{1,3}(?:\.\d{3})+|\d{1,6})(?![\d/.:-]\d)\s+(?P<measure>[^\W\d_][^.;:()\n]{0,80})"
)
FIGURE_MEASURE_STOP: Final = re.compile(
    r"(?i)^(?:tháng|năm|ngày|giờ|phút|quý|lần\s+thứ|nhiệm\s+kỳ|tuổi|km|điểm\s+cầu|đại\s+biểu"
    r"|đồng\s+chí|ý\s+kiến|tham\s+luận|người\s+dự|%|phần\s+trăm|tỷ|triệu|nghìn|vào|của|tại"
    r"|trên|với|và|để|trong|từ|đến)(?!\w)"
)
FIGURE_GAP_STOP: Final = re.compile(
    r"(?i)(?<!\w)(?:thứ|số|khóa|ngày|tháng|năm|quý|lần|kỳ|đợt|giai\s+đoạn|nhiệm\s+kỳ)\s*$"
)
# A second count sharing the verb: "tổ chức 2 hội nghị và 1 cuộc thi".
FIGURE_COORDINATED: Final = re.compile(
    r"(?:,\s*|\s+và\s+)(?P<value>\d{1,3}(?:\.\d{3})+|\d{1,6})(?![\d/.:-]\d)\s+(?=[^\W\d_])"
)
# What a measure cut before the next count ends with: "đơn thư, đã" -> "đơn thư".
FIGURE_MEASURE_TAIL: Final = re.compile(r"(?i)(?:[\s,]+(?:đã|và|cũng|còn|đồng\s+thời))*[\s,]*$")
FIGURE_MEASURE_END: Final = re.compile(
    r"(?i)(?:\s+(?:gửi\s+đến|trong\s+(?:quý|tháng|năm|kỳ)|so\s+với|đạt|tăng|giảm|và\s+đã|(?:đối\s+)?với"
    r"|trước\s+khi|khi\s+có)|,\s+(?:hướng\s+dẫn|định\s+hướng|chuyển|tham\s+mưu|chỉ\s+đạo|phối\s+hợp"
    r"|góp\s+phần|đồng\s+thời))(?!\w).*$"
)

# --- Recommendations -----------------------------------------------------
RECOMMEND: Final = re.compile(
    r"(?i)(?<!\w)(?:đã\s+|cũng\s+)?(?:kiến\s+nghị,\s+đề\s+xuất|kiến\s+nghị|đề\s+xuất|đề\s+đạt)(?!\w)"
    r"(?:\s+(?:với|lên))?"
)
RECOMMEND_NOUN_AFTER: Final = re.compile(r"(?i)^\s*(?:của|này|đó|nêu|trên|đã\s+nêu|được)(?!\w)")
RECOMMEND_ADDRESSEE: Final = re.compile(
    r"(?i)^\s*(?:(?:thường\s+trực|ban\s+thường\s+vụ|ban\s+chấp\s+hành)(?:\s+(?:tỉnh|thành|huyện)\s+ủy)?"
    r"(?:,\s+(?:ban\s+thường\s+vụ|thường\s+trực)(?:\s+(?:tỉnh|thành)\s+ủy)?)*"
    r"|(?:tỉnh|thành)\s+ủy|trung\s+ương|ubnd\s+tỉnh|ủy\s+ban\s+nhân\s+dân\s+tỉnh|cấp\s+trên"
    r"|lãnh\s+đạo\s+tỉnh)?\s*(?:một\s+số\s+(?:nội\s+dung|vấn\s+đề)(?:\s+như)?)?\s*[:,]?\s*"
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
    r"(?:\s+tỉnh)?)(?!\s+viên)(?!\w)"
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
LEADER: Final = re.compile(r"(?i)đồng\s+chí|đ/c|bí\s+thư|chủ\s+tịch|thường\s+trực")
TOPIC_CLAUSE: Final = re.compile(r"(?i)^(?:về|đối\s+với)\s[^,]{1,120},\s*")
ENDS_CO_SE: Final = re.compile(r"(?i)(?:có|sẽ)\s*$")
DUOC: Final = re.compile(r"(?i)(?<!\w)(?<!đạt\s)(?<!có\s)được(?!\w)")  # not "kết quả đạt được"
ENDS_DA: Final = re.compile(r"(?i)đã\s*$")
SHORTCOMING: Final = re.compile(r"(?i)(?<!\w)(?:còn|chưa)\s")
# Assignees: "X chủ trì, phối hợp với Y, Z" and the attendee list of the lead.
COOPERATION: Final = re.compile(
    r"(?i)(?<!\w)(?:chủ\s+trì\s*,?\s*phối\s+hợp(?:\s+với)?|phối\s+hợp\s+với)\s+"
)
PARTNERS_END: Final = re.compile(
    r"[;.]|\s(?:tham\s+mưu|triển\s+khai|xây\s+dựng|tổ\s+chức|thực\s+hiện|rà\s+soát"
    r"|hướng\s+dẫn|theo\s+dõi|đôn\s+đốc|kiểm\s+tra|nghiên\s+cứu|chuẩn\s+bị|hoàn\s+thành"
    r"|báo\s+cáo|trình|đề\s+xuất|tuyên\s+truyền|để|nhằm)\s"
)
LIST_SEP: Final = re.compile(r",\s*|\s+và\s+")
TOPIC_WORD: Final = re.compile(r"(?i)^(?:về|đối\s+với)\s+")
ATTENDEES: Final = re.compile(r"(?i)(?:giao\s+ban|làm\s+việc|họp)[^.]{0,80}?\svới\s+([^.;]{3,200})")
# Recommendations: the subject before "kiến nghị".
REC_SUBJECT_TAIL: Final = re.compile(r"(?i)\s*(?:đã|cũng|tiếp\s+tục|đồng\s+thời)\s*$")
AT_THE_MEETING: Final = re.compile(
    r"(?i)^(?:tại\s+(?:hội\s+nghị|buổi\s+làm\s+việc|cuộc\s+họp)|qua\s+đó)\s*,\s*"
)
EVERY_SPEAKER: Final = re.compile(
    r"(?i)(?:các\s+)?(?:đại\s+biểu|ý\s+kiến|lãnh\s+đạo\s+các|các\s+cấp\s+ủy)"
)
