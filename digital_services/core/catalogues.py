"""Translation catalogues (``.po``): read them, check them and compile them to ``.mo``.

In Python, so ``make run`` needs no GNU gettext on a fresh machine (Django's
``compilemessages`` calls ``msgfmt``). ``catalogues_compile`` writes each ``.mo``
next to its ``.po``, atomically, only when the ``.po`` is newer: ``make run``,
``make test``, the Dockerfile and the test suite's start all call it.

Strings flagged ``fuzzy`` are compiled too: they are our own Welsh still waiting
for a professional translator's review (docs/welsh.md lists how many), and
showing them is better than showing English to someone who chose Welsh.
"""

from __future__ import annotations

import ast
import os
import re
import struct
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

#: Placeholders whose set must be the same in a msgid and its translation.
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sdif]|%[sdif]|\{[a-z_0-9]*\}")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translations(self) -> list[str]:
        if self.msgid_plural is not None:
            return [self.msgstr_plural[k] for k in sorted(self.msgstr_plural)]
        return [self.msgstr]

    @property
    def translated(self) -> bool:
        return bool(self.translations) and all(self.translations)


def catalogue_read(path: Path) -> list[Entry]:
    """The entries of a ``.po`` file, the header (msgid "") first."""
    entries: list[Entry] = []
    entry: Entry | None = None
    key = ""
    seen: set[str] = set()  # the keywords of the entry being read

    def finish(entry: Entry | None, number: int) -> None:
        if entry is None or not seen:
            return
        if "msgid" not in seen or not ({"msgstr", "msgstr[]"} & seen):
            raise ValueError(f"{path}:{number}: an entry needs both a msgid and a msgstr")
        if entry.msgid == "" and entries and not entry.obsolete:
            raise ValueError(f"{path}:{number}: a second entry with an empty msgid")
        entries.append(entry)

    number = 0
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            finish(entry, number)
            entry, key, seen = None, "", set()
            continue
        if entry is None:
            entry = Entry()
        if line.startswith("#~"):
            entry.obsolete = True
            continue
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
            continue
        if line.startswith("#"):
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr\[(\d+)\]|msgstr)\s+(".*")$', line)
        if match:
            key = match.group(1)
            seen.add("msgstr[]" if key.startswith("msgstr[") else key)
            value = ast.literal_eval(match.group(3))
            if key.startswith("msgstr["):
                entry.msgstr_plural[int(match.group(2))] = value
            else:
                setattr(entry, {"msgctxt": "msgctxt", "msgid": "msgid"}.get(key, key), value)
            continue
        if line.startswith('"') and key:
            value = ast.literal_eval(line)
            if key.startswith("msgstr["):
                index = int(key[7:-1])
                entry.msgstr_plural[index] += value
            else:
                attribute = {"msgctxt": "msgctxt", "msgid": "msgid"}.get(key, key)
                setattr(entry, attribute, (getattr(entry, attribute) or "") + value)
    finish(entry, number)
    return [e for e in entries if not e.obsolete]


def placeholder_problems(entry: Entry) -> list[str]:
    """Translations whose placeholders differ from their msgid's."""
    expected = sorted(PLACEHOLDER.findall(entry.msgid))
    problems = []
    for translation in entry.translations:
        if translation and sorted(PLACEHOLDER.findall(translation)) != expected:
            problems.append(f"{entry.msgid!r}: {translation!r}")
    return problems


def catalogue_compile(entries: list[Entry]) -> bytes:
    """The GNU ``.mo`` bytes for these entries (untranslated ones left out)."""
    messages: dict[bytes, bytes] = {}
    for entry in entries:
        if entry.msgid == "":
            messages[b""] = entry.msgstr.encode("utf-8")
            continue
        if not entry.translated:
            continue
        key = entry.msgid
        if entry.msgid_plural is not None:
            key += "\0" + entry.msgid_plural
        if entry.msgctxt is not None:
            key = entry.msgctxt + "\x04" + key
        messages[key.encode("utf-8")] = "\0".join(entry.translations).encode("utf-8")
    keys = sorted(messages)
    ids = b"".join(k + b"\0" for k in keys)
    strs = b"".join(messages[k] + b"\0" for k in keys)
    count = len(keys)
    header = 7 * 4
    ids_start = header + count * 16
    strs_start = ids_start + len(ids)
    key_table, value_table = [], []
    offset = 0
    for k in keys:
        key_table += [len(k), ids_start + offset]
        offset += len(k) + 1
    offset = 0
    for k in keys:
        value_table += [len(messages[k]), strs_start + offset]
        offset += len(messages[k]) + 1
    # magic, revision, count, offset of the msgid table, of the msgstr table, no hash table
    head = struct.pack("<7I", 0x950412DE, 0, count, header, header + count * 8, 0, 0)
    tables = struct.pack(f"<{len(key_table) + len(value_table)}I", *key_table, *value_table)
    return head + tables + ids + strs


def catalogues_find(root: Path) -> list[Path]:
    """Every ``.po`` of ours under ``root`` (not the virtualenv's or node's)."""
    skip = {".venv", "node_modules", ".git", "staticfiles"}
    found = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = [d for d in subdirectories if d not in skip]
        if Path(directory).name == "LC_MESSAGES":
            found += [Path(directory) / f for f in files if f.endswith(".po")]
    return sorted(found)


def catalogues_compile(root: Path, *, force: bool = False) -> list[Path]:
    """Compile each ``.po`` under ``root`` whose ``.mo`` is missing or older. Returns the
    ``.mo`` files written. Each is written to a temporary file and renamed into place,
    so parallel test workers never read half a file."""
    written = []
    for po in catalogues_find(root):
        mo = po.with_suffix(".mo")
        if not force and mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        data = catalogue_compile(catalogue_read(po))
        handle, temporary = tempfile.mkstemp(dir=po.parent, suffix=".mo.tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, mo)
        written.append(mo)
    return written
