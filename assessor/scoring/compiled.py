"""A set made ready for scoring: every node's maximum, kind and place, resolved once.

Scoring the same set for many regions and evaluators reuses this; nothing here depends on
entries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from functools import cached_property

from assessor.errors import AssessorError, Problem, Said
from assessor.model.formula import FormulaError
from assessor.model.indicator_set import (
    AnyNode,
    CheckLeaf,
    IndicatorSet,
    InnerNode,
    Kind,
    MaxStars,
    effective_kind,
    implied_points,
    share_points,
    yields_level,
)
from assessor.scoring.methods import LeafScorer, make_scorer
from assessor.text.catalogue import said

ZERO = Decimal(0)
HUNDRED = Decimal(100)
ROOT = "__root__"


@dataclass(slots=True)
class CNode:
    id: str
    name: str
    kind: Kind
    max: Decimal  # nominal maximum (before N/A redistribution)
    leaf: bool
    node: AnyNode | None  # None for the virtual root
    parent: str | None
    depth: int
    children: tuple[str, ...] = ()
    optional: bool = False
    levelled: bool = False
    method: str | None = None
    peer: bool = False
    scorer: LeafScorer | None = None
    veto_effect: str | None = None  # "zero", "disqualify", "max_stars:N"
    index: int = 0
    pro_rata: bool = False  # 序时: the scorer depends on the period (scorer_at)
    rollup: str | None = None  # its own or inherited `rollup` key (leaves: combine entries)


@dataclass
class CompiledSet:
    set: IndicatorSet
    nodes: dict[str, CNode]
    order: list[CNode]  # parents before children (pre-order), root first
    post: list[CNode]  # children before parents, root last
    leaves: list[CNode]
    core_leaves: list[CNode]
    levelled_leaves: list[CNode]
    vetoes: list[CNode]
    peer_leaves: list[CNode]
    digits: int
    quantum: Decimal
    rounding: str
    each_level: bool
    full_score: Decimal
    bonus_cap: Decimal | None
    problems: list[Problem] = field(default_factory=list)
    #: leaves whose entries roll up by their own (or an ancestor's) `rollup` key: id → method
    leaf_rollup: dict[str, str] = field(default_factory=dict)
    _at: dict[tuple[str, str], LeafScorer | None] = field(default_factory=dict, repr=False)

    @property
    def root(self) -> CNode:
        return self.nodes[ROOT]

    def scorer_at(self, cn: CNode, period: str) -> LeafScorer | None:
        """The leaf's scorer in `period`: a 序时 (`pro_rata`) leaf's target is the share of
        its yearly target due by the period's end; other leaves have one scorer."""
        if not cn.pro_rata or cn.node is None:
            return cn.scorer
        key = (cn.id, period)
        got = self._at.get(key, False)
        if got is False:
            from assessor.model.periods import parse_period
            from assessor.scoring.prorata import due

            rule = getattr(cn.node, "pro_rata", None)
            assert rule is not None
            got = make_scorer(cn.node, due(rule, parse_period(period)))
            self._at[key] = got
        return got  # type: ignore[return-value]

    def round(self, value: Decimal) -> Decimal:
        return value.quantize(self.quantum, rounding=self.rounding)

    def node_ids(self) -> list[str]:
        return [n.id for n in self.order if n.id != ROOT]

    def _top_max(self, kind: str) -> Decimal:
        return sum((self.nodes[c].max for c in self.root.children if self.nodes[c].kind == kind),
                   ZERO)  # fmt: skip

    @cached_property
    def top_bonus_max(self) -> Decimal:
        """The most the top-level bonus nodes can add together, before `bonus_cap`."""
        return self._top_max("bonus")

    @cached_property
    def top_penalty_max(self) -> Decimal:
        """The most the top-level penalty nodes can take away together (their points)."""
        return self._top_max("penalty")


def _veto_effect(node: AnyNode) -> str | None:
    if not isinstance(node, CheckLeaf) or node.effect is None:
        return None
    if isinstance(node.effect, MaxStars):
        return f"max_stars:{node.effect.max_stars}"
    return str(node.effect)


