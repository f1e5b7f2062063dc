package bedside.candidates.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The in-memory clinical record shared by a candidate's pages and its FHIR API. Thread-safe (every public
 * method is synchronized). Created seeded; {@link #reset()} returns to the seed.
 */
public final class ClinicalRecord {
    private final Clock clock;
    private int nextId;
    private int nextPatientNumber;
    private final Map<String, Patient> patients = new LinkedHashMap<>();
    private final List<Allergy> allergies = new ArrayList<>();
    private final List<Condition> problems = new ArrayList<>();
    private final List<MedicationStatement> medications = new ArrayList<>();
    private final List<LabResult> results = new ArrayList<>();
    private final Map<String, String> nominatedPharmacy = new LinkedHashMap<>();
    private final List<MedicationRequest> prescriptions = new ArrayList<>();
    private final List<ServiceRequest> orders = new ArrayList<>();
    private final List<DetectedIssue> issues = new ArrayList<>();
    private final List<IncomingMedication> incoming = new ArrayList<>();

    public ClinicalRecord() {
        this(Clock.systemUTC());
    }

    public ClinicalRecord(Clock clock) {
        this.clock = clock;
        reset();
    }

    public Clock clock() {
        return clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Back to the seeded state (identifiers included). */
    public synchronized void reset() {
        nextId = 1;
        nextPatientNumber = 1001;
        patients.clear();
        allergies.clear();
        problems.clear();
        medications.clear();
        results.clear();
        nominatedPharmacy.clear();
        prescriptions.clear();
        orders.clear();
        issues.clear();
        incoming.clear();
        Seed.populate(this);
    }

    private String newId(String prefix) {
        return prefix + "-" + (nextId++);
    }

    // ---------------------------------------------------------------- patients

    public synchronized List<Patient> patients() {
        return sorted(new ArrayList<>(patients.values()));
    }

    public synchronized Optional<Patient> patient(String id) {
        return Optional.ofNullable(id == null ? null : patients.get(id.trim()));
    }

    public synchronized Patient requirePatient(String id) {
        return patient(id).orElseThrow(() -> new NoSuchElementException("no patient " + id));
    }

    public synchronized Optional<Patient> patientByNhsNumber(String nhs) {
        String n = NhsNumber.normalise(nhs);
        if (n == null) {
            return Optional.empty();
        }
        return patients.values().stream().filter(p -> p.nhsNumber().equals(n)).findFirst();
    }

    /**
     * Free-text search: an NHS number (with or without spaces, or its first digits), or names (every word must
     * start a forename or surname, any case: "okafor", "Margaret Okafor", "Okafor, Margaret", "marg").
     */
    public synchronized List<Patient> search(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String q = query.trim();
        String digits = q.replaceAll("[\\s-]", "");
        if (digits.matches("\\d+")) {
            if (digits.length() < 3) {
                return List.of();
            }
            return sorted(patients.values().stream().filter(p -> p.nhsNumber().startsWith(digits)).toList());
        }
        String[] words = q.toLowerCase(Locale.ROOT).split("[\\s,]+");
        Predicate<Patient> match = p -> {
            for (String w : words) {
                if (w.isEmpty()) {
                    continue;
                }
                if (!p.givenName().toLowerCase(Locale.ROOT).startsWith(w)
                        && !p.familyName().toLowerCase(Locale.ROOT).startsWith(w)) {
                    return false;
                }
            }
            return true;
        };
        return sorted(patients.values().stream().filter(match).toList());
    }

    /** Structured search (legacy search form): each non-blank criterion must match; all blank gives nothing. */
    public synchronized List<Patient> search(String surname, String forename, String nhsNumber) {
        String s = blankToNull(surname);
        String f = blankToNull(forename);
        String n = blankToNull(nhsNumber);
        if (s == null && f == null && n == null) {
            return List.of();
        }
        String nn = n == null ? null : n.replaceAll("[\\s-]", "");
        return sorted(patients.values().stream()
                .filter(p -> s == null || p.familyName().toLowerCase(Locale.ROOT).startsWith(s.toLowerCase(Locale.ROOT)))
                .filter(p -> f == null || p.givenName().toLowerCase(Locale.ROOT).startsWith(f.toLowerCase(Locale.ROOT)))
                .filter(p -> nn == null || p.nhsNumber().equals(nn))
                .toList());
    }

    /** Registers a patient; the NHS number must be valid and not already registered. */
    public synchronized Patient registerPatient(String nhsNumber, String givenName, String familyName, Sex sex,
            LocalDate birthDate, Address address, String phone) {
        String n = NhsNumber.normalise(nhsNumber);
        if (n == null || !NhsNumber.isValid(n)) {
            throw new IllegalArgumentException("invalid NHS number");
        }
        if (patientByNhsNumber(n).isPresent()) {
            throw new IllegalStateException("NHS number already registered");
        }
        Patient p = new Patient(String.valueOf(nextPatientNumber++), n, givenName.trim(), familyName.trim(), sex,
                birthDate, address, blankToNull(phone));
        patients.put(p.id(), p);
        return p;
    }

    public synchronized Patient updateContact(String patientId, Address address, String phone) {
        Patient p = requirePatient(patientId).withContact(address, blankToNull(phone));
        patients.put(p.id(), p);
        return p;
    }

    // ---------------------------------------------------------------- allergies

    public synchronized List<Allergy> allergies(String patientId) {
        return allergies.stream().filter(a -> a.patientId().equals(patientId)).toList();
    }

    public synchronized Allergy addAllergy(String patientId, String substance, String reaction,
            ReactionSeverity severity, LocalDate onset, String comment, String recorder) {
        requirePatient(patientId);
        Allergy a = new Allergy(newId("allergy"), patientId, Formulary.normaliseAllergen(substance), reaction, severity,
                onset, blankToNull(comment), now(), recorder);
        allergies.add(a);
        return a;
    }

    // ---------------------------------------------------------------- problems

    public synchronized List<Condition> problems(String patientId) {
        return problems.stream().filter(a -> a.patientId().equals(patientId)).toList();
    }

    public synchronized Condition addProblem(String patientId, String description, LocalDate onset, String comment,
            String recorder) {
        requirePatient(patientId);
        Condition c = new Condition(newId("condition"), patientId, description.trim(), onset, "active",
                blankToNull(comment), now(), recorder);
        problems.add(c);
        return c;
    }

    // ---------------------------------------------------------------- medication list

    public synchronized List<MedicationStatement> medications(String patientId) {
        return medications.stream().filter(a -> a.patientId().equals(patientId)).toList();
    }

    public synchronized MedicationStatement addMedication(String patientId, String medication, String dosage,
            String route, String recorder, String source) {
        requirePatient(patientId);
        MedicationStatement m = new MedicationStatement(newId("medstatement"), patientId, medication.trim(),
                blankToNull(dosage), blankToNull(route), "active", null, now(), recorder, source);
        medications.add(m);
        return m;
    }

    public synchronized MedicationStatement stopMedication(String medicationId, String reason) {
        return replace(medications, medicationId, m -> m.stopped(blankToNull(reason)));
    }

    // ---------------------------------------------------------------- results

    public synchronized List<LabResult> results(String patientId) {
        return results.stream().filter(a -> a.patientId().equals(patientId)).toList();
    }

    public synchronized Optional<LabResult> result(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public synchronized LabResult acknowledgeResult(String resultId, String by) {
        return replace(results, resultId, r -> r.acknowledged() ? r : r.acknowledge(by, now()));
    }

    /** Unacknowledged abnormal results for a patient. */
    public synchronized List<LabResult> unacknowledgedAbnormalResults(String patientId) {
        return results(patientId).stream().filter(r -> r.abnormal() && !r.acknowledged()).toList();
    }

    /** Unacknowledged abnormal results of all patients (the results inbox). */
    public synchronized List<LabResult> allUnacknowledgedAbnormalResults() {
        return results.stream().filter(r -> r.abnormal() && !r.acknowledged()).toList();
    }

    // ---------------------------------------------------------------- prescribing

    public synchronized Optional<Pharmacy> nominatedPharmacy(String patientId) {
        return Pharmacy.byCode(nominatedPharmacy.get(patientId));
    }

    /** Ingredients of the patient's active medication list and active prescriptions. */
    public synchronized List<String> currentIngredients(String patientId) {
        List<String> out = new ArrayList<>();
        medications(patientId).stream().filter(m -> m.status().equals("active"))
                .forEach(m -> out.add(Medicine.ingredientOf(m.medication())));
        prescriptions(patientId).stream().filter(m -> m.status().equals("active"))
                .forEach(m -> out.add(Medicine.ingredientOf(m.medication())));
        return out.stream().distinct().toList();
    }

    /** Drug–allergy and drug–drug warnings for prescribing this medicine to this patient. */
    public synchronized List<Interactions.Finding> checkPrescription(String patientId, String medication) {
        requirePatient(patientId);
        return Interactions.check(Medicine.ingredientOf(medication), allergies(patientId), currentIngredients(patientId));
    }

    public synchronized List<MedicationRequest> prescriptions(String patientId) {
        return prescriptions.stream().filter(a -> a.patientId().equals(patientId)).toList();
    }

    public synchronized Optional<MedicationRequest> prescription(String id) {
        return prescriptions.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Issues a prescription. If the checks find warnings, an override reason is required and each warning is
     * recorded as overridden. With a pharmacy code the prescription is sent at once.
     *
     * @throws WarningsNotOverridden if there are warnings and no reason
     */
    public synchronized MedicationRequest prescribe(String patientId, String medication, String dose, String route,
            String frequency, int days, String requester, String pharmacyCode, String overrideReason) {
        List<Interactions.Finding> findings = checkPrescription(patientId, medication);
        if (!findings.isEmpty() && blankToNull(overrideReason) == null) {
            throw new WarningsNotOverridden(findings);
        }
        String requestId = newId("medrequest");
        List<String> issueIds = new ArrayList<>();
        for (Interactions.Finding f : findings) {
            issueIds.add(recordIssue(patientId, f, "overridden", overrideReason.trim(), requester, requestId, null).id());
        }
        Pharmacy pharmacy = pharmacyCode == null ? null : Pharmacy.byCode(pharmacyCode)
                .orElseThrow(() -> new IllegalArgumentException("unknown pharmacy " + pharmacyCode));
        MedicationRequest r = new MedicationRequest(requestId, patientId, medication.trim(), dose.trim(), route,
                frequency, days, "active", now(), requester, pharmacy == null ? null : pharmacy.code(),
                pharmacy == null ? "not-sent" : "sent", pharmacy == null ? null : now(), List.copyOf(issueIds));
        prescriptions.add(r);
        return r;
    }

    /** The prescriber cancelled in the face of warnings: records each warning as "cancelled". */
    public synchronized List<DetectedIssue> cancelPrescription(String patientId, String medication, String by) {
        List<DetectedIssue> out = new ArrayList<>();
        for (Interactions.Finding f : checkPrescription(patientId, medication)) {
            out.add(recordIssue(patientId, f, "cancelled", null, by, null, null));
        }
        return out;
    }

    public synchronized MedicationRequest sendPrescription(String requestId, String pharmacyCode) {
        Pharmacy p = Pharmacy.byCode(pharmacyCode).orElseThrow(() -> new IllegalArgumentException("unknown pharmacy"));
        return replace(prescriptions, requestId, r -> r.sent(p.code(), now()));
    }

    /** Thrown when a prescription has warnings and no override reason. */
    public static final class WarningsNotOverridden extends RuntimeException {
        private final transient List<Interactions.Finding> findings;

        WarningsNotOverridden(List<Interactions.Finding> findings) {
            super("warnings need an override reason");
            this.findings = findings;
        }

        public List<Interactions.Finding> findings() {
            return findings;
        }
    }

    // ---------------------------------------------------------------- orders

    public synchronized List<ServiceRequest> orders(String patientId) {
        return orders.stream().filter(a -> a.patientId().equals(patientId)).toList();
    }

    public synchronized ServiceRequest order(String patientId, String category, String test, String priority,
            String reason, String requester) {
        requirePatient(patientId);
        ServiceRequest o = new ServiceRequest(newId("servicerequest"), patientId, category, test, priority,
                blankToNull(reason), "active", now(), requester);
        orders.add(o);
        return o;
    }

    // ---------------------------------------------------------------- detected issues and alerts

    public synchronized List<DetectedIssue> issues(String patientId) {
        return issues.stream().filter(a -> a.patientId().equals(patientId)).toList();
    }

    private DetectedIssue recordIssue(String patientId, Interactions.Finding f, String action, String reason,
            String author, String requestId, String alertCode) {
        DetectedIssue d = new DetectedIssue(newId("detectedissue"), patientId, f.kind(), f.severity(), f.title(),
                f.detail(), f.implicated(), action, reason, author, now(), requestId, alertCode);
        issues.add(d);
        return d;
    }

    /** A clinical decision support alert shown when a chart is opened. */
    public record Alert(String code, String title, String detail, String severity, String resultId) {}

    /** Alerts for this patient not yet acknowledged. */
    public synchronized List<Alert> pendingAlerts(String patientId) {
        List<Alert> out = new ArrayList<>();
        for (LabResult r : results(patientId)) {
            if (r.test().equals("Potassium") && decimal(r.value()) >= 6.0) {
                String code = "hyperkalaemia-" + r.id();
                if (issues.stream().noneMatch(i -> code.equals(i.alertCode()))) {
                    boolean onAceInhibitor = currentIngredients(patientId).stream()
                            .anyMatch(i -> i.equals("Ramipril") || i.equals("Lisinopril") || i.equals("Enalapril"));
                    out.add(new Alert(code, "Hyperkalaemia",
                            "Potassium " + r.value() + " " + r.unit() + " (reference range " + r.referenceRange()
                                    + ") is critically high."
                                    + (onAceInhibitor ? " The patient is taking an ACE inhibitor (ramipril)." : "")
                                    + " Repeat urgently, arrange an ECG and review medicines.",
                            "high", r.id()));
                }
            }
        }
        return out;
    }

    public synchronized DetectedIssue acknowledgeAlert(String patientId, String alertCode, String by, String note) {
        Alert a = pendingAlerts(patientId).stream().filter(x -> x.code().equals(alertCode)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no pending alert " + alertCode));
        return recordIssue(patientId, new Interactions.Finding("cds-alert", a.severity(), a.title(), a.detail(),
                List.of("Observation/" + a.resultId())), "acknowledged", blankToNull(note), by, null, a.code());
    }

    private static double decimal(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    // ---------------------------------------------------------------- medicines reconciliation

    public synchronized List<IncomingMedication> incomingMedications(String patientId) {
        return incoming.stream().filter(a -> a.patientId().equals(patientId)).toList();
    }

    public synchronized Optional<IncomingMedication> incomingMedication(String id) {
        return incoming.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * Accepts or rejects one incoming item. Accepting a new item adds it to the medication list; accepting a
     * changed item stops the current entry for the same medicine and adds the new one.
     */
    public synchronized IncomingMedication reconcile(String itemId, boolean accept, String by) {
        IncomingMedication item = incomingMedication(itemId)
                .orElseThrow(() -> new NoSuchElementException("no incoming medication " + itemId));
        if (!item.pending()) {
            throw new IllegalStateException("already reconciled");
        }
        if (accept && !item.change().equals("unchanged")) {
            String ingredient = Medicine.ingredientOf(item.medication());
            if (item.change().equals("changed")) {
                for (MedicationStatement m : medications(item.patientId())) {
                    if (m.status().equals("active") && Medicine.ingredientOf(m.medication()).equalsIgnoreCase(ingredient)) {
                        stopMedication(m.id(), "Changed at hospital discharge");
                    }
                }
            }
            addMedication(item.patientId(), item.medication(), item.dosage(), item.route(), by, item.source());
        }
        return replace(incoming, itemId, i -> i.decide(accept ? "accepted" : "rejected", by, now()));
    }

    // ---------------------------------------------------------------- seeding (package-private)

    synchronized void seedNominatedPharmacy(String patientId, String code) {
        nominatedPharmacy.put(patientId, code);
    }

    synchronized void seedIncoming(String patientId, String source, String medication, String dosage, String route,
            String change, String note) {
        incoming.add(new IncomingMedication(newId("incoming"), patientId, source, medication, dosage, route, change,
                note, "pending", null, null));
    }

    synchronized LabResult seedResult(String patientId, String test, String value, String unit, String range,
            String interpretation, Instant effective) {
        LabResult r = new LabResult(newId("observation"), patientId, test, value, unit, range, interpretation,
                effective, null, null);
        results.add(r);
        return r;
    }

    synchronized void acknowledgeSeeded(String resultId, String by, Instant at) {
        replace(results, resultId, r -> r.acknowledge(by, at));
    }

    synchronized void seedAllergy(String patientId, String substance, String reaction, ReactionSeverity severity,
            Instant recorded) {
        allergies.add(new Allergy(newId("allergy"), patientId, substance, reaction, severity, null, null, recorded,
                Seed.RECORDER));
    }

    synchronized void seedProblem(String patientId, String description, LocalDate onset, Instant recorded) {
        problems.add(new Condition(newId("condition"), patientId, description, onset, "active", null, recorded,
                Seed.RECORDER));
    }

    synchronized void seedMedication(String patientId, String medication, String dosage, String route,
            Instant recorded) {
        medications.add(new MedicationStatement(newId("medstatement"), patientId, medication, dosage, route, "active",
                null, recorded, Seed.RECORDER, null));
    }

    // ---------------------------------------------------------------- helpers

    private Instant now() {
        return clock.instant();
    }

    private static List<Patient> sorted(List<Patient> list) {
        List<Patient> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparing((Patient p) -> p.familyName().toLowerCase(Locale.ROOT))
                .thenComparing(p -> p.givenName().toLowerCase(Locale.ROOT))
                .thenComparing(Patient::birthDate));
        return List.copyOf(copy);
    }


    private static <T extends Record> T replace(List<T> list, String id, UnaryOperator<T> change) {
        for (int i = 0; i < list.size(); i++) {
            T t = list.get(i);
            if (idOf(t).equals(id)) {
                T changed = change.apply(t);
                list.set(i, changed);
                return changed;
            }
        }
        throw new NoSuchElementException("no record " + id);
    }

    private static String idOf(Record r) {
        try {
            return (String) r.getClass().getMethod("id").invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
