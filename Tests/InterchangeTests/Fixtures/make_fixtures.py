#!/usr/bin/env python3
"""Writes the import fixtures: exports of the battery-competence survey shaped as Webropol,
LimeSurvey, ODK Central and KoboToolbox really write them (../shared/formats/web-survey-exports.md).

Run from anywhere: python3 Tests/InterchangeTests/Fixtures/make_fixtures.py
The output is deterministic (fixed ZIP timestamps), so the committed files only change when this
script does. Workbooks are written with zipfile and hand-written XML: openpyxl is not needed.
"""

import io
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

# --- the respondents ---------------------------------------------------------------------------
# Three organisations; the tests assert these answers back. R2 has no R&D interest, so it leaves
# the conditional questions empty. Texts carry ä/å, curly quotes (cp1252 0x93/0x94), an en dash,
# ";" and a line break, which every CSV writer must quote.

R1 = dict(
    name="Kokkolan Akkumateriaali Oy", business_id="2345678-0", region="kokkola",
    sector="battery-materials", size="medium", roles=["chemicals-materials", "cells"],
    needs=[
        dict(skill="CHEM03", level=3, region="", people=5, horizon="now", priority=5, formats=["degree", "module"]),
        dict(skill="RAW02", level=2, region="vaasa", people=12, horizon="1-2y", priority=3, formats=["short-course"]),
    ],
    interest=["national"], challenges=["next-gen-cathodes", "battery-safety"],
    text="Katodimateriaalien skaalaus;\npilotointi Kokkolassa", infrastructures=["centria-dryroom"],
    consent=("yes", "yes", "no"), time=("5.3.2026 14:22", "2026-03-05 14:22:09", "2026-03-05T12:22:09.123Z"),
)
R2 = dict(
    name="Vaasan Sähkö ja Kenno Ab", business_id="", region="vaasa", sector="energy", size="large",
    roles=["integration"],
    needs=[dict(skill="CELL02", level=4, region="", people=3, horizon="3-5y", priority=4, formats=[])],
    interest=[], challenges=[], text="", infrastructures=[], consent=("yes", "no", "no"),
    time=("6.3.2026 9:03", "", "2026-03-06T07:04:10.550Z"),
)
R3 = dict(
    name="Porin Kierrätys Oy", business_id="0912345-3", region="pori", sector="recycling", size="small",
    roles=["recycling-second-life"],
    needs=[
        dict(skill="REC04", level=3, region="", people=8, horizon="1-2y", priority=5, formats=["pilot-plant"]),
        dict(skill="TEST04", level=2, region="turku", people=2, horizon="now", priority=2, formats=[]),
        dict(skill="DIG03", level=1, region="", people=20, horizon="3-5y", priority=1, formats=["on-the-job", "module"]),
    ],
    interest=["horizon-europe"], challenges=["black-mass-yields"],
    text="Mustamassan \u201chydrometallurgia\u201d \u2013 saannot", infrastructures=["jyu-hydromet", "rikkova"],
    consent=("yes", "yes", "yes"), time=("7.3.2026 16:45", "2026-03-07 16:45:00", "2026-03-07T14:45:00.000Z"),
)
RESPONDENTS = [R1, R2, R3]

# --- the catalogue's words (surveys/*.yaml, Finnish) -------------------------------------------

