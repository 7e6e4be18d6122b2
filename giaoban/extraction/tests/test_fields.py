"""Table-driven tests of single fields: each row is a short text and what it must give."""

from __future__ import annotations

from datetime import date

import pytest

from giaoban.extraction import Chair, Period, extract

LEAD = "Phó Bí thư Thường trực Tỉnh ủy Nguyễn Văn A chủ trì hội nghị giao ban {period}."


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Day and month only: the year from the publication date.
        ("Chiều 28-11, " + LEAD.format(period="quý IV-2023"), "2023-11-28", date(2023, 11, 28)),
        ("Sáng 05/10, " + LEAD.format(period="9 tháng năm 2023"), None, date(2023, 10, 5)),
        ("Chiều nay (4/12), " + LEAD.format(period="quý IV năm 2024"), None, date(2024, 12, 4)),
        ("Ngày 20/6/2024, " + LEAD.format(period="quý 2/2024"), None, date(2024, 6, 20)),
        (
            "Sáng ngày 15 tháng 7 năm 2025, " + LEAD.format(period="6 tháng đầu năm"),
            None,
            date(2025, 7, 15),
        ),
        # Published in early January, meeting on 30 December: the year before.
        ("Chiều 30/12, " + LEAD.format(period="năm 2024"), "2025-01-02", date(2024, 12, 30)),
        # A year-end review held in January belongs to the next year.
        (
            "Sáng 10/1, Thường trực Tỉnh ủy tổ chức hội nghị giao ban tổng kết năm 2024 với các "
            "ban đảng. " + "Đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy chủ trì.",
            None,
            date(2025, 1, 10),
        ),
        (
            "Sáng 12/1, Thường trực Tỉnh ủy giao ban quý IV/2023 với các ban đảng và Văn phòng "
            "Tỉnh ủy để đánh giá kết quả.",
            None,
            date(2024, 1, 12),
        ),
        # No year anywhere: no date, never a partial one.
        (
            "Chiều 28-11, Thường trực Tỉnh ủy họp giao ban với các ban đảng của tỉnh để đánh giá "
            "công việc.",
            None,
            None,
        ),
    ],
)
def test_meeting_date(text: str, published: str | None, expected: date | None) -> None:
    assert extract(text, published=published).meeting.date == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("quý IV-2023", Period(2023, "quarter", 4)),
        ("quý 2/2024", Period(2024, "quarter", 2)),
        ("quý IV năm 2024", Period(2024, "quarter", 4)),
        ("quý III/2021", Period(2021, "quarter", 3)),
        ("quý I năm 2025", Period(2025, "quarter", 1)),
        ("9 tháng năm 2023", Period(2023, "nine_months", None)),
        ("9 tháng đầu năm 2023", Period(2023, "nine_months", None)),
        ("6 tháng đầu năm 2024", Period(2024, "half", 1)),
        ("6 tháng cuối năm 2024", Period(2024, "half", 2)),
        ("03 tháng cuối năm 2023", Period(2023, "quarter", 4)),
        ("tháng 4/2024", Period(2024, "month", 4)),
        ("tổng kết năm 2024", Period(2024, "year", None)),
    ],
)
def test_period_forms(label: str, expected: Period) -> None:
    text = (
        f"Sáng 05/10, Thường trực Tỉnh ủy họp giao ban {label} với các ban đảng. "
        "Đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy chủ trì."
    )
    assert extract(text).meeting.period == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The period reviewed comes first; the one being planned does not count.
        (
            "Chiều 11/10, Thường trực Tỉnh ủy làm việc với các ban để nghe kết quả thực hiện "
            "nhiệm vụ quý III, định hướng nhiệm vụ công tác trọng tâm quý IV năm 2021.",
            Period(2021, "quarter", 3),
        ),
        (
            "Sáng 05/10, Thường trực Tỉnh ủy họp giao ban đánh giá công tác 9 tháng, triển khai "
            "nhiệm vụ 03 tháng cuối năm 2023.",
            Period(2023, "nine_months", None),
        ),
        (
            "Sớm triển khai kế hoạch thực hiện nhiệm vụ năm 2024\nChiều 28-11, Thường trực Tỉnh "
            "ủy chủ trì hội nghị giao ban quý IV-2023 với các ban Đảng của tỉnh.",
            Period(2023, "quarter", 4),
        ),
        (
            "Thường trực Tỉnh ủy gặp mặt các cơ quan báo chí nhân dịp Xuân mới với không khí "
            "vui tươi, đầm ấm.",
            None,
        ),
    ],
)
def test_period_in_context(text: str, expected: Period | None) -> None:
    assert extract(text).meeting.period == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chiều 28-11, Phó bí thư thường trực Tỉnh ủy Hồ Thanh Sơn đã chủ trì Hội nghị giao "
            "ban quý IV-2023.",
            [Chair("Hồ Thanh Sơn", "Phó bí thư thường trực Tỉnh ủy")],
        ),
        (
            "Chiều nay (4/12), đồng chí Hồ Văn Niên - Ủy viên Ban Chấp hành Trung ương Đảng, Bí "
            "thư Tỉnh ủy, Chủ tịch HĐND tỉnh và đồng chí Nguyễn Ngọc Lương - Phó Bí thư Tỉnh ủy "
            "đã chủ trì Hội nghị Giao ban.",
            [
                Chair(
                    "Hồ Văn Niên",
                    "Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh",
                ),
                Chair("Nguyễn Ngọc Lương", "Phó Bí thư Tỉnh ủy"),
            ],
        ),
        (
            "Sáng 5/10, Thường trực Tỉnh ủy Bắc Kạn họp giao ban. Đồng chí Phương Thị Thanh, Phó "
            "Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì.",
            [Chair("Phương Thị Thanh", "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh")],
        ),
        (
            "Hội nghị diễn ra dưới sự chủ trì của đồng chí Lê Thị Thu Hà, Phó Bí thư Thường trực "
            "Tỉnh ủy.",
            [Chair("Lê Thị Thu Hà", "Phó Bí thư Thường trực Tỉnh ủy")],
        ),
        (
            "Chủ trì hội nghị có đồng chí Trần Văn B, Bí thư Tỉnh ủy Sơn La; đồng chí Lò Văn C, "
            "Phó Bí thư Thường trực Tỉnh ủy.",
            [
                Chair("Trần Văn B", "Bí thư Tỉnh ủy Sơn La"),
                Chair("Lò Văn C", "Phó Bí thư Thường trực Tỉnh ủy"),
            ],
        ),
        # Only "phát biểu" or "chỉ đạo": not a chair. Attending: not a chair.
        (
            "Sáng 5/10, Thường trực Tỉnh ủy họp giao ban. Dự hội nghị có đồng chí Nguyễn Thị D, "
            "Phó Chủ tịch UBND tỉnh.",
            [],
        ),
    ],
)
def test_chairs(text: str, expected: list[Chair]) -> None:
    assert list(extract(text).meeting.chairs) == expected


