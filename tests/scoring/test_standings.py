"""周亮晒: ranks on each dimension and the total, with moves against the previous week."""

from __future__ import annotations

from decimal import Decimal as D

from assessor.scoring import score
from assessor.scoring.standings import standings
from tests.scoring.helpers import assess, make_set

SET = make_set("""
full_score: 20
rank_points: {first: 100, step: 2}
tree:
  - {id: A, name: 业务应用成熟度, points: 10, children: [{id: A1, name: a, points: 10, method: points}]}
  - {id: B, name: 公共数据共享度, points: 10, children: [{id: B1, name: b, points: 10, method: points}]}
""")


def week(period: str, values: dict[str, tuple[int, int]]) -> list:
    data = {u: {"A1": a, "B1": b} for u, (a, b) in values.items()}
    return score(SET, assess(data, period=period))


def test_each_dimension_and_the_total_are_ranked_with_moves_against_last_week() -> None:
    before = week("2021-W09", {"越城区": (9, 5), "柯桥区": (8, 8), "上虞区": (7, 2)})
    now = week("2021-W10", {"越城区": (6, 5), "柯桥区": (8, 9), "上虞区": (9, 5)})
    board = standings(SET, now, before)
    assert board.dimensions == ("A", "B")
    rows = {r.region: r for r in board.rows}
    # A: 上虞区 9 (1st, was 3rd: up 2), 柯桥区 8 (2nd, was 2nd), 越城区 6 (3rd, was 1st: down 2)
    assert [(rows[u].dimensions[0].rank, rows[u].dimensions[0].move) for u in ("上虞区", "柯桥区", "越城区")] == [
        (1, 2), (2, 0), (3, -2),
    ]  # fmt: skip
    # B: 柯桥区 9 first; 越城区 and 上虞区 tie on 5 (2nd, 2nd)
    assert [rows[u].dimensions[1].rank for u in ("柯桥区", "越城区", "上虞区")] == [1, 2, 2]
    # total: 柯桥区 17 (1st, was 1st 16), 上虞区 14 (2nd, was 3rd 9), 越城区 11 (3rd, was 2nd 14)
    assert [r.region for r in board.rows] == ["柯桥区", "上虞区", "越城区"]
    assert rows["上虞区"].total.move == 1 and rows["上虞区"].total.change == D(5)
    assert rows["越城区"].total.change == D(-3)
    assert rows["柯桥区"].rank_points == 100 and rows["越城区"].rank_points == 96


def test_a_unit_new_this_week_has_no_move() -> None:
    before = week("2021-W09", {"越城区": (9, 5)})
    now = week("2021-W10", {"越城区": (6, 5), "新昌县": (1, 1)})
    rows = {r.region: r for r in standings(SET, now, before).rows}
    assert rows["新昌县"].total.move is None and rows["新昌县"].total.previous_rank is None
    assert rows["越城区"].total.move == 0
