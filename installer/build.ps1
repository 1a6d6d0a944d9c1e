<#
.SYNOPSIS
  Builds the Hälsoläge Windows installer (.msi, per-user, no admin rights) with jlink + jpackage.

.DESCRIPTION
  The Windows counterpart of installer/build.sh, with the same steps and the same shared files
  (installer/modules.txt, installer/jpackage.common, installer/icons):
    1. target\halsolage.jar + target\lib (mvn -B -DskipTests package when missing or older than the sources)
    2. a trimmed runtime with jlink: the modules of installer\modules.txt plus what jdeps finds
    3. jpackage app image target\installer\image\Halsolage (Halsolage.exe for the desktop,
       halsolage-cli.exe with a console for commands)
    4. jpackage .msi in target\installer\dist (WiX 3: candle.exe and light.exe on PATH)

  Prerequisites: JDK 17+ with jpackage and jmods (e.g. Eclipse Temurin 17 JDK; JAVA_HOME set),
  Maven 3.8+, WiX Toolset 3.x (3.14) on PATH. Run from any folder:
    powershell -NoProfile -ExecutionPolicy Bypass -File installer\build.ps1
    powershell -NoProfile -ExecutionPolicy Bypass -File installer\build.ps1 -AppImageOnly
  or installer\build.cmd (same options).

  This file is saved as UTF-8 with BOM so that Windows PowerShell 5.1 reads "Hälsoläge" correctly.
#>
param(
  [switch]$AppImageOnly,   # only the app image, no .msi (no WiX needed)
  [switch]$SkipJar,        # use target\halsolage.jar and target\lib as they are
  [ValidateSet("msi", "exe")][string]$Type = "msi"
)
$ErrorActionPreference = "Stop"
$here = $PSScriptRoot
$root = Split-Path $here -Parent
Set-Location $root
$started = Get-Date
function Say($msg) { Write-Host "[installer] $msg" }
function Fail($msg) { Write-Host "[installer] FEL: $msg" -ForegroundColor Red; exit 2 }
function Run($exe, [string[]]$arguments) {
  & $exe @arguments
  if ($LASTEXITCODE -ne 0) { Fail "$exe avslutades med kod $LASTEXITCODE" }
}

# --- JDK --------------------------------------------------------------------------------------
$jdk = $env:JPACKAGE_HOME
if (-not $jdk) { $jdk = $env:JAVA_HOME }
if (-not $jdk) {
  $javac = Get-Command javac.exe -ErrorAction SilentlyContinue
  if ($javac) { $jdk = Split-Path (Split-Path $javac.Source -Parent) -Parent }
}
if (-not $jdk) { Fail "ingen JDK hittad (sätt JAVA_HOME till en JDK 17 eller nyare)" }
foreach ($tool in "jlink", "jpackage", "jdeps") {
  if (-not (Test-Path "$jdk\bin\$tool.exe")) { Fail "$jdk saknar bin\$tool.exe (jpackage finns i JDK 17+)" }
}
if (-not (Test-Path "$jdk\jmods")) { Fail "$jdk saknar jmods\ (jlink behöver dem)" }
$jdkVersion = & "$jdk\bin\jlink.exe" --version
Say "JDK: $jdk ($jdkVersion)"
if (-not $AppImageOnly) {
  foreach ($wix in "candle.exe", "light.exe") {
    if (-not (Get-Command $wix -ErrorAction SilentlyContinue)) {
      Fail "WiX Toolset 3 saknas ($wix finns inte på PATH). Installera WiX 3.14 och lägg dess bin-mapp på PATH, eller kör med -AppImageOnly."
    }
  }
}

# --- version from the pom (numeric) -----------------------------------------------------------
[xml]$pom = Get-Content (Join-Path $root "pom.xml") -Encoding UTF8
$pomVersion = $pom.project.version
$appVersion = ($pomVersion -split "-")[0]
if ($appVersion -notmatch '^\d+(\.\d+){0,2}$') { Fail "versionen i pom.xml ('$pomVersion') är inte numerisk (t.ex. 1.2.0)" }
Say "version: $appVersion (pom: $pomVersion)"

# --- the application jar ----------------------------------------------------------------------
$jar = "target\halsolage.jar"
function Test-Stale {
  if (-not (Test-Path $jar) -or -not (Test-Path "target\lib")) { return $true }
  $built = (Get-Item $jar).LastWriteTime
  $newer = Get-ChildItem -Recurse -File pom.xml, src\main, resources | Where-Object { $_.LastWriteTime -gt $built } | Select-Object -First 1
  return [bool]$newer
}
if (-not $SkipJar -and (Test-Stale)) {
  Say "bygger $jar (mvn -B -DskipTests package) …"
  Run "mvn.cmd" @("-B", "-q", "-DskipTests", "package")
}
if (-not (Test-Path $jar)) { Fail "$jar saknas (kör mvn -B -DskipTests package)" }

