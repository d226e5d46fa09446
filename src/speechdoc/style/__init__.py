"""Style: the GB/T 9704 numbers as data (profiles/*.toml) and the units they are written in."""
from .profile import BlockStyle, FontRole, PageGeometry, PageNumberStyle, Profile, load_profile

__all__ = ["BlockStyle", "FontRole", "PageGeometry", "PageNumberStyle", "Profile", "load_profile"]
