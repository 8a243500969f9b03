"""grpcio client against a Xieshang server: unary and bidi, 1,000 messages each way, statuses both ways.

usage: interop_client.py PROTOS_DIR HOST:PORT      exits 0 and prints OK when every check passed.
"""
import sys

import grpc

from interop_common import load_stubs, payload, text

pb2, pb2_grpc = load_stubs(sys.argv[1])
channel = grpc.insecure_channel(sys.argv[2], options=[("grpc.max_receive_message_length", 8 << 20)])
stub = pb2_grpc.DiagnosticsStub(channel)
N = 1000


def check(cond, what):
    if not cond:
        raise SystemExit("FAILED: " + what)


for i in range(N):
    r = stub.Echo(pb2.EchoRequest(payload=payload(i), text=text(i)), timeout=30)
    check(r.payload == payload(i) and r.text == text(i) and r.sequence == 1, "unary echo %d" % i)

responses = stub.EchoStream(iter([pb2.EchoRequest(payload=payload(i), text=text(i)) for i in range(N)]), timeout=120)
count = 0
for i, r in enumerate(responses):
    check(r.payload == payload(i) and r.text == text(i) and r.sequence == i + 1, "bidi echo %d" % i)
    count += 1
check(count == N, "bidi returned %d of %d messages" % (count, N))

try:
    stub.Echo(pb2.EchoRequest(requested_status=5, requested_message="找不到提案 100%"), timeout=30)
    check(False, "requested status did not fail")
except grpc.RpcError as e:
    check(e.code() == grpc.StatusCode.NOT_FOUND, "status code %s" % e.code())
    check(e.details() == "找不到提案 100%", "status message %r" % e.details())

try:
    list(stub.EchoStream(iter([pb2.EchoRequest(text="一"), pb2.EchoRequest(requested_status=7, requested_message="无权")]),
                         timeout=30))
    check(False, "bidi requested status did not fail")
except grpc.RpcError as e:
    check(e.code() == grpc.StatusCode.PERMISSION_DENIED and e.details() == "无权", "bidi status %s %r" % (e.code(), e.details()))

try:
    channel.unary_unary("/xieshang.v1.Diagnostics/Nope")(b"", timeout=30)
    check(False, "unknown method did not fail")
except grpc.RpcError as e:
    check(e.code() == grpc.StatusCode.UNIMPLEMENTED, "unknown method gave %s" % e.code())

try:
    stub.Echo(pb2.EchoRequest(delay_ms=5000), timeout=0.2)
    check(False, "deadline did not fail")
except grpc.RpcError as e:
    check(e.code() == grpc.StatusCode.DEADLINE_EXCEEDED, "deadline gave %s" % e.code())

print("OK")
