"""The planted-defect runner itself (``make gates`` runs the defects; this is fast)."""

import shutil

import pytest

from . import run
from .run import Create, Defect, DefectNoLongerApplies, Edit


def _defect(*edits, creates=()):
    return Defect(
        name="example", title="t", gate="g", select=("tests/x.py",), edits=edits, creates=creates
    )


def test_a_defect_is_planted_and_removed_again(tmp_path):
    (tmp_path / "a.py").write_text("one\ntwo\nthree\n")
    defect = _defect(
        Edit(file="a.py", old="two\n", new="2\n"),
        Edit(file="a.py", old="three", new="3"),
        creates=(Create(file="pkg/new.py", text="x = 1\n"),),
    )

    originals = run.defect_apply(defect, tmp_path)

    assert (tmp_path / "a.py").read_text() == "one\n2\n3\n"
    assert (tmp_path / "pkg/new.py").read_text() == "x = 1\n"
    run.defect_remove(originals)
    assert (tmp_path / "a.py").read_text() == "one\ntwo\nthree\n"
    assert not (tmp_path / "pkg/new.py").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nothing to see\n", "planted defect example no longer applies: snippet not found in a.py"),
        ("two two\n", "snippet found 2 times in a.py"),
    ],
)
def test_a_defect_whose_snippet_is_gone_or_ambiguous_fails_loudly_and_changes_nothing(
    tmp_path, text, message
):
    (tmp_path / "a.py").write_text(text)
    (tmp_path / "b.py").write_text("b\n")
    defect = _defect(Edit(file="b.py", old="b", new="B"), Edit(file="a.py", old="two", new="2"))

    with pytest.raises(DefectNoLongerApplies, match=message):
        run.defect_apply(defect, tmp_path)

    assert (tmp_path / "a.py").read_text() == text
    assert (tmp_path / "b.py").read_text() == "b\n"


def test_a_defect_file_must_change_something_and_name_its_tests(tmp_path):
    path = tmp_path / "empty.toml"
    path.write_text('title = "t"\ngate = "g"\nselect = ["tests/x.py"]\n')
    with pytest.raises(ValueError, match="must change something"):
        run.defect_load(path)
    path.write_text(
        'title = "t"\ngate = "g"\nselect = "tests/x.py"\n[[create]]\nfile="a"\ntext=""\n'
    )
    with pytest.raises(ValueError, match="select must be a non-empty list"):
        run.defect_load(path)
    path.write_text(
        'title="t"\ngate="g"\nselect=["t.py", "-k", "x"]\n[[create]]\nfile="a"\ntext=""\n'
    )
    with pytest.raises(ValueError, match="not options"):
        run.defect_load(path)


def test_every_recorded_defect_still_applies_to_the_tree(tmp_path):
    """The same check ``make gates`` makes first: update a defect when its code moves."""
    defects = run.defects_load()
    assert len(defects) >= 10
    for defect in defects:
        for name in {e.file for e in defect.edits}:
            target = tmp_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(run.ROOT / name, target)
        run.defect_remove(run.defect_apply(defect, tmp_path))
        for path in (p.split("::")[0] for p in defect.select):
            assert (run.ROOT / path).exists(), f"{defect.name}: {path} does not exist"
