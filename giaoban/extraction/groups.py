"""Group phrases: who may be tasked or may ask besides the named Party-bloc units.

"các đơn vị" (everyone present), named subsets ("các cấp ủy", "các cơ quan báo chí của tỉnh"),
state bodies ("Sở Tài chính"), standing bodies and collectives that report results
("Thường trực Tỉnh ủy", "Chi bộ thôn Khe Mụ"), sector and team heads ("Ngành Giáo dục", "Tổ biên
tập"). Regexes built from data, compiled at import.
"""

from __future__ import annotations

import functools
import re
from typing import Final

# Upper-case letters of Vietnamese, for names ("Hồ Thanh Sơn").
UPPER: Final[str] = "".join(
    c
    for c in map(chr, list(range(0x41, 0x5B)) + list(range(0xC0, 0x1EFA)))
    if c.isupper()
    and c.isalpha()
    and c.lower() != c
    and ord(c) not in (0xD7,)
    and (ord(c) < 0x250 or 0x1EA0 <= ord(c) <= 0x1EF9)
)
# --- Group phrases for assignees -----------------------------------------
# Addressed to every unit present -> "*".
ALL_UNITS_RE: Final = re.compile(
    r"(?i)^(?:(?:tập\s+thể\s+)?lãnh\s+đạo\s+|thủ\s+trưởng\s+|người\s+đứng\s+đầu\s+)?"
    r"các\s+(?:đồng\s+chí\s+(?:lãnh\s+đạo\s+)?(?:các\s+)?)?(?:"
    r"cơ\s+quan,?\s+đơn\s+vị|ban,?\s+(?:và\s+)?văn\s+phòng"
    r"|ban\s+(?:xây\s+dựng\s+)?đảng,?\s+(?:và\s+)?văn\s+phòng"
    r"|ban,\s+đơn\s+vị|ban,\s+ngành|cơ\s+quan\s+khối\s+đảng|đơn\s+vị\s+khối\s+đảng"
    r"|cơ\s+quan\s+tham\s+mưu|đơn\s+vị(?!\s+sự\s+nghiệp)"
    r"|cơ\s+quan(?!\s+(?:báo\s+chí|truyền\s+thông|chức\s+năng|tư\s+pháp|nội\s+chính|liên\s+quan)))"
)
# A named subset of units, kept as written ("các cấp ủy", "các cơ quan báo chí của tỉnh").
SUBSET_GROUP_RE: Final = re.compile(
    r"(?i)(?<!\w)(?:các\s+)?(?:"
    r"cấp\s+ủy(?:\s+đảng)?(?:\s+các\s+cấp)?(?:\s+trực\s+thuộc(?:\s+tỉnh|\s+tỉnh\s+ủy)?)?"
    r"(?:,\s+tổ\s+chức\s+đảng(?:\s+các\s+cấp)?)?"
    r"|cơ\s+quan\s+(?:báo\s+chí|truyền\s+thông)(?:\s+(?:của|trên\s+địa\s+bàn)\s+tỉnh)?"
    r"|(?:quận|huyện|thị|thành)\s+ủy(?:,\s+(?:quận|huyện|thị|thành)\s+ủy){1,3}"
    r"(?:,\s+đảng\s+ủy\s+trực\s+thuộc(?:\s+tỉnh\s+ủy)?)?"
    r"|huyện,\s+thị,\s+thành\s+ủy(?:,\s+đảng\s+ủy\s+trực\s+thuộc(?:\s+tỉnh\s+ủy)?)?"
    r"|huyện\s+ủy|(?:cấp\s+ủy,\s+)?tổ\s+chức\s+đảng"
    r"|ban\s+xây\s+dựng\s+đảng|ban\s+đảng|đảng\s+bộ\s+trực\s+thuộc(?:\s+tỉnh\s+ủy)?"
    r"|đảng\s+ủy\s+trực\s+thuộc(?:\s+tỉnh\s+ủy)?|tổ\s+chức\s+cơ\s+sở\s+đảng|chi\s+bộ"
    r"|sở,\s+ban,\s+ngành(?:,\s+địa\s+phương)?|sở,\s+ngành(?:,\s+địa\s+phương)?"
    r"|địa\s+phương|xã,\s+phường(?:,\s+đặc\s+khu)?|đảng\s+ủy\s+xã,\s+phường(?:,\s+đặc\s+khu)?"
    r"|đảng\s+ủy\s+các\s+(?:xã,\s+phường|phường,\s+xã)(?:,\s+đặc\s+khu)?"
    r"|cấp,\s+các\s+ngành|ngành,\s+các\s+cấp"
    r")(?!\w)"
)
# Partners too vague to list ("các cơ quan, đơn vị liên quan").
VAGUE_PARTNER_RE: Final = re.compile(r"(?i)liên\s+quan|có\s+liên\s+quan|các\s+ngành\b")

