"""Flash over USB DFU: the STM32's ROM bootloader (BOOT0 high at reset), 0483:df11.

Two back ends, the same result (erase, program, verify, leave DFU mode):

  * dfu-util, when installed: `dfu-util -a 0 -d 0483:df11 -D app.dfu`, then one
    `-U` upload per element to verify, then `-s 0x08000000:leave`. Its progress
    bars are translated into uptc's phases; its exit status 74 with "No DFU
    capable USB device" becomes the "no DFU device" error with the DFU-mode hint.
  * pyusb, otherwise: uptc speaks the DfuSe protocol itself (class DfuSe).

DfuSe (ST's DFU extension 1.1a, AN3156 / UM0391), as used here:

    control OUT 0x21 (class, interface) / IN 0xA1; wIndex = interface number
    DFU_DNLOAD 1, DFU_UPLOAD 2, DFU_GETSTATUS 3, DFU_CLRSTATUS 4, DFU_ABORT 6
    DNLOAD wValue=0 carries a command:  0x21 a0 a1 a2 a3  set address pointer
                                        0x41 a0 a1 a2 a3  erase the sector at a
    DNLOAD wValue=n>=2 writes data at   pointer + (n - 2) * wTransferSize
    UPLOAD wValue=n>=2 reads from there (only in dfuIDLE: abort first)
      uptc sets the pointer before every block and uses n = 2: AN3156 computes
      an upload's address with the request's wLength, so a short last block
      with n > 2 would land elsewhere; dfu-util writes the same way.
    every DNLOAD is executed by the following GETSTATUS (-> dfuDNBUSY); poll
    GETSTATUS, sleeping bwPollTimeout, until dfuDNLOAD-IDLE (or dfuERROR)
    leave: set address pointer to the flash start, DNLOAD of length 0, GETSTATUS
    GETSTATUS answer (6 bytes): bStatus, bwPollTimeout (3 bytes LE), bState, iString

The alternate setting's name describes the memory, e.g.
"@Internal Flash  /0x08000000/04*016Kg,01*064Kg,07*128Kg" (count*size, unit,
attribute letter a-g: bit 0 readable, bit 1 erasable, bit 2 writable, of the
letter's offset from 'a' + 1); the sectors to erase come from it.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from uptc.diagnostics import ToolError
from uptc.tools.flash import (
    EXIT_BAD_IMAGE,
    EXIT_IO,
    EXIT_NO_DEVICE,
    EXIT_NO_PERMISSION,
    EXIT_NO_TOOL,
    EXIT_USAGE,
    Image,
    Progress,
    Segment,
)

DFU_MODE_HINT = (
    "put the pyboard in DFU mode: connect the DFU pin to 3V3 and press RST "
    "(after flashing, remove the wire and press RST again)"
)
UDEV_HINT = (
    "install the udev rule for 0483:df11 from docs/flash-a-pyboard.md, then "
    "unplug and replug the board"
)

# ---- the DfuSe protocol ----------------------------------------------------------

DFU_DNLOAD = 1
DFU_UPLOAD = 2
DFU_GETSTATUS = 3
DFU_CLRSTATUS = 4
DFU_ABORT = 6
REQ_OUT = 0x21  # host to device | class | interface
REQ_IN = 0xA1  # device to host | class | interface

CMD_SET_ADDRESS = 0x21
CMD_ERASE = 0x41

STATE_DFU_IDLE = 2
STATE_DNBUSY = 4
STATE_DNLOAD_IDLE = 5
STATE_MANIFEST = 7
STATE_UPLOAD_IDLE = 9
STATE_ERROR = 10

STATUS_NAMES = {
    0: "OK",
    1: "errTARGET",
    2: "errFILE",
    3: "errWRITE",
    4: "errERASE",
    5: "errCHECK_ERASED",
    6: "errPROG",
    7: "errVERIFY",
    8: "errADDRESS",
    9: "errNOTDONE",
    10: "errFIRMWARE",
    11: "errVENDOR",
    12: "errUSBR",
    13: "errPOR",
    14: "errUNKNOWN",
    15: "errSTALLEDPKT",
}

USB_TIMEOUT_MS = 5000  # per control transfer
COMMAND_TIMEOUT = 10.0  # seconds for one command to finish (a 128 KB sector erase takes ~2 s)
DEFAULT_TRANSFER_SIZE = 2048  # the STM32F4 bootloader's wTransferSize


class DfuError(Exception):
    """The device answered a DfuSe request with an error status."""


@dataclass(frozen=True)
class Sector:
    start: int
    size: int
    attrs: int  # bit 0 readable, bit 1 erasable, bit 2 writable

    @property
    def end(self) -> int:
        return self.start + self.size


def parse_layout(name: str) -> list[Sector]:
    """The sectors an alternate setting's name describes ('' when not a DfuSe name)."""
    sectors: list[Sector] = []
    parts = name.split("/")
    for i in range(1, len(parts) - 1, 2):
        try:
            addr = int(parts[i].strip(), 0)
        except ValueError:
            continue
        for m in re.finditer(r"(\d+)\s*\*\s*(\d+)\s*([KMB ]?)([a-g])", parts[i + 1]):
            count, size = int(m.group(1)), int(m.group(2))
            size *= {"K": 1024, "M": 1024 * 1024}.get(m.group(3), 1)
            attrs = ord(m.group(4)) - ord("a") + 1
            for _ in range(count):
                sectors.append(Sector(addr, size, attrs))
                addr += size
    return sectors


def sectors_to_erase(segments, sectors: list[Sector]) -> list[Sector]:
    """Every erasable sector a segment touches, in address order; ToolError if one is missing."""
    todo: dict[int, Sector] = {}
    for seg in segments:
        addr = seg.address
        while addr < seg.end:
            sector = next((s for s in sectors if s.start <= addr < s.end), None)
            if sector is None or not sector.attrs & 2 or not sector.attrs & 4:
                raise ToolError(
                    f"the DFU device cannot write 0x{addr:08x} (its memory map has no "
                    "erasable, writable sector there)",
                    EXIT_BAD_IMAGE,
                )
            todo[sector.start] = sector
            addr = sector.end
    return [todo[k] for k in sorted(todo)]


class DfuSe:
    """The DfuSe command set over one claimed interface of a USB device.

    dev: anything with pyusb's ctrl_transfer(bmRequestType, bRequest, wValue,
    wIndex, data_or_wLength, timeout); tests pass a fake.
    """

    def __init__(self, dev, interface: int, transfer_size: int = DEFAULT_TRANSFER_SIZE,
                 sleep=None, clock=None):
        self.dev = dev
        self.interface = interface
        self.transfer_size = transfer_size
        self.sleep = sleep or time.sleep
        self.clock = clock or time.monotonic
        self.alt_name = ""

    # -- requests --

    def get_status(self) -> tuple[int, int, int]:
        """(bStatus, bwPollTimeout in ms, bState)."""
        raw = bytes(self.dev.ctrl_transfer(REQ_IN, DFU_GETSTATUS, 0, self.interface, 6,
                                           USB_TIMEOUT_MS))
        if len(raw) < 6:
            raise DfuError(f"short GETSTATUS answer ({len(raw)} bytes)")
        return raw[0], raw[1] | raw[2] << 8 | raw[3] << 16, raw[4]

    def clear_status(self) -> None:
        self.dev.ctrl_transfer(REQ_OUT, DFU_CLRSTATUS, 0, self.interface, None, USB_TIMEOUT_MS)

    def abort(self) -> None:
        self.dev.ctrl_transfer(REQ_OUT, DFU_ABORT, 0, self.interface, None, USB_TIMEOUT_MS)

    def _dnload(self, block: int, data: bytes) -> None:
        self.dev.ctrl_transfer(REQ_OUT, DFU_DNLOAD, block, self.interface, data, USB_TIMEOUT_MS)

    def _upload(self, block: int, length: int) -> bytes:
        return bytes(self.dev.ctrl_transfer(REQ_IN, DFU_UPLOAD, block, self.interface, length,
                                            USB_TIMEOUT_MS))

    # -- states --

    def to_idle(self) -> None:
        """Bring the device to dfuIDLE from wherever a previous session left it."""
        status, _, state = self.get_status()
        if state == STATE_ERROR:
            self.clear_status()
        elif state != STATE_DFU_IDLE:
            self.abort()
        status, _, state = self.get_status()
        if state != STATE_DFU_IDLE:
            raise DfuError(f"the device does not return to dfuIDLE (state {state}, "
                           f"{STATUS_NAMES.get(status, status)})")

    def _wait(self, what: str) -> None:
        """Poll GETSTATUS until the last DNLOAD has been carried out."""
        deadline = self.clock() + COMMAND_TIMEOUT
        while True:
            status, poll_ms, state = self.get_status()
            if status != 0 or state == STATE_ERROR:
                name = STATUS_NAMES.get(status, f"status {status}")
                with contextlib.suppress(Exception):  # report the first error, not this one
                    self.clear_status()
                raise DfuError(f"{what}: the device reports {name}")
            if state in (STATE_DNLOAD_IDLE, STATE_DFU_IDLE):
                return
            if state != STATE_DNBUSY:
                raise DfuError(f"{what}: unexpected state {state}")
            if self.clock() > deadline:
                raise DfuError(f"{what}: no answer within {COMMAND_TIMEOUT:g} s")
            self.sleep(max(poll_ms, 1) / 1000)

    # -- commands --

    def set_address(self, address: int) -> None:
        self._dnload(0, struct.pack("<BI", CMD_SET_ADDRESS, address))
        self._wait(f"set address 0x{address:08x}")

    def erase(self, address: int) -> None:
        self._dnload(0, struct.pack("<BI", CMD_ERASE, address))
        self._wait(f"erase 0x{address:08x}")

    def write(self, address: int, data: bytes, on_block=None) -> None:
        """Write data at address, one wTransferSize block per (set address, DNLOAD 2)."""
        size = self.transfer_size
        for off in range(0, len(data), size):
            block = data[off : off + size]
            self.set_address(address + off)
            self._dnload(2, block)
            self._wait(f"write 0x{address + off:08x}")
            if on_block:
                on_block(len(block))

    def read(self, address: int, length: int, on_block=None) -> bytes:
        """Read back, one block per (set address, ABORT to dfuIDLE, UPLOAD 2, ABORT)."""
        size = self.transfer_size
        out = bytearray()
        for off in range(0, length, size):
            want = min(size, length - off)
            self.set_address(address + off)
            self.abort()  # UPLOAD is served in dfuIDLE only
            got = self._upload(2, want)
            self.abort()  # dfuUPLOAD-IDLE -> dfuIDLE: DNLOAD is refused in the former
            if len(got) != want:
                raise DfuError(f"read 0x{address + off:08x}: {len(got)} of {want} bytes")
            out += got
            if on_block:
                on_block(want)
        return bytes(out)

    def leave(self, address: int) -> None:
        """Jump to the firmware at `address`; the device leaves DFU mode (USB reset)."""
        self.set_address(address)
        self._dnload(2, b"")
        # GETSTATUS starts the manifestation: the device may vanish before it answers.
        with contextlib.suppress(Exception):
            self.get_status()


def program(dfu: DfuSe, image: Image, sectors: list[Sector], progress: Progress,
            leave_address: int) -> None:
    """Erase, write, verify and leave over DfuSe, with progress phases."""
    dfu.to_idle()
    erase = sectors_to_erase(image.segments, sectors)
    progress.phase("Erasing", sum(s.size for s in erase))
    done = 0
    for s in erase:
        dfu.erase(s.start)
        done += s.size
        progress.update(done)
    counter = _Counter(progress)
    progress.phase("Programming", image.size)
    for seg in image.segments:
        dfu.write(seg.address, seg.data, counter)
    counter = _Counter(progress)
    progress.phase("Verifying", image.size)
    for seg in image.segments:
        got = dfu.read(seg.address, len(seg.data), counter)
        _compare(seg, got)
    progress.note(f"Leaving DFU mode: the firmware starts at 0x{leave_address:08x}")
    dfu.leave(leave_address)


class _Counter:
    def __init__(self, progress: Progress):
        self.progress = progress
        self.done = 0

    def __call__(self, n: int) -> None:
        self.done += n
        self.progress.update(self.done)


def _compare(seg, got: bytes) -> None:
    if got == seg.data:
        return
    i = next(k for k in range(len(seg.data)) if k >= len(got) or got[k] != seg.data[k])
    read = f"0x{got[i]:02x}" if i < len(got) else "nothing"
    raise ToolError(
        f"verification failed at 0x{seg.address + i:08x}: wrote 0x{seg.data[i]:02x}, read {read} "
        "(is the flash write-protected? see docs/flashing.md)",
        EXIT_IO,
    )


# ---- entry point -----------------------------------------------------------------


def flash(image: Image, board, progress: Progress, verbose: bool = False) -> None:
    """Flash through dfu-util when installed, else through pyusb."""
    dfu_util = shutil.which("dfu-util")
    if dfu_util:
        flash_with_dfu_util(dfu_util, image, board, progress, verbose)
    else:
        flash_with_pyusb(image, board, progress)


# ---- back end 1: pyusb -------------------------------------------------------------


def flash_with_pyusb(image: Image, board, progress: Progress) -> None:
    ids = board.dfu
    dev = _find_device(ids.vid, ids.pid)
    try:
        dfu = _open(dev, ids.alt)
        sectors = parse_layout(dfu.alt_name)
        if not sectors:
            from uptc.tools import pyocd_target  # the F405's sectors (RM0090)

            sectors = [Sector(a, s, 7) for a, s in _f405_sectors(pyocd_target)]
        program(dfu, image, sectors, progress, ids.address)
    except DfuError as e:
        raise ToolError(f"DFU transfer failed: {e}", EXIT_IO) from None
    except Exception as e:  # pyusb raises USBError, not always an OSError
        if type(e).__module__.startswith("usb.") or isinstance(e, OSError):
            raise _usb_error(e) from None
        raise
    finally:
        _release(dev)


def _f405_sectors(pyocd_target):
    for start, length, size in pyocd_target.FLASH_SECTOR_RUNS:
        for a in range(start, start + length, size):
            yield a, size


def _usb_backend_find(**kw):
    """usb.core.find, through the libusb that pyOCD's libusb-package ships if needed."""
    import usb.core

    try:
        return list(usb.core.find(find_all=True, **kw))
    except usb.core.NoBackendError:
        pass
    try:
        import libusb_package

        return list(libusb_package.find(find_all=True, **kw))
    except (ImportError, usb.core.NoBackendError):
        raise ToolError(
            "cannot use USB: dfu-util is not installed and pyusb has no libusb back end; "
            "install dfu-util (apt install dfu-util) or libusb-1.0",
            EXIT_NO_TOOL,
        ) from None


def _find_device(vid: int, pid: int):
    try:
        found = _usb_backend_find(idVendor=vid, idProduct=pid)
    except ToolError:
        raise
    except Exception as e:  # noqa: BLE001 - enumeration errors from libusb
        raise _usb_error(e) from None
    if not found:
        raise ToolError(f"no DFU device {vid:04x}:{pid:04x} found: {DFU_MODE_HINT}",
                        EXIT_NO_DEVICE)
    if len(found) > 1:
        where = ", ".join(f"bus {d.bus} address {d.address}" for d in found)
        raise ToolError(f"several DFU devices {vid:04x}:{pid:04x} are connected ({where}); "
                        "connect only the pyboard", EXIT_USAGE)
    return found[0]


def _open(dev, alt: int) -> DfuSe:
    import usb.util

    try:
        cfg = dev.get_active_configuration()
    except Exception:  # noqa: BLE001 - unconfigured: configure it
        dev.set_configuration()
        cfg = dev.get_active_configuration()
    intf = next(
        (i for i in cfg if i.bInterfaceClass == 0xFE and i.bInterfaceSubClass == 1
         and i.bAlternateSetting == alt),
        None,
    )
    if intf is None:
        raise DfuError(f"the device has no DFU interface with alternate setting {alt}")
    number = intf.bInterfaceNumber
    usb.util.claim_interface(dev, number)
    dev.set_interface_altsetting(interface=number, alternate_setting=alt)
    dfu = DfuSe(dev, number, _transfer_size(cfg))
    dfu.alt_name = usb.util.get_string(dev, intf.iInterface) if intf.iInterface else ""
    return dfu


def _transfer_size(cfg) -> int:
    """wTransferSize from the DFU functional descriptor (type 0x21), if present."""
    blobs = [bytes(getattr(cfg, "extra_descriptors", b"") or b"")]
    blobs += [bytes(getattr(i, "extra_descriptors", b"") or b"") for i in cfg]
    for blob in blobs:
        i = 0
        while i + 2 <= len(blob):
            length, kind = blob[i], blob[i + 1]
            if length < 2:
                break
            if kind == 0x21 and length >= 7:
                return struct.unpack_from("<H", blob, i + 5)[0]
            i += length
    return DEFAULT_TRANSFER_SIZE


def _release(dev) -> None:
    import usb.util

    with contextlib.suppress(Exception):  # the device may have left DFU mode already
        usb.util.dispose_resources(dev)


def _usb_error(e: BaseException) -> ToolError:
    code = getattr(e, "errno", None)
    text = str(e)
    if code == 13 or "Access denied" in text or "insufficient permissions" in text:
        return ToolError(f"permission denied on the DFU device: {UDEV_HINT}", EXIT_NO_PERMISSION)
    if code == 19 or "No such device" in text:
        return ToolError(f"the DFU device went away: {text}", EXIT_IO)
    return ToolError(f"USB error talking to the DFU device: {text}", EXIT_IO)


# ---- back end 2: dfu-util ------------------------------------------------------------

_BAR = re.compile(r"(Erase|Download|Upload)\s*\[[= ]*\]\s*(\d+)%\s+(\d+) bytes")
_PHASE = {"Erase": "Erasing", "Download": "Programming", "Upload": "Verifying"}


def flash_with_dfu_util(exe: str, image: Image, board, progress: Progress,
                        verbose: bool = False) -> None:
    ids = board.dfu
    base = [exe, "-a", str(ids.alt), "-d", f"{ids.vid:04x}:{ids.pid:04x}"]
    with tempfile.TemporaryDirectory(prefix="uptc-dfu-") as tmp:
        if image.dfu is not None:
            dfu_file = image.dfu
            written = _dfu_elements(image.dfu)
        else:
            written = _merge(image.segments)
            dfu_file = _write_dfu(written, board, Path(tmp) / "app.dfu")
        # Erase + download: dfu-util erases the sectors each element touches.
        totals = {"Erasing": _f405_erase_bytes(image), "Programming": image.size}
        _dfu_util(base + ["-D", str(dfu_file)], verbose, _timeout(image.size), progress, totals)
        progress.phase("Verifying", sum(len(s.data) for s in written))
        done = 0
        for i, seg in enumerate(written):
            out = Path(tmp) / f"verify{i}.bin"
            _dfu_util(base + ["-s", f"0x{seg.address:08x}:{len(seg.data)}", "-U", str(out)],
                      verbose, _timeout(len(seg.data)))
            got = out.read_bytes() if out.exists() else b""
            _compare(seg, got)
            done += len(seg.data)
            progress.update(done)
        progress.note(f"Leaving DFU mode: the firmware starts at 0x{ids.address:08x}")
        _dfu_util(base + ["-s", f"0x{ids.address:08x}:leave"], verbose, 30.0, leaving=True)


def _merge(segments) -> list[Segment]:
    """Segments as DfuSe elements: closer than 8 bytes merged (0xFF between), each
    padded with 0xFF to a multiple of 8 -- what uptc.tools.dfuse writes."""
    from uptc.tools import dfuse

    merged: list[Segment] = []
    for seg in segments:
        if merged:
            last = merged[-1]
            gap = seg.address - last.end
            if gap < dfuse.ELEMENT_ALIGN:
                merged[-1] = Segment(last.address, last.data + b"\xff" * gap + seg.data)
                continue
        merged.append(seg)
    pad = dfuse.ELEMENT_ALIGN
    return [Segment(s.address, s.data + b"\xff" * (-len(s.data) % pad)) for s in merged]


def _dfu_elements(path: Path) -> list[Segment]:
    from uptc.tools import dfuse

    parsed = dfuse.parse_dfuse(path.read_bytes())
    return [Segment(e.address, e.data) for t in parsed.targets for e in t.elements]


def _write_dfu(elements: list[Segment], board, path: Path) -> Path:
    from uptc.tools import dfuse

    ids = board.dfu
    data = dfuse.build_dfuse([(s.address, s.data) for s in elements], vid=ids.vid, pid=ids.pid,
                             alt=ids.alt)
    path.write_bytes(data)
    return path


def _f405_erase_bytes(image: Image) -> int:
    """Bytes of the F405 sectors the image touches (dfu-util erases those)."""
    from uptc.tools import pyocd_target

    sectors = [Sector(a, n, 7) for a, n in _f405_sectors(pyocd_target)]
    try:
        return sum(s.size for s in sectors_to_erase(image.segments, sectors))
    except ToolError:
        return image.size


def _timeout(nbytes: int) -> float:
    """A generous bound for dfu-util: erase ~2 s per 128 KB sector, USB ~100 KB/s."""
    return 60.0 + nbytes / 1024 * 0.2


def _dfu_util(cmd: list[str], verbose: bool, timeout: float, progress: Progress | None = None,
              totals: dict[str, int] | None = None, leaving: bool = False) -> str:
    """Run dfu-util, turning its bars into progress phases; ToolError on failure."""
    if verbose:
        print("+ " + " ".join(cmd), flush=True, file=sys.stderr)
    env = dict(os.environ, LC_ALL="C")
    stdbuf = shutil.which("stdbuf")
    argv = [stdbuf, "-o0"] + cmd if stdbuf else cmd  # dfu-util's bars use printf
    try:
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, env=env)
    except OSError as e:
        raise ToolError(f"cannot run dfu-util: {e}", EXIT_NO_TOOL) from None
    chunks: queue.Queue[bytes] = queue.Queue()

    def pump():
        while True:
            data = os.read(proc.stdout.fileno(), 4096)
            chunks.put(data)
            if not data:
                return

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + timeout
    output = ""
    pending = ""
    current = None
    started = False  # a progress bar was seen: the device was found and is being written
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                proc.kill()
                raise ToolError(f"dfu-util did not finish within {timeout:.0f} s", EXIT_IO)
            try:
                data = chunks.get(timeout=min(left, 0.5))
            except queue.Empty:
                continue
            if not data:
                break
            text = data.decode(errors="replace")
            output += text
            pending += text
            *done, pending = re.split(r"[\r\n]", pending)
            for piece in done + [pending]:
                m = _BAR.search(piece)
                started = started or m is not None
                if m and progress is not None:
                    phase = _PHASE[m.group(1)]
                    if phase != current:
                        current = phase
                        progress.phase(phase, (totals or {}).get(phase, 0))
                    progress.update(progress.total * int(m.group(2)) // 100)
        rc = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        proc.kill()
        raise ToolError(f"dfu-util did not finish within {timeout:.0f} s", EXIT_IO) from None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if rc != 0:
        raise _dfu_util_error(rc, output, leaving, started)
    return output


def _dfu_util_error(rc: int, output: str, leaving: bool, started: bool = False) -> ToolError:
    if "LIBUSB_ERROR_ACCESS" in output or "Permission denied" in output:
        return ToolError(f"permission denied on the DFU device: {UDEV_HINT}", EXIT_NO_PERMISSION)
    if "does not match device" in output:
        return ToolError("the .dfu file's USB ID does not match the DFU device (dfu-util: "
                         f"{_last_error(output)})", EXIT_BAD_IMAGE)
    if "More than one DFU capable USB device" in output:
        return ToolError("several DFU devices are connected; connect only the pyboard",
                         EXIT_USAGE)
    # 74 (EX_IOERR) before any transfer: dfu-util found no device to talk to.
    if "No DFU capable USB device" in output or (rc == 74 and not started and not leaving):
        return ToolError(f"no DFU device found (dfu-util exit {rc}): {DFU_MODE_HINT}",
                         EXIT_NO_DEVICE)
    if leaving:
        return ToolError(f"dfu-util could not leave DFU mode ({_last_error(output)}); "
                         "remove the DFU jumper and press RST", EXIT_IO)
    return ToolError(f"dfu-util failed with exit status {rc}: {_last_error(output)}", EXIT_IO)


def _last_error(output: str) -> str:
    lines = [ln.strip() for ln in re.split(r"[\r\n]", output) if ln.strip()]
    for ln in reversed(lines):
        if "rror" in ln or ln.startswith("dfu-util:"):
            return ln.removeprefix("dfu-util: ")
    return lines[-1] if lines else "no output"
