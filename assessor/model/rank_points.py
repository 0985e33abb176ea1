"""排名得分: a period's rank turned into points, and a year composed of its months.

Shaoxing assesses its counties and departments "周亮晒、月评价、年考核，按排名得分作为岗位目标赋分依据":
each month's rank becomes points by a rule of the campaign, and the year is composed from the
months (and possibly a year-end assessment). The rule is one of three shapes, as campaigns
write them:

    rank_points: {first: 100, step: 2, floor: 60}        # 100 − 2 × (rank − 1), not below 60
    rank_points: {table: [100, 95, 90, 85], rest: 80}    # by position, `rest` beyond the table
    rank_points: {tiers: [{upto: 3, points: 100}, {upto: 6, points: 90}], rest: 80}
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assessor.errors import Said
from assessor.text.catalogue import said


class _Strict(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)


class Tier(_Strict):
    upto: int = Field(ge=1, description="ranks 1 … upto (after the previous tier) get `points`")
    points: Decimal = Field(ge=0)


class RankPoints(_Strict):
    """How a rank becomes points: a linear rule, a table, or tiers (exactly one)."""

    first: Decimal | None = Field(default=None, ge=0, description="points of rank 1")
    step: Decimal | None = Field(default=None, ge=0, description="points lost per rank")
    floor: Decimal = Field(default=Decimal(0), ge=0, description="never fewer points than this")
    table: tuple[Decimal, ...] | None = Field(default=None, min_length=1)
    tiers: tuple[Tier, ...] | None = Field(default=None, min_length=1)
    rest: Decimal = Field(default=Decimal(0), ge=0, description="beyond the table or the tiers")

    @model_validator(mode="after")
    def _one_shape(self) -> RankPoints:
        shapes = [
            name
            for name, given in (
                ("first/step", self.first is not None or self.step is not None),
                ("table", self.table is not None),
                ("tiers", self.tiers is not None),
            )
            if given
        ]
        if len(shapes) != 1:
            keys = Said(", ".join(shapes), "、".join(shapes))  # the keys given, as written
            got = said("load.rank_points.got", shapes=keys) if shapes else ""
            raise ValueError(said("load.rank_points.one_shape", got=got))
        if shapes == ["first/step"] and (self.first is None or self.step is None):
            raise ValueError(said("load.rank_points.linear"))
        if self.tiers is not None:
            bounds = [t.upto for t in self.tiers]
            if bounds != sorted(set(bounds)):
                raise ValueError(said("load.rank_points.tiers", bounds=bounds))
        return self


class YearComposition(_Strict):
    """The year's assessment from its periods: their rank points (or scores) combined by `how`,
    optionally weighed against a year-end part (e.g. 60 % months, 40 % 年终考核)."""

    how: Literal["mean", "sum"] = "mean"
    periods_share: Decimal = Field(default=Decimal(100), gt=0, le=100)
    year_end_share: Decimal = Field(default=Decimal(0), ge=0, lt=100)

    @model_validator(mode="after")
    def _shares(self) -> YearComposition:
        if self.periods_share + self.year_end_share != 100:
            raise ValueError(
                said(
                    "load.year_shares",
                    periods=self.periods_share,
                    year_end=self.year_end_share,
                )
            )
        return self


__all__ = ["RankPoints", "Tier", "YearComposition"]