# State bodies named as partners ("phối hợp với Sở Tài chính"): listed as written.
# The departments of a province ("Sở Tài chính"), written once for state bodies and the Party
# committees of departments ("Đảng ủy Sở Tài chính").
_DEPARTMENT = (
    r"Sở\s+(?:Tài\s+chính|Nội\s+vụ|Tư\s+pháp|Y\s+tế|Xây\s+dựng|Công\s+[Tt]hương|Ngoại\s+vụ"
    r"|Du\s+lịch|Kế\s+hoạch\s+và\s+Đầu\s+tư|Giáo\s+dục\s+và\s+Đào\s+tạo|Khoa\s+học\s+và\s+Công\s+nghệ"
    r"|Thông\s+tin\s+và\s+Truyền\s+thông|Tài\s+nguyên\s+và\s+Môi\s+trường"
    r"|Nông\s+nghiệp\s+và\s+(?:Phát\s+triển\s+nông\s+thôn|Môi\s+trường)|Giao\s+thông\s+[Vv]ận\s+tải"
    r"|Lao\s+động\s*-\s*Thương\s+binh\s+và\s+Xã\s+hội|Văn\s+hóa,\s+Thể\s+thao\s+và\s+Du\s+lịch"
    r"|Văn\s+hóa\s+và\s+Thể\s+thao|Dân\s+tộc\s+và\s+Tôn\s+giáo)"
)
STATE_BODY_RE: Final = re.compile(
    r"(?<!\w)(?:"
    + _DEPARTMENT
    + r"|(?:Công\s+an|Thanh\s+tra|Bộ\s+Chỉ\s+huy\s+Quân\s+sự|Văn\s+phòng\s+UBND|UBND|Ủy\s+ban\s+nhân\s+dân"
    r"|Ủy\s+ban\s+MTTQ(?:\s+Việt\s+Nam)?|Ủy\s+ban\s+Mặt\s+trận\s+Tổ\s+quốc(?:\s+Việt\s+Nam)?)"
    r"\s+(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|thị\s+trấn|xã|phường))(?!\w)"
)


# --- Collective subjects of reported results ----------------------------------
# "Thường trực Tỉnh ủy đã tổ chức 9 đoàn công tác", "Ủy ban Kiểm tra các cấp đã kiểm tra
# 120 tổ chức đảng": subjects of figures only (a standing body is not an assignee).
COLLECTIVE_RE: Final = re.compile(
    r"(?<!\w)(?:(?:Ban\s+Thường\s+vụ|Thường\s+trực|Ban\s+Chấp\s+hành)\s+(?:Tỉnh|Thành|Huyện|Thị|Quận)\s+ủy"
    r"|(?:Ban\s+Thường\s+vụ|Thường\s+trực)\s+Đảng\s+ủy(?:\s+(?:xã|phường|Khối)(?:\s+["
    + UPPER
    + r"][^\W\d_]*){0,3})?"
    r"|Ủy\s+ban\s+Kiểm\s+tra\s+các\s+cấp|(?i:cấp\s+ủy\s+các\s+cấp)|Đảng\s+ủy\s+"
    + _DEPARTMENT
    + r"|Chi\s+bộ\s+(?:thôn|bản|ấp|xóm|buôn|làng|khu\s+phố|tổ\s+dân\s+phố|khu|tổ)\s+(?:["
    + UPPER
    + r"][^\W\d_]*(?:\s+["
    + UPPER
    + r"][^\W\d_]*){0,2}|\d{1,3})"
    r"|(?:[Cc]ác\s+)(?:huyện\s+ủy|đảng\s+ủy\s+(?:xã|phường|cơ\s+sở)|cấp\s+ủy|chi\s+bộ)"
    r"(?:,\s+(?:thị|thành|quận|huyện)\s+ủy)*(?:,\s+đảng\s+ủy\s+trực\s+thuộc)?)(?!\w)"
)


@functools.lru_cache(maxsize=4096)
def find_collectives(text: str) -> tuple[tuple[int, int, str], ...]:
    """Standing bodies and collectives named in `text`: (start, end, name as written)."""
    if "ủy" not in text and "cấp" not in text and "hi bộ" not in text:
        return ()
    return tuple(
        (m.start(), m.end(), " ".join(m.group(0).split())) for m in COLLECTIVE_RE.finditer(text)
    )


# Groups of ALL_UNITS_RE that name a part of the attendees at a mixed meeting.
PART_OF_ATTENDEES_RE: Final = re.compile(
    r"(?i)khối\s+đảng|ban\s+(?:xây\s+dựng\s+)?đảng,?\s+(?:và\s+)?văn\s+phòng"
)
# Who may be tasked besides the Party units: groups, sectors, state bodies, teams.
GROUP_HEAD_RE: Final = re.compile(
    r"(?i)^(?:các(?!\s+(?:việc|nội\s+dung|nhiệm\s+vụ|vấn\s+đề|chủ\s+đề|giải\s+pháp|chỉ\s+tiêu|dự\s+án)(?!\w))"
    r"|mỗi|từng|trưởng\s+các|bí\s+thư\s+các|đội\s+ngũ|lực\s+lượng|ngành|sở|phòng|tổ|hội\s+đồng|đoàn"
    r"|chính\s+quyền|mặt\s+trận|mttq|ủy\s+ban\s+nhân\s+dân|ubnd|hđnd|công\s+an|quân\s+sự"
    r"|đảng\s+ủy|chi\s+bộ|cấp\s+ủy|người\s+đứng\s+đầu|cán\s+bộ|ban\s+chỉ\s+đạo|ban\s+quản\s+lý"
    r"|ban\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s+(?=cấp\s+ủy|các\s+cấp|cấp\s+(?:huyện|xã|cơ\s+sở)))\s*"
)
# Who may make a request, besides units and groups: "nhiều đảng ủy phường", "một số chi bộ".
REQUESTER_HEAD_RE: Final = re.compile(
    r"(?i)^(?:nhiều|một\s+số|những|phần\s+lớn)\s+(?:đảng\s+ủy|chi\s+bộ|cấp\s+ủy|huyện\s+ủy|xã|phường"
    r"|cơ\s+quan|đơn\s+vị|ban|tổ)"
)
