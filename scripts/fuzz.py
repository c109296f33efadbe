#!/usr/bin/env python3
"""Mutation fuzzing of cartsim's scenario reader and simulation.

Each input is an example scenario (Scenarios/*.yaml, its horizon cut to a few weeks so that
a run is short) with one to three seeded mutations: a byte flipped, deleted or inserted, a
line dropped, duplicated or cut short, a number changed, two keys' values swapped, or the
file truncated. Every input is given to `cartsim validate`; an input that validates is run
(`cartsim run --replications 1`) under a time limit and an address-space limit, and an input
that does not is run as well, to check that run refuses it too.

A finding is any of:
  crash         validate or run ended by a signal, or exited with a status other than 0 or 2
                (or 1 for run: a failure during the run, which valid input must not cause
                either, so it is a finding too);
  hang          validate or run did not finish within its time limit;
  disagreement  validate said ok and run exited 2, or validate refused and run succeeded;
                except that run may refuse a valid scenario whose work would not fit in memory
                (a message of the work estimate, which validate does not make): that input is
                counted as refused for memory.

Input N of seed S is the same file on every machine: `--replay N` rewrites it. Findings are
copied into the findings folder (default .build/fuzz-findings) with a note of what happened;
a finding that is fixed belongs in Tests/FuzzCorpus, whose files the tests replay.

Exit status: 0 when nothing was found, 1 when something was, 2 for a usage error.
"""

import argparse
import os
import pathlib
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHORT_HORIZON = [(re.compile(rb"horizon: *\d+w"), b"horizon: 12w"), (re.compile(rb"warmup: *\d+w"), b"warmup: 2w")]
INTERESTING = [b"0", b"-1", b"1e308", b"9223372036854775807", b"99999999", b"0.5", b"nan", b"inf", b"", b"~",
               b"[]", b"{}", b"&a", b"*a", b"'", b"\"", b"#", b":", b"- ", b"\t", b"\xc3\xa9", b"\xe9", b"\x00"]
MEMORY_REFUSAL = "cartsim: not run: it would need about "
SCALAR_LINE = re.compile(rb"^(\s*(?:- )?[\w.-]+: )(.+)$")


def examples():
    """The example scenarios with a short horizon, by file name."""
    texts = {}
    for path in sorted((ROOT / "Scenarios").glob("*.yaml")):
        text = path.read_bytes()
        for pattern, replacement in SHORT_HORIZON:
            text = pattern.sub(replacement, text, count=1)
        texts[path.name] = text
    return texts


def mutate(text, rng):
    """`text` with one mutation chosen by `rng`."""
    lines = text.split(b"\n")
    kind = rng.choice(["flip", "delete", "insert", "drop_line", "duplicate_line", "cut_line", "digits", "digits",
                       "swap", "swap", "truncate", "interesting"])
    if kind == "flip" and text:
        i = rng.randrange(len(text))
        return text[:i] + bytes([text[i] ^ (1 << rng.randrange(8))]) + text[i + 1:]
    if kind == "delete" and text:
        i = rng.randrange(len(text))
        return text[:i] + text[i + rng.randint(1, 8):]
    if kind == "insert":
        i = rng.randrange(len(text) + 1)
        return text[:i] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 4))) + text[i:]
    if kind == "drop_line" and lines:
        del lines[rng.randrange(len(lines))]
    elif kind == "duplicate_line" and lines:
        i = rng.randrange(len(lines))
        lines.insert(i + rng.randint(0, 3), lines[i])
    elif kind == "cut_line" and lines:
        i = rng.randrange(len(lines))
        lines[i] = lines[i][:rng.randrange(len(lines[i]) + 1)]
    elif kind == "digits":
        runs = list(re.finditer(rb"\d+", text))
        if runs:
            run = rng.choice(runs)
            new = rng.choice([b"0", b"1", str(rng.randrange(10 ** rng.randint(1, 20))).encode(), run.group() * 3])
            return text[:run.start()] + new + text[run.end():]
    elif kind == "swap":
        scalars = [i for i, line in enumerate(lines) if SCALAR_LINE.match(line)]
        if len(scalars) >= 2:
            a, b = rng.sample(scalars, 2)
            ma, mb = SCALAR_LINE.match(lines[a]), SCALAR_LINE.match(lines[b])
            lines[a], lines[b] = ma.group(1) + mb.group(2), mb.group(1) + ma.group(2)
    elif kind == "truncate":
        return text[:rng.randrange(len(text) + 1)]
    elif kind == "interesting":
        values = [m for m in re.finditer(rb": ([^\s{}\[\],#]+)", text)]
        if values:
            value = rng.choice(values)
            return text[:value.start(1)] + rng.choice(INTERESTING) + text[value.end(1):]
    return b"\n".join(lines)


