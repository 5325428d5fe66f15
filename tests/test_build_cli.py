"""`uptc build` as a user runs it: output folders that cannot be written are
one line with status 73, before anything is compiled."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from firmware import needs_arm
from uptc_cli import command, env, one_line_error, program, uptc

from uptc.diagnostics import EXIT_CANT_CREATE

HELLO = "print('hello')\n"


def test_a_file_in_the_way_of_o_dir(tmp_path):
    program(tmp_path, HELLO)
    (tmp_path / "out").write_text("not a folder")
    r = uptc(["build", "app.py", "-o", "out"], tmp_path)
    assert r.returncode == EXIT_CANT_CREATE
    one_line_error(r.stderr, "out is a file, not a folder", "-o DIR")
    assert (tmp_path / "out").read_text() == "not a folder"


def test_a_file_in_the_way_of_a_parent(tmp_path):
    program(tmp_path, HELLO)
    (tmp_path / "out").write_text("")
    r = uptc(["build", "app.py", "-o", "out/sub"], tmp_path)
    assert r.returncode == EXIT_CANT_CREATE
    one_line_error(r.stderr, "out/sub", "out is a file")


def test_a_file_where_build_should_be(tmp_path):
    program(tmp_path, HELLO)
    (tmp_path / "build").write_text("")
    r = uptc(["build", "app.py"], tmp_path)
    assert r.returncode == EXIT_CANT_CREATE
    one_line_error(r.stderr, "build is a file, not a folder")


def test_a_file_where_an_output_file_should_be(tmp_path):
    program(tmp_path, HELLO)
    (tmp_path / "out" / "app.c").mkdir(parents=True)  # a folder named like the C file
    r = uptc(["build", "app.py", "-o", "out"], tmp_path)
    assert r.returncode == EXIT_CANT_CREATE
    one_line_error(r.stderr, "out/app.c")


def _read_only(folder: Path, args: list[str]) -> list[str]:
    """The command line running uptc with `folder` read-only: by its mode for a
    normal user; for root, which ignores modes, by a read-only bind mount in a
    user and mount namespace of its own."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return command(args)
    if shutil.which("unshare") is None:
        pytest.skip("running as root without unshare: no way to make a folder read-only")
    probe = subprocess.run(["unshare", "-r", "-m", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("running as root, and user namespaces are not available here")
    script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
    return ["unshare", "-r", "-m", "sh", "-c", script, "sh", str(folder), *command(args)]


@pytest.mark.parametrize("out", ["ro", "ro/sub"])
def test_a_read_only_folder(tmp_path, out):
    program(tmp_path, HELLO)
    (tmp_path / "ro").mkdir()
    cmd = _read_only(tmp_path / "ro", ["build", "app.py", "-o", out])
    try:
        r = subprocess.run(cmd, cwd=tmp_path, env=env(), capture_output=True, timeout=300,
                           check=False)
    finally:
        (tmp_path / "ro").chmod(0o755)
    assert r.returncode == EXIT_CANT_CREATE
    one_line_error(r.stderr, out, "choose another folder with -o DIR")
    assert list((tmp_path / "ro").iterdir()) == []


# ---- --emit-c / --emit-ir: stdout carries them alone ------------------------------

BOARDS = [pytest.param([], id="host"),
          pytest.param(["--board", "pyboard"], id="pyboard", marks=needs_arm)]


@pytest.mark.parametrize("board", BOARDS)
@pytest.mark.parametrize("emit, suffix", [("--emit-c", ".c"), ("--emit-ir", ".ir")])
def test_emit_writes_only_the_c_or_the_ir_to_stdout(tmp_path, board, emit, suffix):
    program(tmp_path, HELLO)
    r = uptc(["build", "app.py", *board, emit, "-o", "out", "-v"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout == (tmp_path / "out" / f"app{suffix}").read_bytes()
    if board:  # the size table and the list of files, on stderr
        assert b"app.elf for pyboard" in r.stderr and b"wrote out/app.elf" in r.stderr
        assert b"flash " not in r.stdout and b"wrote" not in r.stdout


@needs_arm
def test_emit_c_of_a_program_that_does_not_fit(tmp_path):
    # 140 KB of text in a literal: more than the 128 KB profile's flash.
    program(tmp_path, f"import sys\ns = \"{'x' * 140_000}\"\nprint(s[len(sys.argv)])\n")
    r = uptc(["build", "app.py", "--board", "pyboard-128k8k", "--emit-c", "-o", "out"],
             tmp_path)
    assert r.returncode == 1
    assert r.stdout == (tmp_path / "out" / "app.c").read_bytes()
    assert b"does not fit: region FLASH overflowed by" in r.stderr


def test_emit_c_and_emit_ir_together_is_a_usage_error(tmp_path):
    program(tmp_path, HELLO)
    r = uptc(["build", "app.py", "--emit-c", "--emit-ir"], tmp_path)
    assert r.returncode == 2 and r.stdout == b""
    assert b"not allowed with argument" in r.stderr


# ---- the default output folder: one per board and profile -----------------------


@needs_arm
def test_builds_for_each_board_and_profile_keep_their_own_folder(tmp_path):
    program(tmp_path, HELLO)
    builds = {
        "host": [],
        "pyboard": ["--board", "pyboard"],
        "pyboard-128k8k": ["--board", "pyboard", "--profile", "128k8k"],
    }
    for args in builds.values():
        r = uptc(["build", "app.py", *args], tmp_path)
        assert r.returncode == 0, r.stderr
    assert (tmp_path / "build" / "host" / "app").is_file()
    full = (tmp_path / "build" / "pyboard" / "app.elf").read_bytes()
    small = (tmp_path / "build" / "pyboard-128k8k" / "app.elf").read_bytes()
    assert full != small  # linked for different memories, both still there
    for name in ("app.bin", "app.hex", "app.dfu", "app.map"):
        assert (tmp_path / "build" / "pyboard" / name).is_file()
    # --board pyboard-128k8k is the same build as --board pyboard --profile 128k8k.
    r = uptc(["build", "app.py", "--board", "pyboard-128k8k"], tmp_path)
    assert b"wrote build/pyboard-128k8k/app.elf" in r.stdout
    # The size table names the file where it is.
    r = uptc(["size", "build/pyboard/app.elf"], tmp_path)
    assert r.returncode == 0 and r.stdout.startswith(b"app.elf for pyboard\n")
    # -o stays the user's choice.
    r = uptc(["build", "app.py", "--board", "pyboard", "-o", "mine"], tmp_path)
    assert r.returncode == 0 and (tmp_path / "mine" / "app.elf").is_file()
