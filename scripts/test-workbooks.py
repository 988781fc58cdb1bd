#!/usr/bin/env python3
"""Workbooks for the import tests, written by independent software (openpyxl) or by hand as
SpreadsheetML that other programs write (inline and rich-text strings, the 1904 date system,
formulas with saved values, namespace prefixes), and hostile ones (a zip bomb, a DOCTYPE with
entities, deep nesting, bad XML).

usage: test-workbooks.py KIND OUT.xlsx
"""
import datetime
import sys
import zipfile

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:numFmts count="1"><x:numFmt numFmtId="165" formatCode="dd\\.mm\\.yyyy"/></x:numFmts>
<x:cellXfs count="3"><x:xf numFmtId="0"/><x:xf numFmtId="165"/><x:xf numFmtId="14"/></x:cellXfs>
</x:styleSheet>"""


def by_hand(out, sheet, shared="", workbook_pr='<x:workbookPr date1904="1"/>', extra=None):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            + workbook_pr
            + '<x:sheets><x:sheet name="Partnerstwa 2024" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>',
        )
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/styles.xml", STYLES)
        z.writestr(
            "xl/sharedStrings.xml",
            '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + shared + "</sst>",
        )
        z.writestr(
            "xl/worksheets/sheet1.xml",
            '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            "<x:sheetData>" + sheet + "</x:sheetData></x:worksheet>",
        )
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def main(kind, out):
    if kind == "openpyxl":
        import openpyxl

        wb = openpyxl.Workbook()
        first = wb.active
        first.title = "Notes"
        first.append(["not", "this", "sheet"])
        ws = wb.create_sheet("Towns")
        ws.append(["Name", "voivodeship", "population", "partner_budget", "teryt", "notes", None, None])
        ws.append(["Grudziądz", "kujawsko-pomorskie", 92552, 120000.5, "0462011", "Tromsø & Łódź <b>", None, None])
        ws.append([])
        ws.append(["Kędzierzyn-Koźle", "opolskie", 58000.0, 0.1 + 0.2, None, None])
        ws.append(["Żary", "lubuskie", None, 1234567.89, "0811011", "line one\nline two"])
        wb.save(out)
    elif kind == "openpyxl-dates":
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Sheet1"
        # Booleans (as a checkbox column gives them) for the yes/no answers.
        ws.append(["city", "partner", "status", "budget", "signed_date", "start_date", "end_date", "improved_knowledge", "continues"])
        ws.append(["Łódź", "Tromsø kommune", "agreed", 95000, datetime.date(2024, 3, 1), datetime.datetime(2024, 6, 9), None, True, False])
        ws["E2"].number_format = "dd.mm.yyyy"
        ws["F2"].number_format = "yyyy-mm-dd"
        wb.save(out)
    elif kind == "openpyxl-partners":
        # Organisation numbers and a phone number typed as numbers, as Excel keeps what looks like one.
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["name", "kind", "org_number", "county"])
        ws.append(["Bergen kommune", "municipality", 964338531, "Vestland"])
        ws.append(["Bodø kommune", "municipality", 972418013.0, "Nordland"])
        ws["C3"].number_format = "# ### ###"
        wb.save(out)
    elif kind == "by-hand":
        # Shared strings with rich-text runs and a phonetic guide; an inline string; a formula with its
        # saved value; a date serial in the 1904 system; cells without references; a prefixed namespace.
        shared = (
            "<si><t>name</t></si><si><t>voivodeship</t></si><si><t>population</t></si><si><t>notes</t></si>"
            '<si><r><rPr><b/></rPr><t>Bielsko-</t></r><r><t xml:space="preserve">Biała</t></r><rPh><t>ignored</t></rPh></si>'
            "<si><t>śląskie</t></si>"
        )
        sheet = (
            '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>'
            '<x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="s"><x:v>3</x:v></x:c></x:row>'
            '<x:row r="3"><x:c r="A3" t="s"><x:v>4</x:v></x:c><x:c r="B3" t="s"><x:v>5</x:v></x:c>'
            '<x:c r="C3"><x:f>SUM(1,2)*&quot;x&quot;</x:f><x:v>171000</x:v></x:c>'
            '<x:c r="D3" t="inlineStr"><x:is><x:t>Inline &amp; &#x141;&#243;d&#378;</x:t></x:is></x:c></x:row>'
            '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>Ny</x:t></x:r><x:r><x:t>sa</x:t></x:r></x:is></x:c>'
            '<x:c t="str"><x:f>"opolskie"</x:f><x:v>opolskie</x:v></x:c><x:c/><x:c s="1"><x:v>44927</x:v></x:c></x:row>'
        )
        by_hand(out, sheet, shared)
    elif kind == "many-strings":
        # A shared-string table of 20,000 one-letter strings: 20 KB of text, but 20,000 entries.
        shared = "<si><t>name</t></si>" + "<si><t>x</t></si>" * 20_000
        by_hand(out, '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>', shared)
    elif kind == "bomb":
        # 50 MB of one repeated row, declared as a small sheet: it inflates far beyond its size.
        row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            z.writestr("[Content_Types].xml", CONTENT_TYPES)
            z.writestr(
                "xl/workbook.xml",
                '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId7"/></sheets></workbook>',
            )
            z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
            with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
                sheet.write(b'<worksheet><sheetData><row><c t="inlineStr"><is><t>name</t></is></c></row>')
                block = (row * 20000).encode()
                for _ in range(50_000_000 // len(block)):
                    sheet.write(block)
                sheet.write(b"</sheetData></worksheet>")
        # Declare the sheet small, as a bomb does, by rewriting its size fields.
        data = bytearray(open(out, "rb").read())
        name = b"xl/worksheets/sheet1.xml"
        index = 0
        while True:
            index = data.find(b"PK\x01\x02", index)
            if index < 0:
                break
            length = int.from_bytes(data[index + 28 : index + 30], "little")
            if data[index + 46 : index + 46 + length] == name:
                data[index + 24 : index + 28] = (1000).to_bytes(4, "little")
            index += 4
        open(out, "wb").write(bytes(data))
    elif kind == "doctype":
        sheet = '<row><c t="inlineStr"><is><t>&lol;</t></is></c></row>'
        by_hand(out, sheet)
        data = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
        evil = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>' + data.split("?>", 1)[1]
        rewrite(out, "xl/worksheets/sheet1.xml", evil)
    elif kind == "deep":
        by_hand(out, "<a>" * 1000 + "</a>" * 1000)
    elif kind == "bad-xml":
        by_hand(out, '<row><c t="inlineStr"><is><t>name</t></is></c></row><row><c t="inlineStr"><is><t>unclosed')
    elif kind == "crc":
        # A stored (uncompressed) sheet with one byte changed after the checksum was written.
        by_hand(out, '<x:row><x:c t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c></x:row>')
        with zipfile.ZipFile(out) as z:
            members = {name: z.read(name) for name in z.namelist()}
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
            for name, data in members.items():
                z.writestr(name, data)
        data = bytearray(open(out, "rb").read())
        at = data.find(b"<x:t>name</x:t>")
        data[at + 5 : at + 9] = b"nome"
        open(out, "wb").write(bytes(data))
    elif kind == "zip64-offset":
        # The sheet's central-directory entry claims, through a zip64 extra field, to start at
        # 2^64 - 16: an offset no file has, which must be refused, not overflow.
        by_hand(out, '<x:row><x:c t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c></x:row>')
        data = bytearray(open(out, "rb").read())
        end = data.rfind(b"PK\x05\x06")
        start = int.from_bytes(data[end + 16 : end + 20], "little")
        index = data.find(b"PK\x01\x02", start)
        while index >= 0:
            length = int.from_bytes(data[index + 28 : index + 30], "little")
            extra = int.from_bytes(data[index + 30 : index + 32], "little")
            if data[index + 46 : index + 46 + length] == b"xl/worksheets/sheet1.xml":
                data[index + 42 : index + 46] = (0xFFFFFFFF).to_bytes(4, "little")
                field = (1).to_bytes(2, "little") + (8).to_bytes(2, "little") + (2**64 - 16).to_bytes(8, "little")
                at = index + 46 + length + extra
                data[at:at] = field
                data[index + 30 : index + 32] = (extra + len(field)).to_bytes(2, "little")
                end += len(field)
                size = int.from_bytes(data[end + 12 : end + 16], "little") + len(field)
                data[end + 12 : end + 16] = size.to_bytes(4, "little")
                break
            index = data.find(b"PK\x01\x02", index + 4)
        open(out, "wb").write(bytes(data))
    elif kind == "ods":
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            z.writestr("content.xml", "<office:document-content/>")
    else:
        sys.exit(f"unknown kind {kind}")


def rewrite(out, member, text):
    with zipfile.ZipFile(out) as z:
        members = {name: z.read(name) for name in z.namelist()}
    members[member] = text.encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