def make_input(seed, number, texts):
    """(example name, bytes) of input `number` of `seed`."""
    rng = random.Random(f"{seed}:{number}")
    name = rng.choice(sorted(texts))
    text = texts[name]
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        text = mutate(text, rng)
    return name, text


def limited(memory_bytes):
    """A preexec function setting the address-space limit of the child."""
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    return apply


def run(command, seconds, memory_bytes, cwd):
    """(exit status or negative signal, output tail); status None on a time-out."""
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, timeout=seconds,
                              preexec_fn=limited(memory_bytes))
    except subprocess.TimeoutExpired:
        return None, b""
    return done.returncode, (done.stdout + done.stderr)[-2000:]


def judge(binary, path, work, seconds, memory_bytes):
    """(validated, finding or None) for the scenario at `path`."""
    validate, validate_output = run([binary, "validate", path], seconds, memory_bytes, work)
    if validate is None:
        return False, "hang: validate did not finish"
    if validate not in (0, 2):
        return False, f"crash: validate exited {validate}\n{validate_output.decode(errors='replace')}"
    out = os.path.join(work, "out")
    shutil.rmtree(out, ignore_errors=True)
    status, output = run([binary, "run", path, "--replications", "1", "--jobs", "1", "--quiet", "--out", out],
                         seconds, memory_bytes, work)
    shutil.rmtree(out, ignore_errors=True)
    leftovers = [name for name in os.listdir(work) if name.startswith(".")]
    for name in leftovers:
        shutil.rmtree(os.path.join(work, name), ignore_errors=True)
    text = output.decode(errors="replace")
    if status is None:
        return validate == 0, "hang: run did not finish"
    if status not in (0, 2):
        return validate == 0, f"crash: run exited {status} (validate {validate})\n{text}"
    if validate == 0 and status == 2 and text.startswith(MEMORY_REFUSAL):
        return True, MEMORY_REFUSAL
    if validate == 0 and status == 2:
        return True, f"disagreement: validate ok, run exited 2\n{text}"
    if validate == 2 and status == 0:
        return False, f"disagreement: validate refused, run exited 0\n{validate_output.decode(errors='replace')}"
    if leftovers:
        return validate == 0, f"left a temporary folder behind: {leftovers}"
    return validate == 0, None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=str(ROOT / ".build/release/cartsim"), help="the cartsim binary")
    parser.add_argument("--seed", type=int, default=None, help="seed of the inputs (default: from the clock)")
    parser.add_argument("--seconds", type=float, default=60, help="stop starting new inputs after this time")
    parser.add_argument("--inputs", type=int, default=None, help="stop after this many inputs")
    parser.add_argument("--start", type=int, default=0, help="number of the first input")
    parser.add_argument("--timeout", type=float, default=30, help="time limit of one command, seconds")
    parser.add_argument("--memory-mb", type=int, default=4096, help="address-space limit of one command")
    parser.add_argument("--findings", default=str(ROOT / ".build/fuzz-findings"), help="where findings are copied")
    parser.add_argument("--replay", type=int, default=None, help="write input N of --seed to stdout and stop")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    texts = examples()
    if args.replay is not None:
        sys.stdout.buffer.write(make_input(seed, args.replay, texts)[1])
        return 0
    args.bin = os.path.abspath(args.bin)  # the commands run in a temporary folder
    if not os.access(args.bin, os.X_OK):
        print(f"fuzz: {args.bin} is not an executable; build it first (make build)", file=sys.stderr)
        return 2
    deadline = time.monotonic() + args.seconds
    inputs = validated = refused = 0
    findings = []
    with tempfile.TemporaryDirectory(prefix="cartsim-fuzz-") as work:
        path = os.path.join(work, "input.yaml")
        number = args.start
        while time.monotonic() < deadline and (args.inputs is None or inputs < args.inputs):
            name, text = make_input(seed, number, texts)
            with open(path, "wb") as file:
                file.write(text)
            ok, finding = judge(args.bin, path, work, args.timeout, args.memory_mb << 20)
            inputs += 1
            validated += ok
            if finding == MEMORY_REFUSAL:
                refused += 1
            elif finding:
                os.makedirs(args.findings, exist_ok=True)
                stem = os.path.join(args.findings, f"seed{seed}-input{number}")
                shutil.copyfile(path, stem + ".yaml")
                with open(stem + ".txt", "w") as note:
                    note.write(f"from {name}; replay: scripts/fuzz.py --seed {seed} --replay {number}\n{finding}\n")
                findings.append(stem)
                print(f"fuzz: input {number} (from {name}): {finding.splitlines()[0]} -> {stem}.yaml", file=sys.stderr)
            number += 1
    print(f"fuzz: seed {seed}: {inputs} inputs, {validated} validated ({refused} of them refused by run for memory), "
          f"{len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
