"""Run the pipeline over the corpus and summarise how much it read right.

``evaluate`` reads every rendering with ``bma_etl.pipeline.process_file`` (in
``workers`` processes) and scores it against its truth; ``table`` and ``summary``
turn the results into the printed table and the ``ROBUST key=value`` line. Both
give two figures: fields right (``right%``, white space ignored) and fields right
as spaced (``spaced%``: :func:`corpus.score.same_spaced`).
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from corpus.build import Rendering
from corpus.score import Lost, score, score_failure


@dataclass(slots=True)
class Result:
    """One rendering read and scored."""

    rendering: Rendering
    right: int
    total: int
    layout: str | None
    quarantined: str | None
    seconds: float
    lost: list[Lost] = field(default_factory=list)
    #: Fields right as spaced, and those right but not as spaced (:class:`corpus.score.Score`).
    spaced_right: int = 0
    space_lost: list[Lost] = field(default_factory=list)
    #: On a scan, the fields printed in Thai digits, right and counted (not in ``total``).
    thai_right: int = 0
    thai_total: int = 0
    #: Rows read that match no row written, and the fields right with rows matched by
    #: place alone (:class:`corpus.score.Score`).
    extra_rows: int = 0
    right_by_place: int = 0

    @property
    def detected(self) -> bool:
        """Whether the layout read is the one the document was written in."""
        return self.layout == self.rendering.layout


def read_one(rendering: Rendering) -> Result:
    """Read and score one file (runs in a worker process)."""
    from bma_etl.errors import BmaEtlError
    from bma_etl.pipeline import process_file

    truth = json.loads(Path(rendering.truth).read_text(encoding="utf-8"))
    scan = rendering.medium == "scan"
    began = time.perf_counter()
    try:
        processed = process_file(Path(rendering.path))
        result = score(processed, truth, scan=scan)
    except BmaEtlError as exc:
        result = score_failure(exc.reason(), truth, scan=scan)
        if exc.stage not in ("read", "detect"):
            result.layout = _detected(Path(rendering.path))
    except Exception as exc:  # a crash is a pipeline bug: counted as quarantined, named
        result = score_failure(f"crash: {type(exc).__name__}: {exc}", truth, scan=scan)
    return Result(rendering, result.right, result.total, result.layout, result.quarantined,
                  time.perf_counter() - began, result.lost, result.spaced_right,
                  result.space_lost, result.thai_right, result.thai_total,
                  result.extra_rows, result.right_by_place)


def _detected(path: Path) -> str | None:
    """The layout detection chose for a file quarantined after detection (OCR is cached)."""
    from bma_etl.detect import detect
    from bma_etl.errors import BmaEtlError
    from bma_etl.pipeline import repair
    from bma_etl.read import read_source

    try:
        return detect(repair(read_source(path))).layout.layout_id
    except BmaEtlError:
        return None


def evaluate(renderings: list[Rendering], workers: int) -> list[Result]:
    """Read every rendering; slow media (scans) first so the pool stays busy."""
    order = sorted(renderings, key=lambda r: (r.medium != "scan", r.path))
    if workers <= 1:
        return [read_one(r) for r in order]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(read_one, order, chunksize=1))


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "-"


_MEDIA = ("text", "html", "pdf", "scan")


def table(results: list[Result]) -> str:
    """Per medium x producer x font x dpi: documents, fields right % (and as spaced), detection %,
    quarantined."""
    groups: dict[tuple[str, str, str, int], list[Result]] = defaultdict(list)
    for r in results:
        x = r.rendering
        groups[(x.medium, x.producer, x.font, x.dpi)].append(r)
    head = (f"{'medium':<6} {'producer':<20} {'font':<9} {'dpi':>4} {'docs':>5} "
            f"{'fields':>11} {'right%':>7} {'spaced%':>8} {'detect%':>8} {'quar':>5}")
    lines = [head, "-" * len(head)]
    key = sorted(groups, key=lambda k: (_MEDIA.index(k[0]), k[1], k[2], k[3]))
    for medium, producer, font, dpi in key:
        rs = groups[(medium, producer, font, dpi)]
        right, total = sum(r.right for r in rs), sum(r.total for r in rs)
        lines.append(
            f"{medium:<6} {producer:<20} {font:<9} {dpi or '-':>4} {len(rs):>5} "
            f"{f'{right}/{total}':>11} {_pct(right, total):>7} "
            f"{_pct(sum(r.spaced_right for r in rs), total):>8} "
            f"{_pct(sum(r.detected for r in rs), len(rs)):>8} "
            f"{sum(r.quarantined is not None for r in rs):>5}")
    lines.append("-" * len(head))
    for medium in _MEDIA:
        rs = [r for r in results if r.rendering.medium == medium]
        if rs:
            right, total = sum(r.right for r in rs), sum(r.total for r in rs)
            lines.append(f"{medium:<6} {'ALL':<20} {'':<9} {'':>4} {len(rs):>5} "
                         f"{f'{right}/{total}':>11} {_pct(right, total):>7} "
                         f"{_pct(sum(r.spaced_right for r in rs), total):>8} "
                         f"{_pct(sum(r.detected for r in rs), len(rs)):>8} "
                         f"{sum(r.quarantined is not None for r in rs):>5}")
    return "\n".join(lines)


def by_layout(results: list[Result]) -> str:
    """Fields right % per generator and medium."""
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        c = cells[(r.rendering.generator, r.rendering.medium)]
        c[0] += r.right
        c[1] += r.total
    gens = sorted({g for g, _ in cells})
    lines = [f"{'generator':<12}" + "".join(f"{m:>8}" for m in _MEDIA)]
    for g in gens:
        lines.append(f"{g:<12}" + "".join(
            f"{_pct(*cells[(g, m)]) if (g, m) in cells else '-':>8}" for m in _MEDIA))
    return "\n".join(lines)


def lost_kinds(results: list[Result], examples: int = 3) -> str:
    """Lost fields counted per kind and per field, with a few examples of each kind."""
    kinds: Counter[str] = Counter()
    fields: Counter[tuple[str, str]] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    for r in results:
        for name, want, got, kind in r.lost:
            kinds[kind] += 1
            fields[(r.rendering.medium, name)] += 1
            if len(shown[kind]) < examples:
                shown[kind].append(f"    {Path(r.rendering.path).name} {name}: "
                                   f"want {want!r} got {got!r}"[:220])
    lines = ["lost fields by kind:"]
    for kind, count in kinds.most_common():
        lines.append(f"  {kind:<14} {count:>6}")
        lines.extend(shown[kind])
    lines.append("lost fields by medium and field (top 25):")
    lines += [f"  {m:<5} {f:<40} {c:>5}" for (m, f), c in fields.most_common(25)]
    lines.extend(space_kinds(results, examples))
    reasons = Counter((r.quarantined or "")[:120] for r in results if r.quarantined)
    if reasons:
        lines.append("quarantine reasons:")
        lines += [f"  {c:>4} x {why}" for why, c in reasons.most_common(10)]
    return "\n".join(lines)


def space_kinds(results: list[Result], examples: int = 3) -> list[str]:
    """Fields right but not as spaced, counted per kind (:func:`corpus.score.space_kind`)
    and per medium and producer, with a few examples of each kind."""
    kinds: Counter[str] = Counter()
    where: Counter[tuple[str, str]] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    for r in results:
        for name, want, got, kind in r.space_lost:
            kinds[kind] += 1
            where[(r.rendering.medium, r.rendering.producer)] += 1
            if len(shown[kind]) < examples:
                shown[kind].append(f"    {Path(r.rendering.path).name} {name}: "
                                   f"want {want!r} got {got!r}"[:220])
    lines = ["right but not as spaced, by kind:"]
    for kind, count in kinds.most_common():
        lines.append(f"  {kind:<26} {count:>6}")
        lines.extend(shown[kind])
    lines.append("right but not as spaced, by medium and producer:")
    lines += [f"  {m:<5} {p:<20} {c:>5}" for (m, p), c in where.most_common()]
    return lines


def summary(results: list[Result], seconds: float) -> dict[str, Any]:
    """The figures of the ``ROBUST`` line."""
    out: dict[str, Any] = {"docs": len({r.rendering.doc for r in results}),
                           "files": len(results), "seconds": round(seconds, 1)}
    for medium in _MEDIA:
        rs = [r for r in results if r.rendering.medium == medium]
        if not rs:
            continue
        out[f"{medium}_fields_pct"] = _pct(sum(r.right for r in rs), sum(r.total for r in rs))
        out[f"{medium}_spaced_pct"] = _pct(sum(r.spaced_right for r in rs),
                                           sum(r.total for r in rs))
        out[f"{medium}_detect_pct"] = _pct(sum(r.detected for r in rs), len(rs))
        out[f"{medium}_quarantined"] = sum(r.quarantined is not None for r in rs)
        # Rows matched by place alone, as this figure was counted before rows were aligned.
        out[f"{medium}_by_place_pct"] = _pct(sum(r.right_by_place for r in rs),
                                             sum(r.total for r in rs))
        out[f"{medium}_extra_rows"] = sum(r.extra_rows for r in rs)
    producers = sorted({r.rendering.producer for r in results if r.rendering.medium == "pdf"})
    for producer in producers:
        rs = [r for r in results if r.rendering.producer == producer]
        out[f"pdf_{producer}_fields_pct"] = _pct(sum(r.right for r in rs),
                                                 sum(r.total for r in rs))
        out[f"pdf_{producer}_spaced_pct"] = _pct(sum(r.spaced_right for r in rs),
                                                 sum(r.total for r in rs))
    for dpi in sorted({r.rendering.dpi for r in results if r.rendering.medium == "scan"}):
        rs = [r for r in results if r.rendering.medium == "scan" and r.rendering.dpi == dpi]
        out[f"scan_{dpi}_fields_pct"] = _pct(sum(r.right for r in rs), sum(r.total for r in rs))
    scans = [r for r in results if r.rendering.medium == "scan"]
    if scans:  # the fields printed in Thai digits, left out of the figures above
        out["scan_thai_digit_fields"] = sum(r.thai_total for r in scans)
        out["scan_thai_digit_fields_pct"] = _pct(sum(r.thai_right for r in scans),
                                                 sum(r.thai_total for r in scans))
        out["scan_every_field_pct"] = _pct(sum(r.right + r.thai_right for r in scans),
                                           sum(r.total + r.thai_total for r in scans))
    return out


def dump(results: list[Result], path: Path) -> None:
    """Every result as JSON (for later digging)."""
    rows = [{**asdict(r.rendering), "right": r.right, "total": r.total, "layout_read": r.layout,
             "quarantined": r.quarantined, "seconds": round(r.seconds, 2),
             "lost": [list(map(str, x)) for x in r.lost], "spaced_right": r.spaced_right,
             "space_lost": [list(map(str, x)) for x in r.space_lost],
             "thai_right": r.thai_right, "thai_total": r.thai_total,
             "extra_rows": r.extra_rows, "right_by_place": r.right_by_place} for r in results]
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
