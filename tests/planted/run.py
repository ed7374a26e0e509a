"""Plant each recorded defect in a copy of the project and check that its tests catch it.

    python tests/planted/run.py [--list] [--no-baseline] [NAME ...]

Each defect is one TOML file in ``tests/planted/defects/``: a title, the gate that must
catch it, the smallest test selection (``select``: test paths or node ids) and the edits that
plant it. An edit replaces an exact ``old`` snippet of a file with ``new`` (the snippet
must occur exactly once); a ``[[create]]`` table adds a new file. Edits are not diffs:
other code around the snippet may change freely. When a snippet is gone the run fails
loudly with "planted defect X no longer applies": update the defect to the new code.

The tree is copied once to a temporary folder (without .venv, node_modules, .git), the
project's own .venv is used by path, and defects are planted one at a time (the files
a defect touched are put back before the next). First the selections of all defects
run together on the clean copy (the baseline): a defect "caught" by a test that fails
anyway proves nothing. Then each defect's selection runs with the defect planted:
pytest failing (exit 1) is "caught", passing is "missed", anything else (no tests
collected, a usage error) is "error". The exit code is non-zero unless every defect is
caught.

The tests need PostgreSQL and Redis: ``scripts/gates.sh`` starts throwaway ones (like
``make test``) unless DATABASE_URL is already set, and exports the same environment.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFECTS_DIR = Path(__file__).resolve().parent / "defects"
COPY_IGNORE = shutil.ignore_patterns(
    ".venv",
    ".venv-tools",
    "node_modules",
    ".git",
    "__pycache__",
    ".tmp",
    "staticfiles",
    "db.sqlite3",
    ".pytest_cache",
    ".ruff_cache",
)
PYTEST_ARGS = ["-p", "no:cacheprovider", "-n", "0", "-q", "-x", "--no-header", "-o", "addopts=-ra"]


class DefectNoLongerApplies(Exception):
    """The code a defect edits has changed: the defect must be updated."""


@dataclass(frozen=True)
class Edit:
    file: str
    old: str
    new: str


@dataclass(frozen=True)
class Create:
    file: str
    text: str


@dataclass(frozen=True)
class Defect:
    name: str
    title: str
    gate: str
    select: tuple[str, ...]
    edits: tuple[Edit, ...] = ()
    creates: tuple[Create, ...] = ()
    description: str = field(default="", compare=False)


def defect_load(path: Path) -> Defect:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    unknown = set(data) - {"title", "gate", "select", "description", "edit", "create"}
    if unknown:
        raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}")
    edits = tuple(Edit(file=e["file"], old=e["old"], new=e["new"]) for e in data.get("edit", []))
    creates = tuple(Create(file=c["file"], text=c["text"]) for c in data.get("create", []))
    if not edits and not creates:
        raise ValueError(f"{path.name}: a defect must change something ([[edit]] or [[create]])")
    for edit in edits:
        if not edit.old or edit.old == edit.new:
            raise ValueError(f"{path.name}: an edit of {edit.file} must change a snippet")
    select = data["select"]
    if isinstance(select, str) or not select:
        raise ValueError(f"{path.name}: select must be a non-empty list of test paths")
    options = [arg for arg in select if arg.startswith("-")]
    if options:
        # Selections run together for the baseline: only paths and node ids combine.
        raise ValueError(f"{path.name}: select takes paths or node ids, not options {options}")
    return Defect(
        name=path.stem,
        title=data["title"],
        gate=data["gate"],
        select=tuple(select),
        edits=edits,
        creates=creates,
        description=data.get("description", ""),
    )


def defects_load(names: list[str] | None = None) -> list[Defect]:
    defects = [defect_load(p) for p in sorted(DEFECTS_DIR.glob("*.toml"))]
    if names:
        unknown = set(names) - {d.name for d in defects}
        if unknown:
            raise SystemExit(f"no such planted defect: {', '.join(sorted(unknown))}")
        defects = [d for d in defects if d.name in names]
    return defects


def defect_apply(defect: Defect, tree: Path) -> dict[Path, str | None]:
    """Plant ``defect`` in ``tree`` and return what the files held before (None: no file).

    Raises DefectNoLongerApplies, changing nothing, when the defect cannot be planted.
    """
    planned: dict[Path, str] = {}
    for edit in defect.edits:
        path = tree / edit.file
        if not path.is_file():
            raise DefectNoLongerApplies(
                f"planted defect {defect.name} no longer applies: {edit.file} does not exist"
            )
        text = planned.get(path, path.read_text(encoding="utf-8"))
        count = text.count(edit.old)
        if count == 0:
            raise DefectNoLongerApplies(
                f"planted defect {defect.name} no longer applies: snippet not found in "
                f"{edit.file}:\n{edit.old}"
            )
        if count > 1:
            raise DefectNoLongerApplies(
                f"planted defect {defect.name} no longer applies: snippet found {count} times "
                f"in {edit.file} (make it longer):\n{edit.old}"
            )
        planned[path] = text.replace(edit.old, edit.new)
    for create in defect.creates:
        path = tree / create.file
        if path.exists():
            raise DefectNoLongerApplies(
                f"planted defect {defect.name} no longer applies: {create.file} already exists"
            )
        planned[path] = create.text
    originals = {
        path: path.read_text(encoding="utf-8") if path.exists() else None for path in planned
    }
    for path, text in planned.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return originals


def defect_remove(originals: dict[Path, str | None]) -> None:
    """Put back the files a planted defect changed (``defect_apply``'s answer)."""
    for path, text in originals.items():
        if text is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(text, encoding="utf-8")


def tree_copy(source: Path, target: Path, *, committed: bool = False) -> Path:
    """The working tree (or, ``committed``, the last commit) copied to ``target``/tree."""
    copy = target / "tree"
    if committed:
        copy.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(source), "archive", "HEAD"], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(copy)], input=archive, check=True)
    else:
        shutil.copytree(source, copy, ignore=COPY_IGNORE, symlinks=True)
    return copy


