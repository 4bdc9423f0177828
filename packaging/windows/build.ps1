# Build crmdesk for Windows: the self-contained app and its installer.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Needs uv and Inno Setup 6 (ISCC.exe; `winget install JRSoftware.InnoSetup`). PyInstaller is
# pinned here and brought in for this run only. Makes
#   dist\windows\crmdesk\crmdesk.exe (+ _internal\)        the app
#   dist\windows\crmdesk-VERSION-windows-x64-setup.exe     the installer
# and checks the app headless first (the same checks as packaging/linux/smoke.sh, in short).
$ErrorActionPreference = "Stop"
$PyInstaller = "pyinstaller==6.22.3"
$PyInstallerHooks = "pyinstaller-hooks-contrib==2026.9"

$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $Root
$Dist = Join-Path $Root "dist\windows"
$App = Join-Path $Dist "crmdesk"

$Version = (uv run python -c "import crmdesk; print(crmdesk.__version__)").Trim()
Write-Host "== crmdesk $Version for Windows into $Dist"

uv run --with $PyInstaller --with $PyInstallerHooks pyinstaller --noconfirm --log-level WARN `
    --distpath $Dist --workpath (Join-Path $Root "build\pyinstaller") `
    packaging\pyinstaller\crmdesk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

Write-Host "== smoke test"
$Exe = Join-Path $App "crmdesk.exe"
$Work = Join-Path ([IO.Path]::GetTempPath()) ("crmdesk-smoke-" + [Guid]::NewGuid())
New-Item -ItemType Directory $Work | Out-Null
$env:QT_QPA_PLATFORM = "offscreen"
$env:CRMDESK_PASSPHRASE = "smoke-passphrase-7"
$Book = Join-Path $Work "smoke.crmdesk"
function Crm { & $Exe @args; if ($LASTEXITCODE -ne 0) { throw "crmdesk $args exited $LASTEXITCODE" } }
try {
    $check = (Crm --bundle-check) | Out-String | ConvertFrom-Json
    if (-not ($check.ok -and $check.frozen)) { throw "bundle check failed: $($check | ConvertTo-Json -Depth 4)" }
    Crm --book $Book init --passphrase --json | Out-Null
    Crm --book $Book contact add --name "张三" --title "采购经理" --json | Out-Null
    $list = (Crm --book $Book contact list --json) | Out-String | ConvertFrom-Json
    if (@($list).Count -ne 1 -or $list[0].name -ne "张三" -or $list[0].sort_key -ne "zhang san") {
        throw "contact list: $($list | ConvertTo-Json)"
    }
    Write-Host "smoke: ok"
} finally {
    Remove-Item -Recurse -Force $Work
    Remove-Item Env:QT_QPA_PLATFORM, Env:CRMDESK_PASSPHRASE
}

Write-Host "== installer (Inno Setup)"
$Iscc = @(
    (Get-Command ISCC.exe -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source),
    "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
    "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
    "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found: winget install JRSoftware.InnoSetup" }
& $Iscc "/DAppVersion=$Version" "/DSourceDir=$App" `
    "/DIconFile=$(Join-Path $Root 'build\packaging\icons\crmdesk.ico')" "/O$Dist" `
    packaging\windows\crmdesk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "== done: $Dist\crmdesk-$Version-windows-x64-setup.exe"
