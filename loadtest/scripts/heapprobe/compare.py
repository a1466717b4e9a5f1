import sys, re
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
def histo(f):
    d={}
    for l in open(f):
        m=re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)',l)
        if m: d[m.group(3)]=(int(m.group(1)),int(m.group(2)))
    return d
def delta(run):
    a=histo(f'out/{run}/histo_A.txt'); b=histo(f'out/{run}/histo_B.txt')
    return {k:(b.get(k,(0,0))[0]-a.get(k,(0,0))[0], b.get(k,(0,0))[1]-a.get(k,(0,0))[1]) for k in set(a)|set(b)}
x,y,n=sys.argv[1],sys.argv[2],int(sys.argv[3])
X=delta(x); Y=delta(y)
rows=[]
for k in set(X)|set(Y):
    dx=X.get(k,(0,0)); dy=Y.get(k,(0,0))
    rows.append(((dy[1]-dx[1])/n,(dy[0]-dx[0])/n,k))
rows.sort(key=lambda r:-abs(r[0]))
tot=sum(r[0] for r in rows)
print(f'{x} -> {y}: total {tot:+.0f} B/socket')
for b,i,k in rows:
    if abs(b)>=8: print(f'{b:+8.0f} B {i:+6.2f} inst  {k}')
