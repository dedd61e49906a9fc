import json, re, sys, collections, unicodedata
# words as written (harakat/tatweel removed), Arabic letters only
diac = re.compile('[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c\u200d\u200e\u200f]')
word = re.compile('[\u0621-\u063A\u0641-\u064A]+')
c = collections.Counter()
for line in open(sys.argv[1], encoding='utf-8'):
    d = json.loads(line)
    t = diac.sub('', unicodedata.normalize('NFC', d.get('title','') + ' ' + d['body']))
    c.update(word.findall(t))
with open(sys.argv[2], 'w') as f:
    for w, n in c.most_common():
        f.write(f"{w}\t{n}\n")
print(len(c), sum(c.values()))
