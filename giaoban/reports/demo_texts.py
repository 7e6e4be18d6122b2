"""Sample sentences of the reporting demo (in the style of seeds 002 and 004)."""

RESULTS = [
    "Tham mưu Ban Thường vụ Tỉnh ủy ban hành {n} văn bản chỉ đạo; hoàn thành đúng tiến độ các nhiệm vụ trọng tâm theo kế hoạch.",
    "Tổ chức quán triệt, triển khai các nghị quyết, kết luận của Trung ương và của Tỉnh ủy; hướng dẫn các cơ quan, đơn vị thực hiện.",
    "Phối hợp chặt chẽ với các cơ quan liên quan; theo dõi, đôn đốc thực hiện các kết luận của Thường trực Tỉnh ủy.",
    "Hoàn thành {n} cuộc kiểm tra, giám sát theo chương trình; tiếp nhận, xử lý kịp thời đơn thư phát sinh.",
]
SHORTCOMINGS = [
    "Một số nội dung tham mưu còn chậm so với kế hoạch; chất lượng một số văn bản chưa cao.",
    "Công tác phối hợp giữa các đơn vị có lúc chưa nhịp nhàng.",
    "Việc thẩm định văn bản có lúc còn chậm tiến độ.",
]
DIFFICULTIES = [
    "Biên chế còn thiếu so với khối lượng công việc sau sắp xếp tổ chức bộ máy.",
    "Kinh phí, trang thiết bị máy móc chưa đáp ứng được yêu cầu nhiệm vụ.",
    "Hạ tầng công nghệ thông tin phục vụ chuyển đổi số còn hạn chế.",
]
NEXT = [
    "Tiếp tục thực hiện các nhiệm vụ trọng tâm theo chương trình công tác năm.",
    "Chuẩn bị nội dung sơ kết, tổng kết theo kế hoạch của Tỉnh ủy.",
    "Đôn đốc thực hiện các kết luận của Thường trực Tỉnh ủy còn đang thực hiện.",
]
RECS = [
    (
        "Đề nghị Thường trực Tỉnh ủy quan tâm bố trí kinh phí mua sắm trang thiết bị phục vụ nhiệm vụ.",
        "Thường trực Tỉnh ủy",
    ),
    (
        "Đề nghị chỉ đạo đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong thực hiện nhiệm vụ.",
        "Thường trực Tỉnh ủy",
    ),
    ("Đề nghị bổ sung biên chế cho đơn vị sau sắp xếp.", "Ban Thường vụ Tỉnh ủy"),
    (
        "Đề nghị chỉ đạo đôn đốc chủ đầu tư đẩy nhanh tiến độ cải tạo trụ sở làm việc.",
        "Thường trực Tỉnh ủy",
    ),
    (
        "Đề nghị hướng dẫn thống nhất mẫu báo cáo định kỳ của khối các cơ quan đảng.",
        "Văn phòng Tỉnh ủy",
    ),
]
