"""A small, safe formula language for `value:` (spec §1.2).

Numbers, input names, `+ - * / ( )`, comparisons, `and or not`, and the functions
`min max abs round if`. Parsed by hand into closures over `Decimal`; never Python `eval`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation
from functools import lru_cache

from assessor.text.catalogue import said

Env = Mapping[str, Decimal]
Fn = Callable[[Env], Decimal]

ONE = Decimal(1)
ZERO = Decimal(0)
FUNCTIONS = ("min", "max", "abs", "round", "if")
#: A formula's size and nesting: far above any real rule, far below Python's recursion limit
#: (parsing and evaluating recurse once per level).
MAX_FORMULA_CHARS = 2_000
MAX_TOKENS = 400
MAX_DEPTH = 32

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
            raise FormulaError(said("lint.formula.missing_input", names=names))
        try:
            return self.fn(env)
        except (DivisionByZero, ZeroDivisionError):
            raise FormulaError(said("lint.formula.division_by_zero", formula=self.text)) from None
        except InvalidOperation:
            raise FormulaError(said("lint.formula.invalid", formula=self.text)) from None


def _b(x: bool) -> Decimal:
    return ONE if x else ZERO


class _Parser:
    def __init__(self, text: str) -> None:
        if len(text) > MAX_FORMULA_CHARS:
            raise FormulaError(
                said(
                    "lint.formula.too_many_chars",
                    formula=repr(_cut(text)),
                    length=len(text),
                    limit=MAX_FORMULA_CHARS,
                )
            )
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
                    said(
                        "lint.formula.bad_character",
                        bad=repr(bad),
                        column=col,
                        formula=repr(text),
                    )
                )
            kind = m.lastgroup or ""
            self.tokens.append((kind, m.group(kind), m.start(kind)))
            pos = m.end()
            if len(self.tokens) > MAX_TOKENS:
                raise FormulaError(
                    said("lint.formula.too_many_tokens", formula=repr(_cut(text)), limit=MAX_TOKENS)
                )
        self.i = 0
        self.depth = 0
        self.names: set[str] = set()

    def deeper(self) -> None:
        """One more level of ( ), a function call or a sign; refuse beyond MAX_DEPTH."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError(
                said("lint.formula.too_deep", formula=repr(_cut(self.text)), limit=MAX_DEPTH)
            )

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str, int]:
        tok = self.peek()
        if tok is None:
            raise FormulaError(said("lint.formula.ends_early", formula=repr(self.text)))
        if value is not None and tok[1] != value:
            raise FormulaError(
                said(
                    "lint.formula.expected",
                    token=repr(value),
                    column=tok[2] + 1,
                    formula=repr(self.text),
                )
            )
        self.i += 1
        return tok

    def at(self, *values: str) -> bool:
        tok = self.peek()
        return tok is not None and tok[1] in values

    def parse(self) -> Formula:
        if not self.tokens:
            raise FormulaError(said("lint.formula.empty"))
        fn = self.or_()
        tok = self.peek()
        if tok is not None:
            raise self.unexpected(tok[1], tok[2])
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
            self.deeper()
            inner = self.not_()
            self.depth -= 1
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
            self.deeper()
            inner = self.unary()
            self.depth -= 1
            return lambda e: -inner(e)
        if self.at("+"):
            self.take()
            self.deeper()
            plus = self.unary()
            self.depth -= 1
            return plus
        return self.primary()

    def primary(self) -> Fn:
        tok = self.take()
        kind, text, pos = tok
        if kind == "num":
            value = Decimal(text)
            return lambda e: value
        if text == "(":
            self.deeper()
            inner = self.or_()
            self.take(")")
            self.depth -= 1
            return inner
        if kind == "name":
            if text in ("and", "or", "not"):
                raise self.unexpected(text, pos)
            if self.at("("):
                return self.call(text, pos)
            if text in FUNCTIONS:
                raise FormulaError(
                    said("lint.formula.needs_arguments", name=text, formula=repr(self.text))
                )
            self.names.add(text)
            return lambda e: e[text]
        raise self.unexpected(text, pos)

    def unexpected(self, token: str, pos: int) -> FormulaError:
        """The refusal of `token`, found at index `pos` of the formula where it cannot stand."""
        return FormulaError(
            said(
                "lint.formula.unexpected",
                token=repr(token),
                column=pos + 1,
                formula=repr(self.text),
            )
        )

    def call(self, name: str, pos: int) -> Fn:
        if name not in FUNCTIONS:
            raise FormulaError(
                said(
                    "lint.formula.unknown_function",
                    name=repr(name),
                    formula=repr(self.text),
                    allowed=", ".join(FUNCTIONS),
                )
            )
        self.take("(")
        self.deeper()
        args: list[Fn] = []
        if not self.at(")"):
            args.append(self.or_())
            while self.at(","):
                self.take()
                args.append(self.or_())
        self.take(")")
        self.depth -= 1

        def arity(lo: int, hi: int) -> None:
            if not lo <= len(args) <= hi:
                want = str(lo) if lo == hi else f"{lo}–{hi}"
                raise FormulaError(
                    said(
                        "lint.formula.arity",
                        name=name,
                        want=want,
                        got=len(args),
                        formula=repr(self.text),
                    )
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


def _cut(text: str) -> str:
    return text if len(text) <= 60 else text[:60] + "…"


@lru_cache(maxsize=2048)
def _parse(text: str) -> Formula:
    return _Parser(text).parse()


def parse_formula(text: str) -> Formula:
    """Parse `text` (once: a set's formulas are parsed when it is loaded, and the parse is
    kept); raises `FormulaError` naming the character that is not allowed, or the limit."""
    return _parse(str(text))
