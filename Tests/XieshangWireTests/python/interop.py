"""Interop of Xieshang's wire codec with the reference protobuf implementation (Python, from grpcio-tools).

Run by PythonInteropTests.swift. For every sample `<type>.<variant>.json` in WORK/samples (written by the Swift
test from the schema alone), it checks that:
  * protoc from grpcio-tools compiles every .proto without a warning;
  * Python parses the sample JSON and the bytes our encoder wrote (WORK/swift/*.bin) to equal messages;
  * `xieshang wire encode` turns Python's json_format output into bytes Python parses to the same message, and
    `xieshang wire decode` turns Python's bytes into JSON that json_format parses to the same message;
and it writes Python's own encoding and JSON to WORK/python/ for the Swift side to decode.
Ends with the line "N passed, M failed" and exits 1 when anything failed.
"""
import argparse
import glob
import os
import subprocess
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--work", required=True)
parser.add_argument("--proto-root", action="append", required=True)
parser.add_argument("--xieshang", required=True)
args = parser.parse_args()

out_dir = os.path.join(args.work, "py_out")
os.makedirs(out_dir, exist_ok=True)
os.makedirs(os.path.join(args.work, "python"), exist_ok=True)

passed = 0
failed = 0


def fail(what):
    global failed
    failed += 1
    print("FAIL: " + what)


def ok():
    global passed
    passed += 1


# 1. protoc compiles everything, with no warning at all.
proto_files = []
for root in args.proto_root:
    for path in sorted(glob.glob(os.path.join(root, "**", "*.proto"), recursive=True)):
        proto_files.append(os.path.relpath(path, root))
cmd = [sys.executable, "-m", "grpc_tools.protoc"] + ["-I" + r for r in args.proto_root] + [
    "--python_out=" + out_dir, "--grpc_python_out=" + out_dir] + proto_files
compiled = subprocess.run(cmd, capture_output=True, text=True)
if compiled.returncode != 0 or compiled.stderr.strip() or compiled.stdout.strip():
    fail("protoc: exit %d, output: %s %s" % (compiled.returncode, compiled.stdout, compiled.stderr))
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1)
ok()

sys.path.insert(0, out_dir)
import importlib  # noqa: E402

for f in proto_files:
    importlib.import_module(f[:-len(".proto")].replace("/", ".") + "_pb2")

from google.protobuf import descriptor_pool, json_format  # noqa: E402
from google.protobuf.message_factory import GetMessageClass  # noqa: E402

pool = descriptor_pool.Default()

samples = sorted(glob.glob(os.path.join(args.work, "samples", "*.json")))
if not samples:
    fail("no samples in " + args.work)

for sample in samples:
    base = os.path.basename(sample)[:-len(".json")]
    type_name, variant = base.rsplit(".", 1)
    cls = GetMessageClass(pool.FindMessageTypeByName(type_name))
    label = "%s (%s)" % (type_name, variant)
    with open(sample, encoding="utf-8") as fh:
        text = fh.read()
    try:
        from_json = json_format.Parse(text, cls())
    except Exception as e:  # noqa: BLE001
        fail("%s: json_format cannot parse the shared sample: %s" % (label, e))
        continue
    with open(os.path.join(args.work, "swift", base + ".bin"), "rb") as fh:
        swift_bytes = fh.read()
    try:
        from_swift = cls.FromString(swift_bytes)
    except Exception as e:  # noqa: BLE001
        fail("%s: Python cannot parse our bytes: %s" % (label, e))
        continue
    if from_swift != from_json:
        fail("%s: our bytes decode to a different value than the sample" % label)
    else:
        ok()

    py_bytes = from_json.SerializeToString(deterministic=True)
    py_json = json_format.MessageToJson(from_json, indent=None)
    with open(os.path.join(args.work, "python", base + ".bin"), "wb") as fh:
        fh.write(py_bytes)
    with open(os.path.join(args.work, "python", base + ".json"), "w", encoding="utf-8") as fh:
        fh.write(py_json)

    # The CLI both ways, for the product's types (the test-only schema is not built into xieshang).
    if not type_name.startswith("xieshang.v1."):
        continue
    enc = subprocess.run([args.xieshang, "wire", "encode", type_name], input=py_json.encode(), capture_output=True)
    if enc.returncode != 0:
        fail("%s: xieshang wire encode exited %d: %s" % (label, enc.returncode, enc.stderr.decode()))
    elif cls.FromString(enc.stdout) != from_json:
        fail("%s: xieshang wire encode gave bytes Python reads differently" % label)
    else:
        ok()
    dec = subprocess.run([args.xieshang, "wire", "decode", type_name], input=py_bytes, capture_output=True)
    if dec.returncode != 0:
        fail("%s: xieshang wire decode exited %d: %s" % (label, dec.returncode, dec.stderr.decode()))
    else:
        try:
            if json_format.Parse(dec.stdout.decode(), cls()) != from_json:
                fail("%s: xieshang wire decode gave JSON json_format reads differently" % label)
            else:
                ok()
        except Exception as e:  # noqa: BLE001
            fail("%s: json_format cannot parse xieshang wire decode's output: %s" % (label, e))

# Bad input: the CLI exits 1 with the typed error on stderr.
bad = subprocess.run([args.xieshang, "wire", "decode", "xieshang.v1.EventBody"], input=b"\x0a\x05\x61", capture_output=True)
if bad.returncode == 1 and b"lengthPastEnd" in bad.stderr:
    ok()
else:
    fail("truncated input to wire decode: exit %d, stderr %r" % (bad.returncode, bad.stderr))
bad_json = subprocess.run([args.xieshang, "wire", "encode", "xieshang.v1.EventBody"], input=b'{"seq": "x"}', capture_output=True)
if bad_json.returncode == 1 and b"invalidJSON" in bad_json.stderr:
    ok()
else:
    fail("bad JSON to wire encode: exit %d, stderr %r" % (bad_json.returncode, bad_json.stderr))

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
