#!/usr/bin/env python3
"""Answer-quality harness: Finwijzer search against two baselines, on the same corpus and questions.

Systems:
  finwijzer  `finwijzer ask --index INDEX --batch FILE --json --limit 10` (skipped when not built yet)
  xapian     stock Xapian (`quality_baselines xapian`): Dutch stemmer, default QueryParser, BM25
  postgres   PostgreSQL 15 full-text search, `dutch` configuration, weighted tsvector
             (title A, keywords B, summary C, body D), OR of the question's lexemes, ts_rank_cd;
             on a throwaway local cluster (unix socket only) that is always stopped afterwards

Question sets: corpus/toetsvragen.tsv (`vraag<TAB>ids`, kind from `# soort:` lines) and
tests/data/vragen-variatie.tsv (`soort<TAB>vraag<TAB>ids`). A question is a hit@k when any expected id
is among the first k results; its reciprocal rank uses the first expected id in the top 10 (0 if none).

Exit status: 0 when the measurement ran, 1 on a harness error. Timings are not measured here.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
QUESTION_SETS = [
    ("toetsvragen", REPO / "corpus" / "toetsvragen.tsv"),
    ("variatie", REPO / "tests" / "data" / "vragen-variatie.tsv"),
    # Written last, by someone who saw neither the other sets nor the answers: a check on how
    # well the tuning on the two sets above generalises. Measured, never tuned on.
    ("controle", REPO / "tests" / "data" / "vragen-controle.tsv"),
    # A fourth set, written the same blind way after the control set had been read once: the
    # honest estimate of the held-out set. Measured, never tuned on.
    ("blind", REPO / "tests" / "data" / "vragen-blind.tsv"),
    # Two more written blind in a later session: a development set that is read and tuned on
    # (96 questions), and a fifth set that is measured only (64 questions).
    ("ontwikkel", REPO / "tests" / "data" / "vragen-ontwikkel.tsv"),
    ("blind2", REPO / "tests" / "data" / "vragen-blind2.tsv"),
    # Written blind in the session after that, before that session changed anything: measured only.
    ("blind3", REPO / "tests" / "data" / "vragen-blind3.tsv"),
    # Written blind on 2026-11-28 after the coordination factor, by a helper told not to echo the
    # instruments' example questions: measured only.
    ("blind4", REPO / "tests" / "data" / "vragen-blind4.tsv"),
    # Written the same way at the same time, as the development set of the next round (96).
    ("ontwikkel2", REPO / "tests" / "data" / "vragen-ontwikkel2.tsv"),
    # Written blind on 2026-11-28 (the third session that day) the same way, before that
    # session's changes were measured: measured only.
    ("blind5", REPO / "tests" / "data" / "vragen-blind5.tsv"),
    # Written at the same time in the same way, as the development set of that session (96).
    ("ontwikkel3", REPO / "tests" / "data" / "vragen-ontwikkel3.tsv"),
    # Written blind on 2026-11-28 (the fourth session that day) the same way, before that
    # session changed anything: measured only.
    ("blind6", REPO / "tests" / "data" / "vragen-blind6.tsv"),
    # Written at the same time in the same way, as the development set of that session (96).
    ("ontwikkel4", REPO / "tests" / "data" / "vragen-ontwikkel4.tsv"),
]
# The sets whose misses are read; `--typos` derives a set from their questions.
DEVELOPMENT_SETS = ["toetsvragen", "variatie", "controle", "ontwikkel", "ontwikkel2", "ontwikkel3",
                    "ontwikkel4"]
TYPO_KINDS = ("gewoon", "lang", "regio", "spreektaal")
SYSTEMS = ["finwijzer", "xapian", "postgres"]
LIMIT = 10  # results asked from every system; MRR looks at this many
PG_BIN = Path("/usr/lib/postgresql/15/bin")


class HarnessError(Exception):
    """The harness itself failed (missing tool, bad input, a system crashed)."""


# ---------------------------------------------------------------------------------------------
# Question sets and metrics (imported by bench/quality_test.py)


@dataclass
class Question:
    text: str
    kind: str
    expected: list
    line: int = 0


def read_questions(path):
    """Reads `vraag<TAB>id,id` lines (kind from the last `# soort: x` comment, else "overig") or
    `soort<TAB>vraag<TAB>id,id` lines; `#` starts a comment line. Mirrors kb::load_questions."""
    questions = []
    kind = "overig"
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, start=1):
            line = raw.rstrip("\r\n")
            stripped = line.strip()
            if not stripped:
                continue
            if stripped.startswith("#"):
                body = stripped[1:].strip()
                if body.startswith("soort:"):
                    kind = body[len("soort:"):].strip()
                continue
            cols = line.split("\t")
            if len(cols) == 2:
                q_kind, text, ids = kind, cols[0], cols[1]
            elif len(cols) == 3:
                q_kind, text, ids = cols[0].strip(), cols[1], cols[2]
            else:
                raise HarnessError(f"{path}:{lineno}: expected 'vraag<TAB>ids' or 'soort<TAB>vraag<TAB>ids'")
            expected = [i.strip() for i in ids.split(",") if i.strip()]
            text = text.strip()
            if not text or not expected:
                raise HarnessError(f"{path}:{lineno}: a question needs text and at least one expected id")
            questions.append(Question(text, q_kind, expected, lineno))
    return questions


def with_typos(questions, seed=7):
    """The questions of TYPO_KINDS with a typo in two of their words of 7 letters or more (one
    when there is one): a swap, a dropped, doubled or changed letter, never the first or last.
    Fixed seed, so the set is the same on every run; the expected ids stay."""
    import random
    import re
    rng = random.Random(seed)

    def typo(word):
        i = rng.randrange(1, len(word) - 1)
        op = rng.choice(["swap", "del", "dup", "sub"])
        if op == "swap":
            return word[:i] + word[i + 1] + word[i] + word[i + 2:]
        if op == "del":
            return word[:i] + word[i + 1:]
        if op == "dup":
            return word[:i] + word[i] + word[i:]
        return word[:i] + rng.choice("aeiounrstlk") + word[i + 1:]

    out = []
    for q in questions:
        if q.kind not in TYPO_KINDS:
            continue
        words = list(re.finditer(r"[A-Za-zé]{7,}", q.text))
        if not words:
            continue
        text = q.text
        for m in rng.sample(words, min(2, len(words))):
            text = text.replace(m.group(0), typo(m.group(0)), 1)
        out.append(Question(text, q.kind, q.expected, q.line))
    return out


def first_hit_rank(expected, ranking, depth=LIMIT):
    """1-based rank of the first expected id in the top `depth` of `ranking`; 0 when none."""
    wanted = set(expected)
    for rank, doc_id in enumerate(ranking[:depth], start=1):
        if doc_id in wanted:
            return rank
    return 0


def score(expected, ranking):
    """(hit@1, hit@3, reciprocal rank) of one ranking."""
    rank = first_hit_rank(expected, ranking)
    return (
        1 if 1 <= rank <= 1 else 0,
        1 if 1 <= rank <= 3 else 0,
        1.0 / rank if rank else 0.0,
    )


@dataclass
class Summary:
    n: int = 0
    hit1: float = 0.0
    hit3: float = 0.0
    mrr: float = 0.0


def summarize(questions, rankings):
    """Per kind (in order of first appearance) plus "ALL": Summary(n, hit@1, hit@3, MRR)."""
    groups = {}
    for q, ranking in zip(questions, rankings, strict=True):
        for key in (q.kind, "ALL"):
            groups.setdefault(key, []).append(score(q.expected, ranking))
    groups["ALL"] = groups.pop("ALL", [])  # keep ALL last
    out = {}
    for key, scores in groups.items():
        n = len(scores)
        out[key] = Summary(
            n,
            sum(s[0] for s in scores) / n if n else 0.0,
            sum(s[1] for s in scores) / n if n else 0.0,
            sum(s[2] for s in scores) / n if n else 0.0,
        )
    return out


# ---------------------------------------------------------------------------------------------
# Running things


def run(cmd, **kwargs):
    """Runs a command, capturing text output; raises HarnessError on failure."""
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", **kwargs)
    except OSError as e:
        raise HarnessError(f"cannot run {cmd[0]}: {e}") from e
    if proc.returncode != 0:
        raise HarnessError(
            f"{' '.join(str(c) for c in cmd)} failed (exit {proc.returncode}):\n{proc.stderr.strip()}"
        )
    return proc.stdout


def subcommands(binary):
    """The subcommands listed by `finwijzer help` (two-space indented lines), or an empty set."""
    if not binary.is_file():
        return set()
    proc = subprocess.run([binary, "help"], capture_output=True, text=True)
    names = set()
    for line in (proc.stdout + proc.stderr).splitlines():
        if line.startswith("  ") and line.strip():
            names.add(line.split()[0])
    return names


def parse_json_lines(text, count, who):
    """`count` JSON objects, one per line, each with "matches": [{"id": …}, …] → lists of ids."""
    lines = [l for l in text.splitlines() if l.strip()]
    if len(lines) != count:
        raise HarnessError(f"{who}: expected {count} result lines, got {len(lines)}")
    rankings = []
    for n, line in enumerate(lines, start=1):
        try:
            obj = json.loads(line)
            rankings.append([str(m["id"]) for m in obj["matches"]])
        except (ValueError, KeyError, TypeError) as e:
            raise HarnessError(f"{who}: result line {n} is not as expected ({e}): {line[:200]}") from e
    return rankings


def batch_file(tmp, questions):
    path = Path(tmp) / "questions.txt"
    path.write_text("".join(q + "\n" for q in questions), encoding="utf-8")
    return path


def rank_finwijzer(texts, build, index):
    """Rankings from `finwijzer ask`, or None when that command does not exist yet."""
    binary = build / "bin" / "finwijzer"
    commands = subcommands(binary)
    if "ask" not in commands:
        return None
    if not index.exists():
        if "index" not in commands:
            return None
        print(f"building the index: {binary} index --corpus {CORPUS} --out {index}", file=sys.stderr)
        index.parent.mkdir(parents=True, exist_ok=True)
        run([binary, "index", "--corpus", CORPUS, "--out", index])
    with tempfile.TemporaryDirectory(prefix="finwijzer-quality-") as tmp:
        batch = batch_file(tmp, texts)
        out = run([binary, "ask", "--index", index, "--batch", batch, "--json", "--limit", str(LIMIT)])
    return parse_json_lines(out, len(texts), "finwijzer ask")


def baselines_binary(build):
    binary = build / "bin" / "quality_baselines"
    if not binary.is_file():
        raise HarnessError(f"{binary} not found; build it: cmake --build {build} --target quality_baselines")
    return binary


def rank_xapian(texts, build):
    binary = baselines_binary(build)
    with tempfile.TemporaryDirectory(prefix="finwijzer-quality-") as tmp:
        batch = batch_file(tmp, texts)
        out = run([binary, "xapian", "--corpus", CORPUS, "--batch", batch, "--limit", str(LIMIT)])
    return parse_json_lines(out, len(texts), "quality_baselines xapian")


def copy_escape(value):
    """A field for PostgreSQL's COPY text format."""
    return (
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def postgres_script(rows, texts):
    """One psql script: load the instruments, index them, rank every question; prints n<TAB>id."""
    out = ["\\set ON_ERROR_STOP on", "SET client_min_messages = warning;"]
    out.append("CREATE TABLE doc (id text PRIMARY KEY, title text, keywords text, summary text, body text);")
    out.append("COPY doc FROM STDIN;")
    out += ["\t".join(copy_escape(c) for c in row) for row in rows]
    out.append("\\.")
    out.append(
        "ALTER TABLE doc ADD COLUMN tsv tsvector;\n"
        "UPDATE doc SET tsv =\n"
        "    setweight(to_tsvector('dutch', title), 'A') ||\n"
        "    setweight(to_tsvector('dutch', keywords), 'B') ||\n"
        "    setweight(to_tsvector('dutch', summary), 'C') ||\n"
        "    setweight(to_tsvector('dutch', body), 'D');\n"
        "CREATE INDEX doc_tsv ON doc USING gin (tsv);\n"
        "ANALYZE doc;"
    )
    out.append("CREATE TABLE q (n int PRIMARY KEY, text text);")
    out.append("COPY q FROM STDIN;")
    out += [f"{n}\t{copy_escape(t)}" for n, t in enumerate(texts)]
    out.append("\\.")
    # The question's own lexemes (stemmed, stop words gone), quoted and OR-ed, cast straight to a
    # tsquery so they are not normalized a second time. A question without lexemes gets no results.
    out.append(
        "WITH qq AS (\n"
        "  SELECT n, (SELECT string_agg('''' || replace(replace(l, '\\', '\\\\'), '''', '''''') || '''',\n"
        "                                ' | ')\n"
        "             FROM unnest(tsvector_to_array(to_tsvector('dutch', text))) AS l)::tsquery AS query\n"
        "  FROM q\n"
        "), ranked AS (\n"
        "  SELECT qq.n, d.id,\n"
        "         row_number() OVER (PARTITION BY qq.n\n"
        "                            ORDER BY ts_rank_cd(d.tsv, qq.query) DESC, d.id) AS r\n"
        "  FROM qq JOIN doc d ON d.tsv @@ qq.query\n"
        "  WHERE qq.query IS NOT NULL\n"
        ")\n"
        f"SELECT n, id FROM ranked WHERE r <= {LIMIT} ORDER BY n, r;"
    )
    return "\n".join(out) + "\n"


class Cluster:
    """A throwaway PostgreSQL cluster in a temp dir, reachable only through a unix socket there."""

    def __init__(self):
        self.as_postgres = os.geteuid() == 0  # PostgreSQL refuses to run as root
        self.tmp = Path(tempfile.mkdtemp(prefix="finwijzer-pg-"))
        self.data = self.tmp / "data"
        self.started = False
        if self.as_postgres:
            shutil.chown(self.tmp, user="postgres", group="postgres")

    def cmd(self, program, *args):
        full = [str(PG_BIN / program), *map(str, args)]
        return ["runuser", "-u", "postgres", "--", *full] if self.as_postgres else full

    def start(self):
        run(self.cmd("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                     "--no-locale", "--no-sync"), cwd=self.tmp)
        self.started = True  # from here on, stop() must try, even if start fails half-way
        run(self.cmd("pg_ctl", "-D", self.data, "-l", self.tmp / "server.log", "-w", "-s",
                     "-o", f"-k {self.tmp} -c listen_addresses='' -c fsync=off", "start"),
            cwd=self.tmp)

    def psql(self, script):
        return run(self.cmd("psql", "-X", "-q", "-At", "-F", "\t", "-h", self.tmp, "-U", "postgres",
                            "-d", "postgres", "-f", "-"), input=script, cwd=self.tmp)

    def stop(self):
        try:
            if self.started and (self.data / "postmaster.pid").exists():
                proc = subprocess.run(self.cmd("pg_ctl", "-D", self.data, "-w", "-s", "-m", "fast",
                                               "stop"), capture_output=True, text=True, cwd=self.tmp)
                if proc.returncode != 0:
                    print(f"warning: pg_ctl stop failed: {proc.stderr.strip()}", file=sys.stderr)
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)


def rank_postgres(texts, build):
    if not (PG_BIN / "initdb").is_file():
        raise HarnessError(f"{PG_BIN}/initdb not found (Debian package postgresql-15)")
    dump = run([baselines_binary(build), "dump", "--corpus", CORPUS])
    rows = [line.split("\t") for line in dump.splitlines() if line]
    if not rows or any(len(r) != 5 for r in rows):
        raise HarnessError("quality_baselines dump: expected 5 tab-separated columns per line")
    cluster = Cluster()
    try:
        cluster.start()
        out = cluster.psql(postgres_script(rows, texts))
    finally:
        cluster.stop()
    rankings = [[] for _ in texts]
    for line in out.splitlines():
        if not line:
            continue
        n, doc_id = line.split("\t")
        rankings[int(n)].append(doc_id)
    return rankings


# ---------------------------------------------------------------------------------------------
# Reports


def fmt(x):
    return f"{x:.2f}"


def text_table(name, count, summaries, systems):
    """summaries: system -> kind -> Summary; all systems share the kinds and n."""
    kinds = list(summaries[systems[0]].keys())
    width = max([len("kind")] + [len(k) for k in kinds])
    head = f"{'kind':<{width}} {'n':>4} "
    for s in systems:
        head += f"| {s} h@1  h@3  mrr  "
    lines = [f"set {name} ({count} questions)", head.rstrip()]
    for k in kinds:
        row = f"{k:<{width}} {summaries[systems[0]][k].n:>4} "
        for s in systems:
            m = summaries[s][k]
            row += f"| {' ' * (len(s) + 1)}{fmt(m.hit1)} {fmt(m.hit3)} {fmt(m.mrr)} "
        lines.append(row.rstrip())
    return "\n".join(lines)


def markdown_table(name, count, summaries, systems):
    kinds = list(summaries[systems[0]].keys())
    head = "| kind | n | " + " | ".join(f"{s} h@1 | {s} h@3 | {s} MRR" for s in systems) + " |"
    sep = "| --- | ---: | " + " | ".join("---: | ---: | ---:" for _ in systems) + " |"
    lines = [f"### Set `{name}` ({count} questions)", "", head, sep]
    for k in kinds:
        label = f"**{k}**" if k == "ALL" else k
        cells = " | ".join(
            f"{fmt(summaries[s][k].hit1)} | {fmt(summaries[s][k].hit3)} | {fmt(summaries[s][k].mrr)}"
            for s in systems
        )
        lines.append(f"| {label} | {summaries[systems[0]][k].n} | {cells} |")
    return "\n".join(lines)


def misses(questions, rankings):
    """Lines for the questions whose expected ids are not in the top 3."""
    out = []
    for q, ranking in zip(questions, rankings, strict=True):
        if not score(q.expected, ranking)[1]:
            got = ", ".join(ranking[:LIMIT]) or "(nothing)"
            out.append(f"  [{q.kind}] {q.text}\n      expected: {', '.join(q.expected)}\n      got: {got}")
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description="Measure answer quality: Finwijzer and two baselines.")
    parser.add_argument("--build", type=Path, default=REPO / "build", help="build tree (default: build)")
    parser.add_argument("--index", type=Path, default=REPO / "var" / "index",
                        help="Finwijzer index (default: var/index)")
    parser.add_argument("--systems", default=",".join(SYSTEMS),
                        help="comma-separated, from: " + ",".join(SYSTEMS))
    parser.add_argument("--markdown", type=Path, help="also write the tables as Markdown to this file")
    parser.add_argument("--sets", default=",".join(name for name, _ in QUESTION_SETS),
                        help="comma-separated question sets (default: all): "
                        + ",".join(name for name, _ in QUESTION_SETS))
    parser.add_argument("--typos", action="store_true",
                        help="also measure 'typos': the development sets' questions of four kinds with "
                        "two typos each (fixed seed)")
    parser.add_argument("--verbose", action="store_true",
                        help="list, per system, the questions that missed the top 3 (use with --sets "
                        "ontwikkel: the blind sets stay blind only while their misses go unread)")
    args = parser.parse_args(argv)

    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown or not systems:
        parser.error(f"--systems: unknown {', '.join(unknown) or '(none given)'}; "
                     f"choose from {', '.join(SYSTEMS)}")

    chosen = [s.strip() for s in args.sets.split(",") if s.strip()]
    known = [name for name, _ in QUESTION_SETS]
    if not chosen or any(s not in known for s in chosen):
        parser.error(f"--sets: choose from {', '.join(known)}")

    try:
        sets = [(name, read_questions(path)) for name, path in QUESTION_SETS if name in chosen]
        if args.typos:
            development = [q for name, path in QUESTION_SETS if name in DEVELOPMENT_SETS
                           for q in read_questions(path)]
            sets.append(("typos", with_typos(development)))
        texts = list(dict.fromkeys(q.text for _, qs in sets for q in qs))  # unique, in order

        rankings = {}  # system -> question text -> ranking
        notes = []
        for system in systems:
            if system == "finwijzer":
                result = rank_finwijzer(texts, args.build, args.index)
                if result is None:
                    print("finwijzer: not available", file=sys.stderr)
                    notes.append("finwijzer: not available (no `finwijzer ask` in the build)")
                    continue
            elif system == "xapian":
                result = rank_xapian(texts, args.build)
            else:
                result = rank_postgres(texts, args.build)
            rankings[system] = dict(zip(texts, result, strict=True))
    except HarnessError as e:
        print(f"quality: {e}", file=sys.stderr)
        return 1

    measured = [s for s in systems if s in rankings]
    if not measured:
        print("quality: no system could be measured", file=sys.stderr)
        return 1

    text_parts, md_parts = [], []
    for name, questions in sets:
        summaries = {s: summarize(questions, [rankings[s][q.text] for q in questions]) for s in measured}
        text_parts.append(text_table(name, len(questions), summaries, measured))
        md_parts.append(markdown_table(name, len(questions), summaries, measured))
    print("\n\n".join(text_parts))
    for note in notes:
        print(note)

    if args.verbose:
        for s in measured:
            for name, questions in sets:
                lines = misses(questions, [rankings[s][q.text] for q in questions])
                print(f"\n{s}, set {name}: {len(lines)} of {len(questions)} questions missed the top 3")
                print("\n".join(lines))

    if args.markdown:
        md = [
            "Measured by `bench/quality.py`: hit@1 and hit@3 (share of questions with an expected id in",
            "the first 1 or 3 results) and MRR (first expected id in the top 10).",
            "",
        ]
        md += [p + "\n" for p in md_parts]
        md += [f"_{n}_" for n in notes]
        args.markdown.write_text("\n".join(md).rstrip() + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
