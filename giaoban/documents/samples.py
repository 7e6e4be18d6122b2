"""A sample document of each kind: an uploaded template is test-rendered with it."""

from __future__ import annotations

from datetime import date

from giaoban.documents.types import (
    Header,
    Item,
    MinutesDocument,
    OfficialDocument,
    Person,
    Section,
    Signature,
    Table,
)

HEADER = Header(
    issuer_parent="ĐẢNG BỘ TỈNH ĐỒNG NAI",
    issuer="TỈNH ỦY",
    number="123-TB/TU",
    place="Đồng Nai",
    date=date(2023, 11, 28),
    excerpt="V/v đôn đốc thực hiện nhiệm vụ",
)


def sample(kind: str) -> OfficialDocument | MinutesDocument:
    if kind == "minutes":
        return MinutesDocument(
            header=HEADER,
            title="hội nghị giao ban quý IV/2023",
            opening=("Vào lúc 08 giờ 00 ngày 20/11/2023, tại Hội trường Tỉnh ủy.",),
            chairs=(Person("Hồ Thanh Sơn", "Phó Bí thư Thường trực Tỉnh ủy"),),
            participants=(Person("Ban Tổ chức Tỉnh ủy", part="báo cáo"),),
            absent=(Person("Báo Đồng Nai", part="công tác"),),
            connection_points=("Điểm cầu Đảng ủy xã Tân An (25 đại biểu)",),
            agenda=("Các đơn vị báo cáo",),
            body=("Đồng chí Chánh Văn phòng báo cáo.",),
            closing=("Hội nghị kết thúc lúc 11 giờ 00.",),
            secretary=Person("Nguyễn Văn A", "Chuyên viên"),
            chair=Person("Hồ Thanh Sơn", "Phó Bí thư Thường trực"),
        )
    return OfficialDocument(
        header=HEADER,
        kind_title="THÔNG BÁO",
        title="kết luận của Thường trực Tỉnh ủy tại hội nghị giao ban quý IV/2023",
        addressees=("Các ban đảng Tỉnh ủy",) if kind == "official" else (),
        opening=("Ngày 20/11/2023, Thường trực Tỉnh ủy chủ trì hội nghị giao ban.",),
        sections=(
            Section(
                heading="I. NHIỆM VỤ",
                items=(Item("1.", "Tăng cường công tác kiểm tra."),),
                table=Table(("Đơn vị", "Số nhiệm vụ"), (("Ban Tổ chức", "3"),))
                if kind == "official"
                else None,
            ),
        ),
        closing=("Thường trực Tỉnh ủy thông báo để các đơn vị biết, thực hiện.",),
        signature=Signature(("T/M THƯỜNG TRỰC TỈNH ỦY", "PHÓ BÍ THƯ THƯỜNG TRỰC"), "Hồ Thanh Sơn"),
        recipients=("- Các đồng chí Tỉnh ủy viên,", "- Lưu Văn phòng Tỉnh ủy."),
    )
