; Inno Setup 6 script of the crmdesk installer for Windows (x64). Built by build.ps1, which
; passes the version (from crmdesk/__init__.py), the PyInstaller output and the icon rendered
; from resources/app/crmdesk.svg:
;   ISCC.exe /DAppVersion=X.Y.Z /DSourceDir=...\dist\windows\crmdesk /DIconFile=...\crmdesk.ico crmdesk.iss
; Installs per user by default (no administrator needed; the setup offers all users). Books are
; never touched: they live in %LOCALAPPDATA%\crmdesk, which uninstalling leaves alone.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (build.ps1 does)
#endif
#ifndef SourceDir
  #error Pass /DSourceDir=<the PyInstaller folder holding crmdesk.exe> (build.ps1 does)
#endif
#ifndef IconFile
  #error Pass /DIconFile=<crmdesk.ico rendered by packaging\icons\render_icons.py> (build.ps1 does)
#endif

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{B8A3E0F4-6C2D-4E5B-9F1A-3D7C52E8A914}
AppName=crmdesk
AppVersion={#AppVersion}
AppVerName=crmdesk {#AppVersion}
AppPublisher=crmdesk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\crmdesk
DefaultGroupName=crmdesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename=crmdesk-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\crmdesk.exe
UninstallDisplayName=crmdesk
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Chinese wizard texts are unofficial Inno Setup translations: put ChineseSimplified.isl and
; ChineseTraditional.isl beside this script to have them.
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "ChineseSimplified.isl"
#endif
#if FileExists(AddBackslash(SourcePath) + "ChineseTraditional.isl")
Name: "zh_TW"; MessagesFile: "ChineseTraditional.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The bundle is replaced whole: no module of an older version may linger beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; Timestamps are kept as built: the compiled translations (.qm) must stay newer than their .ts.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\crmdesk"; Filename: "{app}\crmdesk.exe"
Name: "{autodesktop}\crmdesk"; Filename: "{app}\crmdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\crmdesk.exe"; Description: "{cm:LaunchProgram,crmdesk}"; Flags: nowait postinstall skipifsilent
