"""Writes the analysis benchmark's seeded national-scale data set as a needs CSV (osaava dialect).

usage: analysis_bench_data.py ROWS OUT.csv [SEED]

About 50,000 responses (40,000 organisations, a quarter of them answering two rounds), each
with ROWS / 50,000 needs on average. Codes come from the catalogue's files; skills and regions
follow skewed distributions so that small cells (suppressed) exist at every size.
"""
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def codes(path, section, subsection=None):
    """`- code: X` entries of a top-level section (or of a 2-space subsection) of a catalogue file."""
    found, inside = [], False
    for line in (ROOT / path).read_text(encoding="utf-8").splitlines():
        top = re.match(r"^([a-z][\w-]*):", line)
        if top:
            inside = subsection is None and top.group(1) == section
            if subsection is not None:
                inside = False
                parent = top.group(1) == section
            continue
        if subsection is not None:
            sub = re.match(r"^  ([a-z][\w-]*):\s*$", line)
            if sub:
                inside = parent and sub.group(1) == subsection
                continue
        item = re.match(r"^\s*- code: ([\w-]+)", line)
        if inside and item:
            found.append(item.group(1))
    return found


def main():
    rows = int(sys.argv[1])
    out = Path(sys.argv[2])
    random.seed(int(sys.argv[3]) if len(sys.argv) > 3 else 2026)
    regions = codes("surveys/regions.yaml", "regions")
    skills = codes("surveys/skills.yaml", "skills")
    sectors = codes("surveys/vocabularies.yaml", "vocabularies", "sectors")
    sizes = codes("surveys/vocabularies.yaml", "vocabularies", "sizes")
    formats = codes("surveys/vocabularies.yaml", "vocabularies", "formats")
    horizons = ["now", "1-2y", "3-5y"]
    assert regions and skills and sectors and sizes and formats, "catalogue codes not found"
    region_weights = [1.0 / (rank + 1) for rank in range(len(regions))]
    skill_weights = [1.0 / (rank + 1) ** 1.2 for rank in range(len(skills))]
    shuffled = skills[:]
    random.shuffle(shuffled)
    organisations = 40_000
    responses = []
    for org in range(organisations):
        rounds = ["2026", "2027"] if org % 4 == 0 else [random.choice(["2026", "2027"])]
        for round_ in rounds:
            responses.append((org, round_))
    random.shuffle(responses)
    per_response = rows / len(responses)
    org_region = [random.choices(regions, region_weights)[0] for _ in range(organisations)]
    org_sector = [random.choice(sectors) for _ in range(organisations)]
    org_size = [random.choice(sizes) for _ in range(organisations)]
    written = 0
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write("response_id,organisation,region,sector,size,skill,level,people,horizon,priority,format,survey,round\r\n")
        for index, (org, round_) in enumerate(responses):
            left = len(responses) - index
            count = max(1, min(rows - written - (left - 1), round(random.uniform(0.5, 1.5) * per_response)))
            if left == 1:
                count = rows - written
            name = f"Org {org:06d}"
            for need in range(count):
                region = org_region[org] if need == 0 or random.random() < 0.9 else random.choices(regions, region_weights)[0]
                skill = random.choices(shuffled, skill_weights)[0]
                chosen = "|".join(sorted(random.sample(formats, random.choice([0, 1, 1, 2]))))
                f.write(
                    f"b{org}-{round_},{name},{region},{org_sector[org]},{org_size[org]},{skill},"
                    f"{random.randint(1, 4)},{random.randint(1, 20)},{random.choice(horizons)},"
                    f"{random.randint(1, 5)},{chosen},battery-competence-2026,{round_}\r\n")
            written += count
    print(f"{out}: {written} needs, {len(responses)} responses, {organisations} organisations", file=sys.stderr)


if __name__ == "__main__":
    main()
