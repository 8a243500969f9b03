"""Lays out an HTML file as a phone does and reports what a reader would meet.

usage: phone_layout.py CHROMIUM FILE WIDTH USER_DATA_DIR [print]

With "print", lays the page out for print media on a desktop of WIDTH px instead (A4 portrait within 15 mm margins is
180 mm ≈ 680 CSS px), to check that nothing is wider than the paper.

Starts headless Chromium with a DevTools port, emulates a phone of WIDTH CSS px (Emulation.setDeviceMetricsOverride,
mobile; the page lays out at that width only with a viewport meta), loads FILE, and prints one JSON object:
innerWidth (a phone widens its layout viewport past WIDTH when content is wider), scrollWidth (of the
document: > innerWidth means horizontal scroll), and the page's text. Standard
library only: a minimal WebSocket client (RFC 6455, masked text frames) speaks the DevTools protocol.
"""
import base64
import json
import os
import socket
import struct
import subprocess
import sys
import time
import urllib.request


def ws_connect(url):
    assert url.startswith("ws://")
    rest = url[5:]
    hostport, path = rest.split("/", 1)
    host, port = hostport.rsplit(":", 1)
    s = socket.create_connection((host, int(port)), timeout=30)
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall((f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = s.recv(4096)
        if not chunk:
            raise RuntimeError("DevTools closed the connection during the WebSocket handshake")
        head += chunk
    if b" 101 " not in head.split(b"\r\n", 1)[0]:
        raise RuntimeError("DevTools refused the WebSocket upgrade: " + head.decode(errors="replace"))
    return s, head.split(b"\r\n\r\n", 1)[1]


class DevTools:
    def __init__(self, url):
        self.sock, self.buf = ws_connect(url)
        self.next_id = 0
        self.events = []

    def send(self, method, params=None):
        self.next_id += 1
        data = json.dumps({"id": self.next_id, "method": method, "params": params or {}}).encode()
        mask = os.urandom(4)
        n = len(data)
        header = bytes([0x81])
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
        while True:
            msg = self.receive()
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def read(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def receive(self):
        payload = b""
        while True:
            b0, b1 = self.read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self.read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self.read(8))[0]
            payload += self.read(n)
            if b0 & 0x80:
                return json.loads(payload)

    def wait_event(self, method, seconds):
        deadline = time.time() + seconds
        while time.time() < deadline:
            for e in self.events:
                if e.get("method") == method:
                    self.events.remove(e)
                    return e
            self.events.append(self.receive())
        raise RuntimeError(f"no {method} within {seconds} s")


def main():
    chromium, path, width, profile = sys.argv[1], os.path.abspath(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    printing = len(sys.argv) > 5 and sys.argv[5] == "print"
    port_file = os.path.join(profile, "DevToolsActivePort")
    if os.path.exists(port_file):
        os.remove(port_file)  # a previous run's port
    proc = subprocess.Popen([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--remote-debugging-port=0", f"--user-data-dir={profile}", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 30
        while not (os.path.exists(port_file) and open(port_file).read().count("\n") >= 1):
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("chromium did not open its DevTools port")
            time.sleep(0.05)
        port = int(open(port_file).read().split("\n")[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30))
        page = next(t for t in targets if t.get("type") == "page")
        dt = DevTools(page["webSocketDebuggerUrl"])
        dt.send("Page.enable")
        dt.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": 800, "deviceScaleFactor": 1 if printing else 2,
                                                       "mobile": not printing})
        if printing:
            dt.send("Emulation.setEmulatedMedia", {"media": "print"})
        dt.send("Page.navigate", {"url": "file://" + path})
        dt.wait_event("Page.loadEventFired", 30)
        expr = ("JSON.stringify({innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth,"
                " bodyScrollWidth: document.body.scrollWidth, text: document.body.innerText})")
        result = dt.send("Runtime.evaluate", {"expression": expr, "returnByValue": True})
        print(result["result"]["value"])
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    main()
