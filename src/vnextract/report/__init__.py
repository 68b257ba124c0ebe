"""The HTML review report: ``write_report(out_dir)`` turns an output folder into pages."""

from vnextract.report.build import write_report
from vnextract.report.flags import compute_flags
from vnextract.report.load import ReportInputError, read_output

__all__ = ["ReportInputError", "compute_flags", "read_output", "write_report"]