ROLES = {
    "raw-materials": "Raaka-aineet ja kaivostoiminta", "chemicals-materials": "Kemikaalit ja aktiivimateriaalit",
    "cells": "Kennojen valmistus", "modules-packs": "Moduulit ja akkupaketit",
    "integration": "Integrointi ja sovellukset (ajoneuvot, koneet, energiavarastot)",
    "recycling-second-life": "Kierrätys ja uusiokäyttö", "equipment-services": "Laitteet, teknologia ja palvelut",
    "research-education": "Tutkimus ja koulutus",
}
FORMATS = {
    "degree": "Tutkintokoulutus", "module": "Täydennyskoulutusmoduuli", "short-course": "Lyhytkurssi",
    "on-the-job": "Työpaikalla oppiminen", "pilot-plant": "Koulutus pilottilaitoksessa",
}
INTEREST = {"national": "Kansallinen yhteishanke", "horizon-europe": "Horisontti Eurooppa -konsortio"}
CHALLENGES = {
    "sustainable-refining": "Litiumin, nikkelin ja koboltin kestävä jalostus",
    "next-gen-cathodes": "Seuraavan sukupolven katodimateriaalit (korkea nikkelipitoisuus, LFP, natriumioni)",
    "black-mass-yields": "Mustamassan kierrätys ja hydrometallurgiset saannot",
    "battery-safety": "Akkuturvallisuus ja terminen karkaaminen",
    "second-life": "Akkujen uusiokäytön sovellukset",
    "battery-passport": "Akkupassi ja datan jäljitettävyys",
    "low-carbon-lca": "Vähähiiliset prosessit ja elinkaariarvioinnin data",
    "digital-twins": "Prosessien digitalisaatio ja digitaaliset kaksoset",
    "cell-scale-up": "Kuivahuoneet ja kennovalmistuksen skaalaus",
    "solid-state": "Kiinteäelektrolyyttiakut",
    "responsible-sourcing": "Raaka-aineiden vastuullisuus ja jäljitettävä alkuperä",
    "grid-storage": "Akkuvarastot sähköverkon joustossa",
}
INFRA = {
    "kip": "Kokkolan suurteollisuusalue KIP", "centria-dryroom": "Centrian akkulaboratorio ja kuivahuone",
    "chydenius-chemlab": "Soveltavan kemian laboratorio, Chydenius", "vebic": "VEBIC-laboratorioalusta",
    "technobothnia": "Technobothnia", "sundom-smart-grid": "Sundom Smart Grid", "gigavaasa": "GigaVaasa",
    "rikkova": "RIKKOVA – akkujen rikkovan testauksen kontti",
    "lut-battery-lab": "LUTin akkumateriaalilaboratorio ja sähköisen liikkumisen tutkimuskeskus (EMRC)",
    "jyu-hydromet": "JYU:n hydrometallurgian alusta", "uef-battery-lab": "UEF:n akkututkimuslaboratorio",
    "gtk-mintec": "GTK Mintec",
}
REGIONS_FI = {"kokkola": "Kokkola", "vaasa": "Vaasa", "pori": "Pori", "turku": "Turku", "": ""}
SECTORS_FI = {"battery-materials": "Akkumateriaalit (prekursorit, katodi- ja anodimateriaalit)",
              "energy": "Energia ja sähköverkot", "recycling": "Kierrätys"}
SKILLS_FI = {"CHEM03": "Katodiaktiivimateriaalien synteesi ja kalsinointi", "RAW02": "Kaivostoiminta ja malmin louhinta",
             "CELL02": "Elektrodien pinnoitus ja kuivaus", "REC04": "Mustamassan käsittely",
             "TEST04": "Rikkova testaus ja turvallisuustestaus", "DIG03": "dig03"}  # a code, typed in lower case
# Webropol's form words these more briefly: the mapping's values turn them into codes.
SIZES_FI = {"micro": "Alle 10", "small": "10–49", "medium": "50–249", "large": "250 tai enemmän"}
HORIZONS_FI = {"now": "Nyt", "1-2y": "1–2 vuotta", "3-5y": "3–5 vuotta"}
LEVELS_FI = {1: "Perustaso (EQF 2–3)", 2: "Ammattitaso (EQF 4)", 3: "Edistynyt taso (EQF 5–6)",
             4: "Asiantuntijataso (EQF 7–8)"}
YES_FI = {"yes": "Kyllä", "no": "Ei"}


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# --- XLSX and ZIP writing ----------------------------------------------------------------------

