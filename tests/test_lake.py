"""DuckLake on a real PostgreSQL: many writers end with exactly one run's rows.

The truth of every comparison is a run of the same corpus, by the same program,
into a DuckDB file. The corpus is generated from known values (bench/corpus), with
two files no layout matches (quarantined) and one file twice under two names.

Tests marked ``lake`` need the ``lake`` extra (DuckDB with the DuckLake and
postgres extensions) and PostgreSQL; ``make test`` runs them in ``.venv-lake``
with ``BMA_ETL_REQUIRE_LAKE=1``, where a missing piece fails instead of skipping.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bma_etl.errors import UsageError
from bma_etl.lake import LakeTarget, lake_ddl, parse_target
from bma_etl.load import ddl
from bma_etl.pipeline import in_shard
from bma_etl.records import DOCUMENT_MODELS
from bma_etl.search import INDEX_TABLES

BIN = Path(sys.executable).parent / "bma-etl"
TABLES = [m.table for m in DOCUMENT_MODELS] + list(INDEX_TABLES)
#: Columns that differ between two runs of the same input by design.
PER_RUN = {"run_id", "ingested_at"}

_HAVE_EXTENSION = importlib.util.find_spec("duckdb_extension_ducklake") is not None


def _why_not() -> str | None:
    from pg_cluster import pg_bin

    if not _HAVE_EXTENSION:
        return ("needs the lake extra (DuckDB 1.5.5 with its DuckLake extension); "
                "'make test' runs these tests in .venv-lake")
    if pg_bin() is None:
        return "needs PostgreSQL (Debian package postgresql; 'make test' installs it)"
    return None


if os.environ.get("BMA_ETL_REQUIRE_LAKE") == "1" and _why_not():
    raise RuntimeError(f"BMA_ETL_REQUIRE_LAKE=1 but the DuckLake tests cannot run: {_why_not()}")

lake = pytest.mark.skipif(_why_not() is not None, reason=_why_not() or "")


# --- addresses and shards: no PostgreSQL needed --------------------------------------

def test_address_becomes_libpq_settings() -> None:
    target = parse_target("ducklake:postgres://etl:s%40cret@db.bma.local:6543/warehouse"
                          "?data_path=/mnt/lake&sslmode=require")
    assert isinstance(target, LakeTarget)
    assert target.conninfo == ("dbname=warehouse host=db.bma.local port=6543 user=etl "
                               "sslmode=require")
    assert target.password == "s@cret" and "s@cret" not in repr(target)
    assert target.data_path == "/mnt/lake" and target.server == "db.bma.local:6543"
    assert "s%40cret" not in str(target) and "***" in str(target)


@pytest.mark.parametrize("address", [
    "ducklake:postgres://etl:hunter2@h:port/db", "ducklake:mysql://etl:hunter2@h/db",
    "ducklake:postgres://etl:hunter2@h/db?bad-key=1", "postgres://etl:hunter2@h:5432/db",
    "ducklake:postgres://etl@h/db?password=hunter2&override_data_path=true"])
def test_usage_errors_never_show_the_password(address: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_target(address)
    assert "hunter2" not in caught.value.reason() and "***" in caught.value.reason()


def test_postgres_address_without_prefix_says_did_you_mean() -> None:
    with pytest.raises(UsageError, match="did you mean ducklake:postgres://etl@h:5432/db"):
        parse_target("postgres://etl@h:5432/db")


def test_override_data_path_is_parsed() -> None:
    target = parse_target("ducklake:postgres://etl@h/db?data_path=/mnt/b&override_data_path=true")
    assert isinstance(target, LakeTarget)
    assert target.override_data_path and target.data_path == "/mnt/b"
    assert "override" not in target.conninfo


def test_socket_folder_and_no_data_path() -> None:
    target = parse_target("ducklake:postgresql://etl@/warehouse?host=/run/postgresql")
    assert isinstance(target, LakeTarget)
    assert target.conninfo == "dbname=warehouse user=etl host=/run/postgresql"
    assert target.data_path is None


def test_file_paths_stay_paths() -> None:
    assert parse_target("w.duckdb") == Path("w.duckdb")
    assert parse_target("ducklake_notes/w.duckdb") == Path("ducklake_notes/w.duckdb")


@pytest.mark.parametrize("address", [
    "ducklake:mysql://u@h/db", "ducklake:postgres://u@h:port/db", "ducklake:postgres://u@h/",
    "ducklake:postgres://u@h/db?bad-key=1"])
def test_bad_addresses_are_usage_errors(address: str) -> None:
    with pytest.raises(UsageError):
        parse_target(address)


def test_lake_ddl_has_no_keys() -> None:
    out = lake_ddl(ddl())
    assert "PRIMARY KEY" not in out
    assert out.count("CREATE TABLE") == ddl().count("CREATE TABLE")


def test_shards_split_every_document_once() -> None:
    rng = random.Random(5)
    ids = [f"{rng.getrandbits(256):064x}" for _ in range(2000)]
    for n in (1, 2, 3, 4, 7):
        owners = [[i for i in range(1, n + 1) if in_shard(d, (i, n))] for d in ids]
        assert all(len(o) == 1 for o in owners)
        sizes = [sum(o == [i] for o in owners) for i in range(1, n + 1)]
        assert min(sizes) > len(ids) / n * 0.8  # an even split, not one busy machine


@pytest.mark.parametrize("shard", ["0/2", "3/2", "1", "a/b", "1/0", ""])
def test_bad_shard_is_usage_error(tmp_path: Path, shard: str) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    done = subprocess.run([BIN, "ingest", str(tmp_path), "--db", str(tmp_path / "w.duckdb"),
                           "--shard", shard], capture_output=True, text=True)
    assert done.returncode == 2
    assert "--shard" in done.stderr and "Traceback" not in done.stderr


def test_shard_without_files_of_its_part_is_done(tmp_path: Path) -> None:
    from bma_etl.pipeline import doc_id_of

    from repo_paths import SAMPLES

    folder = tmp_path / "in"
    folder.mkdir()
    sample = sorted(SAMPLES.glob("*.txt"))[0]
    (folder / "one.txt").write_bytes(sample.read_bytes())
    empty_part = 2 if in_shard(doc_id_of(sample.read_bytes()), (1, 2)) else 1
    done = subprocess.run([BIN, "ingest", str(folder), "--db", str(tmp_path / "w.duckdb"),
                           "--workers", "1", "--shard", f"{empty_part}/2"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"no file of this part (shard {empty_part}/2) among 1 files" in done.stderr


def test_migrate_from_a_lake_is_refused(tmp_path: Path) -> None:
    done = subprocess.run([BIN, "migrate", "--from", "ducklake:postgres://u:hunter2@h/db",
                           "--to", str(tmp_path / "w.duckdb")], capture_output=True, text=True)
    assert done.returncode == 2
    assert "DuckLake warehouse is not supported as the source" in done.stderr
    assert "hunter2" not in done.stderr and "Traceback" not in done.stderr


def test_sql_returns_time_zone_values(tmp_path: Path) -> None:
    """DuckDB's client needs pytz for TIMESTAMP WITH TIME ZONE (a file warehouse too)."""
    from repo_paths import SAMPLES

    db = tmp_path / "w.duckdb"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(sorted(SAMPLES.glob("*.txt"))[0].read_bytes())
    subprocess.run([BIN, "ingest", str(folder), "--db", str(db), "--workers", "1"],
                   check=True, capture_output=True)
    done = subprocess.run([BIN, "sql", "--db", str(db), "select now() is not null as ok, "
                           "TIMESTAMPTZ '2024-01-02 03:04:05+07' as t", "--format", "csv"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("True,2024-01-")


def test_readme_lists_each_command_once() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `")]
    firsts = [row.split("`")[1].split()[0] for row in rows]
    assert firsts.count("export") == 1
    assert firsts.count("sql") == 2  # queries, and sql --out
    assert sum(" --out " in row.split("` |")[0] for row in rows if row.startswith("| `sql")) == 1


@pytest.mark.skipif(_HAVE_EXTENSION, reason="the lake extra is installed here")
def test_lake_without_extra_says_what_to_install(tmp_path: Path) -> None:
    done = subprocess.run([BIN, "status", "--warehouse",
                           "ducklake:postgres://u@127.0.0.1:1/db"], capture_output=True,
                          text=True)
    assert done.returncode == 2
    assert "bma-etl[lake]" in done.stderr and "Traceback" not in done.stderr


# --- a real PostgreSQL -----------------------------------------------------------------

@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    from pg_cluster import Cluster

    running = Cluster()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from corpus.build import GENERATORS

    folder = tmp_path_factory.mktemp("corpus")
    for name, make in GENERATORS.items():
        for k in range(6):
            doc = make(random.Random(f"lake-{name}-{k}"))
            (folder / f"{name}_{k}.txt").write_text(doc.text, encoding="utf-8")
            if doc.html is not None and k % 2:
                (folder / f"{name}_{k}.html").write_bytes(doc.html_bytes())
    first = sorted(folder.glob("*.txt"))[0]
    (folder / "same_bytes_other_name.txt").write_bytes(first.read_bytes())
    (folder / "minutes.txt").write_text("บันทึกการประชุม\nวาระที่ 1 เรื่องแจ้งเพื่อทราบ\n",
                                        encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def _ingest(target: str, corpus: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([BIN, "ingest", str(corpus), "--warehouse", target,
                             "--workers", "1", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(procs: list[subprocess.Popen[str]]) -> None:
    for proc in procs:
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode in (0, 3), err[-2000:]
        assert "Traceback" not in err


def _rows(target: str | Path) -> dict[str, list[tuple[str, ...]]]:
    """Every row of every table but the run ledger, without per-run columns, sorted."""
    from bma_etl.query import open_reader

    con = open_reader(parse_target(str(target)))
    try:
        out = {}
        for table in TABLES:
            cols = [c for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "AND table_catalog = current_database() ORDER BY ordinal_position",
                [table]).fetchall() if c not in PER_RUN]
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(tuple(repr(v) for v in row) for row in rows)
        return out
    finally:
        con.close()


def _ledger(target: str | Path) -> tuple[int, int, int, int]:
    from bma_etl.query import run_sql

    row = run_sql(parse_target(str(target)),  # type: ignore[arg-type]
                  "SELECT sum(files_seen), sum(loaded), sum(quarantined), "
                  "count(*) FILTER (WHERE finished_at IS NULL) FROM ingest_runs").rows[0]
    return tuple(int(v or 0) for v in row)  # type: ignore[return-value]


@pytest.fixture(scope="module")
def one_file(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The truth: the corpus ingested once into a DuckDB file."""
    db = tmp_path_factory.mktemp("file") / "w.duckdb"
    _finish([_ingest(str(db), corpus)])
    return db


@lake
@pytest.mark.parametrize("workers", [2, 4])
def test_shards_at_once_equal_one_file_run(cluster, corpus, one_file, tmp_path, workers):
    target = cluster.address(tmp_path / "data")
    _finish([_ingest(target, corpus, "--shard", f"{i}/{workers}")
             for i in range(1, workers + 1)])
    expected = _rows(one_file)
    got = _rows(target)
    assert {t: len(r) for t, r in got.items()} == {t: len(r) for t, r in expected.items()}
    assert got == expected
    files, loaded, quarantined, unfinished = _ledger(target)
    assert (files, loaded, quarantined, unfinished) == _ledger(one_file)
    assert quarantined >= 2 and unfinished == 0
    assert any((tmp_path / "data").rglob("*.parquet")), "rows should land as Parquet"


@lake
def test_killed_worker_rerun_completes_the_set(cluster, corpus, one_file, tmp_path):
    target = cluster.address(tmp_path / "data")
    victim, other = (_ingest(target, corpus, "--shard", f"{i}/2") for i in (1, 2))
    time.sleep(random.Random(3).uniform(1.0, 2.5))
    victim.send_signal(signal.SIGKILL)
    victim.communicate()
    _finish([other])
    _finish([_ingest(target, corpus, "--shard", "1/2")])
    assert _rows(target) == _rows(one_file)


@lake
def test_same_documents_from_two_writers_are_stored_once(cluster, corpus, one_file, tmp_path):
    """Two unsharded runs with --force replace the same documents at the same time."""
    target = cluster.address(tmp_path / "data")
    _finish([_ingest(target, corpus)])
    _finish([_ingest(target, corpus, "--force"), _ingest(target, corpus, "--force")])
    assert _rows(target) == _rows(one_file)


@lake
def test_sql_answers_while_writers_run(cluster, corpus, tmp_path):
    target = cluster.address(tmp_path / "data")
    early = subprocess.run([BIN, "sql", "--warehouse", target, "select 1"],
                           capture_output=True, text=True)
    assert early.returncode == 2 and "no warehouse here yet" in early.stderr
    first = tmp_path / "first"
    first.mkdir()
    (first / "one.txt").write_bytes(sorted(corpus.glob("*.txt"))[0].read_bytes())
    _finish([_ingest(target, first)])
    writers = [_ingest(target, corpus, "--shard", f"{i}/2") for i in (1, 2)]
    answered = 0
    while any(w.poll() is None for w in writers) or not answered:
        done = subprocess.run([BIN, "sql", "--warehouse", target,
                               "select count(*) from projects"],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        answered += 1
        if answered > 200:
            break
    _finish(writers)
    assert answered >= 1


@lake
def test_sql_stays_read_only_on_the_lake(cluster, corpus, one_file, tmp_path):
    target = cluster.address(tmp_path / "data")
    _finish([_ingest(target, corpus)])
    for query in ("delete from projects", "select * from read_csv('/etc/passwd')",
                  "attach 'x.duckdb' as x"):
        done = subprocess.run([BIN, "sql", "--warehouse", target, query],
                              capture_output=True, text=True)
        assert done.returncode != 0 and "Traceback" not in done.stderr, query
    assert _rows(target) == _rows(one_file)


@lake
def test_migrate_and_maintain(cluster, one_file, tmp_path):
    target = cluster.address(tmp_path / "data")
    done = subprocess.run([BIN, "migrate", "--from", str(one_file), "--to", target],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _rows(target) == _rows(one_file)
    assert _ledger(target) == _ledger(one_file)
    again = subprocess.run([BIN, "migrate", "--from", str(one_file), "--to", target],
                           capture_output=True, text=True)
    assert again.returncode == 2 and "already holds" in again.stderr
    done = subprocess.run([BIN, "maintain", "--warehouse", target, "--keep-days", "0"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _rows(target) == _rows(one_file)


@lake
def test_unreachable_catalog_is_one_clear_line(tmp_path):
    from pg_cluster import _free_port

    done = subprocess.run([BIN, "status", "--warehouse",
                           f"ducklake:postgres://bma@127.0.0.1:{_free_port()}/none"],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert "check that PostgreSQL runs" in done.stderr and "Traceback" not in done.stderr


def test_force_with_the_same_bytes_twice_loads_the_document_once(tmp_path: Path) -> None:
    """Found by the concurrent-writers test: with --force, a file and its copy under
    another name were one load with the document twice, and both were quarantined."""
    from repo_paths import SAMPLES

    folder = tmp_path / "in"
    folder.mkdir()
    sample = sorted(SAMPLES.glob("*.txt"))[0]
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(sample.read_bytes())
    db = tmp_path / "w.duckdb"
    for extra in ([], ["--force"]):
        done = subprocess.run([BIN, "ingest", str(folder), "--db", str(db), "--workers", "1",
                               *extra], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    rows = _rows(db)
    assert len(rows["documents"]) == 1 and "'loaded'" in rows["documents"][0]
    assert len(rows["projects"]) == 1


def _small(corpus: Path, folder: Path, n: int = 3) -> Path:
    """``folder`` with copies of the corpus's first ``n`` text documents.

    Empty files are left out: each is quarantined under its own path, so a copy would
    stay a document of its own beside the corpus's.
    """
    folder.mkdir()
    documents = [path for path in sorted(corpus.glob("*.txt")) if path.read_bytes().strip()]
    for path in documents[:n]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def _sql(target: str, query: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BIN, "sql", "--warehouse", target, query, "--format", "csv"],
                          capture_output=True, text=True, timeout=120)


@lake
def test_sql_cannot_reach_the_catalog_or_show_its_password(cluster, corpus, tmp_path):
    from bma_etl.query import QueryError, run_sql

    password = "Hunter2-not-shown"
    target = cluster.password_address(tmp_path / "data", password)
    _finish([_ingest(target, _small(corpus, tmp_path / "in"))])  # the password reached PG
    count = _sql(target, "select count(*) from documents")
    assert count.returncode == 0, count.stderr
    meta = "__ducklake_metadata_warehouse"
    for query in (
            f"select * from postgres_execute('{meta}', 'commit; drop table ducklake_snapshot')",
            f"select * from postgres_query('{meta}', 'select 1')",
            f"select * from postgres_scan('{meta}', 'public', 'ducklake_snapshot')",
            f"select (select count(*) from postgres_query('{meta}', 'select 1'))",
            f"with a as (select * from postgres_query('{meta}', 'select 1')) select * from a",
            f"explain select * from postgres_query('{meta}', 'select 1')",
            f"select * from query('select * from postgres_query(''{meta}'', ''select 1'')')",
            f"select count(*) from {meta}.public.ducklake_snapshot",
            "select * from ducklake_expire_snapshots('warehouse', older_than => now())",
            "select * from ducklake_snapshots('warehouse')"):
        with pytest.raises(QueryError, match=r"tables and views only|can check"):
            run_sql(parse_target(target), query)  # type: ignore[arg-type]
    refused = _sql(target, f"select * from postgres_query('{meta}', 'select 1')")
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    assert _sql(target, "select count(*) from documents").stdout == count.stdout
    for query in ("select * from duckdb_databases()", "select * from duckdb_settings()",
                  "select * from duckdb_secrets()"):
        shown = run_sql(parse_target(target), query)  # type: ignore[arg-type]
        assert password not in repr(shown.rows), query
    wrong_db = target.replace("/lake", "/nolake", 1)
    done = _sql(wrong_db, "select 1")
    assert done.returncode == 1 and "createdb" in done.stderr
    assert password not in done.stderr and "Traceback" not in done.stderr


@lake
def test_maintain_skips_while_another_runs_and_two_at_once_finish(cluster, corpus, tmp_path):
    import psycopg

    from bma_etl.lake import DocumentLocks

    target = cluster.address(tmp_path / "data")
    _finish([_ingest(target, _small(corpus, tmp_path / "in", 6))])
    holder = parse_target(target)
    assert isinstance(holder, LakeTarget)
    with psycopg.connect(holder.conninfo, autocommit=True) as other:  # a maintain running
        other.execute("SELECT pg_advisory_lock(%s)", [DocumentLocks.FLUSH])
        done = subprocess.run([BIN, "maintain", "--warehouse", target], capture_output=True,
                              text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "another maintain" in done.stderr and "skipped" in done.stderr
    procs = [subprocess.Popen([BIN, "maintain", "--warehouse", target, "--keep-days", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    procs.append(_ingest(target, corpus, "--force"))
    _finish(procs)
    assert [p.returncode for p in procs[:2]] == [0, 0]


@lake
def test_compaction_waits_for_writers_and_writers_for_it(cluster, corpus, one_file, tmp_path,
                                                         monkeypatch, caplog):
    """Files are rewritten and merged only while no writer's transaction is open
    (DuckLake 1.5.5 failed with an INTERNAL error when both ran at once)."""
    import psycopg

    from bma_etl import lake
    from bma_etl.lake import DocumentLocks
    from bma_etl.load import Warehouse

    target = cluster.address(tmp_path / "data")
    _finish([_ingest(target, _small(corpus, tmp_path / "in", 6))])
    holder = parse_target(target)
    assert isinstance(holder, LakeTarget)
    monkeypatch.setattr(lake, "COMPACT_WAIT", 0.5)
    with psycopg.connect(holder.conninfo, autocommit=True) as writer:  # mid-transaction
        writer.execute("SELECT pg_advisory_lock_shared(%s)", [DocumentLocks.COMPACT])
        with Warehouse(target) as wh:
            steps = dict(wh.maintain(keep_days=0))
    assert "merge adjacent files" not in steps and "expire snapshots" in steps
    assert "not flushed and files not rewritten or merged" in caplog.text
    with Warehouse(target) as wh:
        assert "merge adjacent files" in dict(wh.maintain(keep_days=0))
    with psycopg.connect(holder.conninfo, autocommit=True) as compacting:
        compacting.execute("SELECT pg_advisory_lock(%s)", [DocumentLocks.COMPACT])
        proc = _ingest(target, corpus, "--force")
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=5)  # waiting for the compaction, having written nothing
    _finish([proc])
    assert _rows(target) == _rows(one_file)


@lake
def test_maintain_deletes_replaced_files_and_keeps_every_row(cluster, corpus, one_file,
                                                             tmp_path):
    target = cluster.address(tmp_path / "data")
    _finish([_ingest(target, corpus)])
    _finish([_ingest(target, corpus, "--force")])
    _finish([_ingest(target, corpus, "--force")])
    before = len(list((tmp_path / "data").rglob("*.parquet")))
    done = subprocess.run([BIN, "maintain", "--warehouse", target, "--keep-days", "0"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    after = len(list((tmp_path / "data").rglob("*.parquet")))
    assert after < before, done.stderr
    assert _rows(target) == _rows(one_file)


@lake
def test_other_data_path_is_refused_unless_overridden(cluster, corpus, tmp_path):
    first = tmp_path / "first"
    target = cluster.address(first)
    _finish([_ingest(target, _small(corpus, tmp_path / "in"))])
    count = _sql(target, "select count(*) from documents")
    moved = tmp_path / "moved"
    other = target.replace(f"data_path={first}", f"data_path={moved}")
    done = subprocess.run([BIN, "ingest", str(tmp_path / "in"), "--warehouse", other],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert f"differs from the catalog's {first}/" in done.stderr
    assert "override_data_path=true" in done.stderr
    first.rename(moved)  # the folder moved (or is mounted elsewhere on this machine)
    overridden = other + "&override_data_path=true"
    again = _sql(overridden, "select count(*) from documents")
    assert again.returncode == 0 and again.stdout == count.stdout, again.stderr
    _finish([_ingest(overridden, tmp_path / "in", "--force")])
    assert not first.exists()


@lake
def test_catalog_killed_mid_run_is_one_line(corpus, tmp_path):
    from pg_cluster import Cluster

    own = Cluster()
    try:
        target = own.address(tmp_path / "data")
        run = _ingest(target, corpus)
        # Mid-run: the warehouse is open once the run has said it loaded a file.
        assert run.stderr is not None
        said = []
        for line in run.stderr:
            said.append(line)
            if line.startswith("loaded"):
                break
        own.kill()
        _out, rest = run.communicate(timeout=300)
        err = "".join(said) + rest
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            own.stop()
    assert run.returncode == 1, err[-2000:]
    assert "Traceback" not in err and "INTERNAL" not in err
    last = err.strip().splitlines()[-1]
    assert f"127.0.0.1:{own.port}" in last and len(last) < 500
    assert "stopped answering" in last or "cannot reach the catalog" in last


def test_a_catalog_that_stopped_answering_is_told_by_its_port(tmp_path):
    # DuckDB may word a killed catalog's failure mid-run without the lost connection;
    # the catalog's port refusing a connection tells it (no PostgreSQL needed here).
    import socket
    import threading

    import duckdb

    from bma_etl.lake_catalog import LakeTarget, lake_error, server_gone

    def answer(listening: socket.socket) -> None:  # as PostgreSQL: no SSL ("N")
        with contextlib.suppress(OSError):
            conn, _ = listening.accept()
            with conn:
                conn.recv(8)
                conn.sendall(b"N")

    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        port = listening.getsockname()[1]
        threading.Thread(target=answer, args=(listening,), daemon=True).start()
        target = LakeTarget("host=127.0.0.1", str(tmp_path), "ducklake:postgres://x",
                            server=f"127.0.0.1:{port}")
        assert not server_gone(target, tries=1)
    failure = duckdb.InvalidInputException(
        "Attempting to fetch from an unsuccessful query result")
    told = str(lake_error(target, failure, "cannot flush the warehouse"))
    assert server_gone(target)
    assert told.startswith(f"the DuckLake catalog at 127.0.0.1:{port} stopped answering")
    assert "unsuccessful query result" in told
    socket_folder = LakeTarget("host=/run/postgresql", None, "x", server="/run/postgresql")
    assert not server_gone(socket_folder)
