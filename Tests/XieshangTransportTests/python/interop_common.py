"""Shared by the grpcio interop scripts: generates Python stubs from Protos/ into a temp dir and imports them."""
import os
import sys
import tempfile

from grpc_tools import protoc


def load_stubs(protos_dir):
    """Runs grpc_tools.protoc on diagnostics.proto into a fresh temp dir; returns (pb2, pb2_grpc)."""
    out = tempfile.mkdtemp(prefix="xs-stubs-")
    args = ["protoc", "-I" + protos_dir, "--python_out=" + out, "--grpc_python_out=" + out,
            os.path.join(protos_dir, "xieshang", "v1", "diagnostics.proto")]
    if protoc.main(args) != 0:
        raise SystemExit("grpc_tools.protoc failed on " + protos_dir)
    sys.path.insert(0, out)
    from xieshang.v1 import diagnostics_pb2, diagnostics_pb2_grpc  # noqa: E402
    return diagnostics_pb2, diagnostics_pb2_grpc


def payload_size(i):
    """Message sizes of the interop runs: mostly small, every 100th message 1 MiB."""
    if i % 100 == 99:
        return 1024 * 1024
    return (i * 7919) % 4096


def payload(i):
    return bytes([i % 251]) * payload_size(i)


def text(i):
    return "第%d条 政协委员提案：关于乡村振兴的建议 ✓" % i