@pytest.mark.parametrize(
    ("text", "host", "province"),
    [
        (
            "Báo Đồng Nai điện tử\nChiều 28-11, Phó Bí thư Thường trực Tỉnh ủy Hồ Thanh Sơn chủ "
            "trì hội nghị giao ban với các ban Đảng, Văn phòng Tỉnh ủy.",
            "Tỉnh ủy Đồng Nai",
            "Đồng Nai",
        ),
        (
            "Sáng 05/10, Thường trực Tỉnh ủy Bắc Kạn họp giao ban công tác Khối Đảng đánh giá "
            "công tác 9 tháng.",
            "Tỉnh ủy Bắc Kạn",
            "Bắc Kạn",
        ),
        (
            "Sáng 9/1, Thường trực Thành ủy Hà Nội giao ban với các ban đảng Thành ủy về công "
            "tác tháng 12.",
            "Thành ủy Hà Nội",
            "Hà Nội",
        ),
        (
            "Chiều 11/10, Thường trực Tỉnh ủy làm việc với lãnh đạo các Ban và Văn phòng Tỉnh ủy.\n"
            "© Cổng TTĐT Nghệ An",
            "Tỉnh ủy Nghệ An",
            "Nghệ An",
        ),
        # No province written anywhere (an abbreviation like "BBK" does not count).
        ("BBK - Sáng 05/10, Thường trực Tỉnh ủy họp giao ban công tác Khối Đảng.", None, None),
        # A central convener has no host.
        (
            "Sáng 20/7, Ban Tuyên giáo Trung ương tổ chức hội nghị giao ban công tác tuyên giáo "
            "quý II với các tỉnh.",
            None,
            None,
        ),
        (
            "Sáng 15/3, Thường trực Huyện ủy Hưng Nguyên giao ban quý I với các xã, thị trấn "
            "trên địa bàn huyện, tỉnh Nghệ An.",
            "Huyện ủy Hưng Nguyên",
            "Nghệ An",
        ),
    ],
)
def test_host_and_province(text: str, host: str | None, province: str | None) -> None:
    meeting = extract(text).meeting
    assert (meeting.host, meeting.province) == (host, province)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sáng 5/10, Thường trực Tỉnh ủy họp giao ban công tác Khối Đảng.", "giao_ban"),
        (
            "Thường trực Tỉnh ủy làm việc với lãnh đạo các Ban và Văn phòng Tỉnh ủy\nChiều 11/10, "
            "Thường trực Tỉnh ủy làm việc với lãnh đạo các Ban để nghe kết quả, có nhắc tới "
            "các hội nghị giao ban đã tổ chức.",
            "lam_viec",
        ),
        (
            "Sáng 2/3, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 14 để cho ý kiến vào "
            "các đề án quan trọng.",
            "hoi_nghi",
        ),
    ],
)
def test_kind(text: str, kind: str) -> None:
    assert extract(text).meeting.kind == kind


