"""Pay only for what the program uses (uptc/features.py, uptc/linkgraph.py):
the runtime configuration chosen from the IR, the reference graph read from
object files, and the core types' slot groups closed over it.

Correctness of the choices is what the differential corpus checks (every
program runs with the configuration and groups chosen for it); these tests
pin the choices themselves on small programs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from uptc.backend_c.emit import HOST
from uptc.driver import build, compile_to_c
from uptc.features import runtime_config
from uptc.frontend.parse import parse_source
from uptc.linkgraph import archive_graph, object_graph

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _config(text: str) -> dict[str, int]:
    src = parse_source(text, "app.py")
    return runtime_config(compile_to_c(src, HOST).module)


@pytest.mark.parametrize("text,expected", [
    # only small ints, proven by the range analysis
    ("for i in range(10):\n    print(i * 2, i % 3)\n", (0, 0, 0)),
    ("print('a' + 'b', len('abc'))\n", (0, 0, 0)),
    # a float literal, true division, math
    ("x = 1.5\nprint(x)\n", (1, 0, 0)),
    ("def f(a, b):\n    return a / b\nprint(f(1, 2))\n", (1, 1, 0)),
    # an int operation the analysis cannot bound
    ("def f(a, b):\n    return a * b\nprint(f(3, 4))\n", (0, 1, 0)),
    ("print(12345678901234)\n", (0, 1, 0)),
    ("import sys\nprint(int(sys.argv[0] and '7'))\n", (0, 1, 0)),
    # formatting brings floats (e/f/g specs format ints through them)
    ("print('%d items' % 3)\n", (1, 0, 1)),
    ("print('{}'.format('x'))\n", (1, 0, 1)),
])
def test_runtime_config(text: str, expected: tuple[int, int, int]) -> None:
    cfg = _config(text)
    assert (cfg["UP_CFG_FLOAT"], cfg["UP_CFG_BIGINT"], cfg["UP_CFG_FORMAT"]) == expected, cfg


def test_blink_needs_no_slot_group_and_no_optional_feature(tmp_path: Path) -> None:
    res = build(EXAMPLES / "blink.py", "host", out_dir=tmp_path)
    assert res.config == {"UP_CFG_FLOAT": 0, "UP_CFG_BIGINT": 0, "UP_CFG_FORMAT": 0}
    assert res.groups == set()


def test_hello_prints_but_never_dispatches_operators(tmp_path: Path) -> None:
    res = build(EXAMPLES / "hello.py", "host", out_dir=tmp_path)
    assert "print:str" in res.groups
    kinds = {g.split(":")[0] for g in res.groups}
    assert kinds == {"print"}, sorted(res.groups)
    types_c = (tmp_path / "hello_types.c").read_text()
    assert ".print = up_str_print," in types_c and "binary_op" not in types_c


def test_a_subscript_enables_the_list_slots(tmp_path: Path) -> None:
    prog = tmp_path / "sub.py"
    prog.write_text("def first(xs):\n    return xs[0]\nprint(first([4, 5]), first('ab'))\n")
    res = build(prog, "host", out_dir=tmp_path / "out")
    assert {"subscr:list", "subscr:str", "print:int", "print:str"} <= res.groups
    r = subprocess.run([str(res.exe)], capture_output=True, text=True, timeout=30, check=False)
    assert (r.stdout, r.returncode) == ("4 a\n", 0)


# ---- the reference graph ------------------------------------------------------------

_C = """
static int helper(void) { return 1; }
int g(void) { return helper(); }
int f(void) { return g() + 1; }
int lonely(void) { return 2; }
const int table[2] = {1, 2};
int uses_table(int i) { return table[i] + external(i); }
int external(int);
"""


def _compile(tmp_path: Path, name: str, text: str) -> Path:
    src = tmp_path / f"{name}.c"
    src.write_text("int external(int);\n" + text)
    obj = tmp_path / f"{name}.o"
    subprocess.run(["gcc", "-O1", "-ffunction-sections", "-fdata-sections", "-fno-inline", "-c",
                    str(src), "-o", str(obj)], check=True)
    return obj


def test_object_graph_follows_relocations(tmp_path: Path) -> None:
    obj = _compile(tmp_path, "unit", _C)
    g, undefined = object_graph(obj.read_bytes(), "007-unit.o")
    assert undefined == {"external"}
    reach = g.reachable({"f"})
    assert {"f", "g", "unit.c:helper"} <= reach  # statics are named file:name
    assert "lonely" not in reach and "table" not in reach
    assert {"table", "external"} <= g.reachable({"uses_table"})


def test_archive_graph_reads_every_member_and_caches(tmp_path: Path) -> None:
    a = _compile(tmp_path, "000-first_with_a_long_member_name", "int a(void) { return b(); }\nint b(void);\n")
    b = _compile(tmp_path, "001-second", "int b(void) { return 3; }\n")
    lib = tmp_path / "lib.a"
    subprocess.run(["ar", "rcs", str(lib), str(a), str(b)], check=True)
    g = archive_graph(lib)
    assert g.reachable({"a"}) >= {"a", "b"}
    assert lib.with_suffix(".graph.json").is_file()
    assert archive_graph(lib).refs == g.refs  # from the cache


# ---- soundness: programs that reach a path by one use only -----------------------------
#
# A minimal program is where a reduction shows: nothing else pulls in the
# slots it needs. (The corpus has the language-only ones in
# tests/programs/reductions/; these use pyb, which CPython lacks.)

_PYB_PROGRAMS = {
    "switch_called": ("import pyb\nsw = pyb.Switch()\nsw()\n", "", 0),
    "led_from_variable": ("import pyb\nn = 2\npyb.LED(n).on()\n", "", 0),
    "led_out_of_range": ("import pyb\npyb.LED(9)\n", "ValueError: LED(9) doesn't exist", 1),
    "led_caught": ("import pyb\ntry:\n    pyb.LED(9)\nexcept ValueError as e:\n    print(e)\n",
                   "LED(9) doesn't exist", 0),
}


def _run_program(text: str, board: str, tmp_path: Path) -> tuple[str, str, int]:
    prog = tmp_path / "app.py"
    prog.write_text(text)
    res = build(prog, board, out_dir=tmp_path / "out")
    if res.exe is not None:
        r = subprocess.run([str(res.exe)], capture_output=True, text=True, timeout=30, check=False)
        return r.stdout, r.stderr, r.returncode
    import io

    from uptc.tools.qemu import run_firmware

    out, err = io.StringIO(), io.StringIO()
    status = run_firmware(res.elf, res.board, timeout=60, stdout=out, stderr=err, input=b"")
    return out.getvalue(), err.getvalue(), status


@pytest.mark.parametrize("board", ["host", pytest.param("pyboard", marks=pytest.mark.qemu)])
@pytest.mark.parametrize("name", sorted(_PYB_PROGRAMS))
def test_pyb_calls_in_minimal_programs(name: str, board: str, tmp_path: Path) -> None:
    text, expect, status = _PYB_PROGRAMS[name]
    out, err, rc = _run_program(text, board, tmp_path)
    assert rc == status, (out, err)
    assert expect in (out if status == 0 else err), (out, err)


def test_a_type_object_keeps_calling_it(tmp_path: Path) -> None:
    """int used as a value exists as an object of type `type`: its call slot
    and int's constructor are linked."""
    prog = tmp_path / "int_call.py"
    prog.write_text("x = int('42')\n")
    res = build(prog, "host", out_dir=tmp_path / "out")
    assert {"call:type", "new:int"} <= res.groups


def test_computed_names_keep_every_method(tmp_path: Path) -> None:
    from uptc.features import method_names
    import ast

    assert method_names(ast.parse("getattr(x, 'so' + 'rt')")) is None
    assert method_names(ast.parse("f = getattr")) is None
    assert method_names(ast.parse("fmt.format(1)")) is None
    names = method_names(ast.parse("x.append(1)\ngetattr(y, 'pop')\n'{0.upper}'.format(s)"))
    assert names is not None and {"append", "pop", "upper", "keys"} <= names
    assert "sort" not in names


def test_module_values_and_format_names_choose_the_configuration() -> None:
    assert _config("import math\nprint(math.pi)\n")["UP_CFG_FLOAT"] == 1
    assert _config("import sys\nprint(sys.maxsize)\n")["UP_CFG_BIGINT"] == 1
    assert _config("f = pow\nprint(f(2, -1))\n")["UP_CFG_FLOAT"] == 1
    cfg = _config("def f(s):\n    return s.format(1)\nprint(f('{:.1f}'))\n")
    assert cfg["UP_CFG_FORMAT"] == 1 and cfg["UP_CFG_FLOAT"] == 1
