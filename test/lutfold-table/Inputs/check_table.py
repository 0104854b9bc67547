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


def check_png(path, width, height):
    blob = open(path, "rb").read()
    assert blob[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    w, h = struct.unpack(">II", blob[16:24])
    assert (w, h) == (int(width), int(height)), (w, h)
    # Inflate the image data: a rendered plot is not a blank page.
    data, pos = b"", 8
    while pos < len(blob):
        length, = struct.unpack(">I", blob[pos:pos + 4])
        if blob[pos + 4:pos + 8] == b"IDAT":
            data += blob[pos + 8:pos + 8 + length]
        pos += 12 + length
    pixels = zlib.decompress(data)
    distinct = len(set(pixels[i:i + 3] for i in range(1, len(pixels), 97)))
    assert distinct > 8, "only %d colours: nothing was drawn" % distinct
    print("png OK: %dx%d" % (w, h))


def main():
    command, args = sys.argv[1], sys.argv[2:]
    {"golden-csv": golden_csv, "golden-args": golden_args, "json": check_json,
     "png": check_png}[command](*args)


if __name__ == "__main__":
    main()
