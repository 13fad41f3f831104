#!/usr/bin/env python3
"""Side by side on ~100k real loopback sockets: `connwatch bench` with the netlink and the procfs reader, and the
`ss` call that filters the same ports. Prints the median (and min / max) ms per cycle, the sockets each saw, and
peak memory. For people, not part of `mvn verify`. Standard library only; run from anywhere in the repository:

    python3 bench/run-bench.py                       # ~100k sockets, 20 cycles per reader
    python3 bench/run-bench.py --cycles 50 --established 6000 --server-timewait 20000 --client-timewait 20000

It builds the population with bench/population.py (several processes, each within `ulimit -n`), waits until it is
ready, measures, and always tears the population down. TIME_WAIT sockets expire 60 s after they are made, so the
measurements run straight after the population is ready, and the population is counted before and after.

`./connwatch bench` runs from the repository root.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIME = "/usr/bin/time"


def run(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, **kw)


def peak_rss_kib(cmd):
    """Runs cmd under /usr/bin/time -v; returns (completed process, peak RSS in KiB or None)."""
    if os.access(TIME, os.X_OK):
        p = run([TIME, "-v"] + cmd)
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
        return p, int(m.group(1)) if m else None
    # No /usr/bin/time: poll the process's VmHWM while it runs.
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    hwm = None
    while proc.poll() is None:
        try:
            with open("/proc/%d/status" % proc.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        hwm = int(line.split()[1])
        except OSError:
            pass
        time.sleep(0.02)
    out, err = proc.communicate()
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err), hwm


def count_sockets(ports=None):
    cmd = ["ss", "-Htan", "state", "all"]
    if ports:
        cmd.append(ss_filter(ports))
    return len([l for l in run(cmd).stdout.splitlines() if l.strip()])


def ss_filter(ports):
    return "( " + " or ".join("sport = :%d" % p for p in ports) + " )"


def bench_command(args, config, source, ports):
    return ["./connwatch", "bench", "--config", config, "--cycles", str(args.cycles)]


def build(args):
    p = run(["./connwatch", "--version"])  # the launcher builds the jar now, not inside a measurement
    if p.returncode != 0:
        sys.exit("build failed:\n" + p.stdout + p.stderr)


def parse_bench(out):
    def num(pattern):
        m = re.search(pattern, out, re.IGNORECASE)
        return float(m.group(1).replace(",", "")) if m else None
    reader = re.search(r"reader\W+(\S+)", out, re.IGNORECASE)
    return {
        "reader": reader.group(1) if reader else "?",
        "sockets": num(r"sockets[^0-9\n]*([0-9][0-9,]*)"),
        "min": num(r"\bmin\D*?([0-9]+(?:\.[0-9]+)?)"),
        "median": num(r"median\D*?([0-9]+(?:\.[0-9]+)?)\s*ms"),
        "max": num(r"\bmax\D*?([0-9]+(?:\.[0-9]+)?)"),
    }


STATES = [("established", "established"), ("synsent", "syn-sent"), ("synrecv", "syn-recv"),
          ("finwait1", "fin-wait-1"), ("finwait2", "fin-wait-2"), ("timewait", "time-wait"), ("close", "closed"),
          ("closewait", "close-wait"), ("lastack", "last-ack"), ("listen", "listening"), ("closing", "closing")]


def ss_counts(ports):
    """web-cons-STATE as ss lists it, per state."""
    out = {}
    for token, ss_name in STATES:
        lines = run(["ss", "-Htan", "state", ss_name, ss_filter(ports)]).stdout.splitlines()
        out["web-cons-" + token] = len([l for l in lines if l.strip()])
    return out


def connwatch_counts(args, config, source, ports):
    """The web service's metrics as connwatch counts them through one reader."""
    out = {}
    json_config = config.replace(".yaml", "-json.yaml")
    with open(config) as f, open(json_config, "w") as g:
        g.write(f.read() + "    format: json\n")
    p = run(["./connwatch", "run", "--once", "--config", json_config])
    for line in p.stdout.splitlines():
        try:
            m = json.loads(line)
            out[m["name"]] = int(m["value"])
        except (ValueError, KeyError, TypeError):
            pass
    return out


