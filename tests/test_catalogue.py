"""Indicator catalogue: subjects we wrote -> indicator ids, ranking, and rule errors.

New subjects go in SUBJECTS below, one row each; new indicators or phrasings go
in rules/indicators.yml.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vnextract.core.errors import RuleError
from vnextract.core.rules import load_rules
from vnextract.records.catalogue import Catalogue, CatalogueRules, match_indicator

SUBJECTS = [
    # telecommunications
    ("thuê bao di động đang hoạt động trên mạng", "thuê bao", "mobile_subscribers"),
    ("thuê bao điện thoại di động trả trước", "thuê bao", "mobile_subscribers"),
    ("thuê bao băng rộng cố định", "thuê bao", "fixed_broadband_subscribers"),
    ("thuê bao Internet băng rộng di động 4G", "thuê bao", "mobile_broadband_subscribers"),
    ("thuê bao Internet của VNPT", "thuê bao", "internet_subscribers"),
    ("tổng số thuê bao điện thoại và Internet", "thuê bao", "internet_subscribers"),
    ("tổng số thuê bao trên địa bàn huyện", "thuê bao", "total_subscribers"),
    ("mật độ thuê bao điện thoại", "máy", "telephone_density"),
    ("mật độ thuê bao Internet", "thuê bao", "internet_density"),
    ("tổng doanh thu viễn thông của tỉnh", "VND", "telecom_postal_revenue"),
    ("doanh thu dịch vụ bưu chính", "VND", "telecom_postal_revenue"),
    ("các doanh nghiệp nộp ngân sách", "VND", "budget_contribution"),
    ("trạm BTS của ba nhà mạng", "trạm bts", "bts_stations"),
    ("trạm phát sóng 5G đã lắp đặt", "trạm", "stations_5g"),
    ("hộ gia đình sử dụng cáp quang FTTH", "hộ", "ftth_households"),
    ("tỷ lệ hộ gia đình có cáp quang", "%", "ftth_households_rate"),
    # e-government
    ("dịch vụ công trực tuyến được cung cấp", "dịch vụ công", "online_public_services"),
    ("DVC trực tuyến mức độ 4", "dịch vụ", "public_services_level_4"),
    ("dịch vụ công mức độ 3 của sở", "dịch vụ công", "public_services_level_3"),
    ("dịch vụ công trực tuyến toàn trình", "dịch vụ công", "public_services_full_process"),
    ("hồ sơ tiếp nhận qua bộ phận một cửa", "hồ sơ", "dossiers_received"),
    ("hồ sơ đã giải quyết xong", "hồ sơ", "dossiers_processed"),
    ("tỷ lệ giải quyết hồ sơ đúng hạn", "%", "dossiers_on_time_rate"),
    ("tỷ lệ hồ sơ nộp trực tuyến", "%", "dossiers_online_rate"),
    ("hồ sơ nộp trực tuyến", "hồ sơ", "dossiers_online"),
    ("văn bản đi được ký số cá nhân", "%", "signed_documents_personal_rate"),
    ("văn bản ký số của cơ quan", "%", "signed_documents_organisation_rate"),
    ("chứng thư số cấp cho cá nhân", "chứng thư số", "signature_certificates_personal"),
    ("chữ ký số chuyên dùng đã cấp", "chữ ký số", "signature_certificates"),
    ("văn bản trao đổi trên môi trường mạng", "%", "documents_exchanged_online_rate"),
    ("tài khoản định danh điện tử mức 2", "tài khoản", "electronic_identity_accounts"),
    ("người dân có hồ sơ sức khỏe điện tử", "%", "health_records_rate"),
    # digital economy and society
    ("tài khoản thanh toán của người dân", "tài khoản", "cashless_payment_accounts"),
    ("hóa đơn điện tử khởi tạo từ máy tính tiền", "hóa đơn", "e_invoices"),
    ("tổ công nghệ số cộng đồng ở thôn", "tổ", "community_digital_teams"),
    ("thành viên các tổ công nghệ số", "thành viên", "community_digital_team_members"),
    ("hộ nông dân bán hàng trên sàn thương mại điện tử", "hộ", "ecommerce_households"),
    ("sản phẩm OCOP đưa lên sàn", "sản phẩm", "ocop_products_online"),
    ("tem truy xuất nguồn gốc nông sản", "tem", "traceability_stamps"),
    ("kinh tế số trong GRDP", "%", "digital_economy_share"),
    ("cơ sở giáo dục thu học phí không dùng tiền mặt", "cơ sở", "cashless_schools"),
    ("doanh nghiệp thành lập mới", "doanh nghiệp", "enterprises"),
    # press and administration
    ("cơ quan báo chí của tỉnh", "cơ quan", "press_agencies"),
    ("phóng viên thường trú tại tỉnh", "phóng viên", "resident_reporters"),
    ("văn phòng đại diện của các báo", "văn phòng", "representative_offices"),
    ("xã có điểm phục vụ bưu chính", "xã", "postal_service_points"),
    ("xã đạt chuẩn nông thôn mới", "xã", "communes"),
    ("máy vi tính trang bị cho các phòng", "bộ", "computers"),
    ("máy in laser", "chiếc", "printers"),
    # old-style tone placement and capitals fold away
    ("HOÁ ĐƠN ĐIỆN TỬ", "hoá đơn", "e_invoices"),
    ("Thuê Bao Di Động", "thuê bao", "mobile_subscribers"),
    # the unit fills in the counted noun the subject leaves out
    ("tổng số trên toàn mạng", "thuê bao", "total_subscribers"),
    # nothing in the catalogue
    ("người cao tuổi được chúc thọ", "người", None),
    ("nhiệm vụ được giao", "%", None),
    ("khách du lịch quốc tế", "lượt khách", None),
    # a word that only looks like the phrasing
    ("xã hội hóa nguồn lực", "xã", None),
    # the unit rules an indicator out: enterprises are counted, not a percentage
    ("doanh nghiệp thành lập mới", "%", None),
    ("thuê bao di động", "%", None),
]


@pytest.mark.parametrize(("subject", "unit", "expected"), SUBJECTS)
def test_catalogue_matches_subjects(subject: str, unit: str, expected: str | None) -> None:
    assert match_indicator(subject, unit) == expected


def _rules(*indicators: dict) -> CatalogueRules:
    base = {"name": "x", "name_vi": "x"}
    return CatalogueRules.model_validate({"indicators": [base | i for i in indicators]})


@pytest.mark.parametrize(
    ("subject", "unit", "expected"),
    [
        ("số trạm phát sóng", None, "generic"),  # one phrasing matches
        ("số trạm phát sóng 5g", None, "specific"),  # more words win, though listed later
        ("trạm 5g", "%", None),  # the unit rules both out
        ("trạm 5g", "trạm bts", "specific"),  # 'trạm' starts 'trạm bts'
    ],
)
def test_catalogue_more_words_win(subject: str, unit: str | None, expected: str | None) -> None:
    rules = _rules(
        {"id": "generic", "unit": "trạm", "phrasings": [["trạm"]]},
        {"id": "specific", "unit": "trạm", "phrasings": [["trạm", "5g"]]},
    )
    assert Catalogue(rules).match(subject, unit) == expected


@pytest.mark.parametrize(
    ("subject", "expected"),
    [("văn bản ký số", "first"), ("văn bản ký số cá nhân", None)],
)
def test_catalogue_ties_go_to_the_earlier_and_exclude_blocks(
    subject: str, expected: str | None
) -> None:
    rules = _rules(
        {"id": "first", "phrasings": [["ký số"]], "exclude": ["cá nhân"]},
        {"id": "second", "phrasings": [["văn bản"]], "exclude": ["cá nhân"]},
    )
    assert Catalogue(rules).match(subject, None) == expected


def _entry(ind_id: str, words: str, unit: str = "hộ") -> str:
    return (
        f"  - id: {ind_id}\n    name: N\n    name_vi: N\n    unit: {unit}\n"
        f"    phrasings:\n      - [{words}]\n"
    )


@pytest.mark.parametrize(
    ("yml", "line", "needle"),
    [
        ("indicators:\n" + _entry("a", "hộ") + _entry("a", "xã"), 8, "its own id"),
        ("indicators:\n" + _entry("a", "hộ") + _entry("b", "hộ"), 13, "always wins"),
        ("indicators:\n" + _entry("Bad-Id", "hộ"), 2, "pattern"),
        ("indicators:\n" + _entry("a", "hộ").replace("      - [hộ]\n", ""), 6, "phrasings"),
        ("indicators:\n" + _entry("a", "hộ") + "    colour: red\n", 8, "colour"),
    ],
)
def test_catalogue_rule_errors_name_the_line(
    tmp_path: Path, yml: str, line: int, needle: str
) -> None:
    (tmp_path / "indicators.yml").write_text(yml, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules(tmp_path, files={"indicators.yml": "vnextract.records.catalogue:CatalogueRules"})
    (problem,) = info.value.problems
    assert problem.startswith(f"rules/indicators.yml:{line}:")
    assert needle in problem


def test_catalogue_same_phrasing_with_other_unit_is_allowed() -> None:
    rules = _rules(
        {"id": "count", "unit": "hộ", "phrasings": [["cáp quang"]]},
        {"id": "rate", "unit": "%", "phrasings": [["cáp quang"]]},
    )
    catalogue = Catalogue(rules)
    assert [catalogue.match("hộ có cáp quang", u) for u in ("hộ", "%")] == ["count", "rate"]
