#!/usr/bin/env python3
"""Aggregates a JFR recording's CPU samples (jdk.ExecutionSample) of the bridge: samples per thread, the top frames
(self time), the top frames of this service's code (first com.lendingops frame of each stack) and the share of
samples whose stack passes through each library (inclusive). JIT compiler and GC threads are native threads that
JFR does not sample here: take their CPU from /proc (the benchmark prints the busiest threads).

Usage: bench/jfr-top.py recording.jfr [top-n]   (needs `jfr` of the JDK on PATH)
"""
import collections
import re
import subprocess
import sys

LIBRARIES = [
    ("hibernate", "org.hibernate."), ("jackson", "com.fasterxml.jackson."), ("jboss logging", "org.jboss.log"),
    ("context propagation", "io.smallrye.context."), ("mutiny", "io.smallrye.mutiny."),
    ("reactive messaging", "io.smallrye.reactive.messaging."), ("kafka client", "org.apache.kafka."),
    ("pg client", "io.vertx.pgclient."), ("vert.x sql", "io.vertx.sqlclient."), ("vert.x core", "io.vertx.core."),
    ("netty", "io.netty."), ("micrometer", "io.micrometer."), ("arc", "io.quarkus.arc."),
    ("this service", "com.lendingops."),
]


def samples(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", path], check=True,
                         capture_output=True, text=True).stdout
    for block in out.split("jdk.ExecutionSample")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        frames = re.findall(r"^\s+([\w$.<>/]+)\(.*?\)\s+line:", block, re.M)
        yield (thread.group(1) if thread else "?"), frames


def thread_group(name):
    return re.sub(r"\d+", "N", name)


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    threads, self_frames, own_frames, libraries = (collections.Counter() for _ in range(4))
    total = 0
    for thread, frames in samples(path):
        total += 1
        threads[thread_group(thread)] += 1
        if frames:
            self_frames[frames[0]] += 1
        own = next((f for f in frames if f.startswith("com.lendingops.")), None)
        own_frames[own or "(no service frame)"] += 1
        for label, prefix in LIBRARIES:
            if any(f.startswith(prefix) for f in frames):
                libraries[label] += 1
    print(f"{total} samples")
    for title, counter in (("threads", threads), ("self frames", self_frames),
                           ("first service frame", own_frames), ("stacks through (inclusive)", libraries)):
        print(f"\n## {title}")
        for key, count in counter.most_common(top):
            print(f"{100.0 * count / max(1, total):5.1f} %  {count:6d}  {key}")


if __name__ == "__main__":
    main()