def pytest_run(tree: Path, args: list[str], *, python: str, log: Path) -> tuple[int, float]:
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTEST_ADDOPTS", None)
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        rc = subprocess.call(
            [python, "-m", "pytest", *PYTEST_ARGS, *args],
            cwd=tree,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return rc, time.monotonic() - started


def imports_from(tree: Path, python: str) -> Path:
    out = subprocess.run(
        [
            python,
            "-c",
            "import digital_services, os; print(os.path.dirname(digital_services.__file__))",
        ],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip()).parent


def _tail(log: Path, lines: int = 25) -> str:
    text = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join("      " + line for line in text[-lines:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="only these defects (file names without .toml)")
    parser.add_argument("--list", action="store_true", help="list the defects and exit")
    parser.add_argument(
        "--check", action="store_true", help="only check that every defect still applies"
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the run on the clean copy")
    parser.add_argument(
        "--committed",
        action="store_true",
        help="copy the last commit instead of the working tree (others are editing it)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary copy and logs")
    options = parser.parse_args(argv)

    defects = defects_load(options.names)
    if options.list:
        for d in defects:
            print(
                f"{d.name:32} {d.title}\n{'':32} caught by: {d.gate}\n{'':32} runs: {' '.join(d.select)}"
            )
        return 0
    if not os.environ.get("DATABASE_URL"):
        print(
            "gates: DATABASE_URL is not set; run scripts/gates.sh (or make gates)", file=sys.stderr
        )
        return 2
    python = str(ROOT / ".venv" / "bin" / "python")
    workdir = Path(tempfile.mkdtemp(prefix="ds-gates-"))
    what = "the last commit" if options.committed else "the working tree"
    print(f"gates: copying {what} to {workdir}", flush=True)
    tree = tree_copy(ROOT, workdir, committed=options.committed)
    status = 0
    try:
        found = imports_from(tree, python)
        if found != tree:
            print(f"gates: the copy imports the project from {found}, not {tree}", file=sys.stderr)
            return 2
        # Every defect must still apply before anything runs (fail fast and loudly).
        stale = []
        for defect in defects:
            try:
                defect_remove(defect_apply(defect, tree))
            except DefectNoLongerApplies as exc:
                stale.append(str(exc))
        if stale:
            print("\n" + "\n\n".join(stale), file=sys.stderr)
            return 1
        if options.check:
            print(f"gates: all {len(defects)} planted defects apply")
            return 0
        if not options.no_baseline:
            selection = list(dict.fromkeys(arg for d in defects for arg in d.select))
            print(f"gates: baseline, {len(selection)} selections on the clean copy", flush=True)
            log = workdir / "baseline.log"
            rc, seconds = pytest_run(tree, selection, python=python, log=log)
            print(
                f"gates: baseline {'passed' if rc == 0 else 'FAILED'} in {seconds:.0f} s",
                flush=True,
            )
            if rc != 0:
                print(_tail(log, 60), file=sys.stderr)
                print("gates: the tests fail without any defect: fix them first", file=sys.stderr)
                return 1
        results = []
        for defect in defects:
            originals = defect_apply(defect, tree)
            log = workdir / f"{defect.name}.log"
            try:
                rc, seconds = pytest_run(tree, list(defect.select), python=python, log=log)
            finally:
                defect_remove(originals)
            verdict = {0: "MISSED", 1: "caught"}.get(rc, f"ERROR (pytest exit {rc})")
            results.append((defect, verdict, seconds))
            print(f"  {verdict:8} {seconds:6.1f} s  {defect.name}: {defect.title}", flush=True)
            if rc != 1:
                status = 1
                print(_tail(log), flush=True)
        print("\n| defect | gate | result | time |\n|---|---|---|---|")
        for defect, verdict, seconds in results:
            print(f"| {defect.name} | {defect.gate} | {verdict} | {seconds:.0f} s |")
        missed = [d.name for d, v, _ in results if v != "caught"]
        print(
            f"\ngates: {len(results) - len(missed)} of {len(results)} planted defects caught"
            + (f"; not caught: {', '.join(missed)}" if missed else "")
        )
        return status
    finally:
        if options.keep:
            print(f"gates: kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
