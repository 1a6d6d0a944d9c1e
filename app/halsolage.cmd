@echo off
rem Hälsoläge launcher for Windows: builds the jar when it is missing, then runs it.
setlocal
set "HERE=%~dp0.."
set "JAR=%HERE%\target\halsolage.jar"
if not exist "%JAR%" goto build
if not exist "%HERE%\target\lib" goto build
rem Rebuild when any source is newer than the jar (PowerShell does the date comparison).
powershell -NoProfile -Command "$j=(Get-Item '%JAR%').LastWriteTime; $n=Get-ChildItem -Recurse -File '%HERE%\src\main','%HERE%\resources','%HERE%\pom.xml' | Where-Object { $_.LastWriteTime -gt $j } | Select-Object -First 1; if ($n) { exit 1 } else { exit 0 }"
if errorlevel 1 goto build
goto run
:build
where mvn >nul 2>nul || (echo Halsolage behover byggas men Maven ^(mvn^) saknas. Installera Maven och JDK 17 eller nyare. 1>&2 & exit /b 2)
echo Bygger Halsolage ... 1>&2
pushd "%HERE%"
call mvn -q -B -DskipTests package 1>&2 || (popd & exit /b 2)
popd
:run
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
set "HEADLESS="
if not "%~1"=="" if /I not "%~x1"==".halsa" set "HEADLESS=-Djava.awt.headless=true"
"%JAVA%" -Dfile.encoding=UTF-8 -Xmx1g %HEADLESS% %HALSOLAGE_JAVA_OPTS% -jar "%JAR%" %*
