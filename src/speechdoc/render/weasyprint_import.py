"""Import WeasyPrint fast: it is most of a cold ``to-pdf``'s start-up.

Three costs are cut, each measured on a cold process (see the README's speed table):

- Library lookup. WeasyPrint tries several names for each of its C libraries, and cffi asks
  ``ctypes.util.find_library`` for each one that is not a path; on Linux every call runs ``ldconfig -p`` (and
  ``gcc`` for misses): ~0.5 s. While WeasyPrint loads, the names are answered from a single ``ldconfig -p``.
- Its HTML5 user-agent stylesheets (~0.16 s), which it parses while it is imported: speechdoc uses its own small
  one (``render/pdf.py``). They are parsed the first time anything of them is used (``DeferredCSS``), so any other
  WeasyPrint use in the process still gets them.
- Modules WeasyPrint imports but speechdoc's documents never use: fontTools' WOFF2 decoder (web fonts), its
  subsetter (WeasyPrint's fallback when HarfBuzz cannot subset), its variable-font instancer (for variable fonts; the
  CJK faces are static) and PIL's image plug-ins (the documents have no images): ~0.14 s of CPU. They are imported
  for real the first time anything of theirs is used, so nothing changes when they are needed.

The C declarations WeasyPrint hands to cffi are parsed once per user, not once per process (``cffi_cache``).
"""
from __future__ import annotations

import ctypes.util
import functools
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import subprocess
import sys
import types

from . import cffi_cache

# Modules imported lazily (loaded on first attribute access).
DEFERRED_MODULES = ("fontTools.subset", "fontTools.ttLib.woff2", "PIL.EpsImagePlugin", "PIL.ImageOps")
# Modules WeasyPrint takes one function from (``from M import f``): a stand-in whose function imports M on call.
DEFERRED_FUNCTIONS = {"fontTools.varLib.instancer": ("instantiateVariableFont",)}


@functools.lru_cache(maxsize=1)
def _ldconfig_sonames() -> dict[str, str]:
    """``libfoo.so.N`` → path, from one ``ldconfig -p``."""
    try:
        out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    found = {}
    for line in out.splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        found.setdefault(name.split(" (")[0], path)
    return found


def _fast_find_library(sonames: dict[str, str], original):
    def find_library(name):
        if not sonames:
            return original(name)
        prefix = name if name.startswith("lib") else f"lib{name}"
        hits = sorted(so for so in sonames if so.startswith(prefix + ".so"))
        return hits[0] if hits else None

    return find_library


def _lazy_module(name: str) -> types.ModuleType | None:
    """``name`` in ``sys.modules`` and on its parent package, executed on first attribute access."""
    if name in sys.modules:
        return None
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return None
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(importlib.import_module(parent), child, module)  # `from parent import child` finds it as it is
    return module


def _stand_in(name: str, functions: tuple[str, ...]) -> types.ModuleType | None:
    """A module whose ``functions`` import the real module ``name`` when first called."""
    if name in sys.modules:
        return None
    stand_in = types.ModuleType(name)
    for function in functions:
        def call(*args, _function=function, **kwargs):
            return getattr(importlib.import_module(name), _function)(*args, **kwargs)

        call.__name__ = function
        setattr(stand_in, function, call)
    sys.modules[name] = stand_in
    return stand_in


# The module that parses WeasyPrint's user-agent stylesheets while it is imported.
UA_MODULE = "weasyprint.html"


def deferred_css_class(css_class):
    """A subclass of WeasyPrint's CSS whose instances parse their stylesheet when first used."""

    class DeferredCSS(css_class):
        def __init__(self, *args, **kwargs):  # noqa: D107 - no super().__init__: that is the deferred part
            self.__dict__["_deferred"] = (args, kwargs)

        def parse_deferred(self) -> None:
            deferred = self.__dict__.pop("_deferred", None)
            if deferred is not None:
                css_class.__init__(self, *deferred[0], **deferred[1])

        def __getattr__(self, name):
            if "_deferred" not in self.__dict__:
                raise AttributeError(name)
            self.parse_deferred()
            return getattr(self, name)

    return DeferredCSS


def parse_now(sheet) -> None:
    """Parse a ``DeferredCSS`` stylesheet that has not been used yet (a no-op for any other)."""
    parse = getattr(type(sheet), "parse_deferred", None)
    if parse is not None:
        parse(sheet)


class _UAModuleLoader(importlib.abc.Loader):
    """Executes ``weasyprint.html`` with its three module-level stylesheets deferred."""

    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        package = sys.modules["weasyprint"]
        real = package.CSS
        package.CSS = deferred_css_class(real)
        try:
            self.loader.exec_module(module)
        finally:
            package.CSS = real
        module.CSS = real  # any stylesheet the module makes later is parsed at once, as WeasyPrint's own


class _UAModuleFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname != UA_MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return None
        spec.loader = _UAModuleLoader(spec.loader)
        return spec


def _counter_styles_after_parse() -> None:
    """WeasyPrint's HTML copies the counter styles its UA stylesheet fills while parsing: parse it first."""
    import weasyprint
    from weasyprint import html as ua_module

    original = weasyprint.HTML._ua_counter_style
    if getattr(original, "_speechdoc", False):
        return

    def _ua_counter_style(self):
        parse_now(ua_module.UA_STYLESHEET)
        return original(self)

    _ua_counter_style._speechdoc = True
    weasyprint.HTML._ua_counter_style = _ua_counter_style


def import_weasyprint() -> None:
    """Import WeasyPrint (once) with the fast library lookup and the deferred modules."""
    if "weasyprint" in sys.modules:
        return
    sonames = _ldconfig_sonames() if sys.platform.startswith("linux") else {}
    original = ctypes.util.find_library
    ctypes.util.find_library = _fast_find_library(sonames, original)
    cffi_cache.install()
    for name in DEFERRED_MODULES:
        _lazy_module(name)
    stand_ins = {name: _stand_in(name, functions) for name, functions in DEFERRED_FUNCTIONS.items()}
    finder = _UAModuleFinder()
    sys.meta_path.insert(0, finder)
    try:
        import weasyprint  # noqa: F401
        _counter_styles_after_parse()
    finally:
        sys.meta_path.remove(finder)
        ctypes.util.find_library = original
        for name, stand_in in stand_ins.items():
            if stand_in is not None and sys.modules.get(name) is stand_in:
                del sys.modules[name]  # the next import of `name` loads the real module
    cffi_cache.save()
