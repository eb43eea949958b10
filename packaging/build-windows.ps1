# Build the Windows app folder and installer (untested here: this repository is built and tested on
# Linux). Run from a PowerShell prompt in the repository root with Python 3.11+ on PATH and, for the
# installer, Inno Setup 6 (iscc.exe) on PATH:   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path .venv)) { python -m venv .venv }
.venv\Scripts\python -m pip install -q --upgrade pip
.venv\Scripts\python -m pip install -q -e ".[packaging]"
Remove-Item -Recurse -Force packaging\build, packaging\dist -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force packaging\build\extras, packaging\build\icons | Out-Null
.venv\Scripts\python packaging\collect_notices.py packaging\build\extras\THIRD_PARTY_NOTICES.txt
$env:QT_QPA_PLATFORM = "offscreen"
.venv\Scripts\python packaging\render_icons.py packaging\icons\microdrama.svg packaging\build\icons
Remove-Item Env:QT_QPA_PLATFORM
# Windows has CJK fonts (Microsoft YaHei, SimSun): none is bundled.
.venv\Scripts\pyinstaller --noconfirm --log-level WARN --distpath packaging\dist --workpath packaging\build\work packaging\pyinstaller\microdrama.spec
$version = (.venv\Scripts\python -c "from app import __version__; print(__version__)").Trim()
if (Get-Command iscc -ErrorAction SilentlyContinue) {
  iscc /DAppVersion=$version packaging\windows\microdrama.iss
} else {
  Write-Host "Inno Setup (iscc) not found: the app folder is packaging\dist\microdrama\, no installer made."
}
