package se.halsolage.ui.initiatives;

import se.halsolage.ui.common.YearField;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import se.halsolage.domain.Initiative;
import se.halsolage.domain.InitiativeKind;
import se.halsolage.domain.InitiativeStatus;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.Maturity;
import se.halsolage.domain.QualityStep;
import se.halsolage.domain.TargetGroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The editable fields of one initiative, with validation messages in Swedish. */
public final class InitiativeForm {
    private static final Pattern NOTE = Pattern.compile("^\\s*(\\d{4})\\s*[:\\-–]\\s*(.+)$");

    private long id;
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty description = new SimpleStringProperty("");
    /** Why the initiative exists: what the data showed, what was decided. */
    public final StringProperty background = new SimpleStringProperty("");
    public final ObjectProperty<InitiativeKind> kind = new SimpleObjectProperty<>(InitiativeKind.FRAMJANDE);
    public final StringProperty workGroup = new SimpleStringProperty("");
    public final ObservableSet<TargetGroup> targetGroups = FXCollections.observableSet();
    public final ObservableSet<Malomrade> malomraden = FXCollections.observableSet();
    public final ObservableList<String> indicatorIds = FXCollections.observableArrayList();
    public final StringProperty responsible = new SimpleStringProperty("");
    /** Partners, one per line or separated by commas. */
    public final StringProperty partners = new SimpleStringProperty("");
    public final StringProperty startYear = new SimpleStringProperty("");
    public final StringProperty endYear = new SimpleStringProperty("");
    public final ObjectProperty<InitiativeStatus> status = new SimpleObjectProperty<>(InitiativeStatus.PLANERAD);
    public final ObjectProperty<Maturity> maturity = new SimpleObjectProperty<>(Maturity.PLANERING);
    public final ObjectProperty<QualityStep> qualityStep = new SimpleObjectProperty<>();
    /** Yearly notes, one per line: "2025: text". */
    public final StringProperty notes = new SimpleStringProperty("");

    /** What the form held when it was last loaded or saved; compared with {@link #fingerprint()}. */
    private String clean = fingerprint();

    public long id() {
        return id;
    }

    /** True when something was typed or chosen since the form was loaded or last saved. */
    public boolean dirty() {
        return !fingerprint().equals(clean);
    }

    private int generation;

    /** Increases each time another initiative (or an empty form) is loaded. */
    public int generation() {
        return generation;
    }

    /** The draft in the form was stored as initiative {@code storedId} (its content unchanged by this). */
    public void setId(long storedId) {
        id = storedId;
    }

    /** The form's content now counts as saved, as initiative {@code savedId}. */
    public void markSaved(long savedId) {
        id = savedId;
        clean = fingerprint();
    }

    private String fingerprint() {
        return String.join("\u0001", String.valueOf(name.get()), String.valueOf(description.get()),
                String.valueOf(kind.get()), String.valueOf(workGroup.get()),
                new java.util.TreeSet<>(targetGroups).toString(), new java.util.TreeSet<>(malomraden).toString(),
                indicatorIds.toString(), String.valueOf(responsible.get()), String.valueOf(partners.get()),
                String.valueOf(startYear.get()), String.valueOf(endYear.get()), String.valueOf(status.get()),
                String.valueOf(maturity.get()), String.valueOf(qualityStep.get()), String.valueOf(notes.get()).strip());
    }

    public void clear() {
        load(null);
    }

    public void load(Initiative in) {
        generation++;
        id = in == null ? 0 : in.id();
        name.set(in == null ? "" : in.name());
        description.set(in == null || in.description() == null ? "" : in.description());
        background.set(in == null || in.background() == null ? "" : in.background());
        kind.set(in == null ? InitiativeKind.FRAMJANDE : in.kind());
        workGroup.set(in == null || in.workGroup() == null ? "" : in.workGroup());
        targetGroups.clear();
        malomraden.clear();
        indicatorIds.clear();
        if (in != null) {
            targetGroups.addAll(in.targetGroups());
            malomraden.addAll(in.malomraden());
            indicatorIds.addAll(in.indicatorIds());
        }
        responsible.set(in == null || in.responsible() == null ? "" : in.responsible());
        partners.set(in == null ? "" : String.join(", ", in.partners()));
        startYear.set(in == null || in.startYear() == null ? "" : in.startYear().toString());
        endYear.set(in == null || in.endYear() == null ? "" : in.endYear().toString());
        status.set(in == null ? InitiativeStatus.PLANERAD : in.status());
        maturity.set(in == null ? Maturity.PLANERING : in.maturity());
        qualityStep.set(in == null ? null : in.qualityStep());
        StringBuilder sb = new StringBuilder();
        if (in != null) in.notes().forEach((y, t) -> sb.append(y).append(": ").append(t).append('\n'));
        notes.set(sb.toString().strip());
        clean = fingerprint();
    }

    /** Validation problems, field by field ("name", "startYear", "endYear", "notes"); empty when valid. */
    public Map<String, String> problems() {
        Map<String, String> p = new LinkedHashMap<>();
        if (name.get() == null || name.get().isBlank()) p.put("name", "Skriv ett namn på insatsen.");
        Integer s = year(startYear.get());
        Integer e = year(endYear.get());
        if (!blank(startYear.get()) && s == null) p.put("startYear", "Startår ska vara ett år, till exempel 2025.");
        if (!blank(endYear.get()) && e == null) p.put("endYear", "Slutår ska vara ett år, till exempel 2027.");
        if (s != null && e != null && e < s) p.put("endYear", "Slutåret ligger före startåret.");
        for (String line : lines(notes.get())) {
            if (!NOTE.matcher(line).matches()) {
                p.put("notes", "Skriv årsanteckningar som \"2025: text\", en per rad. Raden \"" + line + "\" följer inte det.");
                break;
            }
        }
        return p;
    }

    public boolean isValid() {
        return problems().isEmpty();
    }

    /** The initiative the form describes. Call only when {@link #isValid()}. */
    public Initiative toInitiative() {
        Map<Integer, String> n = new LinkedHashMap<>();
        for (String line : lines(notes.get())) {
            Matcher m = NOTE.matcher(line);
            if (m.matches()) n.put(Integer.parseInt(m.group(1)), m.group(2).strip());
        }
        List<String> partnerList = new ArrayList<>();
        for (String s : partners.get() == null ? new String[0] : partners.get().split("[,\\n]")) {
            if (!s.isBlank()) partnerList.add(s.strip());
        }
        return new Initiative(id, name.get().strip(), blank(description.get()) ? null : description.get().strip(),
                kind.get(), blank(workGroup.get()) ? null : workGroup.get().strip(),
                targetGroups.isEmpty() ? Set0.noneTG() : EnumSet.copyOf(targetGroups),
                malomraden.isEmpty() ? Set0.noneM() : EnumSet.copyOf(malomraden), new ArrayList<>(indicatorIds),
                blank(responsible.get()) ? null : responsible.get().strip(), partnerList, year(startYear.get()),
                year(endYear.get()), status.get(), maturity.get(), qualityStep.get(), n,
                blank(background.get()) ? null : background.get().strip());
    }

    private static final class Set0 {
        static EnumSet<TargetGroup> noneTG() { return EnumSet.noneOf(TargetGroup.class); }
        static EnumSet<Malomrade> noneM() { return EnumSet.noneOf(Malomrade.class); }
    }

    private static List<String> lines(String s) {
        if (s == null) return List.of();
        return Arrays.stream(s.split("\\R")).filter(l -> !l.isBlank()).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static Integer year(String s) {
        return YearField.parse(s);
    }
}
