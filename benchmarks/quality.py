"""Matching quality: top-1, top-5, confident-wrong, pick-list and no-match rates, per set and kind,
for the bot's matcher beside two simple peers on the same sets.

Sets:
* **eval**: ``benchmarks/quality/queries.txt``, queries written by hand the way people type
  (see its header), each labelled with the SOC code(s) a careers counsellor would accept;
* **independent**: ``benchmarks/quality/independent.txt``, a second hand-written set, written
  later without opening the vocabulary file or any alias list (see its header);
* **held-out**: a random 10 % of O*NET's alternate titles (the dataset's aliases), removed from
  the index, which is also built without the everyday vocabulary, then looked up;
* **titles**: every official (OEWS) title, which must resolve to itself.

Peers (on the same names as the index: titles, aliases and the vocabulary):
* **WRatio**: ``rapidfuzz.process.extract(query, names, scorer=WRatio)``; it answers without
  asking when the best name scores >= 90;
* **TF-IDF**: character 2–4-gram TF-IDF nearest neighbour (scikit-learn); it answers without
  asking when the best cosine similarity is >= 0.8.

Definitions: *top-1* the answer (or the first option offered) is acceptable; *top-5* one of the
first five is; *confident-wrong* answered without asking, and wrong; *pick list* asked with
options; *no match* nothing offered. A query labelled with no code names no occupation in the
data: its right answer is not to answer confidently.

A reference that is not a peer, on the held-out titles only (``--learned``, a few minutes): a
linear classifier trained on the same kept names, labelled with their occupations: what the
words of O*NET's other titles predict of a held-out one at all.

    python benchmarks/quality.py [--json FILE] [--misses] [--only SET] [--no-peers] [--learned]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bot.answers import Answers
from bot.dataset import load_dataset
from bot.matching import Matcher, Status, normalize, vocabulary
from bot.matching.vocabulary import in_group
from bot.model import Profession
from bot.names import name_variants, normalize_name

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "quality" / "queries.txt"
INDEPENDENT = HERE / "quality" / "independent.txt"
HELD_OUT_SHARE = 0.10
HELD_OUT_LOOKUPS = 2000  # of the held-out names, looked up (the naive peer is slow)
SEED = 20251201

# A system's reading of one query: answered without asking?, and the SOC codes offered, best first.
Reading = tuple[bool, list[str]]


@dataclass(frozen=True, slots=True)
class Case:
    query: str
    accept: tuple[str, ...]  # SOC codes (or groups); empty: no occupation fits
    kind: str


def read_cases(path: Path = QUERIES) -> list[Case]:
    cases: list[Case] = []
    kind = "?"
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("## "):
            kind = line[3:].strip()
            continue
        if not line or line.startswith("#"):
            continue
        query, _, codes = line.rpartition("|")
        accept = tuple(c.strip() for c in codes.split(",") if c.strip())
        cases.append(Case(query.strip(), accept, kind))
    return cases


def right(code: str, accept: Sequence[str]) -> bool:
    return any(in_group(code, a) or in_group(a, code) and code.endswith("0") for a in accept)


@dataclass
class Tally:
    n: int = 0
    top1: int = 0
    top5: int = 0
    confident_wrong: int = 0
    pick_list: int = 0
    no_match: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, case: Case, reading: Reading) -> None:
        confident, codes = reading
        self.n += 1
        if not case.accept:  # no occupation fits: right unless answered confidently
            ok1 = ok5 = not confident
        else:
            ok1 = bool(codes) and right(codes[0], case.accept)
            ok5 = any(right(c, case.accept) for c in codes[:5])
        self.top1 += ok1
        self.top5 += ok5
        self.confident_wrong += confident and not ok1
        self.pick_list += not confident and bool(codes)
        self.no_match += not codes
        if not ok1:
            self.misses.append(
                f"{case.query!r} -> {codes[:3]}{' (confident)' if confident else ''}"
            )

    def pct(self, k: int) -> float:
        return round(100.0 * k / self.n, 1) if self.n else 0.0

    def row(self) -> dict[str, float | int]:
        return {
            "n": self.n,
            "top1": self.pct(self.top1),
            "top5": self.pct(self.top5),
            "confident_wrong": self.pct(self.confident_wrong),
            "pick_list": self.pct(self.pick_list),
            "no_match": self.pct(self.no_match),
        }


# ---------------------------------------------------------------------------------- systems


def ours(matcher: Matcher) -> Peer:
    def read(queries: Sequence[str]) -> list[Reading]:
        out: list[Reading] = []
        for query in queries:
            res = matcher.resolve(query)
            confident = res.status in (Status.EXACT, Status.MATCH)
            out.append((confident, [_code(c.profession) for c in res.candidates][:10]))
        return out

    return read


def _code(prof: Profession) -> str:
    return prof.soc or (f"curated:{prof.id}")


def names_of(professions: Iterable[Profession], matcher: Matcher) -> tuple[list[str], list[str]]:
    """Every name the index holds (titles, aliases, vocabulary) and the code of its owner."""
    names: list[str] = []
    codes: list[str] = []
    index = matcher.index
    for owners in index.owners:
        for i, _, _, name in owners:
            names.append(name)
            codes.append(_code(index.professions[i]))
    return names, codes


Peer = Callable[[Sequence[str]], list[Reading]]


def wratio_peer(names: list[str], codes: list[str]) -> Peer:
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    processed = [utils.default_process(n) for n in names]

    def read(queries: Sequence[str]) -> list[Reading]:
        out: list[Reading] = []
        for start in range(0, len(queries), 50):
            chunk = [utils.default_process(q) for q in queries[start : start + 50]]
            scores = process.cdist(chunk, processed, scorer=fuzz.WRatio, dtype=np.int16)
            for row in scores:
                best = np.argsort(-row, kind="stable")[:40]
                found = _distinct(codes[i] for i in best if row[i] > 0)
                out.append((bool(found) and int(row[best[0]]) >= 90, found[:10]))
        return out

    return read


def tfidf_peer(names: list[str], codes: list[str]) -> Peer:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
    matrix = vec.fit_transform(names).T.tocsc()

    def read(queries: Sequence[str]) -> list[Reading]:
        out: list[Reading] = []
        for start in range(0, len(queries), 100):
            sims = (vec.transform(queries[start : start + 100]) @ matrix).toarray()
            for row in sims:
                best = np.argsort(-row, kind="stable")[:40]
                found = _distinct(codes[i] for i in best if row[i] > 0)
                out.append((bool(found) and float(row[best[0]]) >= 0.8, found[:10]))
        return out

    return read


def learned_peer(names: list[str], codes: list[str]) -> Peer:
    """Not a matcher but a reference: a linear classifier (scikit-learn's LinearSVC over word
    1–2-grams and character 2–5-grams) trained on the index's names with their occupations as
    labels: how far the words of the names the index keeps predict a held-out title's
    occupation at all. It never answers without asking (it has no notion of confidence)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_union
    from sklearn.svm import LinearSVC

    words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b")
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    vec = make_union(words, chars)
    model = LinearSVC(C=1.0).fit(vec.fit_transform(names), codes)
    classes = list(model.classes_)

    def read(queries: Sequence[str]) -> list[Reading]:
        scores = model.decision_function(vec.transform(list(queries)))
        return [(False, [classes[i] for i in np.argsort(-row)[:10]]) for row in scores]

    return read


