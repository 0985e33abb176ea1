"""A small, safe formula language for `value:` (spec §1.2).

Numbers, input names, `+ - * / ( )`, comparisons, `and or not`, and the functions
`min max abs round if`. Parsed by hand into closures over `Decimal`; never Python `eval`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation

from assessor.errors import Said

Env = Mapping[str, Decimal]
Fn = Callable[[Env], Decimal]

ONE = Decimal(1)
ZERO = Decimal(0)
FUNCTIONS = ("min", "max", "abs", "round", "if")

_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<num>\d+(?:\.\d*)?|\.\d+)"
    r"|(?P<name>[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]*)"
    r"|(?P<op><=|>=|==|!=|<>|[-+*/(),<>])"
    r")"
)


class FormulaError(ValueError):
    """A formula that cannot be parsed, or cannot be computed for these inputs."""


@dataclass(frozen=True)
class Formula:
    text: str
    names: frozenset[str]
    fn: Fn

    def evaluate(self, env: Env) -> Decimal:
        missing = self.names.difference(env)
        if missing:
            names = ", ".join(sorted(missing))
            raise FormulaError(Said(f"missing input {names}", f"缺少输入项 {names}"))
        try:
            return self.fn(env)
        except (DivisionByZero, ZeroDivisionError):
            raise FormulaError(
                Said(f"division by zero in {self.text}", f"{self.text} 中除数为 0")
            ) from None
        except InvalidOperation:
            raise FormulaError(
                Said(
                    f"cannot compute {self.text} (0/0 or invalid operation)",
                    f"无法计算 {self.text}（0/0 或无效运算）",
                )
            ) from None


def _b(x: bool) -> Decimal:
    return ONE if x else ZERO


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[tuple[str, str, int]] = []
        pos = 0
        stripped = text.rstrip()
        while pos < len(stripped):
            m = _TOKEN.match(stripped, pos)
            if not m or m.end() == pos:
                bad = stripped[pos:].lstrip()[:1]
                col = len(stripped) - len(stripped[pos:].lstrip()) + 1
                raise FormulaError(
                    f"unexpected {bad!r} at character {col} of formula {text!r}; allowed: "
                    "numbers, input names, + - * / ( ), comparisons, and or not, "
                    "min max abs round if"
                )
            kind = m.lastgroup or ""
            self.tokens.append((kind, m.group(kind), m.start(kind)))
            pos = m.end()
        self.i = 0
        self.names: set[str] = set()

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str, int]:
        tok = self.peek()
        if tok is None:
            raise FormulaError(f"formula {self.text!r} ends too early")
        if value is not None and tok[1] != value:
            raise FormulaError(f"expected {value!r} at character {tok[2] + 1} of {self.text!r}")
        self.i += 1
        return tok

    def at(self, *values: str) -> bool:
        tok = self.peek()
        return tok is not None and tok[1] in values

    def parse(self) -> Formula:
        if not self.tokens:
            raise FormulaError("empty formula")
        fn = self.or_()
        tok = self.peek()
        if tok is not None:
            raise FormulaError(f"unexpected {tok[1]!r} at character {tok[2] + 1} of {self.text!r}")
        return Formula(self.text, frozenset(self.names), fn)

    def or_(self) -> Fn:
        left = self.and_()
        while self.at("or"):
            self.take()
            right = self.and_()
            left = (lambda a, b: lambda e: _b(bool(a(e)) or bool(b(e))))(left, right)
        return left

    def and_(self) -> Fn:
        left = self.not_()
        while self.at("and"):
            self.take()
            right = self.not_()
            left = (lambda a, b: lambda e: _b(bool(a(e)) and bool(b(e))))(left, right)
        return left

    def not_(self) -> Fn:
        if self.at("not"):
            self.take()
            inner = self.not_()
            return lambda e: _b(not inner(e))
        return self.cmp()

    def cmp(self) -> Fn:
        left = self.add()
        if self.at("<", "<=", ">", ">=", "==", "!=", "<>"):
            op = self.take()[1]
            right = self.add()
            ops: dict[str, Callable[[Decimal, Decimal], bool]] = {
                "<": lambda a, b: a < b,
                "<=": lambda a, b: a <= b,
                ">": lambda a, b: a > b,
                ">=": lambda a, b: a >= b,
                "==": lambda a, b: a == b,
                "!=": lambda a, b: a != b,
                "<>": lambda a, b: a != b,
            }
            f = ops[op]
            return lambda e: _b(f(left(e), right(e)))
        return left

    def add(self) -> Fn:
        left = self.mul()
        while self.at("+", "-"):
            op = self.take()[1]
            right = self.mul()
            if op == "+":
                left = (lambda a, b: lambda e: a(e) + b(e))(left, right)
            else:
                left = (lambda a, b: lambda e: a(e) - b(e))(left, right)
        return left

    def mul(self) -> Fn:
        left = self.unary()
        while self.at("*", "/"):
            op = self.take()[1]
            right = self.unary()
            if op == "*":
                left = (lambda a, b: lambda e: a(e) * b(e))(left, right)
            else:
                left = (lambda a, b: lambda e: a(e) / b(e))(left, right)
        return left

    def unary(self) -> Fn:
        if self.at("-"):
            self.take()
            inner = self.unary()
            return lambda e: -inner(e)
        if self.at("+"):
            self.take()
            return self.unary()
        return self.primary()

    def primary(self) -> Fn:
        tok = self.take()
        kind, text, pos = tok
        if kind == "num":
            value = Decimal(text)
            return lambda e: value
        if text == "(":
            inner = self.or_()
            self.take(")")
            return inner
        if kind == "name":
            if text in ("and", "or", "not"):
                raise FormulaError(f"unexpected {text!r} at character {pos + 1} of {self.text!r}")
            if self.at("("):
                return self.call(text, pos)
            if text in FUNCTIONS:
                raise FormulaError(f"function {text} needs arguments in ( ) in {self.text!r}")
            self.names.add(text)
            return lambda e: e[text]
        raise FormulaError(f"unexpected {text!r} at character {pos + 1} of {self.text!r}")

    def call(self, name: str, pos: int) -> Fn:
        if name not in FUNCTIONS:
            raise FormulaError(
                f"unknown function {name!r} in {self.text!r}; allowed: {', '.join(FUNCTIONS)}"
            )
        self.take("(")
        args: list[Fn] = []
        if not self.at(")"):
            args.append(self.or_())
            while self.at(","):
                self.take()
                args.append(self.or_())
        self.take(")")

        def arity(lo: int, hi: int) -> None:
            if not lo <= len(args) <= hi:
                want = str(lo) if lo == hi else f"{lo}–{hi}"
                raise FormulaError(
                    f"{name}() takes {want} arguments, got {len(args)} in {self.text!r}"
                )

        if name == "min":
            arity(1, 99)
            return lambda e: min(a(e) for a in args)
        if name == "max":
            arity(1, 99)
            return lambda e: max(a(e) for a in args)
        if name == "abs":
            arity(1, 1)
            a0 = args[0]
            return lambda e: abs(a0(e))
        if name == "round":
            arity(1, 2)
            x = args[0]
            n = args[1] if len(args) == 2 else (lambda e: ZERO)
            return lambda e: x(e).quantize(ONE.scaleb(-int(n(e))), rounding=ROUND_HALF_UP)
        arity(3, 3)
        cond, yes, no = args
        return lambda e: yes(e) if cond(e) else no(e)


def parse_formula(text: str) -> Formula:
    """Parse `text`; raises `FormulaError` naming the character that is not allowed."""
    return _Parser(str(text)).parse()
