"""PDF and HTML reports (Jinja2 + WeasyPrint): region report, ranking report, bulletin.

Reports format the engine's results and never compute scores. WeasyPrint is imported only
inside rendering functions (`assessor.report.render`), never at import time of this package.
"""
