"""Literal values in the generated C: ROM objects, C string escapes, hashes."""

from __future__ import annotations

import math
import struct

# The IR's LoadInt holds ints that are small on every target (31-bit
# payload on the pyboard); anything else is a LoadLiteral.
SMALL_MIN_31 = -(1 << 30)
SMALL_MAX_31 = (1 << 30) - 1


def fits_small_int(v: int, bits: int = 31) -> bool:
    return -(1 << (bits - 1)) <= v < (1 << (bits - 1))


def str_hash(b: bytes) -> int:
    """FNV-1a 32-bit, never 0: runtime_c/str.c up_str_hash_bytes."""
    h = 2166136261
    for c in b:
        h ^= c
        h = (h * 16777619) & 0xFFFFFFFF
    return h or 1


def c_string(b: bytes) -> str:
    """A C string literal for arbitrary bytes (octal escapes: never ambiguous)."""
    out = ['"']
    for c in b:
        ch = chr(c)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "?":
            out.append("\\?")  # no trigraphs
        elif 32 <= c < 127:
            out.append(ch)
        else:
            out.append(f"\\{c:03o}")
    out.append('"')
    return "".join(out)


def c_comment(text: str, limit: int = 60) -> str:
    t = text.replace("*/", "* /").replace("\n", "\\n")
    if len(t) > limit:
        t = t[: limit - 3] + "..."
    return t


def c_float(v: float, float32: bool) -> str:
    """A C expression for a float constant."""
    if math.isnan(v):
        return "(up_float_t)NAN"
    if math.isinf(v):
        return "(up_float_t)INFINITY" if v > 0 else "(up_float_t)-INFINITY"
    if float32:
        # Round to float32 the way the FPU will hold it: exact hex float.
        f = struct.unpack("<f", struct.pack("<f", v))[0]
        return f"{float.hex(f)}f"
    return float.hex(v)