def time_ss(ports, runs):
    cmd = ["ss", "-tan", "state", "all", ss_filter(ports)]
    times = []
    lines = 0
    for _ in range(runs):
        start = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        times.append((time.perf_counter() - start) * 1000)
        if p.returncode != 0:
            sys.exit("ss failed: " + p.stderr)
        lines = len(p.stdout.splitlines()) - 1  # less the header
    _, rss = peak_rss_kib(cmd)
    return {"reader": "ss", "sockets": lines, "min": min(times), "median": statistics.median(times),
            "max": max(times), "rss": rss}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cycles", type=int, default=20)
    ap.add_argument("--ss-runs", type=int, default=20)
    ap.add_argument("--established", type=int, default=12000)
    ap.add_argument("--server-timewait", type=int, default=38000)
    ap.add_argument("--client-timewait", type=int, default=38000)
    args = ap.parse_args()
    for tool in ("ss", "java"):
        if not shutil.which(tool):
            sys.exit(tool + " is needed")

    build(args)
    tmp = tempfile.mkdtemp(prefix="connwatch-bench-")
    population = None
    try:
        population = subprocess.Popen(
            [sys.executable, os.path.join(ROOT, "bench", "population.py"),
             "--established", str(args.established), "--server-timewait", str(args.server_timewait),
             "--client-timewait", str(args.client_timewait)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        ports = [int(p) for p in population.stdout.readline().split()[1:]]
        ready = population.stdout.readline().strip()
        if not ready.startswith("ready"):
            sys.exit("the population did not build: " + ready)
        print(ready)
        service_ports = ports[:2]

        configs = {}
        for source in ("netlink", "procfs"):
            configs[source] = os.path.join(tmp, source + ".yaml")
            with open(configs[source], "w") as f:
                f.write("services:\n  - name: web\n    ports: [%d, %d]\ncollectors:\n  - type: tcp-states\n"
                        "    source: %s\nsinks:\n  - type: stdout\n" % (service_ports[0], service_ports[1], source))

        before = count_sockets()
        before_ports = count_sockets(service_ports)
        rows = [time_ss(service_ports, args.ss_runs)]
        raw = {}
        for source in ("netlink", "procfs"):
            p, rss = peak_rss_kib(bench_command(args, configs[source], source, service_ports))
            if p.returncode != 0:
                sys.exit("connwatch bench (%s) failed with %d:\n%s%s" % (source, p.returncode, p.stdout, p.stderr))
            row = parse_bench(p.stdout)
            row["rss"] = rss
            row["label"] = "connwatch bench, source: " + source
            rows.append(row)
            raw[source] = p.stdout.strip()
        # Counts: ss before and after each reader's one cycle, as TIME_WAIT sockets may expire meanwhile.
        counts = {"ss before": ss_counts(service_ports)}
        for source in ("netlink", "procfs"):
            counts[source] = connwatch_counts(args, configs[source], source, service_ports)
        counts["ss after"] = ss_counts(service_ports)
        after = count_sockets()

        rows[0]["label"] = "ss -tan state all '%s'" % ss_filter(service_ports)
        print("population: %d TCP sockets before, %d after (ss -tan state all); %d on the service ports %d and %d"
              % (before, after, before_ports, service_ports[0], service_ports[1]))
        print("%-62s %9s %9s %9s %10s %10s" % ("", "median ms", "min ms", "max ms", "sockets", "peak RSS"))
        for r in rows:
            print("%-62s %9s %9s %9s %10s %10s" % (
                r["label"], fmt(r["median"]), fmt(r["min"]), fmt(r["max"]),
                "?" if r["sockets"] is None else "%d" % r["sockets"],
                "?" if r["rss"] is None else "%d MiB" % round(r["rss"] / 1024)))
        print("(ss: %d runs, each a new process; connwatch: %d cycles in one warm process; netlink's sockets are "
              "those the kernel sent after its state and port filter, procfs's the whole table)"
              % (args.ss_runs, args.cycles))
        columns = ("ss before", "netlink", "procfs", "ss after")
        print("\n%-28s %10s %10s %10s %10s" % (("counts of the service web",) + columns))
        agree = True
        for token, _ in STATES:
            name = "web-cons-" + token
            values = [counts[k].get(name) for k in columns]
            if None in values:
                agree = False
            else:
                low, high = sorted((values[0], values[3]))
                agree &= low <= values[1] <= high and low <= values[2] <= high
            if any(values):
                print("%-28s %10s %10s %10s %10s" % ((name,) + tuple("?" if v is None else v for v in values)))
        for name in ("web-listen-queue", "web-listen-backlog"):
            print("%-28s %10s %10s %10s" % (name, "", counts["netlink"].get(name, "-"),
                                             counts["procfs"].get(name, "-")))
        print("counts: %s" % ("both readers agree with ss" if agree else
                              "DIFFERENT from ss beyond what changed between the two ss snapshots"))
        for source, out in raw.items():
            shown = "\n".join(l for l in out.splitlines() if not l.startswith("metric "))
            print("\n--- connwatch bench, source: %s ---\n%s" % (source, shown))
    finally:
        if population is not None:
            population.stdin.close()  # population.py resets its held connections and exits
            try:
                population.wait(timeout=30)
            except subprocess.TimeoutExpired:
                population.kill()
                population.wait()
        shutil.rmtree(tmp, ignore_errors=True)


def fmt(v):
    return "?" if v is None else "%.1f" % v


if __name__ == "__main__":
    main()
