"""Excel and CSV in and out: entry forms evaluators fill in, imports checked cell by cell,
exports of results that keep the hierarchy. openpyxl is imported only inside these functions."""

from assessor.exchange.csvio import read_csv, write_csv_template
from assessor.exchange.export import write_export
from assessor.exchange.template import write_template
from assessor.exchange.workbook import read_workbook

__all__ = ["read_csv", "read_workbook", "write_csv_template", "write_export", "write_template"]
