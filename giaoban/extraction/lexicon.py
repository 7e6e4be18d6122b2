"""Word lists of the reader, written plainly, and the alternation built from them.

The lists are data: the verbs that frame a chair's instruction, the modal cues, the action
verbs where a subject ends, evaluation verbs, the verbs of reported counts. `patterns`
compiles them; `word_alternation` writes them so that the regex engine can skip ahead.
"""

from __future__ import annotations

import re
from typing import Final


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


def word_pattern(
    alternatives: list[str], *, ignore_case: bool = True, boundary: bool = True
) -> re.Pattern[str]:
    """One of the words, as a whole word: `word_alternation` + `(?!\\w)`, compiled."""
    return re.compile(
        word_alternation(alternatives, ignore_case=ignore_case, boundary=boundary) + r"(?!\w)"
    )


def words(spec: str) -> list[str]:
    """ "tiếp nhận | xử lý" -> [r"tiếp\\s+nhận", r"xử\\s+lý"]: a word list written plainly."""
    return [r"\s+".join(w.split()) for w in spec.split("|")]


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

# A sentence that asks someone to act (outside a reporting frame).
_MODAL_CUE_WORDS: Final = words(
    "cần | phải | không để | không được | tập trung | tiếp tục | lưu ý | khẩn trương | "
    "mong muốn | sẽ được"
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
    "vận động | thống kê | căn cứ | biên soạn | giải ngân | rút ngắn | công khai | lồng ghép | "
    "hoàn tất | cập nhật | số hóa | thẩm định | tiêm phòng | gửi | nạo vét | phát hành | "
    "giải quyết | xử lý | nắm chắc | kiểm kê | bổ sung | sửa đổi | đề xuất | "
    "chỉnh lý | rà soát lại | hướng tới | phấn đấu | quản lý | lập | thu | nộp | trả lời | "
    "tiếp thu | tiếp nhận | vận hành | ứng dụng | cải thiện | giữ vững | nhân rộng | "
    "kiểm điểm | đánh giá | tuyên dương | khen thưởng | xem xét | sắp xếp | bồi dưỡng | "
    "đào tạo | tập huấn | quán triệt | phổ biến | học tập | mở | làm | sửa | khảo sát | "
    "lắp đặt | chỉnh trang | ra quân | giải tỏa | hoàn thiện | phát quang | hỗ trợ | cân đối | "
    "nâng cấp | thu hoạch | thu hái | dọn | di dời | bàn giao | hoàn tất"
)

# Not directives: evaluation, scheduling, reports of what was done.
_EVALUATION_WORDS: Final = words(
    "ghi nhận | đánh giá cao | biểu dương | khen ngợi | hoan nghênh | cảm ơn | chúc mừng | "
    "khẳng định | nhìn nhận | thẳng thắn chỉ ra"
)

# --- Figures -------------------------------------------------------------
_FIGURE_VERBS: Final = words(
    "tiếp nhận | xử lý | giải quyết | tham mưu | ban hành | kết nạp | kiểm tra | giám sát | "
    "thi hành kỷ luật | kỷ luật | tổ chức | xuất bản | phát hành | đăng tải | đăng | "
    "phát sóng | thẩm định | góp ý | tiếp | biên tập | mở | đào tạo | bồi dưỡng | xét | "
    "trình | cho ý kiến | khảo sát | tập huấn | sản xuất | phục vụ | phát hiện | trao tặng | "
    "trao | tặng | hướng dẫn | xây dựng | thụ lý | nhận | theo dõi | đôn đốc | bổ nhiệm | "
    "điều động | biên soạn | thành lập | kết thúc | tổng hợp | di dời | hòa giải | số hóa | "
    "cấp phát | công nhận | giới thiệu | rà soát | cập nhật | khen thưởng | tiếp xúc | "
    "đối thoại | sắp xếp | hợp nhất | sáp nhập | kiện toàn | luân chuyển | chuyển | triển khai | "
    "quán triệt | vận động | hỗ trợ | tuyên truyền | thực hiện | hoàn thành | ký kết | "
    "khai giảng | bế giảng | in ấn | thăm hỏi | phát động | ra mắt"
)


# --- Regex fragments shared by `patterns` and `report_patterns` ---------------
# Written once, so that the two modules cannot drift apart (use inside (?i) contexts).
#: the level word of a state or Party body: "UBND xã", "Đảng ủy phường", "HĐND tỉnh"
LEVEL: Final = r"(?:xã|phường|thị\s+trấn|đặc\s+khu|huyện|quận|thị\s+xã|tỉnh|thành\s+phố)"
#: the grassroots levels after 2025: "Đảng ủy xã X", "phường Y", "đặc khu Z"
COMMUNE_LEVEL: Final = r"(?:xã|phường|thị\s+trấn|đặc\s+khu)"
#: the meeting a cue refers to: "kết luận hội nghị", "tại buổi làm việc"
MEETING_NOUN: Final = (
    r"(?:hội\s+nghị|buổi\s+(?:làm\s+việc|giao\s+ban|gặp\s+mặt)|cuộc\s+họp|phiên\s+họp)"
)
#: a counted value ("1.245", "58") not followed by more digits ("58/60" is read by the caller)
COUNT: Final = r"(?P<value>\d{1,3}(?:\.\d{3})+|\d{1,6})"
COUNT_END: Final = r"(?![\d/.:-]\d)"
#: the nouns of a unit's request
REQUEST_NOUN: Final = r"(?:kiến\s+nghị|đề\s+xuất|đề\s+nghị)"
#: an answer that agrees or takes note, and tasks nobody by itself
APPROVAL: Final = r"(?:đồng\s+ý|thống\s+nhất|ghi\s+nhận|chấp\s+thuận)"
#: the standing bodies a request is put to
STANDING_BODY: Final = r"(?:thường\s+trực|ban\s+thường\s+vụ|ban\s+chấp\s+hành)"
#: bodies above the one who asks ("Huyện ủy A đề nghị Tỉnh ủy …", "… đề nghị Đảng ủy xã …")
HIGHER_BODY: Final = (
    r"(?:tỉnh|thành)\s+ủy|trung\s+ương|ubnd\s+tỉnh|ủy\s+ban\s+nhân\s+dân\s+tỉnh|cấp\s+trên"
    r"|lãnh\s+đạo\s+tỉnh|thành\s+phố|tỉnh"
    r"|đảng\s+ủy(?:\s+(?:xã|phường|khối|các\s+cơ\s+quan\s+đảng(?:\s+tỉnh)?"
    r"|(?:ủy\s+ban\s+nhân\s+dân|ubnd)\s+(?:tỉnh|thành\s+phố)))?|xã|phường|huyện"
    r"|ban(?=\s+[a-zđ])"
)
#: ordinals of items: "Một là", "Thứ hai" (alternatives, no group)
ORDINAL_LA: Final = "một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười"
ORDINAL_THU: Final = "nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười"
#: a topic lead: "Về …", "Đối với …"
TOPIC_LEAD: Final = r"(?:về|đối\s+với)"
#: a coming period with no number: "Tháng tới", "Trong thời gian tới", "Sắp tới"
COMING: Final = r"(?:(?:trong\s+)?(?:tháng|quý|năm|thời\s+gian)\s+tới|sắp\s+tới)"
