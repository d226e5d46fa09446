"""An installed, non-editable wheel carries everything speechdoc needs at run time."""
from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    (whl,) = out.glob("speechdoc-*.whl")
    return whl


def test_wheel_contains_templates_fonts_and_profiles(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "speechdoc/profiles/gbt9704.toml" in names
    assert "speechdoc/fonts/fontconfig/60-speechdoc-aliases.conf" in names
    for template in (ROOT / "templates").rglob("*"):
        if template.is_file():
            assert f"speechdoc/templates/{template.relative_to(ROOT / 'templates').as_posix()}" in names
    assert not any(n.endswith((".ttf", ".otf", ".ttc")) for n in names)


def test_installed_wheel_runs_outside_the_checkout(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)],
                   check=True, capture_output=True, timeout=600)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    probe = ("import speechdoc, speechdoc.resources as r, pathlib; "
             "p = pathlib.Path(speechdoc.__file__); assert 'site-packages' in str(p), p; "
             "print(r.data_dir('templates')); print(r.data_dir('fonts'))")
    out = subprocess.run([str(py), "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert all("site-packages" in line for line in out.stdout.split())
    sample = tmp_path / "s.txt"
    sample.write_text("关于开展工作的通知\n各单位：\n现将有关事项通知如下。\n", encoding="utf-8")
    run = subprocess.run([str(py), "-m", "speechdoc", "inspect", "--json", str(sample)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert '"schema": "speechdoc.document/1"' in run.stdout