def _distinct(codes: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for c in codes:
        seen.setdefault(c, None)
    return list(seen)


# ------------------------------------------------------------------------------------- sets


def held_out(professions: Sequence[Profession]) -> tuple[list[Profession], list[Case]]:
    """The professions without a random 10 % of the distinct alternate titles, and those titles
    as cases.

    A title is held out with everything derived from it: "Information Systems Manager (IS
    Manager)" takes "IS Manager" and "Information Systems Manager" out of the index too, from
    every occupation that lists them. A title that is also an official title (or its part before
    the comma) cannot be held out and is not drawn. A held-out title listed by several
    occupations accepts any of them."""
    rng = random.Random(SEED)
    owners: dict[str, set[str]] = {}
    spelling: dict[str, str] = {}
    for p in professions:
        for a in p.aliases if p.soc else ():
            key = normalize_name(a.name)
            owners.setdefault(key, set()).add(_code(p))
            spelling.setdefault(key, a.name)
    titles = {normalize_name(t) for p in professions for t in (p.title, p.title.split(",")[0])}
    drawn = sorted(k for k in owners if k and k not in titles)
    held = rng.sample(drawn, round(len(drawn) * HELD_OUT_SHARE))
    gone = {v for k in held for v in name_variants(spelling[k])} | set(held)
    keep = [
        replace(p, aliases=tuple(a for a in p.aliases if gone.isdisjoint(name_variants(a.name))))
        for p in professions
    ]
    cases = [Case(spelling[k], tuple(sorted(owners[k])), "alternate title") for k in held]
    return keep, rng.sample(cases, min(HELD_OUT_LOOKUPS, len(cases)))


def unseen(cases: Sequence[Case], vocab: vocabulary.Vocabulary) -> list[Case]:
    """The evaluation queries that are not, as typed, a name in the vocabulary file (a second
    reading of the same queries, reported as the kind "(not a vocabulary name)")."""
    names = {normalize(n) for e in vocab.entries for n in e.names}
    return [
        replace(c, kind="(not a vocabulary name)") for c in cases if normalize(c.query) not in names
    ]


def title_cases(professions: Sequence[Profession]) -> list[Case]:
    return [
        Case(p.title, (p.soc,), "OEWS title")
        for p in professions
        if p.soc and not p.curated and not getattr(p, "members", ())
    ]


# ------------------------------------------------------------------------------------ report


def evaluate(systems: dict[str, Peer], cases: Sequence[Case]) -> dict[str, dict[str, Tally]]:
    out: dict[str, dict[str, Tally]] = {}
    for name, read in systems.items():
        tallies: dict[str, Tally] = {"all": Tally()}
        for case, reading in zip(cases, read([c.query for c in cases]), strict=True):
            if not case.kind.startswith("("):  # a second reading of cases already counted
                tallies["all"].add(case, reading)
            tallies.setdefault(case.kind, Tally()).add(case, reading)
        out[name] = tallies
    return out


def table(title: str, results: dict[str, dict[str, Tally]]) -> list[str]:
    lines = [
        f"### {title}",
        "",
        "| kind | n | system | top-1 | top-5 | confident-wrong | pick list | no match |",
        "|---|---:|---|---:|---:|---:|---:|---:|",
    ]
    systems = list(results)
    kinds = [k for k in results[systems[0]] if k != "all"]
    kinds = (
        [k for k in kinds if not k.startswith("(")]
        + ["all"]
        + [k for k in kinds if k.startswith("(")]
    )
    for kind in kinds:
        for s in systems:
            r = results[s][kind].row()
            label = f"**{kind}**" if kind == "all" else kind
            lines.append(
                f"| {label} | {r['n']} | {s} | {r['top1']} % | {r['top5']} % | "
                f"{r['confident_wrong']} % | {r['pick_list']} % | {r['no_match']} % |"
            )
    return lines + [""]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="list our top-1 misses")
    parser.add_argument(
        "--only", choices=["eval", "independent", "held-out", "titles"], action="append"
    )
    parser.add_argument("--no-peers", action="store_true", help="measure the bot's matcher only")
    parser.add_argument(
        "--learned",
        action="store_true",
        help="on the held-out titles, also a classifier trained on the kept names (minutes)",
    )
    args = parser.parse_args(argv)
    sets = args.only or ["eval", "independent", "held-out", "titles"]
    dataset = load_dataset()
    vocab = vocabulary.load()
    answers = Answers(dataset, vocabulary=vocab)
    report: dict[str, Any] = {}
    lines: list[str] = []
    for name in sets:
        t0 = time.perf_counter()
        if name == "held-out":
            kept, cases = held_out(dataset.professions)
            matcher = Matcher(kept)
            title = (
                f"Held-out alternate titles ({len(cases)} names; the index is built without "
                "them and without the vocabulary)"
            )
        else:
            matcher = answers.matcher
            cases, title = {
                "eval": (read_cases(QUERIES), "Evaluation queries (written by hand)"),
                "independent": (read_cases(INDEPENDENT), "Independent queries (written by hand)"),
                "titles": (title_cases(dataset.professions), "Every OEWS title"),
            }[name]
            if name != "titles":
                cases += unseen(cases, vocab)
        names, codes = names_of(matcher.professions, matcher)
        systems: dict[str, Peer] = {"career-bot": ours(matcher)}
        if name != "titles" and not args.no_peers:
            systems |= {"WRatio": wratio_peer(names, codes), "TF-IDF": tfidf_peer(names, codes)}
        if name == "held-out" and args.learned:
            systems["learned (reference)"] = learned_peer(names, codes)
        results = evaluate(systems, cases)
        lines += table(title, results)
        report[name] = {s: {k: t.row() for k, t in r.items()} for s, r in results.items()}
        if args.misses:
            for miss in results["career-bot"]["all"].misses:
                print(f"  miss [{name}] {miss}", file=sys.stderr)
        print(f"{name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
