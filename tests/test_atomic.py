"""Atomic writes: the old file survives any failure, and modes behave like a normal write."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from quizgen import atomic
from quizgen.atomic import write_atomic
from quizgen.errors import QuizgenError


def test_new_file_gets_the_usual_mode(tmp_path):
    umask = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "bank.yaml", "a: 1\n")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_replaced_file_keeps_its_mode(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text("old")
    path.chmod(0o600)
    write_atomic(path, "new")
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_full_disk_leaves_the_old_file_intact_and_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "bank.yaml"
    path.write_text("precious")

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(QuizgenError, match="No space left"):
        write_atomic(path, "x" * 10_000)
    assert path.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["bank.yaml"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_read_only_folder_is_a_clear_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(QuizgenError, match="cannot write"):
            write_atomic(folder / "bank.yaml", "x")
    finally:
        folder.chmod(0o700)


def test_unwritable_folder_is_a_clear_error_naming_the_file(tmp_path, monkeypatch):
    def denied(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    with pytest.raises(QuizgenError) as caught:
        write_atomic(tmp_path / "deck.apkg", b"x")
    assert str(caught.value) == f"{tmp_path / 'deck.apkg'}: cannot write here: Permission denied"


def test_writing_to_a_device_writes_into_it_and_leaves_it_a_device(tmp_path):
    write_atomic("/dev/null", "anything")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not list(Path("/dev").glob(".null.*.tmp"))
