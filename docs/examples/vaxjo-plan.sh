#!/usr/bin/env bash
# The documented Växjö plan (docs/report.md, "Växjö med riktiga data"), made as a coordinator makes it, with the
# real Skolenkäten åk 8 2022 file and Kolada's real values of 2024-12-12 served by the test stand-in on 127.0.0.1
# (no internet). With ../shared beside the project (or HALSOLAGE_SHARED set):
#   bash docs/examples/vaxjo-plan.sh [FOLDER]        (default /tmp/vaxjo-plan)
# The initiative texts are an example of what a coordinator writes; their figures are the workbook's own.
set -euo pipefail
out=${1:-/tmp/vaxjo-plan}; mkdir -p "$out"; out=$(cd "$out" && pwd)
cd "$(dirname "$0")/../.."                  # the project root
shared=${HALSOLAGE_SHARED:-$(cd .. && pwd)/shared}
H=./app/halsolage; W=$out/vaxjo.halsa; port=${KOLADA_PORT:-8089}; K=http://127.0.0.1:$port/v3
export HALSOLAGE_HOME=$out/appdata          # the downloaded Kolada catalogue goes here, not into your own settings
mvn -q -o -Dinstaller.skip=true -DskipTests test-compile
mvn -q -o exec:java -Dexec.classpathScope=test -Dexec.mainClass=se.halsolage.kolada.StandInKolada -Dexec.args=$port \
  >"$out/stand-in.log" 2>&1 & standin=$!
trap 'kill $standin 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "$K/municipality?title=V%C3%A4xj%C3%B6" >/dev/null 2>&1 && break; sleep 1; done

$H kolada catalog update --base-url $K
$H new --municipality Växjö --year 2026 --out $W --force
$H import "$shared/fixtures/skolenkaten-grundskola-ak8-2022.xlsx" --workbook $W
$H kolada fetch --workbook $W --base-url $K --quiet --group liknande \
   --kpi sfh,N00945,N07907,N09890,N11821,N17538,N17625,U07452,U09808

$H initiatives $W --add "Trygg skola" --group "Allas barn" --kind förebyggande --from 2025 --to 2027 \
   --indicators N15643,N17625 --target-groups skolbarn,unga --malomraden 2,7 \
   --responsible Utbildningsförvaltningen --partners Elevhälsan,Polisen \
   --background "I Skolenkäten 2022 svarade 83 procent av eleverna i årskurs 8 att de känner sig trygga i skolan. Det är något fler än i liknande kommuner, men var sjätte elev känner sig inte trygg. Hösten 2024 beslutade utbildningsnämnden att tryggheten i skolan ska vara ett prioriterat område till och med 2027." \
   --description "Skolorna kartlägger otrygga platser tillsammans med eleverna och följer upp frånvaron tidigt." \
   --work "Under 2026 genomförs trygghetsvandringar på alla högstadieskolor, och resultaten från Skolenkäten 2026 jämförs med 2022."
$H initiatives $W --add "Fritid för alla" --group "Allas barn" --from 2024 --to 2026 --indicators U09808,N09890 \
   --target-groups unga --malomraden 6,7 --responsible "Kultur- och fritidsförvaltningen" --partners Idrottsföreningar,Kulturskolan \
   --background "Deltagandet i idrottsföreningar bland unga 13–20 år har minskat sedan 2015. Kommunfullmäktige beslutade 2023 att alla barn och unga ska ha tillgång till en meningsfull fritid oavsett föräldrarnas ekonomi." \
   --work "Under 2026 erbjuds avgiftsfria prova-på-aktiviteter på loven, och kulturskolan öppnar en verksamhet i Araby."
$H initiatives $W --add "Jämställt föräldraskap" --group "Barnens bästa" --from 2025 --to 2027 --indicators N00945 \
   --target-groups småbarn,vuxna --malomraden 1,3 --responsible Folkhälsosamordnaren --partners Försäkringskassan,Barnhälsovården \
   --background "Män tar ut fyra av tio dagar med tillfällig föräldrapenning. Ett mer jämställt föräldraskap ger barn bättre förutsättningar och minskar ohälsan bland föräldrar." \
   --work "Under 2026 tas informationsmaterial fram tillsammans med barnhälsovården."
$H initiatives $W --add "Goda livsvillkor i förskolan" --group "Barnens bästa" --kind förebyggande --from 2026 --to 2028 \
   --indicators N11821,N07907 --target-groups småbarn --malomraden 1,5 --responsible Förskoleförvaltningen \
   --background "Nästan alla barn 3–5 år går i förskolan, men trångboddheten i flerbostadshus är högre än i liknande kommuner. Förskolan är en av de viktigaste insatserna för jämlika livsvillkor." \
   --work "Under 2026 besöker förskolan familjer i de områden där trångboddheten är störst."
$H initiatives $W --add "Trygg stadsmiljö" --kind förebyggande --from 2025 --to 2026 --indicators U07452 --malomraden 5 \
   --responsible Samhällsbyggnadsförvaltningen --partners Polisen \
   --background "Anmälda skadegörelsebrott är färre än i liknande kommuner men har inte minskat sedan 2022. Politiken beslutade 2024 om ett gemensamt trygghetsarbete med polisen." \
   --work "Under 2026 följs anmälda skadegörelsebrott upp varje kvartal tillsammans med polisen."

$H report --workbook $W --add N17538 --out "$out/plan.docx" --pdf
python3 "$shared/acceptance/docx_check.py" "$out/plan.docx"
