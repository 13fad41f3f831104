#!/usr/bin/env python3
"""Loopback stand-ins for the cron-cycle benchmark: CloudWatch's PutMetricData (awsQuery, as AWS SDK for Java
2.40.2 speaks it, and JSON 1.0, as the aws CLI 2.9 of Debian 12 does) and the EC2 instance metadata service (IMDSv2 and, for the
old script, IMDSv1). Both answer at once, so the benchmark measures the clients, not the servers.

Usage: standins.py PORTFILE   -- binds two ephemeral ports on 127.0.0.1, writes "CW_PORT IMDS_PORT" to PORTFILE,
counts the datums it receives and prints the count to stderr on SIGTERM.
"""
import json
import signal
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

datums = 0
requests = {}
lock = threading.Lock()

PUT_OK = (b'<PutMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">'
          b'<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId>'
          b'</ResponseMetadata></PutMetricDataResponse>')


class CloudWatch(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out as separate writes; with Nagle's algorithm on, the body waits for the client's
    # delayed ACK (40 ms on Linux), a delay no real service adds and that would dominate what is measured.
    disable_nagle_algorithm = True

    def do_POST(self):
        global datums
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.headers.get("Content-Encoding") == "gzip":
            import gzip
            body = gzip.decompress(body)
        kind = self.headers.get("Content-Type", "?").split(";")[0]
        if kind.startswith("application/x-amz-json"):
            n = len(json.loads(body).get("MetricData", []))
            reply, reply_type = b"{}", kind
        else:
            form = urllib.parse.parse_qs(body.decode())
            n = sum(1 for k in form if k.startswith("MetricData.member.") and k.endswith(".MetricName"))
            reply, reply_type = PUT_OK, "text/xml"
        with lock:
            datums += n
            requests[kind] = requests.get(kind, 0) + 1
        self.send_response(200)
        self.send_header("Content-Type", reply_type)
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


class Imds(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def reply(self, status, body, ttl=None):
        data = body.encode()
        self.send_response(status)
        if ttl:
            self.send_header("X-aws-ec2-metadata-token-ttl-seconds", ttl)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_PUT(self):
        if self.path == "/latest/api/token":
            self.reply(200, "bench-token", self.headers.get("X-aws-ec2-metadata-token-ttl-seconds", "21600"))
        else:
            self.reply(404, "")

    def do_GET(self):
        values = {"/latest/meta-data/instance-id": "i-0bench000000000000",
                  "/latest/meta-data/placement/region": "eu-west-1"}
        self.reply(200, values[self.path]) if self.path in values else self.reply(404, "")

    def log_message(self, *args):
        pass


def main():
    cw = ThreadingHTTPServer(("127.0.0.1", 0), CloudWatch)
    imds = ThreadingHTTPServer(("127.0.0.1", 0), Imds)
    for server in (cw, imds):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    with open(sys.argv[1], "w") as f:
        f.write(f"{cw.server_address[1]} {imds.server_address[1]}\n")
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    done.wait()
    print(f"stand-ins: {datums} datums received in {requests} requests", file=sys.stderr)


if __name__ == "__main__":
    main()