def compile_set(indicator_set: IndicatorSet) -> CompiledSet:
    """Resolve points and shares into maxima (spec §1.1) and prepare each leaf's scorer."""
    nodes: dict[str, CNode] = {}
    order: list[CNode] = []
    problems: list[Problem] = []

    root = CNode(
        id=ROOT,
        name=indicator_set.name,
        kind="core",
        max=indicator_set.full_score,
        leaf=False,
        node=None,
        parent=None,
        depth=0,
    )
    nodes[ROOT] = root
    order.append(root)

    leaf_rollup: dict[str, str] = {}

    def resolve(
        node: AnyNode,
        parent: CNode,
        parent_points: Decimal | None,
        inherited: Kind | None,
        rollup: str | None = None,
    ) -> CNode:
        kind = effective_kind(node, inherited)
        rollup = node.rollup or rollup
        if node.id in nodes:
            problems.append(
                Problem(
                    said("engine.compile.duplicate_id", node=repr(node.id)),
                    key=node.id,
                    code="duplicate-id",
                )
            )
        if node.points is not None:
            points: Decimal | None = node.points
        elif node.share is not None:
            if parent_points is None:
                problems.append(
                    Problem(
                        said(
                            "engine.compile.share_without_points",
                            node=node.id,
                            name=node.name,
                            parent=parent.id if parent.id != ROOT else said("engine.compile.root"),
                        ),
                        key=node.id,
                        code="share-without-points",
                    )
                )
                points = ZERO
            else:
                points = share_points(parent_points, node.share)
        else:
            points = None
        cn = CNode(
            id=node.id,
            name=node.name,
            kind=kind,
            max=ZERO,
            leaf=not isinstance(node, InnerNode),
            node=node,
            parent=parent.id,
            depth=parent.depth + 1,
            optional=node.optional,
            rollup=rollup,
        )
        nodes[node.id] = cn
        order.append(cn)
        if isinstance(node, InnerNode):
            child_kind: Kind | None = kind if kind in ("bonus", "penalty") else None
            kids = [resolve(c, cn, points, child_kind, rollup) for c in node.children]
            cn.children = tuple(k.id for k in kids)
            if points is None:
                points = implied_points(kind, [(k.kind, k.max) for k in kids]) or ZERO
            elif node.normalize:
                _normalize(nodes, kids, points)
            cn.max = points
        else:
            if points is None:
                if kind != "veto":
                    problems.append(
                        Problem(
                            said(
                                "engine.compile.leaf_without_points", node=node.id, name=node.name
                            ),
                            key=node.id,
                            code="leaf-without-points",
                        )
                    )
                points = ZERO
            cn.max = points
            cn.method = node.method
            cn.peer = node.method in ("rank", "minmax")
            cn.levelled = yields_level(node)
            try:
                cn.scorer = make_scorer(node)
            except FormulaError as exc:  # a set built without the loader, which refuses these
                why = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else exc
                problems.append(
                    Problem(
                        said("engine.compile.node_says", node=node.id, message=why),
                        key=node.id,
                        code="formula-syntax",
                    )
                )
            cn.veto_effect = _veto_effect(node)
            cn.pro_rata = getattr(node, "pro_rata", None) is not None
            if rollup is not None and kind != "veto":  # a veto in any period applies
                leaf_rollup[node.id] = rollup
        return cn

    kids = [resolve(n, root, indicator_set.full_score, None) for n in indicator_set.tree]
    root.children = tuple(k.id for k in kids)
    if indicator_set.normalize:
        _normalize(nodes, kids, indicator_set.full_score)

    set_rollup = indicator_set.rollup.method if indicator_set.rollup is not None else "mean"
    if leaf_rollup and set_rollup == "sum":
        problems.append(
            Problem(
                said(
                    "engine.compile.rollup_sum_mixed",
                    nodes=Said(", ".join(list(leaf_rollup)[:5]), "、".join(list(leaf_rollup)[:5])),
                ),
                key="rollup",
                code="rollup-sum-mixed",
            )
        )
    post = _post_order(nodes)
    for i, cn in enumerate(order):
        cn.index = i
    leaves = [n for n in order if n.leaf]
    mode = indicator_set.rounding.mode
    return CompiledSet(
        set=indicator_set,
        nodes=nodes,
        order=order,
        post=post,
        leaves=leaves,
        core_leaves=[n for n in leaves if n.kind == "core"],
        levelled_leaves=[n for n in leaves if n.kind == "core" and n.levelled],
        vetoes=[n for n in leaves if n.kind == "veto"],
        peer_leaves=[n for n in leaves if n.method in ("rank", "minmax")],
        digits=indicator_set.rounding.digits,
        quantum=Decimal(1).scaleb(-indicator_set.rounding.digits),
        rounding=ROUND_HALF_UP if mode == "half_up" else ROUND_HALF_EVEN,
        each_level=indicator_set.rounding.each_level,
        full_score=indicator_set.full_score,
        bonus_cap=indicator_set.bonus_cap,
        problems=problems,
        leaf_rollup=leaf_rollup,
    )


def compile_checked(indicator_set: IndicatorSet) -> CompiledSet:
    """Compile and refuse a set whose structure cannot be scored."""
    cs = compile_set(indicator_set)
    if cs.problems:
        raise AssessorError(cs.problems)
    return cs


def _normalize(nodes: dict[str, CNode], kids: list[CNode], points: Decimal) -> None:
    total = sum((k.max for k in kids if k.kind == "core"), ZERO)
    if total == 0 or total == points:
        return
    factor = points / total
    for k in kids:
        if k.kind == "core":
            _scale(nodes, k, factor)


def _scale(nodes: dict[str, CNode], cn: CNode, factor: Decimal) -> None:
    cn.max = cn.max * factor
    for cid in cn.children:
        _scale(nodes, nodes[cid], factor)


def _post_order(nodes: dict[str, CNode]) -> list[CNode]:
    out: list[CNode] = []
    stack: list[tuple[CNode, bool]] = [(nodes[ROOT], False)]
    while stack:
        cn, done = stack.pop()
        if done:
            out.append(cn)
            continue
        stack.append((cn, True))
        for cid in reversed(cn.children):
            stack.append((nodes[cid], False))
    return out
