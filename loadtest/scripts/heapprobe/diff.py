import sys, re
def histo(f):
    d = {}; tot = None
    for l in open(f):
        m = re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)', l)
        if m: d[m.group(3)] = (int(m.group(1)), int(m.group(2)))
        m = re.match(r'Total\s+(\d+)\s+(\d+)', l)
        if m: tot = (int(m.group(1)), int(m.group(2)))
    return d, tot
def used(f):
    t = open(f).read()
    m = re.search(r'used (\d+)K', t); return int(m.group(1))*1024
a, ta = histo(sys.argv[1]); b, tb = histo(sys.argv[2]); n = int(sys.argv[3])
ua, ub = used(sys.argv[4]), used(sys.argv[5])
print(f"heap used after GC: {ua/1e6:.1f} MB -> {ub/1e6:.1f} MB  => {(ub-ua)/n:.0f} B/socket")
print(f"histogram total: {ta[1]/1e6:.1f} MB -> {tb[1]/1e6:.1f} MB  => {(tb[1]-ta[1])/n:.0f} B/socket")
rows = []
for k in set(a) | set(b):
    ia, ba = a.get(k, (0,0)); ib, bb = b.get(k, (0,0))
    rows.append((bb-ba, ib-ia, k))
rows.sort(reverse=True)
print(f"{'B/sock':>8} {'inst/sock':>9}  class")
for db, di, k in rows[:40]:
    print(f"{db/n:8.0f} {di/n:9.2f}  {k}")
