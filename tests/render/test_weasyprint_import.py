"""WeasyPrint imported with deferred modules: they are not executed at import, and still work when used."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

PROBE = r"""
import ctypes.util, json, sys, types
original = ctypes.util.find_library
from speechdoc.render.weasyprint_import import DEFERRED_MODULES, import_weasyprint
import_weasyprint()
import weasyprint.pdf.fonts as pdf_fonts
def executed(name):
    module = sys.modules.get(name)
    return module is not None and type(module) is types.ModuleType  # a lazy module's type changes when it runs
out = {"deferred_executed": {n: executed(n) for n in DEFERRED_MODULES},
       "instancer_in_modules": "fontTools.varLib.instancer" in sys.modules,
       "find_library_restored": ctypes.util.find_library is original}
# used for real: the subsetter and the instancer load on first use
out["subsetter"] = pdf_fonts.subset.Subsetter.__name__
try:
    pdf_fonts.instantiateVariableFont(None, {})  # WeasyPrint's name for it: the stand-in, which loads the real one
except Exception as exc:
    import traceback
    out["failed_in"] = traceback.extract_tb(exc.__traceback__)[-1].filename
out["instancer_real"] = sys.modules["fontTools.varLib.instancer"].instantiateVariableFont.__module__
print(json.dumps(out))
"""


def probe() -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin:/usr/sbin:/sbin"}, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_deferred_modules_load_only_when_used():
    out = probe()
    assert out["deferred_executed"] == {"fontTools.subset": False, "fontTools.ttLib.woff2": False,
                                        "PIL.EpsImagePlugin": False, "PIL.ImageOps": False}
    assert out["instancer_in_modules"] is False  # the stand-in is gone once WeasyPrint is imported
    assert out["find_library_restored"] is True
    assert out["subsetter"] == "Subsetter"
    assert out["instancer_real"] == "fontTools.varLib.instancer"
    assert out["failed_in"].endswith("fontTools/varLib/instancer/__init__.py")  # the real one got None for a font


UA_PROBE = r"""
import json
from speechdoc.render.weasyprint_import import import_weasyprint
import_weasyprint()
import weasyprint, weasyprint.html as ua
out = {"deferred_after_import": [("_deferred" in s.__dict__)
                                 for s in (ua.UA_STYLESHEET, ua.UA_FORM_STYLESHEET, ua.PH_STYLESHEET)]}
# WeasyPrint's own HTML class, as any other user of WeasyPrint in the process would use it: its stylesheet and
# counter styles are all there when used.
pdf = weasyprint.HTML(string="<ol><li>甲<li>乙</ol><ul><li>丙</ul><h1 hidden>隐</h1>").write_pdf()
import pymupdf
out["text"] = pymupdf.open(stream=pdf, filetype="pdf")[0].get_text()
out["parsed_when_used"] = "_deferred" not in ua.UA_STYLESHEET.__dict__
print(json.dumps(out))
"""


def test_weasyprints_own_stylesheets_are_parsed_when_first_used():
    result = subprocess.run([sys.executable, "-c", UA_PROBE], capture_output=True, text=True,
                            env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin:/usr/sbin:/sbin"}, check=True)
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["deferred_after_import"] == [True, True, True]  # not parsed while WeasyPrint is imported
    assert out["parsed_when_used"] is True
    # list markers come from the UA sheet's counter styles; `hidden` (a UA rule) hides the heading
    assert sorted(out["text"].split()) == sorted(["1.", "2.", "•", "甲", "乙", "丙"])
