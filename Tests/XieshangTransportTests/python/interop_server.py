"""grpcio server for Diagnostics (Echo, EchoStream), honouring requested_status/requested_message and delay_ms.

usage: interop_server.py PROTOS_DIR [HOST:PORT]    prints "PORT <n>" once listening; runs until killed or stdin closes.
"""
import sys
import threading
import time
from concurrent import futures

import grpc

from interop_common import load_stubs

pb2, pb2_grpc = load_stubs(sys.argv[1])


def answer(request, sequence, context):
    if request.delay_ms:
        time.sleep(request.delay_ms / 1000.0)
    if request.requested_status:
        context.abort(_code(request.requested_status), request.requested_message)
    return pb2.EchoResponse(payload=request.payload, text=request.text, sequence=sequence)


def _code(n):
    for c in grpc.StatusCode:
        if c.value[0] == n:
            return c
    return grpc.StatusCode.UNKNOWN


class Diagnostics(pb2_grpc.DiagnosticsServicer):
    def Echo(self, request, context):
        return answer(request, 1, context)

    def EchoStream(self, request_iterator, context):
        for i, request in enumerate(request_iterator):
            yield answer(request, i + 1, context)


server = grpc.server(futures.ThreadPoolExecutor(max_workers=8),
                     options=[("grpc.max_receive_message_length", 8 << 20)])
pb2_grpc.add_DiagnosticsServicer_to_server(Diagnostics(), server)
port = server.add_insecure_port(sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1:0")
server.start()
print("PORT %d" % port, flush=True)
# Stop when the parent closes our stdin (or kills us).
threading.Thread(target=lambda: (sys.stdin.read(), server.stop(0)), daemon=True).start()
server.wait_for_termination()
