#!/usr/bin/env python3
"""Our workbooks through LibreOffice and back, with nothing lost (`make libreoffice-check`).

A demo register with awkward values (a TERYT code (Chełmża, 0415011) and a phone number with leading zeros, an
organisation number, a note that looks like a formula and has a line break and quotes, Polish
and Norwegian letters) is exported as one workbook (`export all --format xlsx`). LibreOffice
(`libreoffice-calc-nogui`) then
  1. converts each sheet to CSV as it shows it (what "Save as CSV" gives an officer),
  2. converts those CSV files back to workbooks, guessing the types as it does on opening,
  3. opens our workbook and saves it again as .xlsx.
Each result is imported into a new register, and every entity's export must be byte for byte
the one of the original register.

usage: check-libreoffice.py REGISTRY-BINARY
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

ENTITIES = ["city", "partner", "contact", "partnership", "activity", "expense"]
# LibreOffice's CSV filter: ',' separator, '"' quotes, UTF-8, from line 1; the last fields say
# "save cell contents as shown" and "every sheet, each to its own file".
CSV_OUT = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
CSV_IN = "CSV:44,34,76,1"


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stdout}{result.stderr}")
    return result.stdout


def main(binary):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice is not installed: apt-get install libreoffice-calc-nogui (.ci/run does)")
    binary = os.path.abspath(binary)
    with tempfile.TemporaryDirectory() as folder:
        # LibreOffice keeps its profile here, not in the user's home.
        profile = ["-env:UserInstallation=file://" + os.path.join(folder, "profile")]
        office = [soffice, *profile, "--headless", "--norestore"]

        def registry(*arguments, db):
            return run([binary, *arguments, "--db", os.path.join(folder, db)])

        registry("demo", "--activities", "300", db="source.sqlite")
        registry("city", "add", "Chełmża", "--voivodeship", "kujawsko-pomorskie", "--teryt", "0415011",
                 "--partner-budget", "1234567.5", "--notes", '=SUM(1;2)\nsecond line, "quoted"; ok', db="source.sqlite")
        registry("partner", "add", "Frøya kommune", "--kind", "municipality", "--org-number", "974760673",
                 "--county", "Trøndelag", "--notes", "'quoted", db="source.sqlite")
        registry("contact", "add", "Øystein Ås", "--partner", "Frøya kommune", "--phone", "0047 22 33 44 55",
                 "--notes=-minus", db="source.sqlite")
        workbook = os.path.join(folder, "register.xlsx")
        registry("export", "all", "--format", "xlsx", "--output", workbook, db="source.sqlite")
        expected = {entity: registry("export", entity, db="source.sqlite") for entity in ENTITIES}

        csv_folder, xlsx_folder, saved_folder = (os.path.join(folder, name) for name in ("csv", "xlsx", "saved"))
        run([*office, "--convert-to", CSV_OUT, "--outdir", csv_folder, workbook])
        csv_files = [os.path.join(csv_folder, f"register-{entity}.csv") for entity in ENTITIES]
        run([*office, f"--infilter={CSV_IN}", "--convert-to", "xlsx", "--outdir", xlsx_folder, *csv_files])
        run([*office, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", saved_folder, workbook])

        routes = {
            "LibreOffice's CSV of each sheet": lambda entity: [os.path.join(csv_folder, f"register-{entity}.csv")],
            "those CSV files opened and saved as .xlsx": lambda entity: [os.path.join(xlsx_folder, f"register-{entity}.xlsx")],
            "our workbook opened and saved again": lambda entity: [os.path.join(saved_folder, "register.xlsx"), "--sheet", entity],
        }
        with sqlite3.connect(os.path.join(folder, "source.sqlite")) as source:
            rows = sum(source.execute(f"SELECT count(*) FROM {entity}").fetchone()[0] for entity in ENTITIES)
        failed = False
        for number, (route, files) in enumerate(routes.items()):
            db = f"route{number}.sqlite"
            for entity in ENTITIES:
                registry("import", entity, *files(entity), db=db)
            exported = {entity: registry("export", entity, db=db) for entity in ENTITIES}
            lost = [entity for entity in ENTITIES if exported[entity] != expected[entity]]
            for entity in lost:
                got = exported[entity].splitlines()
                want = expected[entity].splitlines()
                first = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
                print(f"  {entity}, line {first + 1}:\n    want {want[first:first + 1]}\n    got  {got[first:first + 1]}")
            print(f"{'LOST' if lost else 'ok'}: {route}: {rows} records of {len(ENTITIES)} kinds"
                  + (f", differences in {', '.join(lost)}" if lost else ", imported back unchanged"))
            failed = failed or bool(lost)
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
