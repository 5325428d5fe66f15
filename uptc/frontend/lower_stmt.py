"""Lowering statements: assignment, control flow (if, while, for, break,
continue, return), exceptions (try/except/else/finally, raise, assert),
with, del, import, global/nonlocal.

Leaving a try/finally or a with block early (return, break, continue) runs
the finally body / __exit__ on the way out: the code is emitted again at
each such exit, innermost first (ctx.unwind), as CPython's compiler does.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING

from uptc.frontend.lower_expr import binop_symbol
from uptc.ir.ops import (
    LoadInt,
    ArrayGet,
    BasicBlock,
    Branch,
    BuildArray,
    CCompare,
    LoadStatic,
    RaiseStandardError,
    Register,
    Return,
    SetSlot,
    Value,
)
from uptc.ir.rtypes import RInstance, bool_rt, int_rt, list_rt, object_rt, str_rt
from uptc.primitives import generic_ops, int_ops, list_ops, misc_ops
from uptc.primitives.module_ops import ALIASES, MODULES

if TYPE_CHECKING:
    from uptc.frontend.lower import Lowerer, Unwind

IterSpec = tuple[str, list[Value]]  # ("range", [start, stop, step?]) or ("iter", [iterable])


class StmtLowering:
    def stmts(self: Lowerer, body: list[ast.stmt]) -> None:
        for s in body:
            self.stmt(s)

    def stmt(self: Lowerer, node: ast.stmt) -> None:
        self.set_line(node)
        if self.ctx.fn.is_module_body and self.ctx.class_ir is None:
            self.module_line = node.lineno
        m = getattr(self, "s_" + type(node).__name__, None)
        if m is None:
            raise self.error(node, f"'{type(node).__name__}' statements are not supported yet")
        m(node)

    # ---- simple statements -------------------------------------------------

    def s_Expr(self: Lowerer, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Constant):
            return  # docstrings and other bare constants
        self.expr(node.value)

    def s_Pass(self: Lowerer, node: ast.Pass) -> None:
        pass

    def s_Global(self: Lowerer, node: ast.Global) -> None:
        pass

    def s_Nonlocal(self: Lowerer, node: ast.Nonlocal) -> None:
        pass

    def s_Assign(self: Lowerer, node: ast.Assign) -> None:
        if len(node.targets) == 1 and isinstance(node.targets[0], (ast.Tuple, ast.List)) and \
                isinstance(node.value, (ast.Tuple, ast.List)) and \
                len(node.targets[0].elts) == len(node.value.elts) and \
                not any(isinstance(e, ast.Starred) for e in node.targets[0].elts + node.value.elts):
            # a, b = b, a: evaluate everything, then assign left to right
            values = [self.copy_if_register(self.expr(e)) for e in node.value.elts]
            for t, v in zip(node.targets[0].elts, values):
                self.assign_target(t, v)
            return
        value = self.expr(node.value)
        for t in node.targets:
            self.assign_target(t, value)

    def copy_if_register(self: Lowerer, v: Value) -> Value:
        """A variable's current value, safe from later assignments to it."""
        if isinstance(v, Register):
            t = self.b.temp(v.type)
            self.b.assign(t, v)
            return t
        return v

    def s_AnnAssign(self: Lowerer, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.assign_target(node.target, self.expr(node.value))

    def assign_target(self: Lowerer, target: ast.AST, value: Value) -> None:
        self.set_line(target)
        if isinstance(target, ast.Name):
            self.store_var(target.id, value, target)
        elif isinstance(target, ast.Attribute):
            obj = self.expr(target.value)
            self.set_attr(obj, target.attr, value, target)
        elif isinstance(target, ast.Subscript):
            obj = self.expr(target.value)
            if isinstance(target.slice, ast.Slice):
                index = self.x_Slice(target.slice)
            else:
                index = self.expr(target.slice)
            self.set_item(obj, index, value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            self.unpack(target.elts, value, target)
        elif isinstance(target, ast.Starred):
            raise self.error(target, "a starred assignment target must be in a list or tuple")
        else:
            raise self.error(target, "cannot assign to this expression")

    def set_attr(self: Lowerer, obj: Value, attr: str, value: Value, node: ast.AST) -> None:
        t = obj.type
        if isinstance(t, RInstance):
            cls = t.class_ir
            idx = cls.slot_index(attr)
            if idx is not None and cls.lookup_method(attr) is None and \
                    cls.method_kinds.get(attr) != "property":
                st = cls.slot_types.get(attr, object_rt)
                v = self.b.coerce(value, st) if st is not object_rt else value
                self.b.add(SetSlot(obj, idx, attr, self.b.box(v)))
                return
        self.b.call_c(generic_ops.setattr_, [self.b.box(obj), self.qstr(attr), self.b.box(value)])

    def set_item(self: Lowerer, obj: Value, index: Value, value: Value) -> None:
        if obj.type is list_rt and index.type is int_rt:
            self.b.call_c(list_ops.list_setitem_int, [obj, index, value])
            return
        self.b.call_c(generic_ops.setitem, [self.b.box(obj), self.b.box(index), self.b.box(value)])

    def unpack(self: Lowerer, elts: list[ast.expr], value: Value, node: ast.AST) -> None:
        stars = [i for i, e in enumerate(elts) if isinstance(e, ast.Starred)]
        if len(stars) > 1:
            raise self.error(node, "multiple starred expressions in assignment")
        n = len(elts)
        placeholders = [self.b.null() for _ in range(n)]
        buf = self.b.add(BuildArray(placeholders))
        if stars:
            before = stars[0]
            after = n - before - 1
            self.b.call_c(generic_ops.unpack_ex, [self.b.box(value), self.b.load_cint(before),
                                                  self.b.load_cint(after), buf])
        else:
            self.b.call_c(generic_ops.unpack, [self.b.box(value), self.b.load_cint(n), buf])
        items = [self.b.add(ArrayGet(buf, i)) for i in range(n)]
        for e, v in zip(elts, items):
            if isinstance(e, ast.Starred):
                from uptc.ir.ops import Cast

                self.assign_target(e.value, self.b.add(Cast(v, list_rt)))
            else:
                self.assign_target(e, v)

    def s_AugAssign(self: Lowerer, node: ast.AugAssign) -> None:
        op = binop_symbol(node.op)
        t = node.target
        if isinstance(t, ast.Name):
            cur = self.load_var(t.id, t)
            rhs = self.expr(node.value)
            self.set_line(node)
            self.store_var(t.id, self.binary_op(op, cur, rhs, inplace=True), t)
        elif isinstance(t, ast.Attribute):
            obj = self.expr(t.value)
            cur = self.get_attr(obj, t.attr, t)
            rhs = self.expr(node.value)
            self.set_line(node)
            self.set_attr(obj, t.attr, self.binary_op(op, cur, rhs, inplace=True), t)
        elif isinstance(t, ast.Subscript):
            obj = self.expr(t.value)
            index = self.x_Slice(t.slice) if isinstance(t.slice, ast.Slice) else self.expr(t.slice)
            cur = self.b.call_c(generic_ops.getitem, [self.b.box(obj), self.b.box(index)])
            rhs = self.expr(node.value)
            self.set_line(node)
            self.set_item(obj, index, self.binary_op(op, cur, rhs, inplace=True))
        else:
            raise self.error(t, "cannot assign to this expression")

    def s_Delete(self: Lowerer, node: ast.Delete) -> None:
        for t in node.targets:
            self.set_line(t)
            if isinstance(t, ast.Name):
                self.delete_var(t.id, t)
            elif isinstance(t, ast.Attribute):
                obj = self.expr(t.value)
                self.b.call_c(generic_ops.delattr_, [self.b.box(obj), self.qstr(t.attr)])
            elif isinstance(t, ast.Subscript):
                obj = self.expr(t.value)
                index = self.x_Slice(t.slice) if isinstance(t.slice, ast.Slice) else self.expr(t.slice)
                self.b.call_c(generic_ops.delitem, [self.b.box(obj), self.b.box(index)])
            elif isinstance(t, (ast.Tuple, ast.List)):
                self.s_Delete(ast.Delete(targets=t.elts, lineno=node.lineno,
                                         col_offset=node.col_offset))
            else:
                raise self.error(t, "cannot delete this expression")

    def failing_import(self: Lowerer, node: ast.Import | ast.ImportFrom) -> bool:
        message = self.info.failing_imports.get(id(node))
        if message is None:
            return False
        self.set_line(node)
        self.b.add(RaiseStandardError("ImportError", message))
        self.b.unreachable()
        return True

    def s_Import(self: Lowerer, node: ast.Import) -> None:
        if self.failing_import(node):
            return
        for a in node.names:
            mod = ALIASES.get(a.name, a.name)
            desc = MODULES[mod]
            bound = a.asname or a.name
            if self.ctx.fn.is_module_body and self.ctx.class_ir is None and \
                    self.info.module_imports.get(bound) == mod:
                continue  # every use is resolved at build time (load_var)
            self.store_var(a.asname or a.name, self.b.add(LoadStatic("&" + desc.symbol, object_rt,
                                                                      ann=mod)), node)

    def s_ImportFrom(self: Lowerer, node: ast.ImportFrom) -> None:
        if self.failing_import(node):
            return
        mod = ALIASES.get(node.module or "", node.module or "")
        for a in node.names:
            self.store_var(a.asname or a.name, self.module_attr(mod, a.name, node), node)

    # ---- control flow -----------------------------------------------------------

    def s_If(self: Lowerer, node: ast.If) -> None:
        yes, no = self.b.new_block(), self.b.new_block()
        after = self.b.new_block() if node.orelse else no
        self.cond(node.test, yes, no)
        self.b.activate(yes)
        self.stmts(node.body)
        self.b.goto(after)
        if node.orelse:
            self.b.activate(no)
            self.stmts(node.orelse)
            self.b.goto(after)
        self.b.activate(after)

    def s_While(self: Lowerer, node: ast.While) -> None:
        from uptc.frontend.lower import LoopTarget

        head, body, orelse, after = (self.b.new_block() for _ in range(4))
        self.b.goto_and_activate(head)
        self.cond(node.test, body, orelse)
        self.b.activate(body)
        self.ctx.loops.append(LoopTarget(head, after, len(self.ctx.unwind)))
        self.stmts(node.body)
        self.ctx.loops.pop()
        self.b.goto(head)
        self.b.activate(orelse)
        self.stmts(node.orelse)
        self.b.goto(after)
        self.b.activate(after)

    def s_For(self: Lowerer, node: ast.For) -> None:
        self.for_loop(node.target, node.iter, None, lambda: self.stmts(node.body), node.orelse, node)

    def eval_iter(self: Lowerer, iter_node: ast.AST) -> IterSpec:
        """Evaluate what a for loop iterates over: range(...) arguments (for
        the counting loop) or the iterable."""
        if isinstance(iter_node, ast.Call) and isinstance(iter_node.func, ast.Name) and \
                iter_node.func.id == "range" and not iter_node.keywords and \
                1 <= len(iter_node.args) <= 3 and \
                not any(isinstance(a, ast.Starred) for a in iter_node.args) and \
                self.lookup_scope("range")[1] == "global" and \
                "range" not in self.info.scopes.module.assigned:
            args = [self.expr(a) for a in iter_node.args]
            step_ok = len(args) < 3 or (isinstance(iter_node.args[2], (ast.Constant, ast.UnaryOp))
                                        and self.const_int(iter_node.args[2]) not in (None, 0))
            if step_ok and all(a.type in (int_rt, object_rt, bool_rt) for a in args):
                # range() takes ints, bools and objects with __index__: as ints.
                self.set_line(iter_node)
                ints = [a if a.type is int_rt else self.b.call_c(index_obj, [self.b.box(a)])
                        for a in args]
                return ("range", ints)
            self.set_line(iter_node)
            rng = self.b.call_c(generic_ops.call, [
                self.b.add(LoadStatic("&up_type_range", object_rt, ann="range")),
                self.b.load_cint(len(args)), self.b.array(args), self.b.null()])
            return ("iter", [rng])
        return ("iter", [self.expr(iter_node)])

    def const_int(self: Lowerer, node: ast.AST) -> int | None:
        from uptc.frontend.lower_expr import _const_value

        ok, v = _const_value(node)
        return v if ok and isinstance(v, int) and not isinstance(v, bool) else None  # type: ignore[return-value]

    def for_loop(self: Lowerer, target: ast.AST, iter_node: ast.AST, first: IterSpec | Value | None,
                 body: Callable[[], None], orelse: list[ast.stmt] | None, node: ast.AST) -> None:
        from uptc.frontend.lower import LoopTarget

        if first is None:
            spec = self.eval_iter(iter_node)
        elif isinstance(first, tuple):
            spec = first
        else:
            spec = ("iter", [first])
        b = self.b
        head, body_block, next_block, orelse_block, after = (b.new_block() for _ in range(5))
        if spec[0] == "range":
            args = spec[1]
            if len(args) == 1:
                start, stop, step = b.load_int(0), args[0], 1
            else:
                start, stop = args[0], args[1]
                step = self.const_int(iter_node.args[2]) if len(args) == 3 else 1  # type: ignore[attr-defined]
            counter = b.temp(int_rt)
            end = b.temp(int_rt)
            # With constant bounds, the counter's values are known (the loop
            # condition keeps it there): uptc/passes/intrange.py uses this.
            lo = start.value if isinstance(start, LoadInt) else None
            hi = stop.value if isinstance(stop, LoadInt) else None
            if lo is not None and hi is not None:
                if step > 0:
                    counter.int_range = (lo, max(lo, hi - 1 + step))  # type: ignore[attr-defined]
                else:
                    counter.int_range = (min(lo, hi + 1 + step), lo)  # type: ignore[attr-defined]
            b.assign(counter, start)
            b.assign(end, stop)
            b.goto_and_activate(head)
            cmp = "<" if step > 0 else ">"
            ok = b.call_c(int_ops.INT_COMPARE[cmp], [counter, end])
            b.branch(ok, body_block, orelse_block)
            b.activate(body_block)
            self.assign_target(target, counter)
            self.ctx.loops.append(LoopTarget(next_block, after, len(self.ctx.unwind)))
            body()
            self.ctx.loops.pop()
            b.goto(next_block)
            b.activate(next_block)
            self.set_line(node)
            b.assign(counter, b.call_c(int_ops.INT_BINARY["+"], [counter, b.load_int(step)]))
            b.goto(head)
        else:
            self.set_line(node)
            it = b.temp(object_rt)
            b.assign(it, b.call_c(generic_ops.getiter, [b.box(spec[1][0])]))
            b.goto_and_activate(head)
            self.set_line(node)
            x = b.call_c(generic_ops.iternext, [it])
            done = b.add(CCompare("==", x, b.add(LoadStatic("UP_STOP", object_rt))))
            b.branch(done, orelse_block, body_block)
            b.activate(body_block)
            self.assign_target(target, x)
            self.ctx.loops.append(LoopTarget(head, after, len(self.ctx.unwind)))
            body()
            self.ctx.loops.pop()
            b.goto(head)
        b.activate(orelse_block)
        if orelse:
            self.stmts(orelse)
        b.goto(after)
        b.activate(after)

    def for_each(self: Lowerer, iterable: Value, body: Callable[[Value], object], node: ast.AST) -> None:
        """Run body(x) for each x of an iterable (no Python target)."""
        b = self.b
        it = b.temp(object_rt)
        b.assign(it, b.call_c(generic_ops.getiter, [b.box(iterable)]))
        head, body_block, after = b.new_block(), b.new_block(), b.new_block()
        b.goto_and_activate(head)
        x = b.call_c(generic_ops.iternext, [it])
        done = b.add(CCompare("==", x, b.add(LoadStatic("UP_STOP", object_rt))))
        b.branch(done, after, body_block)
        b.activate(body_block)
        body(x)
        b.goto(head)
        b.activate(after)

    def s_Break(self: Lowerer, node: ast.Break) -> None:
        loop = self.ctx.loops[-1]
        self.run_unwinds(loop.unwind_depth)
        self.b.goto(loop.break_block)

    def s_Continue(self: Lowerer, node: ast.Continue) -> None:
        loop = self.ctx.loops[-1]
        self.run_unwinds(loop.unwind_depth)
        self.b.goto(loop.continue_block)

    def s_Return(self: Lowerer, node: ast.Return) -> None:
        if self.ctx.fn.is_module_body:
            raise self.error(node, "'return' outside function")
        value = self.expr(node.value) if node.value is not None else self.b.none()
        value = self.b.box(value)
        if self.ctx.unwind:
            keep = self.b.temp(object_rt)
            self.b.assign(keep, value)
            self.run_unwinds(0)
            value = keep
        self.b.add(Return(value))

    def run_unwinds(self: Lowerer, depth: int) -> None:
        """Run the finally bodies / __exit__ calls of the try and with
        statements being left, innermost first, down to depth."""
        saved = self.ctx.unwind
        saved_handler = self.b.error_handler
        for i in range(len(saved) - 1, depth - 1, -1):
            u = saved[i]
            self.ctx.unwind = saved[:i]
            self.switch_handler(u.outer_handler)
            self.run_unwind(u)
        self.ctx.unwind = saved
        self.switch_handler(saved_handler)

    def run_unwind(self: Lowerer, u: Unwind) -> None:
        if u.restore_handled is not None:
            self.b.call_c(misc_ops.exc_leave, [u.restore_handled])
        elif u.exit_manager is not None:
            none = self.b.none()
            self.call_exit(u.exit_manager, none, none, none)
        else:
            self.stmts_copy(u.finalbody)

    def switch_handler(self: Lowerer, handler: BasicBlock | None) -> None:
        """Make exceptions from here on go to handler (starts a new block)."""
        if self.b.error_handler is handler and self.b.block.error_handler is handler:
            return
        self.b.error_handler = handler
        if self.b.terminated:
            return  # the next op starts a new block with this handler
        nxt = self.b.new_block()
        self.b.goto(nxt)
        self.b.activate(nxt)

    # ---- exceptions ---------------------------------------------------------------

    def s_Raise(self: Lowerer, node: ast.Raise) -> None:
        if node.exc is None:
            if self.ctx.handled:
                self.b.call_c(misc_ops.reraise, [self.ctx.handled[-1]])
            else:
                self.b.add(RaiseStandardError("RuntimeError", "No active exception to reraise"))
            self.b.unreachable()
            return
        exc = self.b.box(self.expr(node.exc))
        if node.cause is not None:
            cause = self.b.box(self.expr(node.cause))
            self.set_line(node)
            self.b.call_c(misc_ops.raise_from, [exc, cause])
        else:
            self.set_line(node)
            self.b.call_c(misc_ops.raise_, [exc])
        self.b.unreachable()

    def s_Assert(self: Lowerer, node: ast.Assert) -> None:
        ok, bad = self.b.new_block(), self.b.new_block()
        self.cond(node.test, ok, bad)
        self.b.activate(bad)
        msg = self.b.box(self.expr(node.msg)) if node.msg is not None else self.b.null()
        self.set_line(node)
        self.b.call_c(misc_ops.assert_fail, [msg])
        self.b.unreachable()
        self.b.activate(ok)

    def s_Try(self: Lowerer, node: ast.Try) -> None:
        if node.finalbody:
            self.try_finally(node)
        else:
            self.try_except(node.body, node.handlers, node.orelse)

    def protected(self: Lowerer, handler: BasicBlock, body: Callable[[], None]) -> None:
        """Lower body with exceptions going to handler."""
        outer = self.b.error_handler
        self.switch_handler(handler)
        body()
        self.switch_handler(outer)

    def try_except(self: Lowerer, body: list[ast.stmt], handlers: list[ast.ExceptHandler],
                   orelse: list[ast.stmt]) -> None:
        b = self.b
        if not handlers:
            self.stmts(body)
            self.stmts(orelse)
            return
        entry = b.new_block()  # inherits the outer handler
        after = b.new_block()
        self.protected(entry, lambda: self.stmts(body))
        self.stmts(orelse)
        b.goto(after)
        b.activate(entry)
        exc = b.temp(object_rt)
        b.assign(exc, b.call_c(misc_ops.exc_fetch, []))
        self.handling(exc, lambda done: self.match_handlers(exc, handlers, done))
        b.goto(after)
        b.activate(after)

    def handling(self: Lowerer, exc: Register, body: Callable[[BasicBlock], None]) -> None:
        """Run body(done) while exc is the exception being handled (the
        __context__ of anything raised meanwhile); body ends by jumping to
        done or by raising. Every way out restores the previous one."""
        from uptc.frontend.lower import Unwind

        b = self.b
        prev = b.temp(object_rt)
        b.assign(prev, b.call_c(misc_ops.exc_enter, [exc]))
        cleanup, done = b.new_block(), b.new_block()
        self.ctx.unwind.append(Unwind([], b.error_handler, restore_handled=prev))
        self.ctx.handled.append(exc)
        self.protected(cleanup, lambda: body(done))
        self.ctx.handled.pop()
        self.ctx.unwind.pop()
        b.activate(done)
        b.call_c(misc_ops.exc_leave, [prev])
        after = b.new_block()
        b.goto(after)
        b.activate(cleanup)
        again = b.temp(object_rt)
        b.assign(again, b.call_c(misc_ops.exc_fetch, []))
        b.call_c(misc_ops.exc_leave, [prev])
        b.call_c(misc_ops.reraise, [again])
        b.unreachable()
        b.activate(after)

    def match_handlers(self: Lowerer, exc: Register, handlers: list[ast.ExceptHandler],
                       done: BasicBlock) -> None:
        b = self.b
        for h in handlers:
            self.set_line(h)
            match, nxt = b.new_block(), b.new_block()
            if h.type is not None:
                typ = self.expr(h.type)
                self.set_line(h)
                m = b.call_c(misc_ops.exc_matches, [exc, b.box(typ)])
                b.branch(m, match, nxt)
            else:
                b.goto(match)
            b.activate(match)
            if h.name:
                self.store_var(h.name, exc, h)
            self.stmts(h.body)
            if h.name and not b.terminated:
                self.unbind(h.name, h)
            b.goto(done)
            b.activate(nxt)
        b.call_c(misc_ops.reraise, [exc])
        b.unreachable()

    def unbind(self: Lowerer, name: str, node: ast.AST) -> None:
        """`except E as name` unbinds name at the end of the handler."""
        scope, kind = self.lookup_scope(name)
        null = self.b.null()
        if kind in ("local", "inline") or (kind == "global" and self.global_is_register(name)):
            reg = self.inline_register(name) if kind == "inline" else self.ctx.vars[name]
            if reg.type.is_boxed:
                from uptc.ir.ops import Assign

                self.b.add(Assign(reg, null))
        elif kind == "global":
            from uptc.ir.ops import StoreGlobal

            self.b.add(StoreGlobal(self.module.global_index(name), name, null))

    def try_finally(self: Lowerer, node: ast.Try) -> None:
        from uptc.frontend.lower import Unwind

        b = self.b
        outer = b.error_handler
        exc_entry = b.new_block()  # inherits the outer handler
        after = b.new_block()
        self.ctx.unwind.append(Unwind(node.finalbody, outer))
        self.protected(exc_entry, lambda: self.try_except(node.body, node.handlers, node.orelse))
        self.ctx.unwind.pop()
        # Normal completion.
        self.stmts_copy(node.finalbody)
        b.goto(after)
        # An exception: run the finally body, then re-raise it.
        b.activate(exc_entry)
        exc = b.temp(object_rt)
        b.assign(exc, b.call_c(misc_ops.exc_fetch, []))

        def finally_then_reraise(done: BasicBlock) -> None:
            self.stmts_copy(node.finalbody)
            if not b.terminated:
                b.goto(done)

        self.handling(exc, finally_then_reraise)
        b.call_c(misc_ops.reraise, [exc])
        b.unreachable()
        b.activate(after)

    def s_With(self: Lowerer, node: ast.With) -> None:
        self.with_items(node.items, node)

    def with_items(self: Lowerer, items: list[ast.withitem], node: ast.With) -> None:
        from uptc.frontend.lower import Unwind

        if not items:
            self.stmts(node.body)
            return
        item = items[0]
        b = self.b
        mgr = b.temp(object_rt)
        b.assign(mgr, self.expr(item.context_expr))
        self.set_line(node)
        entered = self.call_method_named(mgr, "__enter__", [])
        if item.optional_vars is not None:
            self.assign_target(item.optional_vars, entered)
        outer = b.error_handler
        exc_entry = b.new_block()
        after = b.new_block()
        self.ctx.unwind.append(Unwind([], outer, exit_manager=mgr))
        self.protected(exc_entry, lambda: self.with_items(items[1:], node))
        self.ctx.unwind.pop()
        none = b.none()
        self.set_line(node)
        self.call_exit(mgr, none, none, none)
        b.goto(after)
        # An exception: __exit__(type, value, None); a true result swallows it.
        b.activate(exc_entry)
        exc = b.temp(object_rt)
        b.assign(exc, b.call_c(misc_ops.exc_fetch, []))
        typ = b.call_c(type_of_obj, [exc])
        r = self.call_exit(mgr, typ, exc, b.none())
        swallow = b.truth(r)
        reraise = b.new_block()
        b.branch(swallow, after, reraise)
        b.activate(reraise)
        b.call_c(misc_ops.reraise, [exc])
        b.unreachable()
        b.activate(after)

    def call_exit(self: Lowerer, mgr: Value, typ: Value, val: Value, tb: Value) -> Value:
        return self.call_method_named(mgr, "__exit__", [typ, val, tb])

    def call_method_named(self: Lowerer, obj: Value, name: str, args: list[Value]) -> Value:
        arr = self.b.array([obj] + args)
        return self.b.call_c(generic_ops.call_method, [self.qstr(name), self.b.load_cint(len(args) + 1),
                                                       arr, self.b.null()])

    # ---- definitions ------------------------------------------------------------

    def s_FunctionDef(self: Lowerer, node: ast.FunctionDef) -> None:
        fn_value = self.function_def(node)
        self.store_var(node.name, fn_value, node)

    def s_ClassDef(self: Lowerer, node: ast.ClassDef) -> None:
        self.class_def(node)


from uptc.primitives.registry import cfunc  # noqa: E402
from uptc.ir.ops import ErrorKind  # noqa: E402

type_of_obj = cfunc("up_type_of_obj", [object_rt], object_rt, ErrorKind.NEVER, is_inline=True)
index_obj = cfunc("up_index_obj", [object_rt], int_rt)

__all__ = ["StmtLowering", "Branch", "Register", "str_rt"]
