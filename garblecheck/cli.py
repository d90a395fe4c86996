"""The command line: parse options, call the library, print, and exit 0, 1 or 2.

Exit codes (binding): 0 nothing at or above ``--fail-on``; 1 something was; 2 a usage,
configuration or input error, each reported as one line on stderr naming what is wrong.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from garblecheck._version import __version__
from garblecheck.api import check_paths, parse_date, pipeline_for
from garblecheck.config import Config
from garblecheck.errors import GarblecheckError
from garblecheck.model import Severity
from garblecheck.report import render
from garblecheck.result import RunReport


def _usage_errors() -> tuple[type[Exception], ...]:
    """Click's usage-error base class: typer 0.2x vendors its own copy of click, older typer
    releases raise the click package's, so both are caught."""
    classes: list[type[Exception]] = [
        c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
    ]
    try:
        import click

        classes.append(click.ClickException)
    except ImportError:  # pragma: no cover - depends on the installed typer
        pass
    return tuple(classes)

app = typer.Typer(
    name="garblecheck",
    help="Find garbled English news copy: spun, machine-translated or carelessly rewritten.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    text = "text"
    json = "json"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
FailOnOpt = Annotated[
    FailOn, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity.")
]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", help="Article date (YYYY-MM-DD) when the article states none."),
]
LocaleOpt = Annotated[
    str | None, typer.Option("--locale", help="en-GB or en-US; default: inferred from the text.")
]
SelectOpt = Annotated[
    str | None, typer.Option("--select", help="Comma-separated rule codes or prefixes to run.")
]
IgnoreOpt = Annotated[
    str | None, typer.Option("--ignore", help="Comma-separated rule codes or prefixes to skip.")
]
RulesOpt = Annotated[
    list[Path] | None,
    typer.Option("--rules", help="Extra rule file or folder (repeatable), added to the packs."),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
]
ShowInfoOpt = Annotated[
    bool, typer.Option("--show-info", help="Text output: also print info-level findings.")
]

_LOCALES = ("en-GB", "en-US")


def _fail(message: str) -> NoReturn:
    typer.echo(f"garblecheck: {message}", err=True)
    raise typer.Exit(2)


def _codes(value: str | None) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()] if value else []


def _config(
    date: str | None,
    locale: str | None,
    select: str | None,
    ignore: str | None,
    rules: list[Path] | None,
) -> Config:
    if locale is not None and locale not in _LOCALES:
        _fail(f"--locale: {locale!r} is not one of {', '.join(_LOCALES)}")
    return Config(
        date=parse_date(date, "--date"),
        locale=locale,
        select=_codes(select),
        ignore=_codes(ignore),
        rule_paths=[str(p) for p in rules or []],
    )


def _emit(report: RunReport, fmt: Format, fail_on: FailOn, output: Path | None, info: bool) -> None:
    for err in report.errors:
        typer.echo(f"garblecheck: {err.path}: {err.error}", err=True)
    rendered = render(report, fmt.value, show_info=info)
    if output is None:
        sys.stdout.write(rendered)
    else:
        try:
            output.write_text(rendered, encoding="utf-8")
        except OSError as exc:
            _fail(f"{output}: cannot write the report: {exc.strerror or exc}")
    if report.errors:
        raise typer.Exit(2)
    if fail_on is not FailOn.never:
        bar = Severity(fail_on.value)
        if any(f.severity >= bar for d in report.documents for f in d.findings):
            raise typer.Exit(1)


def check(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files to check; - reads stdin.")],
    source: Annotated[
        str | None,
        typer.Option("--source", "-s", help="The source (cleaner) version to compare against."),
    ] = None,
    fmt: FormatOpt = Format.text,
    fail_on: FailOnOpt = FailOn.warning,
    date: DateOpt = None,
    locale: LocaleOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    rules: RulesOpt = None,
    output: OutputOpt = None,
    show_info: ShowInfoOpt = False,
) -> None:
    """Check articles (with --source, also classify every difference from the source)."""
    if ctx.info_name == "compare" and source is None:
        _fail("compare: give the source with --source FILE")
    pipeline = pipeline_for(_config(date, locale, select, ignore, rules))
    _emit(check_paths(paths, source=source, pipeline=pipeline), fmt, fail_on, output, show_info)


app.command("check")(check)
app.command(
    "compare",
    help="Check copies against their source (--source): every difference is classified.",
)(check)


@app.command("rules")
def list_rules(
    rules: RulesOpt = None,
) -> None:
    """List every rule: code, name, category, severity, kind."""
    from garblecheck.rules.docs import format_rule_list
    from garblecheck.rules.loader import load_rules

    typer.echo(format_rule_list(load_rules([str(p) for p in rules] if rules else None)), nl=False)


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="A rule code such as GC101.")],
    rules: RulesOpt = None,
) -> None:
    """Explain one rule: what it does, why, an example, and what to write instead."""
    from garblecheck.rules.docs import format_explain
    from garblecheck.rules.loader import load_rules

    specs = {s.code: s for s in load_rules([str(p) for p in rules] if rules else None)}
    spec = specs.get(code.upper())
    if spec is None:
        _fail(f"explain: no rule {code!r} (see `garblecheck rules`)")
    typer.echo(format_explain(spec), nl=False)


class Knowledge(StrEnum):
    offices = "offices"
    lexicon = "lexicon"
    fingerprints = "fingerprints"
    spelling = "spelling"
    phrases = "phrases"
    all = "all"


@app.command("build-knowledge")
def build_knowledge(
    what: Annotated[Knowledge, typer.Argument(help="Which pack to rebuild.")] = Knowledge.all,
    data: Annotated[
        Path, typer.Option("--data", help="The development data folder.")
    ] = Path("../shared/data"),
    out: Annotated[
        Path, typer.Option("--out", help="Where the knowledge files go.")
    ] = Path("rules/knowledge"),
) -> None:
    """Rebuild the shipped knowledge files from the development data, reproducibly."""
    from garblecheck.build import BUILDERS, builder

    if not data.is_dir():
        _fail(f"{data}: no such data folder (give --data)")
    names = list(BUILDERS) if what is Knowledge.all else [what.value]
    for name in names:
        typer.echo(f"{name}: {builder(name)(data, out)}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"garblecheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print version.")
    ] = False,
) -> None:
    """Find garbled English news copy."""


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turning every usage or input problem into one line and exit 2."""
    try:
        code = app(args=argv, standalone_mode=False)
    except GarblecheckError as exc:
        typer.echo(f"garblecheck: {exc}", err=True)
        return 2
    except OSError as exc:  # a file the command was pointed at, outside the batch readers
        typer.echo(f"garblecheck: {exc.filename or ''}: {exc.strerror or exc}", err=True)
        return 2
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        typer.echo("garblecheck: interrupted", err=True)
        return 130
    except _usage_errors() as exc:
        typer.echo(f"garblecheck: {exc.format_message()}", err=True)  # type: ignore[attr-defined]
        return 2
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