def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def zip_bytes(files):
    """A ZIP with fixed timestamps, so that the bytes only depend on the contents."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            info = zipfile.ZipInfo(name, date_time=(2026, 3, 8, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()


def xlsx(sheets, inline_rows=()):
    """sheets: [(name, rows)]; a row is a list of str/int/float/None (None = no cell, as Excel
    leaves out empty cells). Strings go to the shared strings table, except in `inline_rows`
    (spreadsheet row numbers), which use inline strings as some writers do."""
    shared, index = [], {}

    def share(text):
        if text not in index:
            index[text] = len(shared)
            shared.append(text)
        return index[text]

    sheet_parts = []
    for _, rows in sheets:
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>']
        for r, row in enumerate(rows, start=1):
            cells = []
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                ref = f"{column_letters(c)}{r}"
                if isinstance(value, (int, float)):
                    cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                elif r in inline_rows:
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>')
                else:
                    cells.append(f'<c r="{ref}" t="s"><v>{share(value)}</v></c>')
            out.append(f'<row r="{r}">' + "".join(cells) + "</row>")
        # Excel keeps rows that only ever held formatting.
        out.append(f'<row r="{len(rows) + 2}" ht="15"/>')
        out.append("</sheetData></worksheet>")
        sheet_parts.append("".join(out))
    strings = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared)}" '
               f'uniqueCount="{len(shared)}">']
    for text in shared:
        strings.append(f'<si><t xml:space="preserve">{escape(text)}</t></si>')
    strings.append("</sst>")
    workbook = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>']
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    types = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/sharedStrings.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>']
    files = []
    for number, (name, _) in enumerate(sheets, start=1):
        workbook.append(f'<sheet name="{escape(name)}" sheetId="{number}" r:id="rId{number}"/>')
        rels.append(f'<Relationship Id="rId{number}" '
                    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                    f'Target="worksheets/sheet{number}.xml"/>')
        types.append(f'<Override PartName="/xl/worksheets/sheet{number}.xml" '
                     'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        files.append((f"xl/worksheets/sheet{number}.xml", sheet_parts[number - 1]))
    workbook.append("</sheets></workbook>")
    rels.append(f'<Relationship Id="rId{len(sheets) + 1}" '
                'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                'Target="sharedStrings.xml"/></Relationships>')
    types.append("</Types>")
    package_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" '
                    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                    'Target="xl/workbook.xml"/></Relationships>')
    return zip_bytes([("[Content_Types].xml", "".join(types)), ("_rels/.rels", package_rels),
                      ("xl/workbook.xml", "".join(workbook)), ("xl/_rels/workbook.xml.rels", "".join(rels)),
                      ("xl/sharedStrings.xml", "".join(strings))] + files)


# --- CSV writing -------------------------------------------------------------------------------

def csv_line(fields, sep, quote_all=False):
    out = []
    for field in fields:
        text = str(field)
        if quote_all or any(ch in text for ch in (sep, '"', "\n", "\r")):
            text = '"' + text.replace('"', '""') + '"'
        out.append(text)
    return sep.join(out)


def csv_text(rows, sep, newline, quote_all=False, trailing_blank=False):
    text = newline.join(csv_line(row, sep, quote_all) for row in rows) + newline
    return text + newline if trailing_blank else text


# --- Webropol ----------------------------------------------------------------------------------

W_ROLES = "Mikä on organisaationne rooli akkuarvoketjussa? - "
W_NEED = "Osaamistarve {n}: "
W_INTEREST = "Onko organisaationne kiinnostunut yhteisistä tutkimus- ja kehityshankkeista? - "
W_CHALLENGES = "Mitkä tutkimushaasteet ovat teille tärkeimpiä? - "
W_INFRA = "Mitä tutkimusinfrastruktuureja, laboratorioita tai testiympäristöjä haluaisitte käyttää? - "
W_NEEDS = 3


def webropol_header():
    header = ["Vastaaja", "Vastausaika", "Organisaation nimi", "Y-tunnus",
              "Millä kaupunkiseudulla organisaationne toimii pääasiassa?", "Mikä on organisaationne päätoimiala?",
              "Kuinka monta henkilöä organisaationne työllistää?"]
    header += [W_ROLES + text for text in ROLES.values()]
    for n in range(1, W_NEEDS + 1):
        prefix = W_NEED.format(n=n)
        header += [prefix + "Mitä osaamista tarvitsette?", prefix + "Millä tasolla osaamista tarvitaan?",
                   prefix + "Millä alueella osaamista tarvitaan?",
                   prefix + "Kuinka monta henkilöä tarvitsee tätä osaamista?",
                   prefix + "Milloin tarve on ajankohtainen?", prefix + "Kuinka kiireellinen tarve on? (1–5)"]
        header += [prefix + "Millaiset koulutusmuodot sopisivat parhaiten? - " + text for text in FORMATS.values()]
    header += [W_INTEREST + text for text in INTEREST.values()]
    header += [W_CHALLENGES + text for text in CHALLENGES.values()]
    header.append("Kuvaile halutessanne tutkimustarvettanne omin sanoin.")
    header += [W_INFRA + text for text in INFRA.values()]
    header += ["Saako vastauksenne julkaista koottuina tuloksina, joista organisaatiotanne ei voi tunnistaa?",
               "Saako hankkeen koordinaattori ottaa teihin yhteyttä yhteishankkeiden konsortioiden kokoamiseksi?",
               "Saako vastauksianne käyttää organisaationne koulutuksen suunnitteluun yhdessä oppilaitosten kanssa?"]
    return header


def webropol_row(number, r, numbers, time):
    """numbers: write counts as numbers (the workbook) or as Excel-CSV text with decimal commas."""
    def count(value, comma=False):
        if numbers:
            return value
        return f"{value},0" if comma else str(value)

    row = [count(number), time, r["name"], r["business_id"], REGIONS_FI[r["region"]], SECTORS_FI[r["sector"]],
           SIZES_FI[r["size"]]]
    row += ["1" if code in r["roles"] else "" for code in ROLES]
    for n in range(W_NEEDS):
        need = r["needs"][n] if n < len(r["needs"]) else None
        if need is None:
            row += [""] * (6 + len(FORMATS))
            continue
        row += [SKILLS_FI[need["skill"]], LEVELS_FI[need["level"]], REGIONS_FI[need["region"]],
                count(need["people"], comma=(n == 0)), HORIZONS_FI[need["horizon"]], count(need["priority"])]
        row += ["1" if code in need["formats"] else "" for code in FORMATS]
    row += ["1" if code in r["interest"] else "" for code in INTEREST]
    row += ["1" if code in r["challenges"] else "" for code in CHALLENGES]
    row.append(r["text"])
    row += ["1" if code in r["infrastructures"] else "" for code in INFRA]
    row += [YES_FI[answer] for answer in r["consent"]]
    return row


def trim_trailing(row):
    row = list(row)
    while row and row[-1] == "":
        row.pop()
    return row


def webropol():
    header = webropol_header()
    rows = [webropol_row(i + 1, r, numbers=False, time=r["time"][0]) for i, r in enumerate(RESPONDENTS)]
    # Excel in a Finnish locale: ";", Windows-1252, CRLF, quotes only where needed.
    write("webropol-export-cp1252.csv", csv_text([header] + rows, ";", "\r\n").encode("cp1252"))
    # "CSV UTF-8": the same with a BOM; this copy leaves empty trailing columns out of short rows.
    short = [header] + [trim_trailing(row) for row in rows]
    write("webropol-export-utf8.csv", b"\xef\xbb\xbf" + csv_text(short, ";", "\r\n").encode("utf-8"))
    # The native workbook: numbers as numbers, an answer time as an Excel serial number (local time).
    book_rows = [webropol_row(i + 1, r, numbers=True, time=r["time"][0]) for i, r in enumerate(RESPONDENTS)]
    book_rows[1][1] = 46087.377083333333  # 6.3.2026 9:03
    write("webropol-export.xlsx", xlsx([("Vastaukset", [header] + book_rows)], inline_rows={3}))
    # One bad row: respondent 2 gives "viisi" people and an unknown region.
    bad = [list(row) for row in rows]
    bad[1][header.index(W_NEED.format(n=1) + "Kuinka monta henkilöä tarvitsee tätä osaamista?")] = "viisi"
    bad[1][header.index("Millä kaupunkiseudulla organisaationne toimii pääasiassa?")] = "Helsinki"
    write("webropol-bad-row.csv", csv_text([header] + bad, ";", "\r\n").encode("cp1252"))
    # A CSV whose header says nothing about its dialect: the import must ask for --dialect.
    plain = [column for column in header if column not in ("Vastaaja", "Vastausaika")]
    write("ambiguous.csv", csv_text([plain] + [row[2:] for row in rows], ";", "\r\n").encode("utf-8"))


# --- LimeSurvey --------------------------------------------------------------------------------

L_REGIONS = ["kokkola", "vaasa", "pori", "turku", "lappeenranta", "jyvaskyla", "kuopio", "other"]
L_SECTORS = ["mining", "chemicals", "battery-materials", "cell-manufacturing", "pack-and-systems", "recycling",
             "energy", "machinery-and-vehicles", "services-and-consulting", "research-and-education",
             "public-sector"]
L_SIZES = ["micro", "small", "medium", "large"]
L_SKILL_PREFIX = {"RAW": "RA", "CHEM": "CH", "CELL": "CE", "PACK": "PA", "TEST": "TE", "REC": "RC", "REG": "RG",
                  "DIG": "DI", "BUS": "BU"}
L_HORIZONS = {"now": "H1", "1-2y": "H2", "3-5y": "H3"}


def sq(n):
    return f"SQ{n:03d}"


def limesurvey_header():
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ORGNAME", "BUSID",
              "REGION", "SECTOR", "SECTOR[other]", "SIZE"]
    header += [f"ROLES[{sq(i + 1)}]" for i in range(len(ROLES))] + ["ROLES[other]"]
    for n in range(1, 4):
        header += [f"N{n}SKILL", f"N{n}LEVEL", f"N{n}REGION", f"N{n}PEOPLE", f"N{n}HORIZON", f"N{n}PRIO"]
        header += [f"N{n}FORMAT[{sq(i + 1)}]" for i in range(len(FORMATS))]
    header += [f"INTEREST[{sq(i + 1)}]" for i in range(len(INTEREST))]
    header += [f"CHALL[{sq(i + 1)}]" for i in range(len(CHALLENGES))]
    header.append("CHALLTXT")
    header += [f"INFRA[{sq(i + 1)}]" for i in range(len(INFRA))]
    header += ["CONSPUB", "CONSCONT", "CONSPLAN"]
    return header


def limesurvey_row(number, r, submitted, language, sector_other=""):
    def code(values, value):
        return "A" + str(values.index(value) + 1) if value else ""

    def skill(value):
        group = value.rstrip("0123456789")
        return L_SKILL_PREFIX[group] + value[len(group):]

    sector = "-oth-" if sector_other else code(L_SECTORS, r["sector"])
    row = [str(number), submitted, "5" if submitted else "3", language, str(1187652342 + number),
           "2026-03-05 14:18:40", submitted or "2026-03-05 14:30:00", r["name"], r["business_id"],
           code(L_REGIONS, r["region"]), sector, sector_other, "S" + str(L_SIZES.index(r["size"]) + 1)]
    row += ["Y" if code_ in r["roles"] else "" for code_ in ROLES] + [""]
    for n in range(3):
        need = r["needs"][n] if n < len(r["needs"]) else None
        if need is None:
            row += [""] * (6 + len(FORMATS))
            continue
        row += [skill(need["skill"]), str(need["level"]), code(L_REGIONS, need["region"]), str(need["people"]),
                L_HORIZONS[need["horizon"]], str(need["priority"])]
        row += ["Y" if code_ in need["formats"] else "" for code_ in FORMATS]
    row += ["Y" if code_ in r["interest"] else "" for code_ in INTEREST]
    row += ["Y" if code_ in r["challenges"] else "" for code_ in CHALLENGES]
    row.append(r["text"])
    row += ["Y" if code_ in r["infrastructures"] else "" for code_ in INFRA]
    row += ["Y" if answer == "yes" else "N" for answer in r["consent"]]
    return row


def limesurvey():
    header = limesurvey_header()
    # R2 never pressed "Submit": an empty submitdate. R3 chose "Other" as its sector.
    rows = [limesurvey_row(1, R1, R1["time"][1], "fi"), limesurvey_row(2, R2, "", "fi"),
            limesurvey_row(3, R3, R3["time"][1], "en", sector_other="Akkujen huolto ja korjaus")]

    def export(rows, sep):
        # CsvWriter.php: UTF-8 BOM, every field quoted, CRLF, one blank line at the end.
        return b"\xef\xbb\xbf" + csv_text([header] + rows, sep, "\r\n", quote_all=True,
                                           trailing_blank=True).encode("utf-8")

    write("results-survey468213.csv", export(rows, ","))
    write("results-survey468213-semicolon.csv", export(rows, ";"))
    write("results-survey468213-tab.csv", export(rows, "\t"))
    bad = [list(row) for row in rows]
    bad[2][header.index("N2SKILL")] = "ZZ99"
    write("results-survey468213-bad-row.csv", export(bad, ","))


# --- ODK Central -------------------------------------------------------------------------------

X_SECTORS = {"battery-materials": "battery_materials", "energy": "energy", "recycling": "recycling"}
X_ROLES = {code: code.replace("-", "_") for code in ROLES}
X_FORMATS = {code: code.replace("-", "_") for code in FORMATS}
X_HORIZONS = {"now": "now", "1-2y": "h1_2y", "3-5y": "h3_5y"}
X_INTEREST = {code: code.replace("-", "_") for code in INTEREST}
X_CHALLENGES = {code: code.replace("-", "_") for code in CHALLENGES}
X_INFRA = {code: code.replace("-", "_") for code in INFRA}
UUIDS = ["3f1c2a8e-9b7d-4c51-a0e2-6d5b8f0c1e22", "a7b9e0d1-2c3f-4e5a-8b6c-7d8e9f0a1b2c",
         "5d2e7f10-4a3b-4c8d-9e1f-2a3b4c5d6e7f", "c0ffee00-1234-4abc-8def-0123456789ab",
         "deadbeef-5678-4bcd-9abc-def012345678"]


def xlsform_answers(r):
    return dict(
        org_name=r["name"], business_id=r["business_id"], org_region=r["region"], sector=X_SECTORS[r["sector"]],
        size=r["size"], roles=" ".join(X_ROLES[c] for c in r["roles"]),
        interest=" ".join(X_INTEREST[c] for c in r["interest"]),
        challenges=" ".join(X_CHALLENGES[c] for c in r["challenges"]), challenge_text=r["text"],
        infrastructures=" ".join(X_INFRA[c] for c in r["infrastructures"]),
        consent_publish=r["consent"][0], consent_contact=r["consent"][1], consent_planning=r["consent"][2])


def xlsform_need(need):
    return [need["skill"], str(need["level"]), need["region"], str(need["people"]), X_HORIZONS[need["horizon"]],
            str(need["priority"]), " ".join(X_FORMATS[c] for c in need["formats"])]


ODK_FIELDS = [("org", ["org_name", "business_id", "org_region", "sector", "size", "roles"]),
              ("research", ["interest", "challenges", "challenge_text", "infrastructures"]),
              ("consent", ["consent_publish", "consent_contact", "consent_planning"])]
NEED_FIELDS = ["skill", "level", "need_region", "people", "horizon", "priority", "formats"]


def odk(bad=False):
    header = ["SubmissionDate", "start", "end"]
    header += [f"{group}-{name}" for group, names in ODK_FIELDS for name in names]
    header += ["meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected",
               "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"]
    rows, needs = [header], [NEED_FIELDS + ["PARENT_KEY", "KEY"]]
    review = ["approved", "", "hasIssues"]
    for i, r in enumerate(RESPONDENTS):
        key = "uuid:" + UUIDS[i]
        answers = xlsform_answers(r)
        row = [r["time"][2], "2026-03-05T14:18:40.123+02:00", "2026-03-05T14:22:01.456+02:00"]
        row += [answers[name] for _, names in ODK_FIELDS for name in names]
        row += [key, key, "5", "enum1", "0", "0", "", review[i], "collect:Xk2pQ9", "0", "2026030501"]
        rows.append(row)
        for n, need in enumerate(r["needs"], start=1):
            needs.append(xlsform_need(need) + [key, f"{key}/needs[{n}]"])
    # An encrypted submission the export could not decrypt: no answers, Status "not decrypted".
    key = "uuid:" + UUIDS[3]
    rows.append(["2026-03-08T08:00:00.000Z", "", ""] + [""] * 13 +
                [key, key, "5", "enum1", "0", "0", "not decrypted", "", "collect:Xk2pQ9", "0", "2026030501"])
    # A submission rejected in review: skipped with its needs.
    key = "uuid:" + UUIDS[4]
    answers = xlsform_answers(dict(R2, name="Hylätty Oy"))
    rows.append(["2026-03-08T09:00:00.000Z", "", ""] + [answers[n] for _, names in ODK_FIELDS for n in names] +
                [key, key, "5", "enum1", "0", "0", "", "rejected", "collect:Xk2pQ9", "1", "2026030501"])
    needs.append(xlsform_need(R2["needs"][0]) + [key, f"{key}/needs[1]"])
    if bad:
        needs[2][NEED_FIELDS.index("level")] = "7"
    # csv-stringify: ",", quotes only where needed, LF, no BOM; the file ends with a newline.
    files = [("battery_competence_2026.csv", csv_text(rows, ",", "\n")),
             ("battery_competence_2026-needs.csv", csv_text(needs, ",", "\n"))]
    write("odk-bad-row.csv.zip" if bad else "battery_competence_2026.csv.zip", zip_bytes(files))
    if not bad:
        # The root CSV alone (submissions.csv): it has none of the needs.
        write("odk-root-only.csv", csv_text(rows, ",", "\n").encode("utf-8"))


# --- KoboToolbox -------------------------------------------------------------------------------

KOBO_MAIN = ["start", "end", "org_name", "business_id", "org_region", "sector", "size", "roles"]
KOBO_META = ["__version__", "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
             "_submitted_by", "_tags", "_index"]


def kobo(bad=False):
    # multiple_select "both": the summary column and one 1/0 column per option.
    header = KOBO_MAIN + [f"roles/{name}" for name in X_ROLES.values()]
    header += ["interest", "challenges", "challenge_text", "infrastructures", "consent_publish", "consent_contact",
               "consent_planning"] + KOBO_META
    need_header = NEED_FIELDS + [f"formats/{name}" for name in X_FORMATS.values()]
    need_header += ["_index", "_parent_table_name", "_parent_index", "_submission__id", "_submission__uuid",
                    "_submission__submission_time", "_submission__validation_status", "_submission__notes",
                    "_submission__status", "_submission__submitted_by", "_submission__tags"]
    rows, needs = [header], [need_header]
    need_index = 0
    for i, r in enumerate(RESPONDENTS):
        a = xlsform_answers(r)
        submitted = r["time"][2].replace("Z", "")[:19]
        row = ["2026-03-05T14:18:40.123+02:00", "2026-03-05T14:22:01.456+02:00", a["org_name"], a["business_id"],
               a["org_region"], a["sector"], a["size"], a["roles"]]
        row += [1 if code in r["roles"] else 0 for code in ROLES]
        row += [a["interest"], a["challenges"], a["challenge_text"], a["infrastructures"], a["consent_publish"],
                a["consent_contact"], a["consent_planning"], "vGh7xQp2mL4cYk9", 101 + i, UUIDS[i], submitted, "",
                "", "submitted_via_web", "enum1", "", i + 1]
        rows.append(row)
        for need in r["needs"]:
            need_index += 1
            needs.append(xlsform_need(need) + [1 if code in need["formats"] else 0 for code in FORMATS] +
                         [need_index, "battery_competence_2026", i + 1, 101 + i, UUIDS[i], submitted, "", "",
                          "submitted_via_web", "enum1", ""])
    if bad:
        rows[2][header.index("org_region")] = "helsinki"
    sheets = [("battery_competence_2026", rows), ("needs", needs)]
    write("kobo-bad-row.xlsx" if bad else "kobo-export.xlsx", xlsx(sheets))
    if not bad:
        # formpack's to_csv: ";", every field quoted, CRLF, no BOM — and no repeat groups.
        text_rows = [[str(value) for value in row] for row in rows]
        write("kobo-export.csv", csv_text(text_rows, ";", "\r\n", quote_all=True).encode("utf-8"))


if __name__ == "__main__":
    webropol()
    limesurvey()
    odk()
    odk(bad=True)
    kobo()
    kobo(bad=True)