$out = "target\installer"
New-Item -ItemType Directory -Force $out | Out-Null

# --- modules: jdeps + installer\modules.txt ---------------------------------------------------
$listed = Get-Content "$here\modules.txt" | ForEach-Object { ($_ -replace '#.*', '').Trim() } | Where-Object { $_ }
$found = & "$jdk\bin\jdeps.exe" -q --multi-release 17 --ignore-missing-deps --print-module-deps --recursive `
  --class-path "target\lib\*" $jar 2>$null | Select-Object -Last 1
if ($found -notmatch '^[a-z.,]+$') { Say "VARNING: jdeps gav inget resultat; använder bara installer\modules.txt"; $found = "" }
$modules = (@($listed) + ($found -split ",") | Where-Object { $_ } | Sort-Object -Unique) -join ","

# --- trimmed runtime (jlink) ------------------------------------------------------------------
$runtime = "$out\runtime"
Say "jlink: $modules"
if (Test-Path $runtime) { Remove-Item -Recurse -Force $runtime }
Run "$jdk\bin\jlink.exe" @("--module-path", "$jdk\jmods", "--add-modules", $modules,
  "--include-locales=sv,sv-SE,en,en-US", "--strip-debug", "--no-header-files", "--no-man-pages",
  "--compress=2", "--output", $runtime)

# --- jpackage input ---------------------------------------------------------------------------
$inputDir = "$out\input"
if (Test-Path $inputDir) { Remove-Item -Recurse -Force $inputDir }
New-Item -ItemType Directory -Force "$inputDir\lib" | Out-Null
Copy-Item $jar $inputDir
Copy-Item target\lib\*.jar "$inputDir\lib"

$name = "Halsolage"
$common = @("--name", $name, "--app-version", $appVersion, "--vendor", "Hälsoläge",
  "--description", "Folkhälsodata, insatser och Strategi för hälsa för kommunens folkhälsosamordnare")

# --- app image --------------------------------------------------------------------------------
$imageDir = "$out\image"
if (Test-Path $imageDir) { Remove-Item -Recurse -Force $imageDir }
Say "jpackage: app image …"
Run "$jdk\bin\jpackage.exe" (@("--type", "app-image", "@$here\jpackage.common") + $common + @(
  "--icon", "$here\icons\halsolage.ico",
  "--input", $inputDir, "--runtime-image", $runtime, "--dest", $imageDir,
  "--add-launcher", "halsolage-cli=$here\windows\halsolage-cli.properties"))
$image = "$imageDir\$name"

# --- .msi -------------------------------------------------------------------------------------
$package = $null
if (-not $AppImageOnly) {
  $dist = "$out\dist"
  New-Item -ItemType Directory -Force $dist | Out-Null
  Get-ChildItem $dist -Filter "*.$Type" | Remove-Item -Force
  $license = @()
  foreach ($f in "LICENSE", "LICENSE.txt", "LICENSE.md") { if (Test-Path $f) { $license = @("--license-file", $f); break } }
  Say "jpackage: .$Type …"
  Run "$jdk\bin\jpackage.exe" (@("--type", $Type) + $common + $license + @(
    "--app-image", $image, "--dest", $dist,
    "--file-associations", "$here\windows\halsa.properties",
    "--win-per-user-install",          # installs into %LOCALAPPDATA%\Halsolage, no admin rights
    "--win-dir-chooser",
    "--win-menu", "--win-menu-group", "Hälsoläge",
    "--win-shortcut",
    # Keep this UUID: it lets a newer .msi replace an installed older version.
    "--win-upgrade-uuid", "93ee7048-3e25-4a33-9b71-074bba89b066"))
  $package = Get-ChildItem $dist -Filter "*.$Type" | Sort-Object LastWriteTime -Descending | Select-Object -First 1
}

# --- report -----------------------------------------------------------------------------------
function Size($path) { "{0:N0} MB" -f ((Get-ChildItem -Recurse -File $path | Measure-Object Length -Sum).Sum / 1MB) }
Say ("klart på {0:N0} s" -f ((Get-Date) - $started).TotalSeconds)
Say "  runtime (jlink): $runtime  $(Size $runtime)"
Say "  app image:       $image  $(Size $image)"
Say "  prova:           $image\halsolage-cli.exe --version"
if ($package) { Say "  paket:           $($package.FullName)  $(Size $package.FullName)" }
