"""What the province and national demos share: names, unit trees, task texts, and the one
chooser of an assignment's fate (which status class it ends in at the demo's reference date)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from giaoban.demo import DEMO_PASSWORD
from giaoban.org.models import Unit, UnitKind
from giaoban.periods import Period, PeriodType

__all__ = ["DEMO_PASSWORD"]  # re-exported for the builders (defined in giaoban.demo)

#: the 34 provinces and cities after the 2025 merger
PROVINCES = [
    ("Thành ủy", "Hà Nội"),
    ("Thành ủy", "Huế"),
    ("Tỉnh ủy", "Lai Châu"),
    ("Tỉnh ủy", "Điện Biên"),
    ("Tỉnh ủy", "Sơn La"),
    ("Tỉnh ủy", "Lạng Sơn"),
    ("Tỉnh ủy", "Quảng Ninh"),
    ("Tỉnh ủy", "Thanh Hóa"),
    ("Tỉnh ủy", "Nghệ An"),
    ("Tỉnh ủy", "Hà Tĩnh"),
    ("Tỉnh ủy", "Cao Bằng"),
    ("Tỉnh ủy", "Tuyên Quang"),
    ("Tỉnh ủy", "Lào Cai"),
    ("Tỉnh ủy", "Thái Nguyên"),
    ("Tỉnh ủy", "Phú Thọ"),
    ("Tỉnh ủy", "Bắc Ninh"),
    ("Tỉnh ủy", "Hưng Yên"),
    ("Thành ủy", "Hải Phòng"),
    ("Tỉnh ủy", "Ninh Bình"),
    ("Tỉnh ủy", "Quảng Trị"),
    ("Thành ủy", "Đà Nẵng"),
    ("Tỉnh ủy", "Quảng Ngãi"),
    ("Tỉnh ủy", "Gia Lai"),
    ("Tỉnh ủy", "Khánh Hòa"),
    ("Tỉnh ủy", "Lâm Đồng"),
    ("Tỉnh ủy", "Đắk Lắk"),
    ("Thành ủy", "Hồ Chí Minh"),
    ("Tỉnh ủy", "Đồng Nai"),
    ("Tỉnh ủy", "Tây Ninh"),
    ("Thành ủy", "Cần Thơ"),
    ("Tỉnh ủy", "Vĩnh Long"),
    ("Tỉnh ủy", "Đồng Tháp"),
    ("Tỉnh ủy", "Cà Mau"),
    ("Tỉnh ủy", "An Giang"),
]

#: provincial bloc units after the 2025 reform: (kind, name pattern, short name, username)
BLOC_UNITS = [
    (UnitKind.OFFICE, "Văn phòng {c}", "Văn phòng", "vanphong"),
    (UnitKind.BOARD, "Ban Tổ chức {c}", "Ban Tổ chức", "bantochuc"),
    (UnitKind.BOARD, "Ban Tuyên giáo và Dân vận {c}", "Ban TG&DV", "bantuyengiao"),
    (UnitKind.BOARD, "Ban Nội chính {c}", "Ban Nội chính", "bannoichinh"),
    (UnitKind.INSPECTION, "Ủy ban Kiểm tra {c}", "UBKT", "ubkt"),
    (UnitKind.NEWSPAPER, "Báo và Phát thanh, Truyền hình {p}", "Báo và PT-TH", "bao"),
    (UnitKind.SCHOOL, "Trường Chính trị tỉnh {p}", "Trường Chính trị", "truongct"),
    (UnitKind.BLOC_COMMITTEE, "Đảng ủy các cơ quan Đảng tỉnh", "ĐU các cơ quan Đảng", "dangcqd"),
    (UnitKind.BLOC_COMMITTEE, "Đảng ủy Ủy ban nhân dân tỉnh", "ĐU UBND tỉnh", "dangubnd"),
]

_SYLLABLES = [
    "An",
    "Bình",
    "Phước",
    "Tân",
    "Long",
    "Hòa",
    "Thạnh",
    "Xuân",
    "Phú",
    "Thuận",
    "Trảng",
    "Định",
    "Quán",
    "Hưng",
    "Lộc",
    "Mỹ",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Vĩnh",
    "Thống",
    "Nhất",
    "Gia",
    "Kiệm",
    "Sơn",
    "Hải",
    "Trị",
    "Lâm",
    "Phong",
    "Thọ",
    "Hiệp",
    "Đức",
    "Thành",
    "Trung",
    "Cát",
]

TASK_TEXTS = [
    "Rà soát, hoàn thiện kế hoạch thực hiện nhiệm vụ trọng tâm, báo cáo Thường trực Tỉnh ủy",
    "Tham mưu tổ chức hội nghị sơ kết việc thực hiện Nghị quyết của Ban Chấp hành Đảng bộ tỉnh",
    "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của cơ quan",
    "Tăng cường công tác tuyên truyền, vận động Nhân dân bàn giao mặt bằng các dự án trọng điểm",
    "Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên theo quy định",
    "Rà soát, bổ sung quy hoạch cán bộ, kiện toàn nhân sự cấp ủy",
    "Tham mưu giải quyết dứt điểm các đơn thư khiếu nại, tố cáo kéo dài",
    "Xây dựng báo cáo tổng kết công tác năm và phương hướng nhiệm vụ năm sau",
    "Tập trung thực hiện phát triển đảng viên đạt chỉ tiêu đề ra, nhất là trong doanh nghiệp và trường học",
    "Chuẩn bị nội dung phục vụ hội nghị Ban Chấp hành Đảng bộ tỉnh",
    "Thực hiện nghiêm quy chế bảo vệ bí mật nhà nước trong cơ quan",
    "Báo cáo tiến độ thực hiện các kết luận của Thường trực Tỉnh ủy",
    "Tổ chức sinh hoạt chi bộ hằng tháng bằng Sổ tay đảng viên điện tử",
    "Tăng cường kiểm tra, giám sát việc thực hiện quy chế làm việc của cấp ủy",
]


def commune_names(n: int, rng: random.Random) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < n:
        name = f"{rng.choice(_SYLLABLES)} {rng.choice(_SYLLABLES)}"
        if name.split()[0] == name.split()[1] or name in seen:
            continue
        seen.add(name)
        names.append(name)
    return names


def finished_quarters(today: date, count: int) -> list[Period]:
    """The ``count`` most recent quarters finished before ``today``, oldest first."""
    quarter = Period.for_date(today, PeriodType.QUARTER)
    out = []
    for _ in range(count):
        quarter = quarter.previous()
        out.append(quarter)
    return list(reversed(out))


def unit_objects(
    committee: Unit, prefix: str, province: str, code: str, rng: random.Random, communes: int
) -> tuple[list[Unit], list[Unit]]:
    """A province's bloc units and commune committees after the 2025 reform, not yet saved."""
    bloc = [
        Unit(
            kind=kind,
            name=pattern.format(c=prefix, p=province),
            short_name=short,
            parent=committee,
            sort_order=order,
            valid_from=date(2025, 7, 1),
            code=f"{code}.{order:02d}",
            code_scheme="demo",
        )
        for order, (kind, pattern, short, _user) in enumerate(BLOC_UNITS, start=1)
    ]
    comm = []
    for i, name in enumerate(commune_names(communes, rng), start=1):
        word = "phường" if i % 4 == 0 else "xã"
        comm.append(
            Unit(
                kind=UnitKind.COMMUNE_COMMITTEE,
                name=f"Đảng ủy {word} {name}",
                short_name=f"ĐU {word} {name}",
                parent=committee,
                sort_order=100 + i,
                valid_from=date(2025, 7, 1),
                code=f"{code}.{100 + i:03d}",
                code_scheme="demo",
            )
        )
    return bloc, comm


