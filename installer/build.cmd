@echo off
rem Builds the Windows installer (.msi) for Halsolage: see installer\README.md.
rem   installer\build.cmd                (app image + .msi; needs WiX 3 on PATH)
rem   installer\build.cmd -AppImageOnly  (only the app image)
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0build.ps1" %*
exit /b %ERRORLEVEL%