@pytest.mark.parametrize(
    ("text", "online", "points"),
    [
        (
            "Chiều 4/12, Tỉnh ủy tổ chức Hội nghị Giao ban trực tuyến quý IV. Hội nghị được kết "
            "nối trực tuyến từ điểm cầu Tỉnh ủy đến điểm cầu Đảng ủy Khối các cơ quan và doanh "
            "nghiệp tỉnh và 17 điểm cầu tại các huyện ủy, thị ủy, thành ủy trong toàn tỉnh.",
            True,
            18,
        ),
        ("Sáng 10/4, Thường trực Tỉnh ủy giao ban trực tuyến với 12 điểm cầu cấp huyện.", True, 12),
        (
            "Sáng 10/4, hội nghị được kết nối từ điểm cầu chính tại Tỉnh ủy đến 8 điểm cầu các "
            "huyện ủy, Đảng ủy Khối các cơ quan tỉnh và Đảng ủy Khối Doanh nghiệp tỉnh.",
            True,
            10,
        ),
        (
            "Sáng 10/4, giao ban trực tuyến từ điểm cầu Tỉnh ủy tới điểm cầu Huyện ủy Hưng "
            "Nguyên, điểm cầu Thị ủy Cửa Lò và điểm cầu Văn phòng Tỉnh ủy.",
            True,
            3,
        ),
        (
            "Sáng 10/4, Thường trực Tỉnh ủy giao ban theo hình thức trực tuyến với các huyện.",
            True,
            None,
        ),
        (
            "Sáng 10/4, Thường trực Tỉnh ủy giao ban với các ban đảng. Đồng chí đề nghị đẩy mạnh "
            "dịch vụ công trực tuyến toàn trình.",
            False,
            None,
        ),
    ],
)
def test_online(text: str, online: bool, points: int | None) -> None:
    meeting = extract(text).meeting
    assert (meeting.online, meeting.connection_points) == (online, points)


CONCLUSION = (
    "Chiều 28-11-2023, Phó Bí thư Thường trực Tỉnh ủy Nguyễn Văn A chủ trì hội nghị "
    "giao ban quý IV-2023 với các ban Đảng. Phát biểu kết luận hội nghị, đồng chí "
    "Nguyễn Văn A đề nghị {}."
)


@pytest.mark.parametrize(
    ("clause", "deadline"),
    [
        ("các đơn vị hoàn thành kiểm điểm trước ngày 31-12", date(2023, 12, 31)),
        ("các đơn vị gửi báo cáo chậm nhất ngày 30/11", date(2023, 11, 30)),
        ("Ban Tổ chức Tỉnh ủy trình đề án trong quý IV", date(2023, 12, 31)),
        ("các cấp ủy kiện toàn nhân sự xong trong cuối năm 2024", date(2024, 12, 31)),
        ("Văn phòng Tỉnh ủy hoàn thiện quy chế trong tháng 9/2024", date(2024, 9, 30)),
        ("các đơn vị xây dựng kế hoạch trong 6 tháng cuối năm 2014", date(2014, 12, 31)),
        # Said in late November: "before 15 January" is next January.
        ("các đơn vị tổng kết trước ngày 15/01", date(2024, 1, 15)),
        ("các đơn vị báo cáo trước ngày 15 tháng 12 năm 2023", date(2023, 12, 15)),
        # Not deadlines: an event, a goal year.
        ("các đơn vị chăm lo cho Nhân dân đón Tết Ất Tỵ 2025 vui tươi", None),
        ("các đơn vị phấn đấu hoàn thành các chỉ tiêu năm 2025", None),
    ],
)
def test_deadlines(clause: str, deadline: date | None) -> None:
    directives = extract(CONCLUSION.format(clause)).directives
    assert len(directives) == 1
    assert directives[0].deadline == deadline


