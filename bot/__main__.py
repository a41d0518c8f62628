"""Command line: ``career-bot run | compare | salary | career | top | explore | match |
check-data``.

Exit codes: 0 success, 1 data or configuration error, 2 a name that matched nothing or several
professions (or bad usage). Never a traceback for a user's mistake.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__, explore, messages
from .answers import Answers
from .cache import DiskCache
from .comparison import Kind, Sheet
from .dataset import DatasetError, load_dataset
from .exitcodes import ExitCode
from .matching import Resolution, Status
from .model import Profession
from .places import Place, PlaceResolution, PlacesError, PlaceStatus
from .ratings import check_ratings
from .settings import Settings, SettingsError


class _Unresolved(Exception):
    def __init__(self, resolution: Resolution) -> None:
        self.resolution = resolution


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="career-bot",
        description="Career answers from public US data, in Discord or in your terminal.",
    )
    p.add_argument("--version", action="version", version=f"career-bot {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser("run", help="connect to Discord and answer slash commands")
    run.add_argument("--sync", action="store_true", help="sync the slash commands now")
    sync = sub.add_parser(
        "sync", help="sync the slash commands now (and remove those of servers synced before)"
    )
    sync.add_argument("--dry-run", action="store_true", help="only print what would change")
    sync.add_argument(
        "--clear-guild", type=int, metavar="ID", help="remove the commands synced to this server"
    )
    invite = sub.add_parser(
        "invite", help="print the links that add the bot to a server or to a user's account"
    )
    invite.add_argument(
        "--id",
        type=int,
        dest="application_id",
        help="the Application ID (default: DISCORD_APPLICATION_ID, else read from DISCORD_TOKEN)",
    )
    cmp_ = sub.add_parser("compare", help="two or three professions side by side")
    cmp_.add_argument("a", help="first profession, e.g. 'collections specialist'")
    cmp_.add_argument("b", help="second profession")
    cmp_.add_argument("c", nargs="?", help="a third profession (optional)")
    for name, helptext in (
        ("salary", "one profession's pay"),
        ("career", "a profession's profile"),
    ):
        one = sub.add_parser(name, help=helptext)
        one.add_argument("name", help="profession name, alias or abbreviation")
    for cmd in (cmp_, sub.choices["salary"], sub.choices["career"]):
        cmd.add_argument("--json", action="store_true", help="print the Discord message payloads")
        cmd.add_argument(
            "--chart",
            type=Path,
            metavar="FILE.png",
            help="also write the answer's chart(s) as PNG: FILE-pay.png, FILE-map.png, …",
        )
        cmd.add_argument(
            "--where", metavar="PLACE", help="a state or metro area, e.g. 'texas', 'Dallas'"
        )
    _explore_parsers(sub)
    match = sub.add_parser("match", help="show how names are matched, with scores")
    match.add_argument("queries", nargs="+", metavar="QUERY", help="names; '-' reads stdin")
    match.add_argument("--json", action="store_true", help="one JSON object per query")
    places = sub.add_parser("places", help="show how place names are understood")
    places.add_argument("queries", nargs="+", metavar="QUERY", help="places; '-' reads stdin")
    places.add_argument("--json", action="store_true", help="one JSON object per query")
    check = sub.add_parser("check-data", help="validate the dataset (and extra YAML files)")
    check.add_argument("paths", nargs="*", type=Path, help="extra YAML files or folders")
    return p


def _explore_parsers(sub: Any) -> None:
    top = sub.add_parser("top", help="occupations ranked by pay, growth, openings or jobs")
    top.add_argument(
        "measure",
        choices=[m.value for m in explore.Measure],
        metavar="MEASURE",
        help="pay, growth, openings, jobs or pay-for-education",
    )
    top.add_argument(
        "--education",
        metavar="LEVEL",
        help='typical entry education, e.g. "bachelor\'s degree", hs, masters',
    )
    top.add_argument("--field", metavar="FIELD", help="an occupation field, e.g. computer, 29")
    top.add_argument(
        "--where",
        metavar="PLACE",
        help="a state or metro area: its occupations, by its pay and jobs, e.g. 'texas'",
    )
    like = sub.add_parser("explore", help="careers like one profession")
    like.add_argument("name", help="profession name, alias or abbreviation")
    like.add_argument("--pays-more", action="store_true", help="only careers that pay more")
    like.add_argument("--less-school", action="store_true", help="only careers needing less school")
    like.add_argument("--growing", action="store_true", help="only careers projected to grow")
    for cmd in (top, like):
        cmd.add_argument("--json", action="store_true", help="print the Discord message payloads")


class _BadFilter(Exception):
    """An education level or field that names nothing (the message lists what does)."""


def _top(answers: Answers, args: argparse.Namespace) -> Sheet:
    education = field = None
    if args.education is not None:
        education = explore.education_level(args.education)
        if education is None:
            levels = "; ".join(explore.EDUCATION_LEVELS)
            raise _BadFilter(f"Unknown education level “{args.education}”. Try one of: {levels}.")
    if args.field is not None:
        field = explore.find_field(args.field, answers.fields)
        if field is None:
            names = "; ".join(f"{f.code} {f.title}" for f in answers.fields)
            raise _BadFilter(f"Unknown field “{args.field}”. Try one of: {names}.")
    place = _place(answers, args.where)
    return answers.top(explore.Measure(args.measure), education, field, place)


def _explore(answers: Answers, args: argparse.Namespace) -> Sheet:
    filters = explore.Filters(args.pays_more, args.less_school, args.growing)
    return answers.explore(_resolve(answers, args.name), filters)


def _answers(settings: Settings) -> Answers:
    return Answers.load(
        extra=settings.data_paths,
        cache_dir=settings.data_cache_dir(),
        limits=settings.read_limits(),
    )


def _resolve(answers: Answers, name: str, asked: list[str] | None = None) -> Profession:
    """The profession ``name`` means; a place the question named is added to ``asked``."""
    res = answers.matcher.resolve(name)
    if res.profession is None:
        raise _Unresolved(res)
    note = messages.matched(res)  # what a typed name was understood as
    if note:
        print(note, file=sys.stderr)
    if asked is not None and res.place:
        asked.append(res.place)
    return res.profession


class _UnknownPlace(Exception):
    def __init__(self, resolution: PlaceResolution) -> None:
        self.resolution = resolution


def _place(answers: Answers, where: str | None) -> Place | None:
    """The place asked for with ``--where``; exits 2 (listing full OEWS names) when unsure."""
    if where is None:
        return None
    res = answers.places.resolve(where)
    if res.place is None:
        raise _UnknownPlace(res)
    return res.place


def _print_place_unresolved(res: PlaceResolution, as_json: bool) -> None:
    if as_json:
        body = {"error": messages.place_unresolved(res), **_place_json(res)}
        print(json.dumps(body, ensure_ascii=False))
        return
    print(messages.place_unresolved(res), file=sys.stderr)
    if res.status is PlaceStatus.AMBIGUOUS:
        for c in res.candidates:
            print(f"  • {c.name}", file=sys.stderr)


def _candidates_json(res: Resolution) -> list[dict[str, Any]]:
    return [
        {
            "id": c.profession.id,
            "title": c.profession.title,
            "soc": c.profession.soc,
            "score": c.score,
        }
        for c in res.candidates
    ]


def _print_unresolved(res: Resolution, as_json: bool) -> None:
    if as_json:
        body = {
            "error": messages.unresolved(res),
            "query": res.query,
            "status": str(res.status),
            "matches": _candidates_json(res),
        }
        print(json.dumps(body, ensure_ascii=False))
        return
    print(messages.unresolved(res), file=sys.stderr)
    if res.status is Status.AMBIGUOUS:
        for c in res.candidates:
            print(f"  • {c.profession.title}", file=sys.stderr)


def _show(sheet: Sheet, as_json: bool) -> None:
    if as_json:
        from .render.embeds import message_payloads

        print(json.dumps(message_payloads(sheet), ensure_ascii=False, indent=2))
    else:
        from .render.text import render_text

        sys.stdout.write(render_text(sheet))


def _write_charts(
    answers: Answers,
    kind: Kind,
    professions: tuple[Profession, ...],
    place: Place | None,
    path: Path,
) -> None:
    """Draw the answer's charts next to ``path`` (one file per chart, suffixed by its name);
    the plotting library is imported only here."""
    from .charts.places import answer_charts
    from .charts.service import render

    officials = [answers.official(p) for p in professions]
    specs = answer_charts(answers.places, kind, professions, officials, place)
    if not specs:
        print("No chart: the data has no figures to draw for this answer.", file=sys.stderr)
    for spec in specs:
        chart = render(spec)
        target = path.with_name(f"{path.stem}-{chart.name}{path.suffix or '.png'}")
        target.write_bytes(chart.png)
        print(f"Wrote {target} ({chart.width}×{chart.height}): {chart.alt}", file=sys.stderr)


def _distinct(names: Sequence[str], found: Sequence[Profession]) -> tuple[Profession, ...]:
    """The different professions of a comparison, in order; a repeated one is said (stderr)."""
    note = messages.repeated_professions(names, found)
    if note:
        print(note, file=sys.stderr)
    return tuple(dict.fromkeys(found))


def _answer(answers: Answers, args: argparse.Namespace) -> int:
    profs: tuple[Profession, ...]
    asked: list[str] = []  # places named inside the profession texts ("nurse in texas")
    if args.command == "compare":
        names = [n for n in (args.a, args.b, args.c) if n is not None]
        profs = _distinct(names, [_resolve(answers, n, asked) for n in names])
        if len(profs) < 2:
            return ExitCode.NO_ANSWER
    else:
        profs = (_resolve(answers, args.name, asked),)
    place = _place(answers, args.where or next(iter(asked), None))
    _show(answers.sheet(Kind(args.command), profs, place), args.json)
    if args.chart is not None:
        _write_charts(answers, Kind(args.command), profs, place, args.chart)
    return ExitCode.OK


def _match(answers: Answers, queries: Sequence[str], as_json: bool) -> int:
    if list(queries) == ["-"]:
        queries = [line.rstrip("\n") for line in sys.stdin]
    worst = ExitCode.OK
    for query in queries:
        res = answers.matcher.resolve(query)
        if res.profession is None:
            worst = ExitCode.NO_ANSWER
        if as_json:
            body = {"query": query, "status": str(res.status), "matches": _candidates_json(res)}
            print(json.dumps(body, ensure_ascii=False))
            continue
        print(f"{messages.shorten_query(query)!r}: {res.status}")
        for c in res.candidates:
            via = f"  (as “{c.matched}”)" if c.via_alias else ""
            soc = f" [{c.profession.soc}]" if c.profession.soc else ""
            print(f"  {c.score:5.1f}  {c.profession.title}{soc}{via}")
    if not as_json:
        sys.stdout.flush()
    return worst if len(queries) == 1 else ExitCode.OK


def _place_json(res: PlaceResolution) -> dict[str, Any]:
    def one(place: Any) -> dict[str, str]:
        return {"code": place.code, "kind": str(place.kind), "name": place.name}

    return {
        "query": res.query,
        "status": str(res.status),
        "place": None if res.place is None else one(res.place),
        "candidates": [one(c) for c in res.candidates],
    }


def _places(answers: Answers, queries: Sequence[str], as_json: bool) -> int:
    if list(queries) == ["-"]:
        queries = [line.rstrip("\n") for line in sys.stdin]
    worst = ExitCode.OK
    for query in queries:
        res = answers.places.resolve(query)
        if res.status is not PlaceStatus.FOUND:
            worst = ExitCode.NO_ANSWER
        if as_json:
            print(json.dumps(_place_json(res), ensure_ascii=False))
            continue
        print(f"{messages.shorten_query(query)!r}: {res.status}")
        if res.place is not None:
            print(f"  {res.place.name}  [{res.place.kind_label} {res.place.code}]")
        for c in res.candidates:
            print(f"  • {c.name}  [{c.kind_label} {c.code}]")
    return worst if len(queries) == 1 else ExitCode.OK


def _check_places(ds: Any) -> None:
    from .dataset import default_data_dir
    from .places import Places
    from .places.check import check_places

    summary, problems = check_places(Places(default_data_dir()), ds)
    if problems:
        raise PlacesError(problems)
    print(summary)


def _check_data(settings: Settings, paths: Sequence[Path]) -> int:
    extra = list(settings.data_paths) + list(paths)
    cache = DiskCache(settings.data_cache_dir())
    ds = load_dataset(extra=extra, cache=cache, limits=settings.read_limits())
    problems = check_ratings(p.id for p in ds)
    if problems:
        raise DatasetError(problems)
    curated = sum(p.curated for p in ds)
    aliases = sum(len(p.aliases) for p in ds)
    print(
        f"OK: {len(ds)} professions ({curated} curated), {aliases:,} aliases, "
        f"from {len(ds.files)} file(s)."
    )
    _check_places(ds)
    return ExitCode.OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return ExitCode.OK
    try:
        settings = Settings.from_env()
        if args.command == "run":
            from .discord.app import run_bot

            return run_bot(settings, force_sync=args.sync)
        if args.command == "check-data":
            return _check_data(settings, args.paths)
        if args.command == "sync":
            from .discord.sync_command import run_sync

            return run_sync(settings, dry_run=args.dry_run, clear=args.clear_guild)
        if args.command == "invite":
            from .discord.invite import print_invite_links

            return print_invite_links(settings, args.application_id)
        answers = _answers(settings)
        if args.command == "match":
            return _match(answers, args.queries, args.json)
        if args.command == "places":
            return _places(answers, args.queries, args.json)
        if args.command in ("top", "explore"):
            build = _top if args.command == "top" else _explore
            _show(build(answers, args), args.json)
            return ExitCode.OK
        return _answer(answers, args)
    except _UnknownPlace as exc:
        _print_place_unresolved(exc.resolution, getattr(args, "json", False))
        return ExitCode.NO_ANSWER
    except _Unresolved as exc:
        _print_unresolved(exc.resolution, getattr(args, "json", False))
        return ExitCode.NO_ANSWER
    except _BadFilter as exc:
        print(exc, file=sys.stderr)
        return ExitCode.NO_ANSWER
    except (DatasetError, PlacesError) as exc:
        print(exc, file=sys.stderr)
        return ExitCode.ERROR
    except SettingsError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return ExitCode.ERROR
    except BrokenPipeError:  # e.g. piped into `head`
        return ExitCode.OK
    except KeyboardInterrupt:  # Ctrl-C: stop quietly, as shells expect
        return 130


if __name__ == "__main__":
    sys.exit(main())
