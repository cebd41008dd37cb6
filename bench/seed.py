#!/usr/bin/env python3
"""Benchmark data as tab-separated files, loaded by bench/run.sh with SQL (SQLite executemany / PostgreSQL COPY).

Usage: seed.py <out-dir> <proposals> <comments> <sheet-comments> <cycle-id> <axis-ids,comma-separated> <sheet-id>
Writes proposals.tsv, search.tsv, comments.tsv (on the middle proposal), sheet_comments.tsv and busiest.txt.
Text comes from a Zipf-like vocabulary of ~4,000 words (French with accents, Arabic, and synthetic filler words): "budget"
and "transparence" sit at the top (found in most documents), "corruption" in the middle, the filler tail is rare.
"""
import os, random, sys, uuid

out, proposals, comments, sheet_comments = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
cycle, axes, sheet = sys.argv[5], sys.argv[6].split(","), sys.argv[7]
random.seed(42)
top = ["budget", "transparence", "citoyen"]
fr = ("données ouvertes accès information intégrité corruption participation commune région santé éducation marché public "
      "déclaration patrimoine plateforme numérique consultation plainte justice environnement eau énergie jeunesse femmes "
      "handicap associations collectivités territoriales redevabilité dépense recettes").split()
ar = "الشفافية الميزانية المواطن المعطيات المفتوحة الحق المعلومات النزاهة الفساد المشاركة الجماعة الجهة الصحة التعليم".split()
syllables = "ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to".split()
filler = sorted({"".join(random.choice(syllables) for _ in range(random.randint(3, 5))) for _ in range(4200)})
random.shuffle(filler)
vocab = top + filler[:40] + fr + ar + filler[40:]
with open(os.path.join(out, "rare.txt"), "w", encoding="utf-8") as f: f.write(vocab[-1])  # the rarest word, for the search bench
cum, total = [], 0.0
for rank in range(len(vocab)):
    total += 1.0 / (rank + 1)
    cum.append(total)
def words(n): return " ".join(random.choices(vocab, cum_weights=cum, k=n))
regions = ["national", "oriental", "fes-meknes", "rabat-sale-kenitra", "casablanca-settat", "marrakech-safi", "souss-massa"]
def at(i): return f"2023-10-{1 + i // 86400 % 28:02d} {i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}"
busiest = None
with open(os.path.join(out, "proposals.tsv"), "w", encoding="utf-8") as p, open(os.path.join(out, "search.tsv"), "w", encoding="utf-8") as s:
    for i in range(proposals):
        pid = str(uuid.UUID(int=random.getrandbits(128), version=4)).upper()
        if i == proposals // 2: busiest = pid
        title, problem, solution = words(6).capitalize(), words(40), words(40)
        n = comments if pid == busiest else random.randint(0, 30)
        p.write("\t".join([pid, cycle, f"bench-user-{i % 5000}", f"Participant {i % 5000}", str(random.randrange(3)), title, problem, solution,
                           random.choice(axes), random.choice(regions), words(10), "2", at(i), at(i), at(i), at(i), "0", "0",
                           str(random.randrange(500)), str(n)]) + "\n")
        s.write("\t".join(["proposal", pid.lower(), title, problem + " " + solution, f"/proposals/{pid.lower()}", at(i)]) + "\n")
with open(os.path.join(out, "comments.tsv"), "w", encoding="utf-8") as c:
    for i in range(comments):
        c.write("\t".join([str(uuid.uuid4()).upper(), busiest, f"bench-user-{i}", f"Participant {i}", words(30), at(100000 + i), "0", "0", "0"]) + "\n")
sections = ["title", "actors", "problem", "status-quo", "commitment", "how-it-solves", "values", "activities", "indicators"]
with open(os.path.join(out, "sheet_comments.tsv"), "w", encoding="utf-8") as c:
    for i in range(sheet_comments):
        c.write("\t".join([str(uuid.uuid4()).upper(), sheet, sections[i % len(sections)], "1", f"bench-user-{i}", f"Participant {i}", words(40), at(200000 + i), "0"]) + "\n")
with open(os.path.join(out, "busiest.txt"), "w") as f: f.write(busiest.lower())
