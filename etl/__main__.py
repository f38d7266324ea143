"""Command line: `python -m etl run | extract | evaluate | generate-demo`.

Exit codes of `run`: 0 all files loaded; 3 loaded, but some files were rejected (see the
`rejections` table); 4 another run holds the lock; 1 the run failed and the previous
warehouse stands; 2 a usage error.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from tqdm import tqdm

from etl.agencies import AgenciesFileError
from etl.manifest import ManifestError
from etl.demo import generate_demo as generate
from etl.evaluate import evaluate as score
from etl.indicators import indicators
from etl.pipeline import EmptySource, Processed, configure_logging, process_file, run
from etl.warehouse import WarehouseLocked

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
log = logging.getLogger("etl")

EXIT_FAILED, EXIT_LOCKED = 1, 4


@app.command("run")
def run_command(
    source: Annotated[list[Path], typer.Option(help="A folder of reports, read recursively; may be given several times.")] = [Path("data/reports")],  # noqa: B006
    warehouse: Annotated[Path, typer.Option(help="The DuckDB warehouse file to refresh.")] = Path("warehouse.duckdb"),
    agencies: Annotated[Path | None, typer.Option(help="An agencies file (.toml or .csv) pinning canonical names.")] = None,
    allow_empty_source: Annotated[bool, typer.Option(help="Accept that a source folder reports came from is now empty.")] = False,
) -> None:
    """Refresh the warehouse from every report under the source folders (incremental, atomic)."""
    configure_logging()
    try:
        summary = run(source, warehouse, agencies, progress=_progress_bar if sys.stderr.isatty() else _progress_log,
                      allow_empty_source=allow_empty_source)
    except WarehouseLocked as e:
        log.error("%s", e)
        raise typer.Exit(EXIT_LOCKED) from None
    except (FileNotFoundError, AgenciesFileError, ManifestError, EmptySource) as e:
        log.error("%s; the warehouse is unchanged", e)
        raise typer.Exit(EXIT_FAILED) from None
    except Exception:
        log.exception("the run failed; the previous warehouse stands")
        raise typer.Exit(EXIT_FAILED) from None
    log.info("%s", summary.line())
    raise typer.Exit(summary.exit_code)


def _progress_bar(results, total: int):
    return tqdm(results, total=total, desc="extracting", unit="file", file=sys.stderr)


def _progress_log(results, total: int):
    """Under cron: a plain line every 10% instead of a bar."""
    step = max(1, total // 10)
    for done, result in enumerate(results, start=1):
        if done % step == 0 or done == total:
            log.info("extracted %d/%d files", done, total)
        yield result


@app.command()
def extract(file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A report file.")]) -> None:
    """Show what one file yields: agency, year, report type, and every fact with its sentence."""
    result = process_file(file)
    if not isinstance(result, Processed):
        typer.echo(f"{file}: rejected: {result.reason}", err=True)
        raise typer.Exit(EXIT_FAILED)
    meta, names = result.meta, indicators()
    typer.echo(f"file:        {file} ({result.format})")
    typer.echo(f"agency:      {meta.agency or '-'}" + (f"  (also named: {', '.join(meta.aliases)})" if meta.aliases else ""))
    typer.echo(f"region:      {meta.region or '-'}    level: {meta.level or '-'}    sector: {meta.sector or '-'}")
    typer.echo(f"year:        {meta.year or '-'}")
    typer.echo(f"report type: {meta.report_type}")
    typer.echo(f"title:       {meta.title or '-'}")
    typer.echo(f"facts:       {len(result.facts)}")
    for fact in result.facts:
        qualifier = {"over": " (余/多)", "about": " (约/近)"}.get(fact.qualifier or "", "")
        typer.echo(f"\n  {fact.indicator}  {names[fact.indicator].name_zh}: {fact.value:g}{fact.unit}{qualifier}   [rule {fact.rule}]")
        typer.echo(f"    “{fact.evidence}”  (chars {fact.span_start}-{fact.span_end})")


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A gold file (JSON Lines, see indicators.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List every missed and spurious fact.")] = False,
) -> None:
    """Score the extractor on a gold file: precision, recall, F1, per indicator; agency and year accuracy."""
    result = score(gold)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(result.format_text(show_errors=show_errors))


@app.command("generate-demo")
def generate_demo(
    out: Annotated[Path, typer.Option(help="Folder to write the demo corpus into (reports/ and gold.jsonl).")],
    agencies: Annotated[int, typer.Option(min=1, help="How many fictional agencies.")] = 40,
    years: Annotated[str, typer.Option(help="Year range, e.g. 2019-2024.")] = "2019-2024",
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same corpus).")] = 0,
) -> None:
    """Write realistic reports of fictional agencies (示例市…) with a gold file of their facts."""
    try:
        first, last = (int(y) for y in years.split("-"))
    except ValueError:
        raise typer.BadParameter(f"expected a range like 2019-2024, got {years!r}", param_hint="--years") from None
    if first > last:
        raise typer.BadParameter(f"{years}: the first year is after the last", param_hint="--years")
    summary = generate(out, agencies=agencies, years=(first, last), seed=seed)
    typer.echo(f"wrote {summary.reports} reports of {summary.agencies} agencies with {summary.facts} gold facts to {out}")


if __name__ == "__main__":
    app()