@pytest.mark.parametrize(
    ("clause", "assignees", "lead"),
    [
        ("các đơn vị rà soát công việc được giao", ("*",), None),
        (
            "các cơ quan báo chí của tỉnh, tăng cường công tác tuyên truyền",
            ("các cơ quan báo chí của tỉnh",),
            None,
        ),
        (
            "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy và Ủy ban Kiểm tra Tỉnh "
            "ủy tham mưu quy định về công tác cán bộ",
            ("Ban Tổ chức Tỉnh ủy", "Văn phòng Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"),
            "Ban Tổ chức Tỉnh ủy",
        ),
        (
            "Ban Tuyên giáo Tỉnh ủy phối hợp với Báo Đồng Nai tuyên truyền Nghị quyết",
            ("Ban Tuyên giáo Tỉnh ủy", "Báo Đồng Nai"),
            "Ban Tuyên giáo Tỉnh ủy",
        ),
        (
            "Ban Dân vận Tỉnh ủy chủ trì, phối hợp với các cơ quan, đơn vị liên quan khảo sát "
            "tình hình",
            ("Ban Dân vận Tỉnh ủy",),
            "Ban Dân vận Tỉnh ủy",
        ),
        (
            "Ban Tuyên giáo Tỉnh ủy phối hợp hướng dẫn các huyện ủy tổ chức học tập",
            ("Ban Tuyên giáo Tỉnh ủy",),
            "Ban Tuyên giáo Tỉnh ủy",
        ),
        (
            "Đài PT-TH Đồng Nai tăng thời lượng phát sóng chuyên mục xây dựng Đảng",
            ("Đài Phát thanh - Truyền hình Đồng Nai",),
            "Đài Phát thanh - Truyền hình Đồng Nai",
        ),
        ("Ban TVTU sớm ban hành quy định", ("*",), None),
    ],
)
def test_assignees(clause: str, assignees: tuple[str, ...], lead: str | None) -> None:
    (directive,) = extract(CONCLUSION.format(clause)).directives
    assert (directive.assignees, directive.lead) == (assignees, lead)


def test_numbered_items_inherit_the_frame_subject() -> None:
    text = (
        "Ngày 20/6/2024, đồng chí Hồ Thanh Sơn, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội "
        "nghị giao ban quý II/2024. Phát biểu kết luận, đồng chí đề nghị, các cấp ủy trong "
        "thời gian tới cần tập trung một số nhiệm vụ: (1) Tăng cường vai trò lãnh đạo của "
        "cấp ủy; (2) Thực hiện phê duyệt quy hoạch xong trong cuối năm 2024; (3) Tập trung "
        "phát triển đảng viên. Hội nghị kết thúc lúc 17 giờ."
    )
    directives = extract(text).directives
    assert [d.text for d in directives] == [
        "Tăng cường vai trò lãnh đạo của cấp ủy",
        "Thực hiện phê duyệt quy hoạch xong trong cuối năm 2024",
        "Tập trung phát triển đảng viên",
    ]
    assert {d.assignees for d in directives} == {("các cấp ủy",)}
    assert [d.deadline for d in directives] == [None, date(2024, 12, 31), None]