@dataclass(frozen=True)
class Fate:
    """Where one assignment stands at the demo's reference date."""

    #: AssignmentState value: "open", "claimed", "done" or "cancelled"
    state: str
    #: the deadline in force (after an approved extension)
    deadline: date | None
    #: approved extensions (0 or 1; each moved the deadline by 30 days)
    extensions: int
    percent: int
    completed_on: date | None
    cancelled_on: date | None
    #: an extension request awaits the office
    asks_extension: bool
    #: when the unit claimed completion (claimed or done)
    claimed_on: date | None


def choose_fate(rng: random.Random, today: date, doc_date: date, deadline: date | None) -> Fate:
    """The fate of one assignment of a task of ``doc_date`` due on ``deadline``, spread over every
    status class at ``today`` (standing, in time, overdue, done on time or late, cancelled,
    extended, claimed, awaiting an extension)."""
    roll = rng.random()
    asks = False
    ext, state, completed, cancelled = 0, "open", None, None
    if deadline is None:
        if roll < 0.25:
            state, completed = "done", doc_date + timedelta(days=rng.randint(10, 90))
        elif roll < 0.28:
            state, cancelled = "cancelled", doc_date + timedelta(days=rng.randint(5, 60))
        elif roll < 0.33:
            state = "claimed"
    elif deadline < today:
        if roll < 0.10:  # extended once by 30 days; done within the new deadline if it has passed
            ext, deadline = 1, deadline + timedelta(days=30)
            if deadline < today:
                state, completed = "done", deadline - timedelta(days=rng.randint(0, 10))
        elif roll < 0.55:
            state, completed = "done", deadline - timedelta(days=rng.randint(0, 15))
        elif roll < 0.72:
            state, completed = "done", deadline + timedelta(days=rng.randint(1, 30))
        elif roll < 0.76:
            state, cancelled = "cancelled", deadline
        elif roll < 0.82:
            state = "claimed"
    else:
        if roll < 0.25:
            state, completed = "done", doc_date + timedelta(days=rng.randint(5, 20))
        elif roll < 0.33:
            state = "claimed"
        elif roll < 0.36:
            state, cancelled = "cancelled", doc_date + timedelta(days=rng.randint(1, 10))
        elif roll < 0.40:
            asks = True  # an extension request awaiting the office
    if completed is not None:
        completed = max(doc_date, min(today, completed))
    if cancelled is not None:
        cancelled = max(doc_date, min(today, cancelled))
    if state in ("done", "claimed"):
        percent = 100
    elif state == "open":
        percent = rng.choice((0, 0, 20, 40, 60, 80))
    else:
        percent = 0
    claimed_on = None
    if state == "done":
        claimed_on = completed
    elif state == "claimed":
        claimed_on = min(today, max(doc_date, today - timedelta(days=2)))
    return Fate(state, deadline, ext, percent, completed, cancelled, asks and not ext, claimed_on)
