"""Lint rules: what the schema cannot see but an evaluator would trip over.

Each rule has a code (listed in docs/lint-rules.md). Errors make `assessor lint` fail;
warnings are printed but do not. Every problem points at the line where the text is, also for
sets built with `extends` (the located data keep each node's file).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from assessor.errors import AssessorError, Problem, Said
from assessor.loader.lint_sources import check_sources, joined, label
from assessor.loader.located import NOWHERE, LocDict, LocList, Mark
from assessor.loader.sets import (
    _declared_id,
    duplicate_id_problems,
    iter_raw_nodes,
    load_set_located,
)
from assessor.model.indicator_set import (
    AnyNode,
    BandsLeaf,
    CheckLeaf,
    ChoiceLeaf,
    IndicatorSet,
    InnerNode,
    Kind,
    LevelLeaf,
    LinearLeaf,
    MaxStars,
    MeanLevelCond,
    NodeBase,
    NodeLevelCond,
    NodeRatioCond,
    NumericLeaf,
    RankLeaf,
    RatioLeaf,
    ShareAtLevelCond,
    effective_kind,
    implied_points,
    share_points,
    walk,
    yields_level,
)
from assessor.text.catalogue import said, say

TOLERANCE = Decimal("0.01")
HUNDRED = Decimal(100)
ROOT_LABEL = said("lint.root")
#: 序时 (a target due by a date) and 必达项 (a must-reach indicator): the standards' own terms,
#: which the English messages keep.
PRO_RATA_TERM = "序时"
REQUIRED_TERM = "必达项"


@dataclass
class _Resolved:
    node: AnyNode
    kind: Kind
    points: Decimal | None  # None: not known (a share under a parent without points, …)
    parent: AnyNode | None
    children: list[_Resolved] = field(default_factory=list)


class _Linter:
    def __init__(
        self, s: IndicatorSet, raw: LocDict | None, file: str | None, bundled: bool = False
    ) -> None:
        self.s = s
        self.bundled = bundled
        self.raw = raw
        self.file = file or (raw.mark.file if raw is not None else None)
        self.problems: list[Problem] = []
        self.raw_nodes: dict[str, LocDict] = {}
        if raw is not None:
            for rn in iter_raw_nodes(raw.get("tree")):
                nid = rn.node.get("id")
                if nid is not None and str(nid) not in self.raw_nodes:
                    self.raw_nodes[str(nid)] = rn.node
        self.kinds: dict[str, Kind] = {}
        self.nodes: dict[str, AnyNode] = {}
        for n in walk(self.s.tree):
            self.nodes.setdefault(n.id, n)

    # ----------------------------------------------------------------- reporting

    def mark(self, node_id: str | None, *keys: str | int) -> Mark:
        """The position of `node.keys…` (or of the top-level `keys…` when node_id is None)."""
        cur: Any = self.raw if node_id is None else self.raw_nodes.get(node_id)
        if cur is None:
            return Mark(self.file or "<input>", 0, 0) if self.file else NOWHERE
        best: Mark = cur.mark
        for k in keys:
            if isinstance(cur, LocDict) and isinstance(k, str) and k in cur:
                best = cur.key_mark(k)
                cur = cur[k]
            elif isinstance(cur, LocList) and isinstance(k, int) and 0 <= k < len(cur):
                best = cur.item_mark(k)
                cur = cur[k]
            else:
                break
        return best

    def add(
        self,
        code: str,
        message: Said,
        node_id: str | None,
        *keys: str | int,
        severity: str = "error",
        key: str | None = None,
    ) -> None:
        m = self.mark(node_id, *keys)
        shown = key or _path(node_id, keys) or None
        self.problems.append(
            Problem(
                message,
                file=m.file if m.line else self.file,
                line=m.line or None,
                column=m.column or None,
                key=shown,
                severity=severity,
                code=code,
            )
        )

    def warn(self, code: str, message: Said, node_id: str | None, *keys: str | int) -> None:
        self.add(code, message, node_id, *keys, severity="warning")

    # ----------------------------------------------------------------- rules

    def run(self) -> list[Problem]:
        if self.raw is not None:
            self.problems.extend(duplicate_id_problems(self.raw))
        roots = [self.resolve(n, self.s.full_score, None, None) for n in self.s.tree]
        self.check_points(None, roots, self.s.full_score, self.s.normalize)
        for r in self.iter_resolved(roots):
            self.check_node(r)
        self.check_rating()
        self.check_set()
        self.check_periodic()
        check_sources(self.s.tree, self.bundled, self.add, self.warn)
        return self.problems

    def resolve(
        self,
        node: AnyNode,
        parent_points: Decimal | None,
        inherited: Kind | None,
        parent: AnyNode | None,
    ) -> _Resolved:
        kind = effective_kind(node, inherited)
        points: Decimal | None = node.points
        if points is None and node.share is not None:
            if parent_points is None:
                self.add(
                    "share-without-points",
                    said(
                        "lint.share_without_points",
                        node=_label(node),
                        share=node.share,
                        parent=_label(parent),
                    ),
                    node.id,
                    "share",
                )
            else:
                points = share_points(parent_points, node.share)
        r = _Resolved(node, kind, points, parent)
        if isinstance(node, InnerNode):
            child_kind: Kind | None = kind if kind in ("bonus", "penalty") else None
            r.children = [self.resolve(c, points, child_kind, node) for c in node.children]
            if points is None:
                kids = [(c.kind, c.points) for c in r.children]
                if any(k == kind for k, _ in kids):
                    r.points = implied_points(kind, kids)
            else:
                self.check_points(node, r.children, points, node.normalize)
        return r

    def iter_resolved(self, items: list[_Resolved]) -> Iterable[_Resolved]:
        for r in items:
            yield r
            yield from self.iter_resolved(r.children)

    def check_points(
        self, node: InnerNode | None, kids: list[_Resolved], points: Decimal, normalize: bool
    ) -> None:
        """Core children must add up to the points their parent states (spec §1.1)."""
        if normalize:
            return
        if node is not None and effective_kind(node, None) in ("bonus", "penalty"):
            return  # a bonus/penalty group caps the sum of its children
        core = [k for k in kids if k.kind == "core"]
        if not core:
            return
        node_id = node.id if node is not None else None
        where = _label(node) if node is not None else ROOT_LABEL
        if all(k.node.share is not None for k in core):
            total_share = sum((k.node.share for k in core if k.node.share is not None), Decimal(0))
            if abs(total_share - HUNDRED) > TOLERANCE:
                shares = [f"{k.node.id} {_n(k.node.share or 0)}%" for k in core[:10]]
                self.add(
                    "share-sum",
                    said(
                        "lint.share_sum",
                        node=where,
                        total=_n(total_share),
                        parts=joined(shares + ([] if len(core) <= 10 else ["…"])),
                    ),
                    node_id,
                    *(("children",) if node_id else ("tree",)),
                )
            return
        if any(k.points is None for k in core):
            return
        total = sum((k.points for k in core if k.points is not None), Decimal(0))
        if abs(total - points) > TOLERANCE:
            items = [f"{k.node.id} {_n(k.points or 0)}" for k in core[:10]]
            parts = joined(items + ([] if len(core) <= 10 else ["…"]))
            if node is None:
                self.add(
                    "points-sum",
                    said("lint.points_sum.top", total=_n(total), parts=parts, points=_n(points)),
                    None,
                    "full_score" if self.raw is not None and "full_score" in self.raw else "tree",
                )
            else:
                self.add(
                    "points-sum",
                    said(
                        "lint.points_sum.node",
                        node=where,
                        points=_n(points),
                        total=_n(total),
                        parts=parts,
                    ),
                    node.id,
                    "points" if node.points is not None else "share",
                )

    def check_node(self, r: _Resolved) -> None:
        node = r.node
        nid = node.id
        if isinstance(node, InnerNode):
            if node.normalize and node.points is None and node.share is None:
                self.warn(
                    "normalize-without-points",
                    said("lint.normalize_without_points", node=_label(node)),
                    nid,
                    "normalize",
                )
            if r.kind == "veto":
                self.add(
                    "veto-method",
                    said("lint.veto_method.group", node=_label(node)),
                    nid,
                    "kind",
                )
            if r.kind in ("bonus", "penalty") and not r.points:
                self.add(
                    "bonus-without-points",
                    said("lint.bonus_without_points.group", node=_label(node), kind=_kind(r.kind)),
                    nid,
                )
            return
        # leaves
        if r.kind == "veto":
            self.check_veto(node)
        else:
            if isinstance(node, CheckLeaf) and node.effect is not None:
                self.add(
                    "effect-not-veto",
                    said("lint.effect_not_veto", node=_label(node)),
                    nid,
                    "effect",
                )
            if node.points is None and node.share is None:
                code = "bonus-without-points" if r.kind in ("bonus", "penalty") else None
                self.add(
                    code or "leaf-without-points",
                    said("lint.without_points.bonus", node=_label(node), kind=_kind(r.kind))
                    if code
                    else said("lint.without_points.leaf", node=_label(node)),
                    nid,
                )
        if isinstance(node, BandsLeaf):
            self.check_bands(node)
        elif isinstance(node, LevelLeaf):
            self.check_levels(node)
        elif isinstance(node, LinearLeaf):
            self.check_curve(node)
        elif isinstance(node, ChoiceLeaf):
            self.check_options(node)
        if isinstance(node, RankLeaf):
            self.check_rank(node)
        if isinstance(node, RatioLeaf):
            self.check_ratio(node)
        if isinstance(node, NumericLeaf):
            self.check_formula(node)
            if getattr(node, "peers", "all") == "group":
                self.warn(
                    "peers-group",
                    said("lint.peers_group", node=_label(node)),
                    nid,
                    "peers",
                )

    def check_veto(self, node: AnyNode) -> None:
        nid = node.id
        if not isinstance(node, CheckLeaf):
            self.add(
                "veto-method",
                said(
                    "lint.veto_method.leaf",
                    node=_label(node),
                    method=repr(getattr(node, "method", "?")),
                ),
                nid,
                "method",
            )
            return
        if node.effect is None:
            self.add(
                "veto-effect",
                said("lint.veto_effect", node=_label(node)),
                nid,
            )
        if node.points is not None or node.share is not None:
            self.warn(
                "veto-points",
                said("lint.veto_points", node=_label(node)),
                nid,
                "points" if node.points is not None else "share",
            )
        if isinstance(node.effect, MaxStars):
            stars = [g.stars for g in (self.s.rating.grades if self.s.rating else [])]
            known = [s for s in stars if s is not None]
            if not known:
                self.add(
                    "max-stars",
                    said("lint.max_stars.no_stars", node=_label(node)),
                    nid,
                    "effect",
                )
            elif node.effect.max_stars >= max(known):
                self.add(
                    "max-stars",
                    said(
                        "lint.max_stars.not_below",
                        node=_label(node),
                        cap=node.effect.max_stars,
                        best=max(known),
                    ),
                    nid,
                    "effect",
                )

    def check_bands(self, node: BandsLeaf) -> None:
        nid = node.id
        lower = node.direction == "lower"
        wrong = ("min", "above") if lower else ("max", "below")
        right = ("max", "below") if lower else ("min", "above")
        ok: list[tuple[int, str, Decimal]] = []
        for i, b in enumerate(node.bands):
            for k in wrong:
                if getattr(b, k) is not None:
                    self.add(
                        "band-direction",
                        said(
                            f"lint.band_direction.{node.direction}",
                            node=_label(node),
                            band=i + 1,
                            key=k,
                            direction=node.direction,
                            right=said("lint.or", first=f"`{right[0]}`", rest=f"`{right[1]}`"),
                        ),
                        nid,
                        "bands",
                        i,
                    )
            for k in right:
                v = getattr(b, k)
                if v is not None:
                    ok.append((i, k, v))
        # A band is unreachable when every value it accepts is taken by an earlier band.
        for j, (bj, kj, vj) in enumerate(ok):
            for bi, ki, vi in ok[:j]:
                if _shadows(ki, vi, kj, vj, lower):
                    self.add(
                        "band-unreachable",
                        said(
                            f"lint.band_unreachable.{node.direction}",
                            node=_label(node),
                            band=bj + 1,
                            key=kj,
                            value=_n(vj),
                            above=bi + 1,
                            above_key=ki,
                            above_value=_n(vi),
                        ),
                        nid,
                        "bands",
                        bj,
                    )
                    break
        scores = [b.score for b in node.bands]
        for i in range(1, len(scores)):
            if scores[i] > scores[i - 1]:
                self.warn(
                    "band-order",
                    said(
                        "lint.band_order.score",
                        node=_label(node),
                        band=i + 1,
                        score=_n(scores[i]),
                        above=i,
                        above_score=_n(scores[i - 1]),
                    ),
                    nid,
                    "bands",
                    i,
                )
                break
        levels = [(i, band.level) for i, band in enumerate(node.bands) if band.level is not None]
        for (_, upper), (i, below) in itertools.pairwise(levels):
            if below > upper:
                self.warn(
                    "band-order",
                    said(
                        "lint.band_order.level",
                        node=_label(node),
                        band=i + 1,
                        level=below,
                        above_level=upper,
                    ),
                    nid,
                    "bands",
                    i,
                )
                break
        spec = node.input
        if ok and spec is not None:
            _, k, v = (max if lower else min)(ok, key=lambda t: (t[2], t[1] in ("min", "max")))
            floor = spec.max if lower else spec.min
            if floor is not None:
                gap = (floor > v if lower else floor < v) or (
                    floor == v and k in ("above", "below")
                )
                if gap:
                    self.warn(
                        "band-gap",
                        said(
                            f"lint.band_gap.{node.direction}",
                            node=_label(node),
                            value=_n(v),
                            floor=_n(floor),
                        ),
                        nid,
                        "bands",
                        len(node.bands) - 1,
                    )

    def check_levels(self, node: LevelLeaf) -> None:
        nid = node.id
        seen: dict[int, int] = {}
        for i, lv in enumerate(node.levels):
            if lv.level in seen:
                self.add(
                    "level-duplicate",
                    said(
                        "lint.level_duplicate",
                        node=_label(node),
                        level=lv.level,
                        first=seen[lv.level] + 1,
                        second=i + 1,
                    ),
                    nid,
                    "levels",
                    i,
                )
            else:
                seen[lv.level] = i
        numbers = [lv.level for lv in node.levels]
        if numbers != sorted(numbers) and len(set(numbers)) == len(numbers):
            self.warn(
                "level-order",
                said("lint.level_order", node=_label(node), levels=str(numbers)),
                nid,
                "levels",
            )
        scored = sorted(
            (lv.level, lv.score, i) for i, lv in enumerate(node.levels) if lv.score is not None
        )
        for (la, sa, _), (lb, sb, i) in itertools.pairwise(scored):
            if lb > la and sb is not None and sa is not None and sb < sa:
                self.add(
                    "level-score-order",
                    said(
                        "lint.level_score_order",
                        node=_label(node),
                        level=lb,
                        score=_n(sb),
                        lower=la,
                        lower_score=_n(sa),
                    ),
                    nid,
                    "levels",
                    i,
                )

    def check_curve(self, node: LinearLeaf) -> None:
        xs = [x for x, _ in node.curve]
        for i in range(1, len(xs)):
            if xs[i] <= xs[i - 1]:
                self.add(
                    "curve-order",
                    said(
                        "lint.curve_order",
                        node=_label(node),
                        point=i + 1,
                        x=_n(xs[i]),
                        previous=_n(xs[i - 1]),
                    ),
                    node.id,
                    "curve",
                    i,
                )
                return

    def check_options(self, node: ChoiceLeaf) -> None:
        seen: set[str] = set()
        for i, o in enumerate(node.options):
            if o.key in seen:
                self.add(
                    "option-duplicate",
                    said("lint.option_duplicate", node=_label(node), key=repr(o.key)),
                    node.id,
                    "options",
                    i,
                )
            seen.add(o.key)

    def check_rank(self, node: RankLeaf) -> None:
        if node.rank_levels:
            ranks = [rl.max_rank for rl in node.rank_levels]
            for i in range(1, len(ranks)):
                if ranks[i] <= ranks[i - 1]:
                    self.add(
                        "rank-levels-order",
                        said(
                            "lint.rank_levels_order",
                            node=_label(node),
                            rank=ranks[i],
                            previous=ranks[i - 1],
                        ),
                        node.id,
                        "rank_levels",
                        i,
                    )
                    break
        if node.rank_scores:
            for i in range(1, len(node.rank_scores)):
                if node.rank_scores[i] > node.rank_scores[i - 1]:
                    self.warn(
                        "rank-scores-order",
                        said(
                            "lint.rank_scores_order",
                            node=_label(node),
                            rank=i + 1,
                            score=_n(node.rank_scores[i]),
                            previous=_n(node.rank_scores[i - 1]),
                        ),
                        node.id,
                        "rank_scores",
                        i,
                    )
                    break

    def check_ratio(self, node: RatioLeaf) -> None:
        base = node.baseline if node.baseline is not None else Decimal(0)
        if node.direction == "higher" and node.target < base:
            self.warn(
                "ratio-direction",
                said(
                    "lint.ratio_direction.higher",
                    node=_label(node),
                    target=_n(node.target),
                    baseline=_n(base),
                ),
                node.id,
                "target",
            )
        if node.direction == "lower" and node.target > base:
            self.warn(
                "ratio-direction",
                said(
                    "lint.ratio_direction.lower",
                    node=_label(node),
                    target=_n(node.target),
                    baseline=_n(base),
                ),
                node.id,
                "target",
            )

    def check_formula(self, node: NumericLeaf) -> None:
        if node.value is None:
            return
        from assessor.model.formula import FormulaError, parse_formula

        try:
            formula = parse_formula(node.value)
        except FormulaError as exc:
            why = exc.args[0] if exc.args else str(exc)
            self.add(
                "formula-syntax",
                said("lint.formula_syntax", node=_label(node), message=why),
                node.id,
                "value",
            )
            return
        declared = set(node.inputs or {})
        unknown = sorted(formula.names - declared)
        if unknown:
            self.add(
                "formula-unknown-input",
                said(
                    "lint.formula_unknown_input",
                    node=_label(node),
                    formula=repr(node.value),
                    names=joined([repr(u) for u in unknown]),
                    declared=joined(sorted(declared)) if declared else said("lint.none"),
                ),
                node.id,
                "value",
            )
        for name in sorted(declared - formula.names):
            self.warn(
                "input-unused",
                said(
                    "lint.input_unused",
                    node=_label(node),
                    name=repr(name),
                    formula=repr(node.value),
                ),
                node.id,
                "inputs",
                name,
            )

    def check_rating(self) -> None:
        rating = self.s.rating
        if rating is None:
            return
        grades = rating.grades
        keys: dict[str, int] = {}
        last_min: tuple[int, Decimal] | None = None
        last_stars: tuple[int, int] | None = None
        unconditional: int | None = None
        levelled = [
            n for n in walk(self.s.tree) if yields_level(n) and self._kind_of(n.id) == "core"
        ]
        for i, g in enumerate(grades):
            if g.key in keys:
                self.add(
                    "grade-duplicate-key",
                    said(
                        "lint.grade_duplicate_key",
                        key=repr(g.key),
                        first=keys[g.key] + 1,
                        second=i + 1,
                    ),
                    None,
                    "rating",
                    "grades",
                    i,
                    "key",
                    key=f"rating.grades[{i}].key",
                )
            keys.setdefault(g.key, i)
            if g.min_score is not None:
                if last_min is not None and g.min_score > last_min[1]:
                    self.add(
                        "grade-order",
                        said(
                            "lint.grade_order.min_score",
                            key=repr(g.key),
                            label=g.label,
                            score=_n(g.min_score),
                            above=_n(last_min[1]),
                        ),
                        None,
                        "rating",
                        "grades",
                        i,
                        "min_score",
                        key=f"rating.grades[{i}].min_score",
                    )
                last_min = (i, g.min_score)
            if g.stars is not None:
                if last_stars is not None and g.stars > last_stars[1]:
                    self.add(
                        "grade-order",
                        said(
                            "lint.grade_order.stars",
                            key=repr(g.key),
                            label=g.label,
                            stars=g.stars,
                            above=last_stars[1],
                        ),
                        None,
                        "rating",
                        "grades",
                        i,
                        "stars",
                        key=f"rating.grades[{i}].stars",
                    )
                last_stars = (i, g.stars)
            if unconditional is not None:
                self.warn(
                    "grade-unreachable",
                    said(
                        "lint.grade_unreachable",
                        key=repr(g.key),
                        label=g.label,
                        above=repr(grades[unconditional].key),
                    ),
                    None,
                    "rating",
                    "grades",
                    i,
                )
            elif g.min_score is None and not g.when and not g.requires:
                unconditional = i
            for j, cond in enumerate(g.when):
                self.check_condition(i, j, cond, levelled)
            for j, req in enumerate(g.requires):
                self.check_required(i, j, req)

    def check_required(self, i: int, j: int, req: Any) -> None:
        """A 必达项 names an indicator of the set, and a level that indicator can have."""
        path = ("rating", "grades", i, "requires", j)
        key = f"rating.grades[{i}].requires[{j}]"
        target = self.nodes.get(req.leaf)
        if target is None or isinstance(target, InnerNode):
            import difflib

            leaves = [n.id for n in walk(self.s.tree) if not isinstance(n, InnerNode)]
            close = difflib.get_close_matches(req.leaf, leaves, n=3, cutoff=0.6)
            what = "is_group" if target is not None else "not_in_set"
            hint = (
                said("lint.did_you_mean", close=joined(close))
                if close
                else said(
                    "lint.requires.indicators",
                    leaves=joined(leaves[:6], " …" if len(leaves) > 6 else ""),
                )
            )
            self.add(
                "requires-unknown-leaf",
                said(
                    "lint.requires_unknown_leaf",
                    leaf=repr(req.leaf),
                    what=said(f"lint.requires.{what}"),
                    term=REQUIRED_TERM,
                    hint=hint,
                ),
                None,
                *path,
                key=key,
            )
            return
        if req.min_level is None:
            return
        if not yields_level(target):
            self.add(
                "requires-no-level",
                said("lint.requires_no_level", node=_label(target)),
                None,
                *path,
                "min_level",
                key=f"{key}.min_level",
            )
            return
        top = _top_level(target)
        if top is not None and req.min_level > top:
            self.add(
                "requires-level-unreachable",
                said(
                    "lint.requires_level_unreachable",
                    node=_label(target),
                    level=req.min_level,
                    top=top,
                ),
                None,
                *path,
                "min_level",
                key=f"{key}.min_level",
            )

    def _kind_of(self, node_id: str) -> Kind:
        if not self.kinds:

            def fill(nodes: list[Any], inherited: Kind | None) -> None:
                for n in nodes:
                    k = effective_kind(n, inherited)
                    self.kinds.setdefault(n.id, k)
                    if isinstance(n, InnerNode):
                        fill(n.children, k if k in ("bonus", "penalty") else None)

            fill(self.s.tree, None)
        return self.kinds.get(node_id, "core")

    def check_condition(self, i: int, j: int, cond: Any, levelled: list[AnyNode]) -> None:
        path = ("rating", "grades", i, "when", j)
        key = f"rating.grades[{i}].when[{j}]"
        if isinstance(cond, NodeRatioCond | NodeLevelCond):
            inner = cond.node_ratio if isinstance(cond, NodeRatioCond) else cond.node_level
            name = "node_ratio" if isinstance(cond, NodeRatioCond) else "node_level"
            target = self.nodes.get(inner.node)
            if target is None:
                import difflib

                close = difflib.get_close_matches(inner.node, list(self.nodes), n=3, cutoff=0.6)
                self.add(
                    "condition-unknown-node",
                    said(
                        "lint.condition_unknown_node",
                        name=name,
                        node=repr(inner.node),
                        hint=said("lint.did_you_mean", close=joined(close)) if close else "",
                    ),
                    None,
                    *path,
                    name,
                    "node",
                    key=f"{key}.{name}.node",
                )
            elif isinstance(cond, NodeLevelCond) and not yields_level(target):
                self.add(
                    "condition-node-level",
                    said("lint.condition_node_level", node=_label(target)),
                    None,
                    *path,
                    name,
                    "node",
                    key=f"{key}.{name}.node",
                )
        elif isinstance(cond, ShareAtLevelCond | MeanLevelCond) and not levelled:
            name = "share_at_level" if isinstance(cond, ShareAtLevelCond) else "mean_level"
            self.add(
                "condition-no-levels",
                said("lint.condition_no_levels", name=name),
                None,
                *path,
                key=key,
            )

    def check_set(self) -> None:
        s = self.s
        kinds = {n.id: self._kind_of(n.id) for n in walk(s.tree)}
        if s.bonus_cap is not None and "bonus" not in kinds.values():
            self.warn(
                "bonus-cap-unused",
                said("lint.bonus_cap_unused"),
                None,
                "bonus_cap",
            )
        if s.rollup is not None and s.rollup.method == "sum":
            self.warn(
                "rollup-sum",
                said("lint.rollup_sum"),
                None,
                "rollup",
            )
        if s.consolidation.method == "lead" and not s.consolidation.lead:
            self.warn(
                "consolidation-lead",
                said("lint.consolidation_lead"),
                None,
                "consolidation",
            )

    # ----------------------------------------------------------------- periods (issue 16)

    def check_periodic(self) -> None:
        """Per-indicator roll-up, 序时 targets and rank points: what the models cannot see."""
        s = self.s
        set_method = s.rollup.method if s.rollup is not None else "mean"
        declared: list[str] = []

        def visit(nodes: list[Any], inherited: str | None, where: str | None) -> None:
            for n in nodes:
                own = getattr(n, "rollup", None)
                if own is not None:
                    declared.append(n.id)
                method = own or inherited
                origin = n.id if own is not None else where
                if isinstance(n, InnerNode):
                    visit(n.children, method, origin)
                    continue
                self.check_leaf_periods(n, method, origin, set_method)

        visit(s.tree, None, None)
        if declared and set_method == "sum":
            self.add(
                "rollup-sum-mixed",
                said("lint.rollup_sum_mixed", ids=joined(declared[:5])),
                None,
                "rollup",
            )
        rp = s.rank_points
        if rp is not None and rp.table is not None:
            for i in range(1, len(rp.table)):
                if rp.table[i] > rp.table[i - 1]:
                    self.warn(
                        "rank-points-order",
                        said(
                            "lint.rank_points_order.table",
                            rank=i + 1,
                            points=_n(rp.table[i]),
                            previous=_n(rp.table[i - 1]),
                        ),
                        None,
                        "rank_points",
                        "table",
                        i,
                    )
                    break
        if rp is not None and rp.table is not None and rp.rest > rp.table[-1]:
            self.warn(
                "rank-points-order",
                said("lint.rank_points_order.rest", rest=_n(rp.rest), last=_n(rp.table[-1])),
                None,
                "rank_points",
                "rest",
            )

    def check_leaf_periods(
        self, n: AnyNode, method: str | None, origin: str | None, set_method: str
    ) -> None:
        if method in ("sum", "mean") and not isinstance(n, NumericLeaf):
            where = (origin, "rollup") if origin else (n.id,)
            self.warn(
                "rollup-not-number",
                said(
                    "lint.rollup_not_number",
                    node=_label(n),
                    method=getattr(n, "method", "?"),
                    rollup=method,
                ),
                *where,
            )
        pro = getattr(n, "pro_rata", None)
        if pro is not None and (method or set_method) not in ("last", "max"):
            self.warn(
                "pro-rata-rollup",
                said(
                    f"lint.pro_rata_rollup.{'own' if method else 'set'}",
                    node=_label(n),
                    term=PRO_RATA_TERM,
                    how=method or set_method,
                ),
                n.id,
                "pro_rata",
            )


def _path(node_id: str | None, keys: tuple[str | int, ...]) -> str:
    out = node_id or ""
    for k in keys:
        out += f"[{k}]" if isinstance(k, int) else ("." if out else "") + k
    return out


def _shadows(ki: str, vi: Decimal, kj: str, vj: Decimal, lower: bool) -> bool:
    """True when band (ki vi) accepts every value band (kj vj) accepts."""
    if not lower:
        # i: v >= vi (min) or v > vi (above); j likewise.
        if ki == "min":
            return vj >= vi
        return vj > vi or (vj == vi and kj == "above")
    if ki == "max":
        return vj <= vi
    return vj < vi or (vj == vi and kj == "below")


def _label(node: NodeBase | None) -> Said:
    return ROOT_LABEL if node is None else label(node)


def _kind(kind: str) -> Said:
    """A kind in each language: bonus / 加分项."""
    return Said(kind, say(f"kind.{kind}", "zh"))


def _n(v: Decimal | int) -> str:
    if isinstance(v, Decimal):
        text = format(v.normalize(), "f") if v == v.to_integral_value() else format(v, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".") if len(text.split(".")[1]) > 4 else text
        return text
    return str(v)


def lint_set(
    indicator_set: IndicatorSet,
    raw: LocDict | None = None,
    *,
    file: str | None = None,
    bundled: bool = False,
) -> list[Problem]:
    """Lint problems of a loaded set; `raw` (from load_set_located) gives the positions.

    `bundled`: the set ships with assessor, so every indicator must name its source.
    """
    problems = _Linter(indicator_set, raw, file, bundled).run()
    problems.sort(key=lambda p: (p.file or "", p.line or 0, p.column or 0))
    return problems


def lint_paths(paths: Iterable[Path | str]) -> list[Problem]:
    """Load and lint every set file; load errors come back as problems too."""
    path_list = [Path(p) for p in paths]
    known: dict[str, Path] = {}
    for p in path_list:
        declared = _declared_id(p) if p.is_file() else None
        if declared:
            known.setdefault(declared, p)
    out: list[Problem] = []
    for p in path_list:
        out.extend(lint_file(p, known))
    return out


def lint_file(path: Path, known: Mapping[str, Path] | None = None) -> list[Problem]:
    try:
        indicator_set, raw = load_set_located(path, known)
    except AssessorError as exc:
        return list(exc.problems)
    return lint_set(indicator_set, raw, file=str(path), bundled=is_bundled(path))


def is_bundled(path: Path) -> bool:
    """A set file in the bundled indicators/ folder (the checkout's or an install's)."""
    from assessor.resources import bundled

    try:
        return path.resolve().parent == bundled("indicators").resolve()
    except OSError:
        return False


def _top_level(node: Any) -> int | None:
    """The highest level a levelled leaf can give (None: not known from the set alone)."""
    levels = getattr(node, "levels", None) or getattr(node, "rank_levels", None)
    if levels:
        return max(int(x.level) for x in levels)
    bands = getattr(node, "bands", None)
    if bands:
        found = [b.level for b in bands if b.level is not None]
        return max(found) if found else None
    return None
