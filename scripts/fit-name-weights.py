#!/usr/bin/python3
"""Fit the weights of ai_entities' name model (sql/name_weights.tsv).

The model (ext/entities/name_model.c) scores each name candidate for
PERSON, ORG, PRODUCT and GPE as the sum of the weights of its features;
"no name" scores 0.  This script fits those weights as a multinomial
logistic regression with an L2 penalty, on candidates that
build/rel/bin/entity_features prints for development texts whose names
are known:

  - the project's own development set (tests/entities: every label);
  - optionally a KLUE-NER file (JSON lines with "text" and "spans", labels
    PS, OG, LC mapped to PERSON, ORG, GPE).  KLUE does not tag products, so
    a KLUE candidate that is no person, organization or place counts as
    "no name or a product" (the loss is on the sum of the two).

KLUE sentences are split by line number: even lines train, odd lines are
held out (--holdout reports candidate accuracy there; the full check is
shared/tools/score_klue.py on the built extension).  Nothing of the
development texts is written out: only one weight per feature and label.

usage: scripts/fit-name-weights.py [--klue FILE] [--all] [-o FILE]
Debian's python3 only; run from the repository root after
`make build/rel/bin/entity_features`.
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys

LABELS = ['PERSON', 'ORG', 'PRODUCT', 'GPE']
NONE = len(LABELS)                  # index of "no name"
KLUE_MAP = {'PS': 'PERSON', 'OG': 'ORG', 'LC': 'GPE'}


def candidates(texts):
    """Run entity_features over texts: (feature names, [(line, s, e, feats)])."""
    env = dict(os.environ, KOAI_DICDIR=os.environ.get('KOAI_DICDIR', 'dist/mecab-ko-dic'))
    inp = ''.join(t.replace('\n', ' ') + '\n' for t in texts)
    out = subprocess.run(['build/rel/bin/entity_features'], input=inp, env=env,
                         capture_output=True, text=True, check=True).stdout
    lines = out.split('\n')
    names = lines[0].split('\t')[1].split(',')
    index = {n: i for i, n in enumerate(names)}
    rows = []
    for l in lines[1:]:
        if not l:
            continue
        line, s, e, feats = l.split('\t')
        rows.append((int(line), int(s), int(e), [index[f] for f in feats.split(',')]))
    return names, rows


def own_devset(root):
    texts, ids = [], {}
    with open(os.path.join(root, 'tests/entities/devset.tsv'), encoding='utf-8') as f:
        next(f)
        for l in f:
            doc, _, text = l.rstrip('\n').split('\t', 2)
            ids[doc] = len(texts)
            texts.append(text)
    gold = [dict() for _ in texts]
    with open(os.path.join(root, 'tests/entities/expected.tsv'), encoding='utf-8') as f:
        next(f)
        for l in f:
            c = l.rstrip('\n').split('\t')
            if c[2] in LABELS:
                gold[ids[c[0]]][(int(c[6]), int(c[7]))] = LABELS.index(c[2])
    return texts, gold


def klue(path):
    texts, gold = [], []
    with open(path, encoding='utf-8') as f:
        for l in f:
            d = json.loads(l)
            texts.append(d['text'])
            gold.append({(s, e): LABELS.index(KLUE_MAP[lab])
                         for s, e, lab, _ in d['spans'] if lab in KLUE_MAP})
    return texts, gold


def examples(texts, gold, partial, weight=1.0):
    """(features, allowed labels) per candidate; partial: KLUE's products."""
    _, rows = candidates(texts)
    out = []
    for line, s, e, feats in rows:
        y = gold[line].get((s, e))
        if y is not None:
            allowed = (y,)
        elif partial:
            allowed = (NONE, LABELS.index('PRODUCT'))
        else:
            allowed = (NONE,)
        out.append((feats, allowed, line, weight))
    return out


def scores(w, feats):
    return [sum(w[f][k] for f in feats) for k in range(len(LABELS))] + [0.0]


