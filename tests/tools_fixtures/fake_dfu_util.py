"""A stand-in for dfu-util 0.11 in tests: the command lines uptc runs, the
output it parses, and a flash memory kept in a file.

Environment:
    FAKE_DFU_LOG    append each argv (one line, space separated) here
    FAKE_DFU_FLASH  the STM32F405's 1 MB flash as a file (created erased)
    FAKE_DFU_MODE   "" (works), "nodevice", "access", "hang", "badverify",
                    "ioerror" (exit 74 before any transfer), "midway" (exit 74 while writing)

Output mimics dfu-util: progress bars "\\r<desc>\\t[<25 cells>] NNN% NNNNNNNNNNNN bytes",
errors on stderr prefixed "dfu-util: ", exit status 74 when no device is found.
"""

import os
import sys
import time
from pathlib import Path

from uptc.tools.dfuse import parse_dfuse

FLASH_BASE = 0x08000000
FLASH_SIZE = 0x100000


def bar(desc, cur, total):
    cells = 25 * cur // max(total, 1)
    sys.stdout.write(f"\r{desc}\t[{'=' * cells}{' ' * (25 - cells)}] "
                     f"{100 * cur // max(total, 1):3d}% {cur:12d} bytes")
    if cur == total:
        sys.stdout.write("\n")
    sys.stdout.flush()


def main(argv):
    with open(os.environ["FAKE_DFU_LOG"], "a") as log:
        log.write(" ".join(argv) + "\n")
    mode = os.environ.get("FAKE_DFU_MODE", "")
    print("dfu-util 0.11\n")
    if mode == "nodevice":
        sys.stderr.write("dfu-util: No DFU capable USB device available\n")
        return 74
    if mode == "access":
        sys.stderr.write("dfu-util: Cannot open DFU device 0483:df11 found on devnum 7 "
                         "(LIBUSB_ERROR_ACCESS)\n")
        return 74
    if mode == "ioerror":
        sys.stderr.write("dfu-util: Cannot open DFU device 0483:df11 found on devnum 7 "
                         "(LIBUSB_ERROR_IO)\n")
        return 74
    if mode == "hang":
        time.sleep(60)
        return 0
    flash_file = Path(os.environ["FAKE_DFU_FLASH"])
    if not flash_file.exists():
        flash_file.write_bytes(b"\xff" * FLASH_SIZE)
    mem = bytearray(flash_file.read_bytes())
    opts = dict(zip(argv[::2], argv[1::2]))
    assert opts["-a"] == "0" and opts["-d"] == "0483:df11", argv
    if "-D" in opts:
        assert "-s" not in opts, "a DfuSe file takes no address"
        image = parse_dfuse(Path(opts["-D"]).read_bytes())
        for target in image.targets:
            for e in target.elements:
                for step in range(0, len(e.data) + 1, max(1, len(e.data) // 4)):
                    bar("Erase   ", step, len(e.data))
                bar("Erase   ", len(e.data), len(e.data))
                off = e.address - FLASH_BASE
                mem[off : off + len(e.data)] = e.data
                for step in range(0, len(e.data), 2048):
                    bar("Download", step, len(e.data))
                    if mode == "midway":
                        sys.stderr.write("\ndfu-util: Error during download get_status\n")
                        return 74
                bar("Download", len(e.data), len(e.data))
        flash_file.write_bytes(mem)
        print("File downloaded successfully")
        return 0
    address, _, rest = opts["-s"].partition(":")
    address = int(address, 0)
    if "-U" in opts:
        length = int(rest, 0)
        off = address - FLASH_BASE
        data = bytes(mem[off : off + length])
        if mode == "badverify":
            data = data[:10] + bytes([data[10] ^ 0x40]) + data[11:]
        Path(opts["-U"]).write_bytes(data)
        bar("Upload  ", length, length)
        return 0
    if rest == "leave":
        print("Submitting leave request...")
        return 0
    sys.stderr.write(f"dfu-util: unexpected arguments {argv}\n")
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
