"""The HTML review report: ``write_report(out_dir)`` turns an output folder into pages."""

from vnextract.output.report.build import write_report
from vnextract.output.report.flags import compute_flags
from vnextract.output.report.load import ReportInputError, read_output

__all__ = ["ReportInputError", "compute_flags", "read_output", "write_report"]
