#!/usr/bin/env bash
# Codec benchmark: builds the swift-protobuf peer (a separate package) and runs `xieshang-bench codec`.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --package-path Ops/bench/peers/codec --scratch-path .build-peers-codec
swift build -c release --product xieshang-bench
.build/release/xieshang-bench codec --peer .build-peers-codec/release/codec-peer
