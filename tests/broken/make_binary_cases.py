"""Makes the small binary cases of the broken-input table (committed; run again only to
change them): python3 tests/broken/make_binary_cases.py

- far-cell.xlsx: a valid minimal workbook whose sheet has a cell in A1 and one in
  XFD1048576 (a used range of 17 billion cells; calamine's worksheet_range would lay it out)
- zip-declared-huge.xlsx: a workbook whose sheet entry declares 4,000,000,000 bytes
  uncompressed (a zip bomb's central directory; the data itself is tiny)
- corrupt.xlsx: the first 1,500 bytes of a real workbook (a truncated download)
- bad-reference.xlsx: a cell reference of 8 letters (`ABCDEFGH1`), on which calamine's
  column arithmetic overflows (a panic in builds with overflow checks)
"""
import io
import pathlib
import struct
import zipfile

HERE = pathlib.Path(__file__).parent

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""
SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"""


def workbook(sheet: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
            ("xl/worksheets/sheet1.xml", sheet),
        ]:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
    return out.getvalue()


def declare_size(data: bytes, entry: str, size: int) -> bytes:
    """Rewrites the uncompressed size of `entry` in the local and central headers."""
    data = bytearray(data)
    name = entry.encode()
    pos = 0
    while (pos := data.find(b"PK\x03\x04", pos)) >= 0:
        n = struct.unpack_from("<H", data, pos + 26)[0]
        if data[pos + 30 : pos + 30 + n] == name:
            struct.pack_into("<I", data, pos + 22, size)
        pos += 4
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46 : pos + 46 + n] == name:
            struct.pack_into("<I", data, pos + 24, size)
        pos += 4
    return bytes(data)


if __name__ == "__main__":
    (HERE / "far-cell.xlsx").write_bytes(workbook(SHEET))
    plain = SHEET.replace('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>', "")
    (HERE / "zip-declared-huge.xlsx").write_bytes(
        declare_size(workbook(plain), "xl/worksheets/sheet1.xml", 4_000_000_000)
    )
    (HERE / "corrupt.xlsx").write_bytes(workbook(plain)[:1500])
    (HERE / "bad-reference.xlsx").write_bytes(workbook(plain.replace('r="A1"', 'r="ABCDEFGH1"')))
