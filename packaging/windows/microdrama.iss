; Inno Setup script for the Windows installer of Microdrama Studio (untested here: built on Windows
; by packaging/build-windows.ps1 after PyInstaller has made packaging\dist\microdrama\).
; A project is a folder (Name.mdrama), and Explorer opens folders itself, so instead of a file
; association the installer adds "Open in Microdrama Studio" to the context menu of folders whose
; name ends in .mdrama, and a Start-menu entry.

#define AppName "Microdrama Studio"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F1E3C52-7B0D-4C1A-9E43-2D7A5B8C9F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Microdrama Studio contributors
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
LicenseFile=..\..\LICENSE
OutputDir=..\dist
OutputBaseFilename=MicrodramaStudio-{#AppVersion}-setup
SetupIconFile=..\build\icons\microdrama.ico
UninstallDisplayIcon={app}\microdrama.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog

[Files]
Source: "..\dist\microdrama\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\microdrama.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\microdrama.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Registry]
; "Open in Microdrama Studio" on .mdrama folders (AppliesTo filters the folder verb by name)
Root: HKA; Subkey: "Software\Classes\Directory\shell\MicrodramaStudio"; ValueType: string; ValueName: ""; ValueData: "Open in {#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Directory\shell\MicrodramaStudio"; ValueType: string; ValueName: "Icon"; ValueData: """{app}\microdrama.exe"",0"
Root: HKA; Subkey: "Software\Classes\Directory\shell\MicrodramaStudio"; ValueType: string; ValueName: "AppliesTo"; ValueData: "System.FileName:""*.mdrama"""
Root: HKA; Subkey: "Software\Classes\Directory\shell\MicrodramaStudio\command"; ValueType: string; ValueName: ""; ValueData: """{app}\microdrama.exe"" open ""%1"""
; project.json inside a bundle can be opened with the app too ("Open with" lists it)
Root: HKA; Subkey: "Software\Classes\Applications\microdrama.exe\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\microdrama.exe"" open ""%1"""; Flags: uninsdeletekey

[Run]
Filename: "{app}\microdrama.exe"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent
