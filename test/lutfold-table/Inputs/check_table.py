#!/usr/bin/env python3
"""Checks lutfold-table's output against independent data.

golden-csv CSV GOLDEN OP INDEX: the output_code column of a CSV for an int8
    table equals PyTorch eager's table (unittests/data) for the INDEX-th case
    of OP, and every row's columns agree with each other.
golden-args GOLDEN OP INDEX: prints the --in/--out arguments of that case.
json FILE KIND: the JSON has the table of its kind and one row per code.
png FILE WIDTH HEIGHT: a PNG of that size whose pixels are not all one
    colour.
"""

import json
import struct
import sys
import zlib


def quant_type(fields):
    scale, zp, qmin, qmax = fields
    storage = "i8" if (qmin, qmax) == (-128, 127) else "i8<%d:%d>" % (qmin, qmax)
    return "!quant.uniform<%s:f32, %r:%d>" % (storage, scale, zp)


def golden_case(path, op, index):
    cases = [c for c in json.load(open(path))["cases"] if c["op"] == op]
    return cases[int(index)]


def golden_args(path, op, index):
    case = golden_case(path, op, index)
    print("--in='%s' --out='%s'" % (quant_type(case["in"]),
                                     quant_type(case["out"])))


def golden_csv(csv_path, path, op, index):
    case = golden_case(path, op, index)
    lines = open(csv_path).read().splitlines()
    assert lines[0] == ("input_code,input_value,function_value,reference_code,"
                        "output_code,output_value,error_codes"), lines[0]
    rows = [line.split(",") for line in lines[1:]]
    assert len(rows) == 256, len(rows)
    out_scale, out_zp = case["out"][0], case["out"][1]
    for i, row in enumerate(rows):
        code, output = int(row[0]), int(row[4])
        assert code == i - 128, row
        assert output == case["table"][i], (row, case["table"][i])
        assert int(row[3]) == output, row  # int8 tables are the reference
        value = (output - out_zp) * out_scale
        assert abs(float(row[5]) - value) <= 1e-6 * max(1.0, abs(value)), row
        error = (float(row[5]) - float(row[2])) / out_scale
        assert abs(float(row[6]) - error) <= 1e-3, row
    print("golden OK: %d rows" % len(rows))


def check_json(path, kind):
    data = json.load(open(path))
    assert data["kind"] == kind, data["kind"]
    if kind == "int16":
        assert len(data["table"]["entries"]) == 513
        assert set(data["table"]["rescale"]) == {
            "multiplier", "shift", "output_zero_point"}
        assert len(data["rows"]) == 65536
    else:
        assert len(data["table"]) == 256
        assert len(data["rows"]) == 256
    assert data["columns"][4] == "output_code"
    errors = data["error_codes"]
    assert errors["codes_measured"] + errors["nan_codes"] > 0
    print("json OK: %s, max error %d codes, %d NaN codes, max distance to the "
          "function %.3f codes" % (kind, errors["max"], errors["nan_codes"],
                                   data["distance_to_function_codes"]["max"]))


def png_pixels(blob):
    """The pixels of an 8-bit RGB or RGBA PNG, as rows of 4-byte RGBA,
    unfiltered."""
    width, height, depth, colour = struct.unpack(">IIBB", blob[16:26])
    assert depth == 8 and colour in (2, 6), "not 8-bit RGB or RGBA"
    bpp = 3 if colour == 2 else 4
    data, pos = b"", 8
    while pos < len(blob):
        length, = struct.unpack(">I", blob[pos:pos + 4])
        if blob[pos + 4:pos + 8] == b"IDAT":
            data += blob[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(data)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for r in range(height):
        kind = raw[r * (stride + 1)]
        line = bytearray(raw[r * (stride + 1) + 1:(r + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 255
        if bpp == 3:
            rows.append(b"".join(bytes(line[i:i + 3]) + b"\xff"
                                 for i in range(0, stride, 3)))
        else:
            rows.append(bytes(line))
        prev = line
    return width, height, rows


def check_png(path, width, height, colour=None, minimum=None):
    """A PNG of the SVG's size that is not blank; with `colour` (RRGGBB),
    at least `minimum` pixels of exactly that colour are visible."""
    blob = open(path, "rb").read()
    assert blob[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    w, h, rows = png_pixels(blob)
    assert (w, h) == (int(width), int(height)), (w, h)
    colours = {row[i:i + 3] for row in rows for i in range(0, len(row), 4 * 7)}
    assert len(colours) > 8, "only %d colours: nothing was drawn" % len(colours)
    if colour:
        want = bytes.fromhex(colour)
        count = sum(row[i:i + 3] == want
                    for row in rows for i in range(0, len(row), 4))
        assert count >= int(minimum), "%d pixels of #%s" % (count, colour)
    print("png OK: %dx%d" % (w, h))


def main():
    command, args = sys.argv[1], sys.argv[2:]
    {"golden-csv": golden_csv, "golden-args": golden_args, "json": check_json,
     "png": check_png}[command](*args)


if __name__ == "__main__":
    main()
