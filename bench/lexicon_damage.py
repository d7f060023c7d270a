"""Damage Thai text the way OCR does, put the marks back, and count per word.

Measures :mod:`bma_etl.read.ocr_lexicon` on real Thai text: the seeds' text files
and the robustness corpus generators' documents. Each text gets OCR-like damage
from a seeded RNG (:func:`damage`: marks dropped, ``ำ`` read ``า``, ``ี่`` read
``ิ``, a tone mark over SARA AA read ``ำ``, PO PLA read BO BAIMAI), is repaired as
the OCR path repairs a page (:func:`~bma_etl.read.ocr_lexicon.restored`), and
each word of the undamaged text (the truth, cut by pythainlp's ``newmm``) is
counted (:func:`score`) as

- ``restored``: damaged, and repaired to the truth;
- ``left``: damaged, and left as read;
- ``wrong``: changed to something other than the truth: a correct word changed
  (``broken``) or a damaged one made into another word (``misrestored``);
- ``partly``: damaged, changed, closer to the truth but not there.

The damage changes marks only; a repair that changes letters
(:mod:`bma_etl.read.ocr_letters`: a letter read twice, dropped or read for
another) is counted apart (``letters``, each shown as truth → repaired) and
scored as left as read.

Usage: ``python bench/lexicon_damage.py [--seed N] [--docs N] [--show N]``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bma_etl.matchkey import key_map
from bma_etl.read.ocr_confusions import classed
from bma_etl.read.ocr_lexicon import fold, restored

#: The seeds' text files (real reports), shipped with the project.
SEEDS = Path(__file__).resolve().parents[1] / "samples"
#: Chance of each kind of damage, per occurrence: ``(pattern, replacement, chance)``,
#: applied in order. Tone marks go most (MAI EK above all), SARA AM loses its
#: NIKHAHIT, SARA II with MAI EK reads as SARA I.
DAMAGE: tuple[tuple[str, str, float], ...] = (
    ("\u0e35\u0e48", "\u0e34", 0.06),  # ี่ → ิ
    ("\u0e49\u0e32", "\u0e33", 0.04),  # ้า → ำ
    ("\u0e33", "\u0e32", 0.10),  # ำ → า
    ("\u0e48", "", 0.15),  # MAI EK
    ("\u0e49", "", 0.10),  # MAI THO
    ("[\u0e4a\u0e4b]", "", 0.10),  # MAI TRI, MAI CHATTAWA
    ("[\u0e31\u0e34-\u0e37]", "", 0.04),  # MAI HAN-AKAT, SARA I, II, UE, UEE
    ("[\u0e38\u0e39]", "", 0.04),  # SARA U, UU
    ("[\u0e47\u0e4c]", "", 0.06),  # MAITAIKHU, THANTHAKHAT
    ("\u0e1b", "\u0e1a", 0.03),  # PO PLA → BO BAIMAI
)
_THAI = re.compile("[\u0e01-\u0e4e]+")


def damage(text: str, rng: random.Random, scale: float = 1.0) -> str:
    """``text`` as OCR might read it; ``scale`` multiplies every chance."""
    for pattern, repl, chance in DAMAGE:
        text = re.sub(
            pattern, lambda m, r=repl, p=chance: r if rng.random() < p * scale else m[0], text
        )
    return text


@dataclass
class Counts:
    """Words of the truth by what became of them, and examples of the wrong ones."""

    words: int = 0
    damaged: int = 0
    restored: int = 0
    left: int = 0
    partly: int = 0
    broken: int = 0
    misrestored: int = 0
    letters: int = 0
    examples: list[str] = field(default_factory=list)
    wrong_words: Counter[str] = field(default_factory=Counter)
    left_words: Counter[str] = field(default_factory=Counter)

    @property
    def wrong(self) -> int:
        return self.broken + self.misrestored

    def add(self, other: Counts) -> None:
        for name in (
            "words",
            "damaged",
            "restored",
            "left",
            "partly",
            "broken",
            "misrestored",
            "letters",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.examples += other.examples
        self.wrong_words += other.wrong_words
        self.left_words += other.left_words

    def line(self) -> str:
        d = max(self.damaged, 1)
        return (
            f"words={self.words} damaged={self.damaged} restored={self.restored} "
            f"({100 * self.restored / d:.1f} %) left={self.left} partly={self.partly} "
            f"wrong={self.wrong} (broken={self.broken} misrestored={self.misrestored}) "
            f"letters={self.letters}"
        )


def _spans(text: str) -> list[tuple[int, int]]:
    from pythainlp.tokenize import word_tokenize

    out = []
    for m in _THAI.finditer(text):
        at = m.start()
        for w in word_tokenize(m[0], engine="newmm", keep_whitespace=False):
            out.append((at, at + len(w)))
            at += len(w)
    return out


def _distance(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein

    return int(Levenshtein.distance(a, b))


def score(truth: str, read: str, repaired: str) -> Counts:
    """Each Thai word of ``truth`` as damaged in ``read`` and as ``repaired``.

    The three texts must share their key (letters, marks aside, PO PLA folded,
    look-alike letters as one: :func:`~bma_etl.read.ocr_confusions.classed`):
    damage and repair change only marks and confused letters. Raises ValueError
    if they do not.
    """
    kt, ot = key_map(truth)
    kd, od = key_map(read)
    kr, orr = key_map(repaired)
    if not classed(fold(kt)) == classed(fold(kd)) == classed(fold(kr)):
        raise ValueError("damage or repair changed letters, not only marks")
    counts = Counts()
    at = 0
    for a, b in _spans(truth):
        while at < len(kt) and ot[at] < a:
            at += 1
        ka = at
        kb = ka
        while kb < len(kt) and ot[kb] < b:
            kb += 1
        if kb == ka:
            continue
        want = truth[a:b]
        got = read[od[ka] : od[kb]].rstrip()
        now = repaired[orr[ka] : orr[kb]].rstrip()
        counts.words += 1
        if got != want:
            counts.damaged += 1
        if now == want:
            counts.restored += got != want
            continue
        if got == want:
            counts.broken += 1
        elif now == got:
            counts.left += 1
            counts.left_words[f"{want}←{got}"] += 1
            continue
        elif _distance(now, want) < _distance(got, want) and all(
            c in want for c in now if c not in got
        ):
            counts.partly += 1
            continue
        else:
            counts.misrestored += 1
        counts.wrong_words[f"{want}→{now}" + ("" if got == want else f" (read {got})")] += 1
        counts.examples.append(f"{want} read {got} repaired {now}")
    return counts


def texts(seed: int, docs: int) -> list[tuple[str, str]]:
    """``(name, text)``: the seeds' text files, then ``docs`` documents per generator."""
    from corpus.build import GENERATORS

    out = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    for name, generator in GENERATORS.items():
        for k in range(docs):
            out.append((f"{name}_{k}", generator(random.Random(f"{seed}-{name}-{k}")).text))
    return out


