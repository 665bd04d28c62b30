#!/usr/bin/env python3
"""Slow-client soak of the sandbox server (loopback only, bounded): CONNS connections trickle one header byte
every 200 ms for SECONDS (reconnecting when the server closes them) plus 50 idle connections, while a normal
client asks /api/v1/health every 250 ms. Prints the slowest and median answer time, failures, and how many
trickling connections the server closed at its header deadline.
    python3 bench/slow_clients.py [SECONDS=60] [CONNS=200] [SERVER=build/bin/medpics-platform]"""
import http.client, os, select, socket, statistics, subprocess, sys, tempfile, threading, time

seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60
conns = int(sys.argv[2]) if len(sys.argv) > 2 else 200
server = sys.argv[3] if len(sys.argv) > 3 else "build/bin/medpics-platform"

data = tempfile.mkdtemp(prefix="medpics-slow-")
port_file = os.path.join(data, "port")
proc = subprocess.Popen([server, "--data", data, "--port", "0", "--port-file", port_file, "--demo-small"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(600):
        if os.path.exists(port_file):
            break
        time.sleep(0.1)
    port = int(open(port_file).read())

    def connect():
        s = socket.create_connection(("127.0.0.1", port))
        s.setblocking(False)
        return s

    header = b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * 100000
    slow = [[connect(), 0] for _ in range(conns)]
    idle = [connect() for _ in range(50)]
    closed_by_server = 0
    times, failures = [], 0
    stop = time.monotonic() + seconds

    def normal_client():
        global failures
        while time.monotonic() < stop:
            t0 = time.monotonic()
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                c.request("GET", "/api/v1/health")
                ok = c.getresponse().status == 200
                c.close()
            except OSError:
                ok = False
            times.append(time.monotonic() - t0)
            failures += 0 if ok else 1
            time.sleep(0.25)

    t = threading.Thread(target=normal_client)
    t.start()
    while time.monotonic() < stop:
        for entry in slow:
            s, pos = entry
            try:
                readable, _, _ = select.select([s], [], [], 0)
                if readable and s.recv(4096) == b"":
                    raise ConnectionResetError
                s.send(header[pos:pos + 1])
                entry[1] = pos + 1
            except OSError:
                closed_by_server += 1
                s.close()
                entry[0], entry[1] = connect(), 0
        time.sleep(0.2)
    t.join()
    idle_closed = 0
    for s in idle:
        try:
            idle_closed += 1 if s.recv(1) == b"" else 0
        except OSError:
            idle_closed += 1
    print(f"slow clients: {conns} trickling + 50 idle connections for {seconds:.0f} s; "
          f"{len(times)} health requests, {failures} failed, median {statistics.median(times)*1000:.0f} ms, "
          f"slowest {max(times)*1000:.0f} ms; {closed_by_server} trickling connections closed by the server "
          f"(header deadline), {idle_closed}/50 idle ones closed")
finally:
    proc.terminate()
    proc.wait()
