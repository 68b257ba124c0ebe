"""Party, police, steering and bank bodies whose names run past the generic rules: a
commune's party committee, a police division's field with its commas, a centrally-run
city's bodies, a numbered project board, a central bank branch; and the titles
"Trưởng đoàn" and "Ủy viên Ban Chấp hành Trung ương".

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from entity_lines import tag_lines


@pytest.fixture(scope="module")
def nlp():
    import vnextract

    return vnextract.load()


def agencies(nlp, text: str, province: str | None = None) -> set[str]:
    entities, _ = tag_lines(nlp, text, province)
    return {e.canonical for e in entities if e.label == "AGENCY"}


AGENCIES = [
    ("Đảng ủy phường Tân Mai họp phiên thường kỳ.", None, "Đảng ủy phường Tân Mai"),
    (
        "Bà Lê Thị Hoa, Bí thư Đảng ủy, Chủ tịch UBND xã Tân Mai, cho biết.",
        None,
        "Đảng ủy xã Tân Mai",
    ),
    (
        "Phòng Cảnh sát điều tra tội phạm về ma túy đã triệt phá hai đường dây.",
        None,
        "Phòng Cảnh sát điều tra tội phạm về ma túy",
    ),
    (
        "Theo Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ (PC07) Công an tỉnh "
        "Nghệ An, năm nay có ít vụ cháy.",
        None,
        "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh Nghệ An",
    ),
    # the police it belongs to stays a body of its own
    (
        "Theo Phòng Cảnh sát giao thông Công an tỉnh Nghệ An, tai nạn giảm.",
        None,
        "Công an tỉnh Nghệ An",
    ),
    # Huế has been a centrally-run city since 2025: its city is not Thừa Thiên Huế
    (
        "Ông Lê Văn Cường, Phó Chủ tịch UBND thành phố Huế, phát biểu.",
        "Thừa Thiên Huế",
        "Ủy ban nhân dân thành phố Huế",
    ),
    (
        "Bà Trần Thu, Trưởng Ban Chỉ đạo chuyển đổi số thành phố, yêu cầu các phường.",
        "Huế",
        "Ban Chỉ đạo chuyển đổi số thành phố Huế",
    ),
    ("Thành ủy Huế chỉ đạo các phường.", "Thừa Thiên Huế", "Thành ủy Huế"),
    (
        "Giám đốc Ban Quản lý dự án 6 Nguyễn Văn Tâm cho biết, nhà thầu sẵn sàng.",
        None,
        "Ban Quản lý dự án 6",
    ),
    (
        "Theo Ngân hàng Nhà nước Việt Nam Chi nhánh tỉnh Nghệ An, dư nợ tăng.",
        None,
        "Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Nghệ An",
    ),
]


@pytest.mark.parametrize(("text", "province", "expected"), AGENCIES)
def test_agency(nlp, text: str, province: str | None, expected: str) -> None:
    assert expected in agencies(nlp, text, province)


def test_police_division_named_by_its_code(nlp) -> None:
    text = (
        "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ (PC07) Công an tỉnh Nghệ An "
        "kiểm tra 300 cơ sở.\nÔng Hà Văn Nam, Trưởng Phòng PC07, cho biết thêm."
    )
    found = agencies(nlp, text)
    assert "Phòng PC07" not in found
    assert "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh Nghệ An" in found


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Bà Lê Thị Hoa, Trưởng Đoàn đại biểu Quốc hội tỉnh, phát biểu.", "Trưởng đoàn"),
        (
            "Ông Lê Văn Cường, Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy, dự họp.",
            "Ủy viên Ban Chấp hành Trung ương",
        ),
    ],
)
def test_title(nlp, text: str, title: str) -> None:
    _, officials = tag_lines(nlp, text, "Nghệ An")
    assert title in {o.title for o in officials}


def orgs(nlp, text: str, province: str | None = None) -> set[str]:
    entities, _ = tag_lines(nlp, text, province)
    return {e.canonical for e in entities if e.label == "ORG"}


@pytest.mark.parametrize(
    ("text", "province", "expected"),
    [
        # a bank's branch named by "Chi nhánh" and its province: no person "Agribank Chi"
        (
            "Ông Trần Văn Bình, Phó Giám đốc Agribank Chi nhánh Nghệ An, cho biết thêm.",
            None,
            "Agribank chi nhánh Nghệ An",
        ),
        (
            "Dư nợ qua Ngân hàng Chính sách xã hội tỉnh đạt 900 tỷ đồng.",
            "Nghệ An",
            "Ngân hàng Chính sách xã hội tỉnh Nghệ An",
        ),
        (
            "Quỹ tín dụng nhân dân Xuân Lâm giảm lãi suất cho vay.",
            None,
            "Quỹ tín dụng nhân dân Xuân Lâm",
        ),
    ],
)
def test_org(nlp, text: str, province: str | None, expected: str) -> None:
    assert expected in orgs(nlp, text, province)


def test_branch_is_no_person(nlp) -> None:
    text = "Ông Trần Văn Bình, Phó Giám đốc Agribank Chi nhánh Nghệ An, cho biết thêm."
    entities, officials = tag_lines(nlp, text)
    assert "Agribank Chi" not in {e.canonical for e in entities if e.label == "PERSON"}
    assert {o.name for o in officials} == {"Trần Văn Bình"}


def test_delegation_after_its_head(nlp) -> None:
    # the segmenter glues "Trưởng Đoàn" into one word; the delegation is still read
    text = "Ông Lê Văn Cường, Trưởng Đoàn đại biểu Quốc hội tỉnh, phát biểu."
    entities, officials = tag_lines(nlp, text, "Nghệ An")
    found = {e.canonical for e in entities if e.label == "AGENCY"}
    assert "Đoàn đại biểu Quốc hội tỉnh Nghệ An" in found
    assert "Quốc hội tỉnh Nghệ An" not in found
    assert {(o.title, o.agency) for o in officials} == {
        ("Trưởng đoàn", "Đoàn đại biểu Quốc hội tỉnh Nghệ An")
    }


def test_police_division_code_after_its_head(nlp) -> None:
    text = (
        "Phòng Cảnh sát giao thông (PC08) Công an tỉnh Nghệ An xử lý 900 trường hợp.\n"
        "Thượng tá Hà Văn Nam, Trưởng Phòng PC08, cho biết thêm."
    )
    assert agencies(nlp, text) == {
        "Phòng Cảnh sát giao thông Công an tỉnh Nghệ An",
        "Công an tỉnh Nghệ An",
    }
