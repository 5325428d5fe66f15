"""One build = one pipeline run, in a straight line.

    source ─ parse ─ subset check ─ scopes ─ declarations ─ type inference
           ─ lowering to IR ─ passes ─ C ─ gcc / arm-none-eabi-gcc ─ outputs

compile_to_c() is the compiler proper (pure: source text in, C text out);
build() adds the C toolchain: the runtime and the HAL compiled once per board
and flags (cached), the program's C, the link, and for boards the firmware
files (ELF, BIN, HEX, DfuSe, map).
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from uptc.backend_c.emit import HOST, PYBOARD, Target, emit_program
from uptc.boards import Board, load_board
from uptc.features import method_names
from uptc.frontend.declare import declare_program
from uptc.frontend.infer import infer_program
from uptc.frontend.lower import lower_program
from uptc.frontend.parse import SourceFile, read_source
from uptc.frontend.scopes import analyze_scopes
from uptc.frontend.subset import check_subset
from uptc.ir.check import check_function, check_module
from uptc.ir.func import ModuleIR
from uptc.ir.pprint import format_module
from uptc.passes.constfold import fold_constants
from uptc.passes.exceptions import insert_exception_handling
from uptc.passes.intrange import narrow_int_ops
from uptc.passes.simplify import simplify_cfg
from uptc.passes.unbound import remove_unneeded_checks
from uptc.passes.unbox import remove_box_pairs
from uptc.paths import runtime_dir

# The host heap under GC stress: small, so that collecting at every
# allocation stays affordable.
GC_STRESS_HEAP = 1 << 20


@dataclass
class Compiled:
    c_text: str
    ir_text: str
    module: ModuleIR
    seconds: float  # front end + back end
    # The names the builtin method tables keep (None: every method), see
    # uptc.features.method_names.
    method_names: frozenset[str] | None = None


@dataclass
class BuildResult:
    board: Board
    c_file: Path
    exe: Path | None = None  # host builds
    elf: Path | None = None  # firmware builds
    bin: Path | None = None
    hex: Path | None = None
    dfu: Path | None = None
    map: Path | None = None
    compile_seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    config: dict[str, int] = field(default_factory=dict)  # runtime_c/config.h macros used
    groups: set[str] = field(default_factory=set)  # core types' slot groups linked


def target_for(board: Board) -> Target:
    return HOST if board.is_host else PYBOARD


def compile_to_c(src: SourceFile, target: Target, check_ir: bool = False,
                 c_name: str = "app.c", reductions: bool = True) -> Compiled:
    t0 = time.perf_counter()
    check_subset(src)  # reject what uptc does not compile, with a diagnostic
    scopes = analyze_scopes(src)  # which scope every name belongs to
    forced_boxed: set[tuple[int, str]] = set()
    for _attempt in range(8):
        info, main_fn = declare_program(src, scopes)  # classes, functions, imports
        infer_program(info)  # a type for every variable, slot and result
        for key in forced_boxed:  # variables that may be read unassigned stay boxed
            from uptc.ir.rtypes import object_rt

            info.var_types[key] = object_rt
        module = lower_program(info, main_fn)  # Python AST -> IR
        if check_ir:
            check_module(module)
        unsafe: list[tuple[int, str]] = []
        for fn in module.functions:
            remove_box_pairs(fn)  # scalars that were boxed only to be unboxed
            fold_constants(fn)  # constant arithmetic and branches
            narrow_int_ops(fn)  # int arithmetic that provably stays small: no overflow check
            insert_exception_handling(fn)  # an error branch after every op that can fail
            if check_ir:
                check_function(fn, after_exceptions=True)
            for name in remove_unneeded_checks(fn):  # definite assignment
                scope = info.functions[fn.ast_node].scope if fn.ast_node in info.functions else None
                if scope is not None:
                    unsafe.append((id(scope), name))
            simplify_cfg(fn)  # fewer blocks and labels
        if check_ir:
            check_module(module)
        if not unsafe:
            break
        forced_boxed.update(unsafe)
    ir_text = format_module(module)
    names = method_names(src.tree) if reductions else None  # methods a lookup by name can reach
    c_text = emit_program(module, src.lines, target, names, c_name)  # IR -> C
    return Compiled(c_text, ir_text, module, time.perf_counter() - t0, names)


def build(
    source: Path,
    board: str | Board = "host",
    profile: str | None = None,
    out_dir: Path | None = None,
    verbose: bool = False,
    sanitize: bool = False,
    gc_stress: bool = False,
    heap_size: int | None = None,
    emit_ir: bool = False,
    config: dict[str, int] | None = None,
    reductions: bool = True,
    compiled: Compiled | None = None,
    objects: dict[str, Path] | None = None,
) -> BuildResult:
    """Compile source for board into out_dir (default build/).

    config: runtime configuration macros (runtime_c/config.h), e.g.
    {"UP_CFG_FLOAT": 0}; passed as -D defines to the runtime archive (one
    cached archive per configuration) and to the program's C.
    reductions=False: the whole runtime, whatever the program uses (every
    configuration macro 1, every slot group, every builtin method) -- what
    a reduced build must behave exactly like (tests/test_programs.py).
    compiled: compile_to_c's result for this source, target and reductions,
    when the caller has it already (builds of one program with other flags).
    objects: the caller's record of the program objects compiled so far, by
    what they were compiled from (toolchain.object_key); one that fits is
    reused instead of compiling again.
    """
    from uptc import toolchain

    b = board if isinstance(board, Board) else load_board(board, profile)
    source = Path(source)
    src = read_source(source, str(source))
    name = source.stem
    out = Path(out_dir) if out_dir is not None else Path("build")
    out.mkdir(parents=True, exist_ok=True)
    c_file = out / f"{name}.c"
    if compiled is None:
        compiled = compile_to_c(src, target_for(b), c_name=c_file.name, reductions=reductions)
    c_file.write_text(compiled.c_text, encoding="utf-8")
    if emit_ir:
        (out / f"{name}.ir").write_text(compiled.ir_text, encoding="utf-8")
    result = BuildResult(b, c_file, compile_seconds=compiled.seconds)

    from uptc.backend_c.types import ALL_GROUPS, standalone_types_c
    from uptc.features import runtime_config, slot_groups
    from uptc.primitives.types import RUNTIME_CONFIG

    unknown = set(config or {}) - set(RUNTIME_CONFIG)
    if unknown:
        raise ValueError(f"unknown runtime configuration: {', '.join(sorted(unknown))}")
    # The runtime configuration the program needs (features.py), unless given.
    if config is not None:
        chosen = dict(config)
    elif reductions:
        chosen = runtime_config(compiled.module, compiled.method_names)
    else:
        chosen = {k: 1 for k in RUNTIME_CONFIG}
    result.config = chosen
    defines: list[str] = [f"{k}={int(v)}" for k, v in sorted(chosen.items())]
    extra: list[str] = []
    if gc_stress:
        defines.append("UP_GC_STRESS=1")
        if b.is_host and heap_size is None:
            heap_size = GC_STRESS_HEAP
    if sanitize:
        if not b.is_host:
            from uptc.diagnostics import ToolError

            raise ToolError("--sanitize works only for the host")
        extra += toolchain.SANITIZE_CFLAGS
    if heap_size is not None:
        b = b.with_heap_size(heap_size)
        result.board = b
    rt_sources = sorted(runtime_dir().glob("*.c"))
    t0 = time.perf_counter()
    runtime = toolchain.build_archive(b, "runtime", rt_sources, [runtime_dir()], defines, extra,
                                      verbose)
    hal = toolchain.hal_archive(b, extra, verbose)
    # The core types' slot groups: what the program's object file can reach
    # in this runtime (features.py). The types go in a second C file; the
    # program's object is linked as it is.
    # The program's object does not depend on the collector's mode
    # (UP_GC_STRESS is the runtime's alone), so builds that differ only in
    # it can share one (`objects`).
    program_defines = [d for d in defines if not d.startswith("UP_GC_STRESS")]
    obj = out / f"{name}.o"
    key = toolchain.object_key(b, compiled.c_text, program_defines, extra)
    if objects is not None and key in objects and objects[key].is_file():
        shutil.copyfile(objects[key], obj)
    else:
        toolchain.compile_object(b, c_file, obj, program_defines, extra, [runtime_dir()], verbose)
        if objects is not None:
            objects[key] = obj
    groups = slot_groups(obj, runtime) if reductions else set(ALL_GROUPS)
    result.groups = groups
    types_text = standalone_types_c(groups, "the core builtin types of a program")
    (out / f"{name}_types.c").write_text(types_text, encoding="utf-8")  # to read; compiled cached
    types_obj = toolchain.cached_object(b, types_text, "types", defines, extra, [runtime_dir()],
                                        verbose)
    c_files = [obj, types_obj]
    if b.is_host:
        exe = out / name
        toolchain.link_host(c_files, [runtime, hal], exe, defines, extra, verbose, board=b,
                            include_dirs=[runtime_dir()])
        result.exe = exe
    else:
        fw = toolchain.link_firmware(c_files, [runtime, hal], b, out, name, verbose, defines, extra,
                                     include_dirs=[runtime_dir()])
        result.elf, result.bin, result.hex, result.dfu, result.map = (
            fw.elf, fw.bin, fw.hex, fw.dfu, fw.map)
    result.timings["c toolchain"] = time.perf_counter() - t0
    return result


def check(source: Path) -> SourceFile:
    """The front end only: diagnostics, no C."""
    src = read_source(source, str(source))
    compile_to_c(src, HOST)
    return src
