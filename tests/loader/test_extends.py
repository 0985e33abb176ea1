"""`extends`: a child set starts from its parent and overrides, removes or adds nodes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from assessor.loader import load_set
from assessor.model.indicator_set import InnerNode, RatioLeaf, walk
from tests.loader.helpers import only, set_problems, write

PARENT = """\
id: parent
name: 父集
full_score: 100
rounding: {digits: 1}
tree:
  - id: A
    name: 甲
    points: 60
    children:
      - {id: A1, name: 一, points: 30, method: check}
      - {id: A2, name: 二, points: 30, method: bands, input: {min: 0}, bands: [{min: 0, score: 1}]}
  - id: B
    name: 乙
    points: 40
    children:
      - {id: B1, name: 三, points: 40, method: check}
"""


def ids(path: Path) -> list[str]:
    return [n.id for n in walk(load_set(path).tree)]


def test_a_child_inherits_the_tree_and_replaces_top_level_keys(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", PARENT)
    child = write(tmp_path, "child.yaml", "id: child\nname: 子集\nextends: parent\n")
    s = load_set(child)
    assert (s.id, s.name) == ("child", "子集")
    assert s.rounding.digits == 1
    assert [n.id for n in walk(s.tree)] == ["A", "A1", "A2", "B", "B1"]
    assert s.extends is None and s.override is None and s.add is None and s.remove is None


def test_override_replaces_keys_of_a_node(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", PARENT)
    child = write(
        tmp_path,
        "child.yaml",
        "id: child\nname: 子\nextends: parent\noverride:\n  A: {points: 50, normalize: true}\n",
    )
    a = load_set(child).tree[0]
    assert isinstance(a, InnerNode)
    assert (a.points, a.normalize) == (Decimal(50), True)


def test_override_may_change_the_method_and_drops_the_old_methods_keys(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", PARENT)
    child = write(
        tmp_path,
        "child.yaml",
        "id: child\nname: 子\nextends: parent\noverride:\n  A2: {method: ratio, target: 80}\n",
    )
    a2 = load_set(child).tree[0].children[1]  # type: ignore[union-attr]
    assert isinstance(a2, RatioLeaf)
    assert a2.target == 80 and a2.input is not None  # `input` still fits a ratio leaf


def test_override_with_points_replaces_a_share(tmp_path: Path) -> None:
    write(
        tmp_path,
        "parent.yaml",
        PARENT.replace("points: 40, method: check", "share: 100, method: check"),
    )
    child = write(
        tmp_path,
        "child.yaml",
        "id: child\nname: 子\nextends: parent\noverride:\n  B1: {points: 40}\n",
    )
    b1 = load_set(child).tree[1].children[0]  # type: ignore[union-attr]
    assert (b1.points, b1.share) == (Decimal(40), None)


def test_remove_drops_nodes_with_their_children(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", PARENT)
    child = write(tmp_path, "child.yaml", "id: child\nname: 子\nextends: parent\nremove: [A2, B]\n")
    assert ids(child) == ["A", "A1"]


def test_add_places_nodes_under_a_parent_after_a_sibling_or_at_the_top(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", PARENT)
    child = write(
        tmp_path,
        "child.yaml",
        """\
        id: child
        name: 子
        extends: parent
        add:
          - under: A
            after: A1
            node: {id: A9, name: 新, points: 1, method: check}
          - node: {id: C, name: 丙, points: 5, kind: bonus, method: check}
          - under: B
            node: {id: B2, name: 四, points: 1, method: check}
        """,
    )
    assert ids(child) == ["A", "A1", "A9", "A2", "B", "B1", "B2", "C"]


def test_a_parent_can_be_named_by_relative_path(tmp_path: Path) -> None:
    (tmp_path / "base").mkdir()
    write(tmp_path / "base", "p.yaml", PARENT)
    child = write(tmp_path, "child.yaml", "id: child\nname: 子\nextends: base/p.yaml\n")
    assert ids(child)[0] == "A"


def test_a_parent_is_found_by_the_id_it_declares(tmp_path: Path) -> None:
    write(tmp_path, "some-other-name.yaml", PARENT)
    child = write(tmp_path, "child.yaml", "id: child\nname: 子\nextends: parent\n")
    assert ids(child)[0] == "A"


def test_extends_chains_through_grandparents(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", PARENT)
    write(
        tmp_path,
        "mid.yaml",
        "id: mid\nname: 中\nextends: parent\nremove: [B1]\nadd: [{under: B, node: {id: B5, name: 五, points: 40, method: check}}]\n",
    )
    child = write(tmp_path, "child.yaml", "id: child\nname: 子\nextends: mid\nremove: [A2]\n")
    assert ids(child) == ["A", "A1", "B", "B5"]


def test_errors_in_inherited_nodes_point_at_the_parent_file(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", PARENT.replace("method: check}", "method: chek}", 1))
    child = write(tmp_path, "child.yaml", "id: child\nname: 子\nextends: parent\n")
    p = only(set_problems(child))
    assert (Path(p.file or "").name, p.line) == ("parent.yaml", 10)


def test_errors_in_overrides_point_at_the_child_file(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", PARENT)
    child = write(
        tmp_path,
        "child.yaml",
        "id: child\nname: 子\nextends: parent\noverride:\n  A1: {kind: bonu}\n",
    )
    p = only(set_problems(child))
    assert (Path(p.file or "").name, p.line) == ("child.yaml", 5)
    assert "core, bonus, penalty, veto" in p.message


def test_an_extends_cycle_names_both_files(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "id: a\nname: A\nextends: b\n")
    b = write(tmp_path, "b.yaml", "id: b\nname: B\nextends: a\n")
    p = only(set_problems(b), code="extends-cycle")
    assert "a.yaml" in p.message and "b.yaml" in p.message
    assert p.line == 3


def test_a_set_extending_itself_is_a_cycle(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", "id: a\nname: A\nextends: a\n")
    assert only(set_problems(a), code="extends-cycle")


def test_a_missing_parent_names_the_child_and_the_file_looked_for(tmp_path: Path) -> None:
    child = write(tmp_path, "child.yaml", "id: child\nname: 子\nextends: nowhere\n")
    p = only(set_problems(child), code="extends-missing")
    assert "child.yaml" in p.message and "nowhere.yaml" in p.message
    assert (Path(p.file or "").name, p.line) == ("child.yaml", 3)


def test_override_of_an_unknown_id_names_both_files_and_a_close_id(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", PARENT)
    child = write(
        tmp_path,
        "child.yaml",
        "id: child\nname: 子\nextends: parent\noverride:\n  A3: {points: 1}\n",
    )
    p = only(set_problems(child), code="extends-unknown-id")
    assert p.line == 5
    assert "child.yaml" in p.message and "parent.yaml" in p.message
    assert "did you mean" in p.message


def test_remove_and_add_of_unknown_ids_are_all_reported(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", PARENT)
    child = write(
        tmp_path,
        "child.yaml",
        """\
        id: child
        name: 子
        extends: parent
        remove: [ZZ]
        add:
          - {under: QQ, node: {id: N1, name: n, points: 1, method: check}}
          - {under: A1, node: {id: N2, name: n, points: 1, method: check}}
          - {under: A, after: XX, node: {id: N3, name: n, points: 1, method: check}}
        """,
    )
    problems = set_problems(child)
    assert [p.line for p in problems] == [4, 6, 7, 8]
    assert "is a leaf" in problems[2].message


def test_an_added_node_with_an_existing_id_is_a_duplicate(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", PARENT)
    child = write(
        tmp_path,
        "child.yaml",
        "id: child\nname: 子\nextends: parent\nadd:\n  - {under: B, node: {id: A1, name: x, points: 1, method: check}}\n",
    )
    p = only(set_problems(child), code="duplicate-id")
    assert "parent.yaml:10" in p.message


def test_override_without_extends_is_an_error(tmp_path: Path) -> None:
    path = write(
        tmp_path, "s.yaml", PARENT.replace("id: parent", "id: p\noverride: {A: {points: 1}}")
    )
    assert "only makes sense with `extends" in only(set_problems(path)).message


def test_the_bundled_local_variant_resolves_its_county_parent() -> None:
    s = load_set(Path(__file__).parents[2] / "indicators" / "sd-county-2020-local-example.yaml")
    nodes = {n.id: n for n in walk(s.tree)}
    assert {"LC-01", "LC-02", "LC-03"} <= set(nodes)
    assert nodes["D1"].points == 30
