"""SVG charts for the reports, written by hand (no plotting library), readable in black and white.

Printed reports are often photocopied in grey, so no chart relies on colour alone: series differ
by dash pattern and marker shape (lines, radar) or by fill pattern (bars), and heat-map cells
carry their number. All text is escaped; charts only draw numbers the caller already has
(ratios for geometry, display strings for labels), they never compute scores.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

#: (stroke-dasharray, marker) per series; the first is the region itself: solid with circles.
LINE_STYLES: tuple[tuple[str, str], ...] = (
    ("none", "circle"),
    ("6 3", "square"),
    ("1.5 2.5", "triangle"),
    ("8 3 2 3", "diamond"),
    ("3 3", "cross"),
    ("10 2", "circle-open"),
    ("2 2 6 2", "square-open"),
    ("none", "triangle-open"),
)

#: Bar fills, distinguishable in grey: solid dark, diagonal hatch, dots, cross-hatch, light.
BAR_FILLS = ("#333", "url(#hatch)", "url(#dots)", "url(#cross)", "#bbb")

_DEFS = Markup(
    "<defs>"
    '<pattern id="hatch" width="5" height="5" patternUnits="userSpaceOnUse">'
    '<rect width="5" height="5" fill="#fff"/>'
    '<path d="M0,5 L5,0 M-1,1 L1,-1 M4,6 L6,4" stroke="#222" stroke-width="1"/></pattern>'
    '<pattern id="dots" width="4" height="4" patternUnits="userSpaceOnUse">'
    '<rect width="4" height="4" fill="#fff"/>'
    '<circle cx="2" cy="2" r="0.9" fill="#222"/></pattern>'
    '<pattern id="cross" width="5" height="5" patternUnits="userSpaceOnUse">'
    '<rect width="5" height="5" fill="#fff"/>'
    '<path d="M0,2.5 L5,2.5 M2.5,0 L2.5,5" stroke="#222" stroke-width="0.8"/></pattern>'
    "</defs>"
)


@dataclass(frozen=True, slots=True)
class Series:
    """One data series: `values` are fractions (0..1, None = no value) or chart units."""

    label: str
    values: Sequence[float | None]


def _f(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".") if abs(x) < 1e6 else str(int(x))


def _svg_open(width: float, height: float, font: str, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_f(width)}" height="{_f(height)}" '
        f'viewBox="0 0 {_f(width)} {_f(height)}" font-family="{escape(font)}" font-size="{_f(MIN_TEXT)}" '
        f'role="img" aria-label="{escape(title)}">{_DEFS}'
    )


MIN_TEXT = 11.0  # px in the SVG: 8.25 pt printed (1 px = 0.75 pt), the smallest a reader reads


def _text(x: float, y: float, s: str, anchor: str = "middle", size: float = 9, **attrs: str) -> str:
    size = max(size, MIN_TEXT)
    extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return (
        f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}" font-size="{_f(size)}"{extra}>'
        f"{escape(s)}</text>"
    )


def marker(kind: str, x: float, y: float, r: float = 2.8) -> str:
    """A point marker; shapes stay distinct without colour."""
    fill = "#fff" if kind.endswith("-open") else "#000"
    base = kind.removesuffix("-open")
    style = f'fill="{fill}" stroke="#000" stroke-width="0.9"'
    if base == "circle":
        return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(r)}" {style}/>'
    if base == "square":
        return f'<rect x="{_f(x - r)}" y="{_f(y - r)}" width="{_f(2 * r)}" height="{_f(2 * r)}" {style}/>'
    if base == "triangle":
        pts = f"{_f(x)},{_f(y - r * 1.2)} {_f(x - r * 1.1)},{_f(y + r * 0.8)} {_f(x + r * 1.1)},{_f(y + r * 0.8)}"
        return f'<polygon points="{pts}" {style}/>'
    if base == "diamond":
        pts = f"{_f(x)},{_f(y - r * 1.3)} {_f(x + r)},{_f(y)} {_f(x)},{_f(y + r * 1.3)} {_f(x - r)},{_f(y)}"
        return f'<polygon points="{pts}" {style}/>'
    return (
        f'<path d="M{_f(x - r)},{_f(y - r)} L{_f(x + r)},{_f(y + r)} M{_f(x - r)},{_f(y + r)} '
        f'L{_f(x + r)},{_f(y - r)}" stroke="#000" stroke-width="1.2"/>'
    )


def _legend_line(x: float, y: float, i: int, label: str) -> tuple[str, float]:
    dash, mk = LINE_STYLES[i % len(LINE_STYLES)]
    width = 1.8 if i == 0 else 1.2
    out = (
        f'<line x1="{_f(x)}" y1="{_f(y)}" x2="{_f(x + 22)}" y2="{_f(y)}" stroke="#000" '
        f'stroke-width="{width}" stroke-dasharray="{dash}"/>'
        + marker(mk, x + 11, y)
        + _text(x + 26, y + 3, label, anchor="start")
    )
    return out, 34 + MIN_TEXT * _text_width(label)


def _text_width(s: str) -> float:
    """Approximate width of `s` in ems (CJK full width, Latin about half)."""
    return sum(1.0 if ord(c) > 0x2E80 else 0.55 for c in s)


def radar(axes: Sequence[str], series: Sequence[Series], font: str, size: float = 300) -> Markup:
    """A radar (spider) chart; values are fractions of each axis's maximum (0..1)."""
    n = len(axes)
    pad_x, pad_top = 90.0, 30.0
    r = size / 2 - 20
    cx, cy = pad_x + r, pad_top + r
    width = 2 * (pad_x + r)
    legend_y = cy + r + 34
    height = legend_y + 16
    out = [_svg_open(width, height, font, "雷达图")]
    if n < 3:
        out.append(_text(width / 2, cy, "维度少于 3 个，不绘制雷达图"))
        out.append("</svg>")
        return Markup("".join(out))

    def point(i: int, frac: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return cx + r * frac * math.cos(angle), cy + r * frac * math.sin(angle)

    for ring in (0.2, 0.4, 0.6, 0.8, 1.0):
        ring_path = " ".join(f"{_f(x)},{_f(y)}" for x, y in (point(i, ring) for i in range(n)))
        out.append(f'<polygon points="{ring_path}" fill="none" stroke="#999" stroke-width="0.5"/>')
        x, y = point(0, ring)
        out.append(
            _text(x + 3, y + 3, f"{int(ring * 100)}%", anchor="start", size=6.5, fill="#555")
        )
    for i, label in enumerate(axes):
        x, y = point(i, 1.0)
        out.append(
            f'<line x1="{_f(cx)}" y1="{_f(cy)}" x2="{_f(x)}" y2="{_f(y)}" stroke="#999" stroke-width="0.5"/>'
        )
        lx, ly = point(i, 1.1)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        out.append(_text(lx, ly + 3, label, anchor=anchor, size=8.5))
    for si, s in enumerate(series):
        dash, mk = LINE_STYLES[si % len(LINE_STYLES)]
        pts = [point(i, max(0.0, min(1.0, v or 0.0))) for i, v in enumerate(s.values)]
        path = " ".join(f"{_f(x)},{_f(y)}" for x, y in pts)
        fill = 'fill="#000" fill-opacity="0.08"' if si == 0 else 'fill="none"'
        width_ = 1.8 if si == 0 else 1.2
        out.append(
            f'<polygon points="{path}" {fill} stroke="#000" stroke-width="{width_}" '
            f'stroke-dasharray="{dash}"/>'
        )
        out.extend(marker(mk, x, y) for x, y in pts)
    x = 10.0
    for si, s in enumerate(series):
        part, w = _legend_line(x, legend_y, si, s.label)
        out.append(part)
        x += w
    out.append("</svg>")
    return Markup("".join(out))


def grouped_bars(
    categories: Sequence[str],
    series: Sequence[Series],
    font: str,
    labels: Sequence[Sequence[str]] | None = None,
    width: float = 460,
    maximum: float = 1.0,
    axis_unit: str = "%",
) -> Markup:
    """Horizontal bars, one group per category, one fill pattern per series, values at the end;
    the axis in percent of `maximum`, or in counts (`axis_unit` 个) up to `maximum`."""
    k = max(1, len(series))
    bar_h = MIN_TEXT + 3  # a value label fits beside its own bar
    group_h = k * bar_h + 8
    left = 12 + MIN_TEXT * max((_text_width(c) for c in categories), default=4)
    right = 48.0
    plot_w = width - left - right
    top = 6.0
    axis_y = top + group_h * len(categories) + 2
    legend_y = axis_y + MIN_TEXT + 20
    height = legend_y + 12 if k > 1 else legend_y - 6
    out = [_svg_open(width, height, font, "柱状图")]
    ticks = (
        [(t, f"{round(t * 100)}%") for t in (0.0, 0.25, 0.5, 0.75, 1.0)]
        if axis_unit == "%"
        else [
            (n / maximum, str(n)) for n in range(0, int(maximum) + 1, math.ceil(maximum / 5) or 1)
        ]
    )
    for t, _ in ticks[1:]:
        x = left + plot_w * t
        out.append(
            f'<line x1="{_f(x)}" y1="{_f(top)}" x2="{_f(x)}" y2="{_f(axis_y)}" '
            f'stroke="#bbb" stroke-width="0.4" stroke-dasharray="2 2"/>'
        )
    for t, shown in ticks:  # the axis: what the bars' lengths measure
        out.append(_text(left + plot_w * t, axis_y + MIN_TEXT + 2, shown))
    for ci, cat in enumerate(categories):
        y0 = top + ci * group_h
        out.append(_text(left - 6, y0 + group_h / 2 + 1, cat, anchor="end"))
        for si, s in enumerate(series):
            v = s.values[ci]
            y = y0 + 2 + si * bar_h
            w = 0.0 if v is None else max(0.0, min(1.0, v / maximum)) * plot_w
            out.append(
                f'<rect x="{_f(left)}" y="{_f(y)}" width="{_f(w)}" height="{_f(bar_h - 1.5)}" '
                f'fill="{BAR_FILLS[si % len(BAR_FILLS)]}" stroke="#000" stroke-width="0.6"/>'
            )
            if labels is not None:
                out.append(_text(left + w + 3, y + bar_h - 3, labels[si][ci], anchor="start"))
    out.append(
        f'<line x1="{_f(left)}" y1="{_f(top)}" x2="{_f(left)}" y2="{_f(axis_y)}" stroke="#000" stroke-width="0.8"/>'
    )
    out.append(
        f'<line x1="{_f(left)}" y1="{_f(axis_y)}" x2="{_f(left + plot_w)}" y2="{_f(axis_y)}" stroke="#000" stroke-width="0.8"/>'
    )
    if k > 1:
        x = left
        for si, s in enumerate(series):
            out.append(
                f'<rect x="{_f(x)}" y="{_f(legend_y - 7)}" width="14" height="8" '
                f'fill="{BAR_FILLS[si % len(BAR_FILLS)]}" stroke="#000" stroke-width="0.6"/>'
            )
            out.append(_text(x + 18, legend_y, s.label, anchor="start"))
            x += 34 + MIN_TEXT * _text_width(s.label)
    out.append("</svg>")
    return Markup("".join(out))


def heatmap(
    rows: Sequence[str],
    columns: Sequence[str],
    fractions: Sequence[Sequence[float | None]],
    texts: Sequence[Sequence[str]],
    font: str,
    width: float = 480,
) -> Markup:
    """A rows × columns grid shaded by fraction (darker = higher), each cell with its number."""
    em = MIN_TEXT
    left = 10 + em * max((_text_width(r) for r in rows), default=4)
    col_w = (width - left) / max(1, len(columns))
    head_h = 2 * em + 12
    row_h = em + 5
    height = head_h + row_h * len(rows) + 2
    out = [_svg_open(width, height, font, "热力图")]
    for j, col in enumerate(columns):
        x = left + col_w * (j + 0.5)
        label = col if _text_width(col) * em < col_w * 1.9 else col[: max(2, int(col_w / em))]
        if _text_width(label) * em > col_w:
            half = (len(label) + 1) // 2
            out.append(_text(x, head_h - em - 7, label[:half]))
            out.append(_text(x, head_h - 5, label[half:]))
        else:
            out.append(_text(x, head_h - 5, label))
    for i, row in enumerate(rows):
        y = head_h + row_h * i
        out.append(_text(left - 5, y + row_h - 4, row, anchor="end"))
        for j in range(len(columns)):
            frac = fractions[i][j]
            x = left + col_w * j
            if frac is None:
                fill, ink = "#fff", "#000"
            else:
                level = max(0.0, min(1.0, frac))
                grey = int(250 - 200 * level)
                fill = f"#{grey:02x}{grey:02x}{grey:02x}"
                ink = "#fff" if grey < 120 else "#000"  # never grey on grey
            out.append(
                f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(col_w)}" height="{_f(row_h)}" '
                f'fill="{fill}" stroke="#fff" stroke-width="1"/>'
            )
            out.append(_text(x + col_w / 2, y + row_h - 4, texts[i][j], fill=ink))
    out.append("</svg>")
    return Markup("".join(out))


