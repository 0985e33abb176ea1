"""The province view: the share of counties at each star, per city, against the province's
targets (鲁政办字〔2020〕136号, 《关于加快推进新型智慧城市建设的指导意见》).

The targets are quoted, not paraphrased: the press release on the 指导意见 (the address below)
says "到2022年，所有市和80%的县达到省新型智慧城市建设地方标准三星级以上；到2025年，各市普遍达到
四星级以上，各县普遍达到三星级以上，60%的县达到四星级以上". Three of its targets concern counties
and are checked here; "普遍" is read as every county, which the text does not define (示例). The
city targets (所有市 / 各市普遍) concern the city-level rating (sd-city-2020), not these results.

A county counts at a star when the engine's rating gives it at least that many `stars`; a
county without a rating (no grade holds, disqualified) counts at none. Shares are exact
fractions of the counties in the results; the total row is all of them together (the counties in these results, not
necessarily the whole province).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from assessor.model.results import RegionResult
from assessor.text.catalogue import stars_name

SOURCE_136 = "https://www.xuehua.us/a/5f8f4b2aef4ff1d65f02895a"
SOURCE_136_PRESS = "http://yqkkl.cn/news/gz/081851257.html"


@dataclass(frozen=True)
class ProvinceTarget:
    """ "By `year`, at least `share` of the counties at `min_stars` or above"."""

    year: int
    min_stars: int
    share: Decimal  # 1 = every county
    quote: str  # the document's words
    doc: str
    illustrative: str | None = None  # what in this reading is 示例, and why

    @property
    def text(self) -> str:
        who = "全部县" if self.share == 1 else f"{share_text(self.share, 0)}的县"
        return f"{self.year}年：{who}达到{stars_name(self.min_stars, 'zh')}以上"


#: 鲁政办字〔2020〕136号: the county targets, as the press release quotes them.
SD_2020_136: tuple[ProvinceTarget, ...] = (
    ProvinceTarget(
        2022,
        3,
        Decimal("0.8"),
        "到2022年，所有市和80%的县达到省新型智慧城市建设地方标准三星级以上",
        SOURCE_136_PRESS,
    ),
    ProvinceTarget(
        2025,
        3,
        Decimal(1),
        "到2025年，…各县普遍达到三星级以上",
        SOURCE_136_PRESS,
        illustrative="“普遍”未定义，按全部县计，为示例解读",
    ),
    ProvinceTarget(2025, 4, Decimal("0.6"), "到2025年，…60%的县达到四星级以上", SOURCE_136_PRESS),
)


def share_text(x: Decimal, digits: int = 1) -> str:
    """A share as a reader sees it: 75.0%."""
    q = Decimal(1).scaleb(-digits)
    return f"{(x * 100).quantize(q, rounding=ROUND_HALF_UP)}%"


@dataclass(frozen=True)
class TargetCheck:
    target: ProvinceTarget
    at: int  # counties at min_stars or above
    of: int
    share: Decimal
    met: bool
    short: int  # counties still needed to meet it (0 when met)


@dataclass
class AreaStars:
    """One city (or the province): its counties by star and each target checked."""

    name: str
    counties: int
    by_stars: dict[int | None, int]  # stars → counties (None: no rating)
    provisional: int  # counties whose rating is provisional
    checks: list[TargetCheck] = field(default_factory=list)

    def share_at_least(self, stars: int) -> Decimal:
        at = sum(n for s, n in self.by_stars.items() if s is not None and s >= stars)
        return Decimal(at) / Decimal(self.counties) if self.counties else Decimal(0)


@dataclass
class ProvinceView:
    star_levels: list[int | None]  # the columns, best first; None = 无等级
    cities: list[AreaStars]
    province: AreaStars
    targets: tuple[ProvinceTarget, ...]


def _needed(target: ProvinceTarget, at: int, of: int) -> int:
    """The fewest more counties at the target's star that meet it (exact, no rounding)."""
    need = 0
    while Decimal(at + need) < target.share * of:
        need += 1
    return need


def _area(name: str, rs: Sequence[RegionResult], targets: Sequence[ProvinceTarget]) -> AreaStars:
    by: dict[int | None, int] = {}
    for r in rs:
        by[r.rating.stars] = by.get(r.rating.stars, 0) + 1
    area = AreaStars(name, len(rs), by, sum(1 for r in rs if r.provisional))
    for t in targets:
        at = sum(n for s, n in by.items() if s is not None and s >= t.min_stars)
        share = Decimal(at) / Decimal(len(rs)) if rs else Decimal(0)
        need = _needed(t, at, len(rs))
        area.checks.append(TargetCheck(t, at, len(rs), share, need == 0, need))
    return area


def province_view(
    results: Sequence[RegionResult],
    targets: Sequence[ProvinceTarget] = SD_2020_136,
    ungrouped: str = "未分组",
    total: str = "合计",
) -> ProvinceView:
    """Counties of one period by city (their `group`) and for the whole province."""
    cities: dict[str, list[RegionResult]] = {}
    for r in results:
        cities.setdefault(r.group or ungrouped, []).append(r)
    stars = sorted({r.rating.stars for r in results if r.rating.stars is not None}, reverse=True)
    levels: list[int | None] = [*stars]
    if any(r.rating.stars is None for r in results):
        levels.append(None)
    return ProvinceView(
        levels,
        [_area(name, rs, targets) for name, rs in cities.items()],
        _area(total, list(results), targets),
        tuple(targets),
    )


__all__ = [
    "SD_2020_136",
    "AreaStars",
    "ProvinceTarget",
    "ProvinceView",
    "TargetCheck",
    "province_view",
]
