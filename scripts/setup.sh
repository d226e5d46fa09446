#!/usr/bin/env bash
# Set up speechdoc on a Debian/Ubuntu machine: system packages (LibreOffice for checking .docx files,
# poppler, HarfBuzz subsetting for fast PDFs, open CJK fonts), the Fandol fonts, the fontconfig aliases
# that map the official font names to them, and the Python package itself.
# Idempotent; run as root (or with sudo available). Usage: bash scripts/setup.sh [--dev]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dev=0; [ "${1:-}" = "--dev" ] && dev=1
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

apt_packages=(
  fontconfig fonts-noto-cjk fonts-liberation2 fonts-lxgw-wenkai  # open CJK + Latin faces
  fonts-hanazono                                                  # CJK Ext B (𠀀…): the last link of every chain
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0            # WeasyPrint, fast font subsetting
  libreoffice-writer-nogui poppler-utils                          # rendering .docx to PDF for checks
)
updated=0
apt_update() { [ "$updated" = 1 ] || { $SUDO apt-get update -qq; updated=1; }; }
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt_update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Fandol (FangSong, Kai, Song, Hei): only the font files of Debian's texlive-lang-chinese package,
# extracted without pulling in TeX. Only the Regular faces: the Bold files declare a regular weight
# (fc-query says weight=80), so fontconfig would pick them for plain 黑体/宋体.
fandol=/usr/local/share/fonts/fandol
if [ ! -f "$fandol/FandolFang-Regular.otf" ]; then
  tmp=$(mktemp -d)
  apt-cache show texlive-lang-chinese >/dev/null 2>&1 || apt_update
  (cd "$tmp" && apt-get download texlive-lang-chinese >/dev/null && dpkg -x texlive-lang-chinese_*.deb x)
  $SUDO mkdir -p "$fandol"
  $SUDO cp "$tmp"/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol{Fang,Kai,Hei,Song}-Regular.otf "$fandol/"
  rm -rf "$tmp"
fi

# Official font names → open faces, for LibreOffice and every fontconfig client.
$SUDO install -D -m 644 "$here/fonts/fontconfig/60-speechdoc-aliases.conf" /etc/fonts/conf.d/60-speechdoc-aliases.conf
$SUDO fc-cache -f >/dev/null

python3 -m pip install -q --upgrade pip >/dev/null 2>&1 || true
if [ "$dev" = 1 ]; then
  python3 -m pip install -q -e "$here[test]"
else
  python3 -m pip install -q "$here"
fi
# pyenv needs a new shim for the `speechdoc` command; say so when the scripts folder is not on PATH.
command -v pyenv >/dev/null 2>&1 && pyenv rehash >/dev/null 2>&1 || true
command -v speechdoc >/dev/null 2>&1 || echo "note: the speechdoc command is not on PATH; run it as: python3 -m speechdoc" >&2