def _letters_kept(text: str, read: str, repaired: str, counts: Counts) -> str:
    """``repaired`` with each change of letters (not only marks) undone, counted."""
    from difflib import SequenceMatcher

    def kind(part: str) -> str:
        return classed(fold(key_map(part)[0]))

    out: list[str] = []
    ops = SequenceMatcher(None, read, repaired, autojunk=False).get_opcodes()
    for tag, a, b, c, d in ops:
        if tag != "equal" and kind(read[a:b]) != kind(repaired[c:d]):
            counts.letters += 1
            counts.wrong_words[f"{read[max(0, a - 6) : b + 6]}→{repaired[c:d]} (letters)"] += 1
            out.append(read[a:b])
        else:
            out.append(repaired[c:d])
    return "".join(out)


def measure(corpus: list[tuple[str, str]], seed: int, scale: float = 1.0) -> Counts:
    """Damage, repair and score every text of ``corpus`` with one seeded RNG."""
    rng = random.Random(seed)
    total = Counts()
    for _, text in corpus:
        read = damage(text, rng, scale)
        repaired, _, _ = restored(read, ())
        if classed(fold(key_map(repaired)[0])) != classed(fold(key_map(read)[0])):
            repaired = _letters_kept(text, read, repaired, total)
        total.add(score(text, read, repaired))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--docs", type=int, default=3, help="documents per generator")
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies damage chances")
    parser.add_argument("--show", type=int, default=25, help="wrong and left words shown")
    args = parser.parse_args(argv)
    from bma_etl.read.ocr_lexicon import lexicon

    t0 = time.perf_counter()
    lexicon()
    built = time.perf_counter() - t0
    corpus = texts(args.seed, args.docs)
    seeds = [(n, t) for n, t in corpus if n.endswith(".txt")]
    generated = [(n, t) for n, t in corpus if not n.endswith(".txt")]
    t0 = time.perf_counter()
    for label, part in (("seeds", seeds), ("generated", generated)):
        print(f"{label:10} {measure(part, args.seed, args.scale).line()}")
    total = measure(corpus, args.seed, args.scale)
    print(f"{'all':10} {total.line()}")
    print(f"lexicon built in {built:.1f} s; repaired in {time.perf_counter() - t0:.1f} s")
    print("wrong:", ", ".join(f"{w} x{n}" for w, n in total.wrong_words.most_common(args.show)))
    print("left:", ", ".join(f"{w} x{n}" for w, n in total.left_words.most_common(args.show)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