def fit(data, n_feat, l2=0.01, epochs=40, rate=0.1, seed=1):
    """Stochastic gradient descent on the partial-label log loss."""
    w = [[0.0] * len(LABELS) for _ in range(n_feat)]
    rnd = random.Random(seed)
    order = list(range(len(data)))
    for ep in range(epochs):
        rnd.shuffle(order)
        lr = rate / (1 + ep * 0.2)
        for i in order:
            feats, allowed, _, weight = data[i]
            sc = scores(w, feats)
            m = max(sc)
            p = [math.exp(x - m) for x in sc]
            z = sum(p)
            p = [x / z for x in p]
            pa = sum(p[k] for k in allowed)
            for k in range(len(LABELS)):
                g = weight * (p[k] - (p[k] / pa if k in allowed else 0.0))
                if g == 0.0:
                    continue
                for f in feats:
                    w[f][k] -= lr * g
        for f in range(n_feat):
            for k in range(len(LABELS)):
                w[f][k] *= 1 - lr * l2
    return w


def accuracy(w, data):
    """Share of candidates whose best label is an allowed one, and name F1
    (a product guessed where KLUE allows one is neither right nor wrong)."""
    right = tp = npred = ngold = 0
    product = LABELS.index('PRODUCT')
    for feats, allowed, _, _ in data:
        sc = scores(w, feats)
        best = max(range(len(sc)), key=lambda k: sc[k])
        right += best in allowed
        ngold += allowed[0] != NONE
        npred += best != NONE and not (best == product and NONE in allowed)
        tp += allowed[0] != NONE and best == allowed[0]
    p = tp / npred if npred else 0
    r = tp / ngold if ngold else 0
    return right / max(1, len(data)), (2 * p * r / (p + r) if p + r else 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--klue', help='KLUE-NER JSON lines (development only)')
    ap.add_argument('--all', action='store_true', help='train on every KLUE line')
    ap.add_argument('-o', default='sql/name_weights.tsv')
    a = ap.parse_args()
    root = os.getcwd()
    names, _ = candidates([''])
    texts, gold = own_devset(root)
    # The own set follows the spec where KLUE's conventions differ (bare
    # common nouns, products): it counts three times.
    train = examples(texts, gold, partial=False, weight=1.0)
    hold = []
    if a.klue:
        kt, kg = klue(a.klue)
        kd = examples(kt, kg, partial=True)
        train += [x for x in kd if a.all or x[2] % 2 == 0]
        hold = [x for x in kd if x[2] % 2 == 1]
    w = fit(train, len(names))
    # The log loss is best at the most probable label; F1 counts a missed
    # name as much as a wrong one, so the names' threshold is then moved
    # (one offset added to the bias of PERSON, ORG and GPE) to the value
    # that gives the best name F1 on the training candidates.  One number
    # for three labels: less to fit, less to overfit.
    bias = names.index('bias')
    base = [w[bias][k] for k in range(len(LABELS))]
    best = None
    for step in range(0, 31):
        for k in (0, 1, 3):
            w[bias][k] = base[k] + step * 0.1
        f = accuracy(w, train)[1]
        if best is None or f > best[0]:
            best = (f, step * 0.1)
    for k in (0, 1, 3):
        w[bias][k] = base[k] + best[1]
    print(f'threshold offset {best[1]:.1f}', file=sys.stderr)
    acc, f1 = accuracy(w, train)
    print(f'train: {len(train)} candidates, accuracy {acc:.3f}, name F1 {f1:.3f}', file=sys.stderr)
    if hold:
        acc, f1 = accuracy(w, hold)
        print(f'held out: {len(hold)} candidates, accuracy {acc:.3f}, name F1 {f1:.3f}', file=sys.stderr)
    with open(a.o, 'w', encoding='utf-8') as f:
        f.write('# Weights of the name model of ai_entities (ext/entities/name_model.c).\n')
        f.write('# A candidate scores, for each label, the sum of the weights of its\n')
        f.write('# features; "no name" scores 0; the best label above 0 wins.\n')
        f.write('# Fitted by scripts/fit-name-weights.py on development text; the\n')
        f.write('# features are described in ext/entities/name_features.c.\n')
        f.write('feature\t' + '\t'.join(LABELS) + '\n')
        for i, n in enumerate(names):
            f.write(n + '\t' + '\t'.join(f'{x:.3f}' for x in w[i]) + '\n')


if __name__ == '__main__':
    main()
