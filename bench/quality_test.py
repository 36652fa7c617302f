#!/usr/bin/env python3
"""Unit tests of the metric and reader code of bench/quality.py (run: python3 bench/quality_test.py)."""

import os
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import quality  # noqa: E402


class MetricTest(unittest.TestCase):
    def test_second_place(self):
        self.assertEqual(quality.score(["a", "b"], ["c", "b", "a"]), (0, 1, 0.5))

    def test_first_place(self):
        self.assertEqual(quality.score(["a"], ["a", "b"]), (1, 1, 1.0))

    def test_fourth_place_counts_for_mrr_only(self):
        self.assertEqual(quality.score(["d"], ["a", "b", "c", "d"]), (0, 0, 0.25))

    def test_beyond_top_ten_is_a_miss(self):
        ranking = [f"x{i}" for i in range(10)] + ["a"]
        self.assertEqual(quality.first_hit_rank(["a"], ranking), 0)
        self.assertEqual(quality.score(["a"], ranking), (0, 0, 0.0))

    def test_tenth_place(self):
        ranking = [f"x{i}" for i in range(9)] + ["a"]
        self.assertAlmostEqual(quality.score(["a"], ranking)[2], 0.1)

    def test_empty_ranking(self):
        self.assertEqual(quality.score(["a"], []), (0, 0, 0.0))

    def test_summarize_per_kind_and_all(self):
        qs = [
            quality.Question("q1", "gewoon", ["a"]),
            quality.Question("q2", "gewoon", ["b"]),
            quality.Question("q3", "regio", ["c"]),
        ]
        rankings = [["a"], ["x", "y", "b"], []]
        s = quality.summarize(qs, rankings)
        self.assertEqual(list(s), ["gewoon", "regio", "ALL"])
        self.assertEqual(s["gewoon"].n, 2)
        self.assertAlmostEqual(s["gewoon"].hit1, 0.5)
        self.assertAlmostEqual(s["gewoon"].hit3, 1.0)
        self.assertAlmostEqual(s["gewoon"].mrr, (1 + 1 / 3) / 2)
        self.assertEqual(s["regio"].n, 1)
        self.assertEqual(s["regio"].hit3, 0.0)
        self.assertEqual(s["ALL"].n, 3)
        self.assertAlmostEqual(s["ALL"].hit1, 1 / 3)
        self.assertAlmostEqual(s["ALL"].hit3, 2 / 3)
        self.assertAlmostEqual(s["ALL"].mrr, (1 + 1 / 3) / 3)


class ReaderTest(unittest.TestCase):
    def write(self, text):
        f = tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8")
        f.write(text)
        f.close()
        self.addCleanup(os.unlink, f.name)
        return f.name

    def test_two_column_form_with_soort_comments(self):
        path = self.write(
            "# Toetsvragen: vraag<TAB>id,id\n"
            "\n"
            "eerste vraag zonder soort\tx\n"
            "# soort: gewoon\n"
            "waar kan ik lenen\tqredits-microkrediet, bmkb ,\n"
            "# soort: spreektaal\n"
            "heb poen nodig\tkredietunies\r\n"
        )
        qs = quality.read_questions(path)
        self.assertEqual([(q.kind, q.text, q.expected, q.line) for q in qs], [
            ("overig", "eerste vraag zonder soort", ["x"], 3),
            ("gewoon", "waar kan ik lenen", ["qredits-microkrediet", "bmkb"], 5),
            ("spreektaal", "heb poen nodig", ["kredietunies"], 7),
        ])

    def test_three_column_form(self):
        path = self.write(
            "# soort<TAB>vraag<TAB>id,id\n"
            "# soort: gewoon\n"
            "gewoon\thoe werkt lenen via een kredietunie\tkredietunies,kredietunie-reest-en-wieden\n"
            "typfout\tsubsiedie voor \"innovatie\"\tmit-regeling\n"
        )
        qs = quality.read_questions(path)
        self.assertEqual([(q.kind, q.text, q.expected) for q in qs], [
            ("gewoon", "hoe werkt lenen via een kredietunie",
             ["kredietunies", "kredietunie-reest-en-wieden"]),
            ("typfout", 'subsiedie voor "innovatie"', ["mit-regeling"]),
        ])

    def test_bad_lines_are_errors(self):
        with self.assertRaises(quality.HarnessError):
            quality.read_questions(self.write("alleen een vraag\n"))
        with self.assertRaises(quality.HarnessError):
            quality.read_questions(self.write("vraag\t , \n"))

    def test_shipped_sets_load(self):
        for name, path in quality.QUESTION_SETS:
            qs = quality.read_questions(path)
            self.assertGreater(len(qs), 50, name)
            self.assertTrue(all(q.expected and q.text and q.kind for q in qs), name)

    def test_expected_ids_are_instruments(self):
        ids = {p.stem for p in (quality.CORPUS / "instrumenten").glob("*.md")}
        for name, path in quality.QUESTION_SETS:
            for q in quality.read_questions(path):
                for e in q.expected:
                    self.assertIn(e, ids, f"{path.name}:{q.line}: unknown id {e}")


class TypoSetTest(unittest.TestCase):
    def test_two_typos_in_long_words_of_the_four_kinds(self):
        qs = [quality.Question("ik zoek een bedrijfslening voor mijn bakkerij", "gewoon", ["a"]),
              quality.Question("wbso aanvragen", "afkorting", ["b"]),
              quality.Question("kort en bondig", "lang", ["c"]),
              quality.Question("financiering nodig", "spreektaal", ["d"])]
        out = quality.with_typos(qs)
        # Not the afkorting question, nor one without a word of 7 letters.
        self.assertEqual([q.expected for q in out], [["a"], ["d"]])
        original = qs[0].text.split()
        changed = [a for a, b in zip(original, out[0].text.split()) if a != b]
        self.assertEqual(sorted(changed), ["bakkerij", "bedrijfslening"])
        for a, b in zip(original, out[0].text.split()):
            if a != b:  # first and last letters stay
                self.assertEqual((a[0], a[-1]), (b[0], b[-1]))
        self.assertEqual([q.text for q in quality.with_typos(qs)], [q.text for q in out])


class PostgresScriptTest(unittest.TestCase):
    def test_copy_escape(self):
        self.assertEqual(quality.copy_escape("a\tb\\c\nd"), "a\\tb\\\\c\\nd")

    def test_questions_are_copied_not_quoted(self):
        script = quality.postgres_script([["id", "t", "k", "s", "b"]], ["it's $q$ \\ odd"])
        self.assertIn("0\tit's $q$ \\\\ odd\n", script)


if __name__ == "__main__":
    unittest.main()