def trend_lines(
    periods: Sequence[str],
    series: Sequence[Series],
    font: str,
    y_min: float,
    y_max: float,
    width: float = 460,
    height: float = 210,
) -> Markup:
    """Lines over periods, one dash style and marker per series; gaps where a value is missing."""
    left, right, top, bottom = 34.0, 10.0, 10.0, 24.0
    legend_rows = math.ceil(len(series) / 4)
    total_h = height + legend_rows * 14
    plot_w = width - left - right
    plot_h = height - top - bottom
    span = (y_max - y_min) or 1.0
    out = [_svg_open(width, total_h, font, "趋势图")]

    def px(i: int) -> float:
        return left + (plot_w * i / (len(periods) - 1) if len(periods) > 1 else plot_w / 2)

    def py(v: float) -> float:
        return top + plot_h * (1 - (v - y_min) / span)

    for t in range(5):
        tick = y_min + span * t / 4
        y = py(tick)
        out.append(
            f'<line x1="{_f(left)}" y1="{_f(y)}" x2="{_f(width - right)}" y2="{_f(y)}" '
            f'stroke="#bbb" stroke-width="0.4"/>'
        )
        out.append(_text(left - 4, y + 3, _f(tick), anchor="end", size=7.5))
    # A year of weeks is 52 labels: print every step-th one, the last always, none overlapping.
    widest = max((_text_width(p) for p in periods), default=1.0) * 7.5 + 14
    gap = plot_w / (len(periods) - 1) if len(periods) > 1 else plot_w
    step = max(1, math.ceil(widest / gap))
    for i, p in enumerate(periods):
        if (len(periods) - 1 - i) % step == 0:
            out.append(_text(px(i), height - 8, p, size=7.5))
    for si, s in enumerate(series):
        dash, mk = LINE_STYLES[si % len(LINE_STYLES)]
        segment: list[str] = []
        segments: list[list[str]] = [segment]
        for i, v in enumerate(s.values):
            if v is None:
                segment = []
                segments.append(segment)
                continue
            segment.append(f"{_f(px(i))},{_f(py(v))}")
        for seg in segments:
            if len(seg) > 1:
                out.append(
                    f'<polyline points="{" ".join(seg)}" fill="none" stroke="#000" '
                    f'stroke-width="1.2" stroke-dasharray="{dash}"/>'
                )
        out.extend(marker(mk, px(i), py(v)) for i, v in enumerate(s.values) if v is not None)
    for si, s in enumerate(series):
        part, _ = _legend_line(
            left + (si % 4) * (plot_w / 4), height + 6 + (si // 4) * 14, si, s.label
        )
        out.append(part)
    out.append("</svg>")
    return Markup("".join(out))