@pytest.mark.parametrize(
    ("marker", "items"),
    [
        ("Một là, ", ["Một là, ", " Hai là, ", " Ba là, "]),
        ("Thứ nhất, ", ["Thứ nhất, ", " Thứ hai, ", " Thứ ba, "]),
        ("(1) ", ["(1) ", " (2) ", " (3) "]),
    ],
)
def test_inline_enumerations(marker: str, items: list[str]) -> None:
    body = [
        f"{items[0]}các đơn vị rà soát kế hoạch năm;",
        f"{items[1]}tăng cường kiểm tra, giám sát;",
        f"{items[2]}chuẩn bị tốt đại hội chi bộ.",
    ]
    text = (
        "Sáng 5/10/2023, Thường trực Tỉnh ủy giao ban quý III. Kết luận hội nghị, đồng chí "
        "Bí thư Tỉnh ủy yêu cầu các đơn vị thực hiện tốt các nhiệm vụ sau: " + "".join(body)
    )
    texts = [d.text.lower() for d in extract(text).directives]
    assert texts == [
        "các đơn vị rà soát kế hoạch năm",
        "tăng cường kiểm tra, giám sát",
        "chuẩn bị tốt đại hội chi bộ",
    ]


@pytest.mark.parametrize(
    ("sentence", "is_directive"),
    [
        ("Đồng chí đề nghị, các đơn vị sớm xây dựng kế hoạch năm 2024.", True),
        ("Việc tổ chức bảo mật thông tin cần thực hiện nghiêm ngặt.", True),
        ("Tăng cường thăm nắm, kiểm tra, đôn đốc từ cơ sở.", True),
        ("Báo Bắc Kạn chủ động làm việc với các đơn vị để truyền thông chính sách.", True),
        ("Đồng chí mong muốn các cơ quan báo chí tiếp tục đồng hành cùng tỉnh.", True),
        ("Không để xảy ra tình trạng chậm trễ trong tham mưu.", True),
        # Not directives: praise, what was done, scheduling, a summary of tasks given.
        ("Đồng chí ghi nhận, đánh giá cao kết quả các đơn vị đạt được trong quý.", False),
        ("Các Ban và Văn phòng Tỉnh ủy đã kịp thời tham mưu triển khai Nghị quyết.", False),
        (
            "Đối với các kiến nghị của các đơn vị, đồng chí đã có chỉ đạo cụ thể theo từng nội "
            "dung.",
            False,
        ),
        (
            "Ngoài nhiệm vụ chung mà các đơn vị phải thực hiện nêu trên, đồng chí còn giao nhiệm "
            "vụ cụ thể cho từng đơn vị.",
            False,
        ),
        ("Hội nghị giao ban tiếp theo sẽ tổ chức vào đầu tháng 1.", False),
    ],
)
def test_directive_or_not(sentence: str, is_directive: bool) -> None:
    text = (
        "Sáng 5/10/2023, Phó Bí thư Thường trực Tỉnh ủy Nguyễn Văn A chủ trì giao ban quý "
        "III với các ban đảng.\nPhát biểu kết luận hội nghị, đồng chí Nguyễn Văn A nêu rõ "
        "tình hình chung của quý vừa qua.\n" + sentence
    )
    assert bool(extract(text).directives) is is_directive


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Các đơn vị kiến nghị Thường trực Tỉnh ủy quan tâm, chỉ đạo đẩy mạnh ứng dụng CNTT "
            "trong thực hiện nhiệm vụ; quan tâm cấp kinh phí bổ sung để các đơn vị đảm bảo thực "
            "hiện nhiệm vụ.",
            [
                ("đẩy mạnh ứng dụng CNTT trong thực hiện nhiệm vụ", ("*",)),
                ("quan tâm cấp kinh phí bổ sung để các đơn vị đảm bảo thực hiện nhiệm vụ", ("*",)),
            ],
        ),
        (
            "Ban Tổ chức Tỉnh ủy đề xuất Thường trực Tỉnh ủy cho phép tổ chức lớp bồi dưỡng cán "
            "bộ nguồn trong quý IV.",
            [("tổ chức lớp bồi dưỡng cán bộ nguồn trong quý IV", ("Ban Tổ chức Tỉnh ủy",))],
        ),
        # A noun, not a proposal; and a recommendation only referred to.
        ("Ban Dân vận Tỉnh ủy kịp thời phản ánh, giải quyết kiến nghị, đề xuất của nhân dân.", []),
        ("Đối với các kiến nghị của các đơn vị, đồng chí đã có chỉ đạo cụ thể.", []),
    ],
)
def test_recommendations(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    lead = "Sáng 5/10/2023, Thường trực Tỉnh ủy giao ban quý III với các ban đảng.\n"
    recs = extract(lead + text).recommendations
    assert [(r.text, r.sources) for r in recs] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Trong quý, Ủy ban Kiểm tra Tỉnh ủy đã tiếp nhận, xử lý 42 lượt đơn thư khiếu nại.",
            [("Ủy ban Kiểm tra Tỉnh ủy", 42)],
        ),
        (
            "Ban Tuyên giáo Tỉnh ủy đã tham mưu Ban Thường vụ Tỉnh ủy 4 đề án về công tác tuyên "
            "giáo.",
            [("Ban Tuyên giáo Tỉnh ủy", 4)],
        ),
        (
            "Ban Tổ chức Tỉnh ủy cho biết toàn Đảng bộ đã kết nạp 1.250 đảng viên mới.",
            [("Ban Tổ chức Tỉnh ủy", 1250)],
        ),
        # Not figures: dates, editions, attendance.
        ("Ban Tổ chức Tỉnh ủy tổ chức hội nghị lần thứ 14 vào ngày 30 tháng 11.", []),
        ("Văn phòng Tỉnh ủy phục vụ hội nghị có 120 đại biểu tham dự.", []),
    ],
)
def test_figures(sentence: str, expected: list[tuple[str, int]]) -> None:
    lead = "Sáng 5/10/2023, Thường trực Tỉnh ủy giao ban quý III với các ban đảng.\n"
    figures = extract(lead + sentence).figures
    assert [(f.unit, f.value) for f in figures] == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "Phương Hằng\n19:35, 28/11/2023\n(ĐN)- Chiều 28-11, Thường trực Tỉnh ủy giao ban.",
            date(2023, 11, 28),
        ),
        (
            "12/04/2017 - 20:45\nSáng 12/4, Thường trực Tỉnh ủy giao ban với các ban đảng.",
            date(2017, 4, 12),
        ),
        (
            "02-03-2020 10:50\nSáng 2/3, Thường trực Tỉnh ủy giao ban với các ban đảng.",
            date(2020, 3, 2),
        ),
        (" date 2025-09-24 Sáng 23/9, Thường trực Tỉnh ủy giao ban quý III.", date(2025, 9, 24)),
        # A month alone is not a date; a meeting date in the text is not a publication date.
        (" date 2024-12 Chiều nay (4/12), Thường trực Tỉnh ủy giao ban quý IV.", None),
        ("Ngày 20/6/2024, Thường trực Tỉnh ủy giao ban quý II với các cấp ủy.", None),
    ],
)
def test_published(text: str, published: date | None) -> None:
    assert extract(text).published == published


