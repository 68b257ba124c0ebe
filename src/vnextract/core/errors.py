"""Numbered error templates, each saying how to fix the problem (spaCy's errors.py habit)."""

from __future__ import annotations


class Errors:
    E001 = "{path}: not a file or folder. Check the path and run again."
    E002 = "{path}: the file is empty."
    E003 = (
        "{path}: not valid UTF-8 (byte {pos}: {reason}), and no legacy encoding reads as "
        "Vietnamese (syllables among {words} non-ASCII words: {summary}). Give its encoding "
        "with --encoding NAME, or re-save it as UTF-8, and run again."
    )
    E004 = "{path}: binary data, not text ({reason}). Only .txt and .html articles are read."
    E005 = "{path}: UTF-16 text that does not decode ({reason}). Re-save it as UTF-8."
    E006 = "{path}: cannot be read: {reason}."
    E007 = "{path}: the document has no text left after decoding."
    E008 = (
        "{path}: extraction failed ({kind}: {reason}). This is a bug in vnextract: "
        "please report it with the file; the rest of the batch was processed."
    )
    E010 = "{count} problem(s) in the rule files:\n{problems}"
    E011 = "{file}:{line}: {what}. Fix: {fix}"
    E012 = (
        "rules folder {path} not found. Set VNEXTRACT_RULES to the folder holding the rule files."
    )
    E013 = (
        "VNEXTRACT_RULES={path}: no such folder. Point it at the folder holding the rule "
        "files, or unset it to use the rules installed with vnextract."
    )
    E020 = "{path}: no articles found (looked for {patterns})."
    E021 = "output folder {path} is a file. Give --out a folder."
    E022 = "cannot create the output folder {path}: {reason}. Give --out a folder you can write."
    E023 = (
        "cannot write the output in {path}: {reason}. No output file was changed; free some "
        "space (or give --out another disk) and run again."
    )
    E024 = (
        "output folder {path} is being written by another vnextract ({holder}). "
        "Wait for it to finish, or give --out another folder."
    )
    E025 = "{path}: not a readable manifest ({reason}). Run `vnextract run` again."
    E026 = (
        "{path}: run {run} was interrupted while moving its files into place, so the folder "
        "may mix two runs. Run `vnextract run` again."
    )
    E027 = (
        "{path} {why}: the folder does not hold one run's files. Run `vnextract run` again "
        "(Parquet and the report are then written from its files)."
    )
    E028 = "{path}: no such file or folder. Check the path; nothing was written."
    E030 = (
        "{path}: ends in the middle of a UTF-8 character (byte {pos}); the file looks "
        "truncated. Download or save it again in full."
    )
    E031 = "{path}: unsupported file type '{suffix}'. Give .txt, .html or .htm articles."
    E032 = "{path}: the HTML has no visible text (only scripts, menus or markup)."
    E034 = (
        "{path}: UTF-8 with {count} bad bytes (first at offset {pos}), more than the {stray} "
        "stray ones read with a warning. Check the file, or run with --encoding utf-8 to "
        "read it with them replaced."
    )
    E033 = (
        "{path}: unknown encoding '{name}'. Give a Python codec name (cp1258, latin-1, "
        "utf-8 ...) or one of {known}."
    )
    # warnings while listing a run's inputs, and the engines' own problems
    E040 = "{path}: folder cannot be read ({reason}); the articles in it were skipped."
    E041 = "{path}: broken symbolic link (to {target}); skipped."
    E043 = (
        "{feature} needs {module}, which is not installed. Install the extra: "
        "pip install 'vnextract[{extra}]'"
    )
    E042 = (
        "cannot reach the Dask scheduler {address}: {reason}. Start it (dask scheduler), "
        "check the address, or use --scheduler local."
    )
    # E100-E119: dates (vnextract.figures.dates) and the indicator catalogue
    # (vnextract.records.catalogue);
    # reported by the rule loader as "rules/FILE:LINE: where: message"
    # {{first}}: filled by pydantic ("pattern 2"), then by the rule loader ("line 64")
    E100 = "give each pattern its own id ('{id}' is also {{first}})"
    E101 = "define {{{name}}} under words, parts, numerals or edges"
    E102 = "make it a valid regular expression ({reason})"
    E103 = "use only the groups {allowed}, not {unknown}"
    E104 = "placeholders refer to each other in a loop: remove the cycle"
    E105 = "name lists under words in requires, not {unknown}"
    E110 = "give each indicator its own id ('{id}' is also {{first}})"
    E111 = (
        "drop this phrasing or change the unit: '{other}' ({{first}}) "
        "has the same phrasing and unit and always wins"
    )
    # E200-E249: entities (vnextract.entities); fixes used inside E011
    E200 = "use a known placeholder instead of {{{name}}} (known: {known})"
    E201 = "make it a valid regular expression ({reason})"
    E202 = "give each pattern its own id ('{id}' is also on line {first})"
    E203 = "name a known word list instead of {{{name}}} (known: {known})"
    # E250-E259: the place dataset (vnextract.entities.admin_units)
    E250 = (
        "the place dataset package '{package}' is not installed. "
        "Fix: pip install '{package}>=1.0.4' (it is a dependency of vnextract)."
    )
    E251 = (
        "{path}: the place dataset cannot be read. "
        "Fix: reinstall it with pip install --force-reinstall '{package}>=1.0.4'."
    )
    # E300-E349: databases (vnextract.db) and reviewer decisions (vnextract.output.db.decisions)
    E300 = (
        "{path}: not a vnextract output folder (no documents.jsonl). "
        "Give the folder that `vnextract run ... --out DIR` wrote."
    )
    E301 = "{file}:{line}: not valid JSON ({reason}). Fix the line or run `vnextract run` again."
    E302 = (
        "{file}:{line}: {what}. The file does not follow OUTPUT.md; "
        "run `vnextract run` again with this version to rewrite it."
    )
    E303 = "{file}:{line}: doc_id '{doc_id}' is not in documents.jsonl. Load files from one run."
    E304 = (
        "{file}:{line}: doc_id '{doc_id}' appears again (first at line {first}). "
        "Give every input file a unique name."
    )
    E305 = "{count} problem(s) in the output folder {path}:\n{problems}"
    E306 = (
        "{file}:{line}: output schema_version {found} is newer than this loader knows "
        "({known}). Upgrade vnextract (pip install -U vnextract) and load again."
    )
    E310 = (
        "unsupported database URL '{url}'. "
        "Use sqlite:///path/to/file.db or postgresql://user@host:5432/dbname."
    )
    E311 = (
        "cannot open database {url}: {reason}. Check the URL, that the server is "
        "running and that the database exists (createdb NAME)."
    )
    E312 = (
        "database {url} uses encoding {encoding}; Vietnamese text needs UTF8. Create it with "
        "CREATE DATABASE name ENCODING 'UTF8' TEMPLATE template0."
    )
    E313 = (
        "database {url} is at schema version {found}, newer than this vnextract knows "
        "({known}). Upgrade vnextract: pip install -U vnextract."
    )
    E320 = "{file}: {count} problem(s) in the reviewer decisions:\n{problems}"
    E321 = "{file}:{line}: {what}. Fix: {fix}"
    E322 = (
        "{file}: not a decisions file ({reason}). Give the .csv or .json file "
        "exported from the review report."
    )
    E323 = (
        "{count} decision(s) name records that are not in {url} (first: record {first}). "
        "Load the output folder they came from first: vnextract load OUT_DIR --db URL."
    )

    # E400-E449: the review report (vnextract.output.report)
    E400 = (
        "{path}: no documents.jsonl here. Give `vnextract report` the folder that "
        "`vnextract run ... --out DIR` wrote."
    )
    E402 = (
        "{path}:{line}: field {field!r} is missing. The file does not follow "
        "OUTPUT.md; re-run `vnextract run` to rewrite it."
    )
    E403 = "report folder {path} is a file. Give --report-dir a folder (or leave it out)."
    E404 = (
        "report folder {path} holds files but no index.html: vnextract did not write it, and "
        "a report replaces its folder whole. Give --report-dir a new or empty folder."
    )


class VnextractError(Exception):
    """Base class of every error vnextract raises on purpose."""


class OutputWriteError(VnextractError):
    """The output cannot be written (disk full, folder removed ...); nothing was changed."""


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where Ctrl-C would be so the same clean-up runs."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signum)


class DocumentError(VnextractError):
    """One input document cannot be processed; the batch goes on without it."""


class RuleError(VnextractError):
    """The rule files have problems; ``problems`` lists each as 'file:line: what. Fix: how'."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            Errors.E010.format(count=len(problems), problems="\n".join("  " + p for p in problems))
        )
