#!/usr/bin/env python3
"""Builds a population of real TCP sockets on loopback for `run-bench.sh`, holds it, and cleans up.

Three dual-stack listeners on ports the kernel picks (printed as `ports A B C`):
  A  connections held open: an ESTABLISHED socket on each side (the server side has sport A);
  B  the server closes first: TIME_WAIT on the server side (sport B), as on a busy web front end;
  C  the client closes first: TIME_WAIT on the client side (sport ephemeral, dport C): not on a service port.

Held connections live in several holder processes, each within its open-files limit (`ulimit -n`): a
connection costs a holder two descriptors. TIME_WAIT sockets hold no descriptor, so most of the population is
TIME_WAIT, made by short-lived worker processes; they last the kernel's 60 s, so measure right after `ready`.
Clients connect to 127.0.0.1 .. 127.0.0.64 (all loopback) so that no 4-tuple is reused while in TIME_WAIT.

Prints `ports A B C`, then `ready` once built; holds until its standard input closes or it gets SIGTERM/SIGINT,
then closes the held connections with a reset (no extra TIME_WAIT) and exits. Standard library only.
"""
import argparse
import os
import resource
import signal
import socket
import struct
import sys
import time

DESTINATIONS = 64
LINGER_RESET = struct.pack("ii", 1, 0)


def listener():
    s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    s.bind(("::", 0))
    s.listen(4096)
    return s


def destination(i):
    return "127.0.0.%d" % (1 + i % DESTINATIONS)


def connect_accept(lst, port, i):
    c = socket.create_connection((destination(i), port))
    a, _ = lst.accept()
    return c, a


def hold(lst, port, count, ready_w):
    """A holder: `count` connections on `port`, both ends here, until SIGTERM."""
    held = []
    for i in range(count):
        held.extend(connect_accept(lst, port, i))
    os.write(ready_w, b"h")
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    while not stop:
        signal.pause()
    for s in held:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, LINGER_RESET)
        s.close()


def churn(lst_b, port_b, n_b, lst_c, port_c, n_c, offset):
    """A worker: n_b connections closed server-first on B, n_c closed client-first on C."""
    for i in range(max(n_b, n_c)):
        if i < n_b:
            c, a = connect_accept(lst_b, port_b, offset + i)
            a.close()
            c.close()
        if i < n_c:
            c, a = connect_accept(lst_c, port_c, offset + i)
            c.close()
            a.close()


def split(total, parts):
    return [total // parts + (1 if k < total % parts else 0) for k in range(parts)]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--established", type=int, default=12000, help="connections held open on port A")
    p.add_argument("--server-timewait", type=int, default=38000, help="TIME_WAIT sockets on port B (server side)")
    p.add_argument("--client-timewait", type=int, default=38000, help="TIME_WAIT sockets toward port C (client side)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="processes making TIME_WAIT")
    args = p.parse_args()

    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    per_holder = max(1, (soft - 64) // 2)

    lst_a, lst_b, lst_c = listener(), listener(), listener()
    ports = [s.getsockname()[1] for s in (lst_a, lst_b, lst_c)]
    print("ports %d %d %d" % tuple(ports), flush=True)

    children = []
    ready_r, ready_w = os.pipe()
    holders = split(args.established, max(1, -(-args.established // per_holder)))
    started = time.monotonic()
    for k, count in enumerate(holders):
        pid = os.fork()
        if pid == 0:
            try:
                hold(lst_a, ports[0], count, ready_w)
            finally:
                os._exit(0)
        children.append(pid)
    for _ in holders:
        os.read(ready_r, 1)

    workers = []
    b_parts = split(args.server_timewait, args.workers)
    c_parts = split(args.client_timewait, args.workers)
    offset = 0
    for k in range(args.workers):
        pid = os.fork()
        if pid == 0:
            try:
                churn(lst_b, ports[1], b_parts[k], lst_c, ports[2], c_parts[k], offset)
            finally:
                os._exit(0)
        workers.append(pid)
        offset += max(b_parts[k], c_parts[k])
    for pid in workers:
        _, status = os.waitpid(pid, 0)
        if status != 0:
            print("a TIME_WAIT worker failed with status %d" % status, file=sys.stderr)
    print("ready: %d held connections in %d processes (%d per process at most, ulimit -n %d), %d + %d "
          "TIME_WAIT made in %.1f s" % (args.established, len(holders), per_holder, soft, args.server_timewait,
                                       args.client_timewait, time.monotonic() - started), flush=True)

    def stop(*_):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while sys.stdin.read(1):
            pass
    finally:
        for pid in children:
            os.kill(pid, signal.SIGTERM)
        for pid in children:
            os.waitpid(pid, 0)
        for s in (lst_a, lst_b, lst_c):
            s.close()


if __name__ == "__main__":
    main()