def test_published_argument_wins_and_is_checked() -> None:
    text = "19:35, 28/11/2023\nChiều 28-11, Thường trực Tỉnh ủy giao ban quý IV."
    assert extract(text, published=date(2023, 11, 29)).published == date(2023, 11, 29)
    assert extract(text, published="2023-11-30").published == date(2023, 11, 30)


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            "Chiều 28-11, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị giao ban với các ban "
            "Đảng, Văn phòng Tỉnh ủy, Báo Đồng Nai, Đài PT-TH Đồng Nai và Trường Chính trị tỉnh.",
            [
                "Văn phòng Tỉnh ủy",
                "Báo Đồng Nai",
                "Đài Phát thanh - Truyền hình Đồng Nai",
                "Trường Chính trị Đồng Nai",
            ],
        ),
        # Abbreviations expanded; state bodies and the Front are not Party-bloc units.
        (
            "Sáng 3/4, Thường trực Tỉnh ủy Lào Cai giao ban với Ban TCTU, UBKT Tỉnh ủy, Ủy ban "
            "MTTQ tỉnh, Văn phòng UBND tỉnh và Sở Nội vụ.",
            ["Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"],
        ),
        (
            "Sáng 9/7/2025, Thường trực Tỉnh ủy Gia Lai giao ban với Ban Tuyên giáo và Dân vận "
            "Tỉnh ủy, Đảng ủy các cơ quan Đảng tỉnh và Báo và Phát thanh, Truyền hình Gia Lai.",
            [
                "Ban Tuyên giáo và Dân vận Tỉnh ủy",
                "Đảng ủy các cơ quan Đảng tỉnh",
                "Báo và Phát thanh, Truyền hình Gia Lai",
            ],
        ),
    ],
)
def test_units(text: str, units: list[str]) -> None:
    assert list(extract(text).units) == units
