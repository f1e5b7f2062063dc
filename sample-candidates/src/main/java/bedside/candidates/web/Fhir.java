package bedside.candidates.web;

import bedside.candidates.domain.Allergy;
import bedside.candidates.domain.DetectedIssue;
import bedside.candidates.domain.IncomingMedication;
import bedside.candidates.domain.MedicationRequest;
import bedside.candidates.domain.Pharmacy;
import bedside.candidates.domain.ServiceRequest;
import bedside.candidates.domain.ClinicalRecord;
import bedside.candidates.domain.LabResult;
import bedside.candidates.domain.MedicationStatement;
import bedside.candidates.domain.Patient;
import bedside.candidates.domain.Condition;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small FHIR R4 read API over the clinical record: valid R4 JSON (built without a FHIR library; the tests parse it
 * with HAPI FHIR), searches answered as {@code searchset} Bundles. Every resource that belongs to a patient refers to
 * {@code Patient/<id>} (with the NHS number as the reference's identifier); the patient is found by
 * {@code Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|<NHS number>}. What R4 has no element for (a result's
 * acknowledgement, a prescription's electronic dispatch, an override reason, a reconciliation decision) is an
 * extension under {@link #EXT}.
 */
public final class Fhir {
    public static final String NHS_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String SNOMED = "http://snomed.info/sct";
    /** The sample candidates' own extensions: {@code EXT + "result-acknowledgement"} and so on. */
    public static final String EXT = "https://bedside.dev/fhir/StructureDefinition/";
    static final String NOMINATED_PHARMACY = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NominatedPharmacy";

    /** SNOMED CT concepts of the allergies the samples know by name (others carry their text only). */
    private static final Map<String, String[]> ALLERGY_CODES = Map.of(
            "penicillin", new String[] {"91936005", "Allergy to penicillin"},
            "latex", new String[] {"300916003", "Latex allergy"},
            "aspirin", new String[] {"293586001", "Allergy to aspirin"},
            "codeine", new String[] {"300913006", "Allergy to codeine"},
            "amoxicillin", new String[] {"294505008", "Allergy to amoxicillin"});
    /** SNOMED CT routes of administration. */
    private static final Map<String, String[]> ROUTES = Map.of(
            "oral", new String[] {"26643006", "Oral route"},
            "inhaled", new String[] {"18679011000001101", "Inhalation"},
            "topical", new String[] {"6064005", "Topical route"},
            "intravenous", new String[] {"47625008", "Intravenous route"},
            "subcutaneous", new String[] {"34206005", "Subcutaneous route"},
            "intramuscular", new String[] {"78421000", "Intramuscular route"});
    private static final Map<String, String[]> REQUEST_CATEGORIES = Map.of(
            "laboratory", new String[] {"108252007", "Laboratory procedure"},
            "imaging", new String[] {"363679005", "Imaging"});
    /** DetectedIssue kinds as HL7 v3 ActCode alert codes (a CDS alert is the samples' own). */
    private static final Map<String, String[]> ISSUE_CODES = Map.of(
            "drug-drug", new String[] {"http://terminology.hl7.org/CodeSystem/v3-ActCode", "DRG", "Drug Interaction Alert"},
            "drug-allergy", new String[] {"http://terminology.hl7.org/CodeSystem/v3-ActCode", "ALGY", "Allergy Alert"},
            "cds-alert", new String[] {EXT + "CodeSystem/issue-kind", "cds-alert", "Clinical decision support alert"});

    private final ObjectMapper mapper;
    private final ClinicalRecord record;

    public Fhir(ObjectMapper mapper, ClinicalRecord record) {
        this.mapper = mapper;
        this.record = record;
    }

    /** Finds the patient named by a search parameter: NHS number (spaces allowed), "Patient/{id}" or id. */
    public Optional<Patient> resolvePatient(String param) {
        if (param == null || param.isBlank()) {
            return Optional.empty();
        }
        Optional<Patient> byNhs = record.patientByNhsNumber(param);
        if (byNhs.isPresent()) {
            return byNhs;
        }
        String id = param.trim();
        if (id.startsWith("Patient/")) {
            id = id.substring("Patient/".length());
        }
        return record.patient(id);
    }

    public ObjectNode bundle(List<ObjectNode> resources) {
        ObjectNode b = mapper.createObjectNode();
        b.put("resourceType", "Bundle");
        b.put("type", "searchset");
        b.put("total", resources.size());
        ArrayNode entries = b.putArray("entry");
        for (ObjectNode r : resources) {
            ObjectNode e = entries.addObject();
            e.put("fullUrl", "urn:bedside:" + r.path("resourceType").asText() + "/" + r.path("id").asText());
            e.set("resource", r);
            e.putObject("search").put("mode", "match");
        }
        return b;
    }

    public ObjectNode patientRef(String patientId) {
        Patient p = record.requirePatient(patientId);
        ObjectNode ref = mapper.createObjectNode();
        ref.put("reference", "Patient/" + p.id());
        ref.set("identifier", identifier(NHS_SYSTEM, p.nhsNumber()));
        ref.put("display", p.fullName());
        return ref;
    }

    public ObjectNode patient(Patient p) {
        ObjectNode r = resource("Patient", p.id());
        record.nominatedPharmacy(p.id()).ifPresent(ph -> {
            ObjectNode ext = r.putArray("extension").addObject();
            ext.put("url", NOMINATED_PHARMACY);
            ObjectNode ref = ext.putObject("valueReference");
            ref.set("identifier", identifier(ODS_SYSTEM, ph.code()));
            ref.put("display", ph.name() + ", " + ph.town());
        });
        r.putArray("identifier").add(identifier(NHS_SYSTEM, p.nhsNumber()));
        ObjectNode name = r.putArray("name").addObject();
        name.put("use", "official");
        name.put("text", p.fullName());
        name.put("family", p.familyName());
        name.putArray("given").add(p.givenName());
        if (p.phone() != null) {
            ObjectNode t = r.putArray("telecom").addObject();
            t.put("system", "phone");
            t.put("value", p.phone());
        }
        r.put("gender", p.sex().code());
        r.put("birthDate", p.birthDate().toString());
        if (p.address() != null) {
            ObjectNode a = r.putArray("address").addObject();
            a.put("text", p.address().text());
            if (p.address().line() != null) {
                a.putArray("line").add(p.address().line());
            }
            putIf(a, "city", p.address().city());
            putIf(a, "postalCode", p.address().postcode());
        }
        return r;
    }

    public ObjectNode allergy(Allergy a) {
        ObjectNode r = resource("AllergyIntolerance", a.id());
        r.set("clinicalStatus", coded("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active", null));
        r.set("verificationStatus", coded("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
                "confirmed", "Confirmed", null));
        r.put("type", "allergy");
        r.putArray("category").add("medication");
        String[] snomed = ALLERGY_CODES.get(a.substance().trim().toLowerCase(Locale.ROOT));
        r.set("code", snomed == null ? text(a.substance()) : coded(SNOMED, snomed[0], snomed[1], a.substance()));
        r.set("patient", patientRef(a.patientId()));
        putIf(r, "onsetDateTime", a.onset());
        r.put("recordedDate", instant(a.recordedDate()));
        r.set("recorder", display(a.recorder()));
        ObjectNode reaction = r.putArray("reaction").addObject();
        reaction.putArray("manifestation").add(text(a.reaction()));
        if (a.comment() != null) {
            reaction.put("description", a.comment());
        }
        reaction.put("severity", a.severity().code());
        return r;
    }

    public ObjectNode condition(Condition c) {
        ObjectNode r = resource("Condition", c.id());
        String status = c.clinicalStatus();
        r.set("clinicalStatus", coded("http://terminology.hl7.org/CodeSystem/condition-clinical", status, capitalised(status), status));
        r.putArray("category").add(coded("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item",
                "Problem List Item", null));
        r.set("code", text(c.description()));
        r.set("subject", patientRef(c.patientId()));
        putIf(r, "onsetDateTime", c.onset());
        r.put("recordedDate", instant(c.recordedDate()));
        r.set("recorder", display(c.recorder()));
        if (c.comment() != null) {
            r.putArray("note").addObject().put("text", c.comment());
        }
        return r;
    }

    public ObjectNode medicationStatement(MedicationStatement m) {
        ObjectNode r = resource("MedicationStatement", m.id());
        r.put("status", m.status());
        if (m.statusReason() != null) {
            r.putArray("statusReason").add(text(m.statusReason()));
        }
        r.set("medicationCodeableConcept", text(m.medication()));
        r.set("subject", patientRef(m.patientId()));
        r.put("dateAsserted", instant(m.dateAsserted()));
        r.set("informationSource", display(m.recorder()));
        if (m.source() != null) {
            r.putArray("derivedFrom").add(display(m.source()));
        }
        ObjectNode dosage = r.putArray("dosage").addObject();
        if (m.dosage() != null && !m.dosage().isBlank()) {
            dosage.put("text", m.dosage());
        }
        if (m.route() != null) {
            dosage.set("route", route(m.route()));
        }
        return r;
    }

    public ObjectNode observation(LabResult o) {
        ObjectNode r = resource("Observation", o.id());
        if (o.acknowledged()) {
            ObjectNode ack = r.putArray("extension").addObject();
            ack.put("url", EXT + "result-acknowledgement");
            ArrayNode parts = ack.putArray("extension");
            if (o.acknowledgedBy() != null) {
                parts.addObject().put("url", "by").put("valueString", o.acknowledgedBy());
            }
            if (o.acknowledgedAt() != null) {
                parts.addObject().put("url", "date").put("valueDateTime", instant(o.acknowledgedAt()));
            }
            if (parts.isEmpty()) {
                parts.addObject().put("url", "by").put("valueString", "unknown");
            }
        }
        r.put("status", "final");
        r.putArray("category").add(coded("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory",
                "Laboratory", "laboratory"));
        r.set("code", text(o.test()));
        r.set("subject", patientRef(o.patientId()));
        r.put("effectiveDateTime", instant(o.effective()));
        try {
            ObjectNode q = r.putObject("valueQuantity");
            q.put("value", new java.math.BigDecimal(o.value()));
            q.put("unit", o.unit());
        } catch (NumberFormatException e) {
            r.remove("valueQuantity");
            r.put("valueString", o.value() + (o.unit() == null ? "" : " " + o.unit()));
        }
        if (o.interpretation() != null) {
            r.putArray("interpretation").add(coded("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                    o.interpretation(), o.interpretationText(), o.interpretationText()));
        }
        if (o.referenceRange() != null) {
            r.putArray("referenceRange").addObject().put("text", o.referenceRange());
        }
        return r;
    }

    public ObjectNode medicationRequest(MedicationRequest m) {
        ObjectNode r = resource("MedicationRequest", m.id());
        if (m.dispatch() != null) {
            ObjectNode ext = r.putArray("extension").addObject();
            ext.put("url", EXT + "dispatch");
            ArrayNode parts = ext.putArray("extension");
            parts.addObject().put("url", "status").put("valueCode", m.dispatch());
            if (m.sentAt() != null) {
                parts.addObject().put("url", "date").put("valueDateTime", instant(m.sentAt()));
            }
        }
        r.put("status", m.status());
        r.put("intent", "order");
        r.set("medicationCodeableConcept", text(m.medication()));
        r.set("subject", patientRef(m.patientId()));
        r.put("authoredOn", instant(m.authoredOn()));
        r.set("requester", display(m.requester()));
        if (!m.detectedIssueIds().isEmpty()) {
            ArrayNode issues = r.putArray("detectedIssue");
            m.detectedIssueIds().forEach(id -> issues.addObject().put("reference", "DetectedIssue/" + id));
        }
        ObjectNode d = r.putArray("dosageInstruction").addObject();
        putIf(d, "text", m.directions());
        if (m.frequency() != null) {
            d.putObject("timing").set("code", text(m.frequency()));
        }
        if (m.route() != null) {
            d.set("route", route(m.route()));
        }
        ObjectNode dose = quantity(m.dose());
        if (dose != null) {
            d.putArray("doseAndRate").addObject().set("doseQuantity", dose);
        }
        ObjectNode dispense = r.putObject("dispenseRequest");
        ObjectNode duration = dispense.putObject("expectedSupplyDuration");
        duration.put("value", m.durationDays());
        duration.put("unit", "days");
        duration.put("system", "http://unitsofmeasure.org");
        duration.put("code", "d");
        if (m.pharmacyCode() != null) {
            Pharmacy p = Pharmacy.byCode(m.pharmacyCode()).orElseThrow();
            ObjectNode performer = dispense.putObject("performer");
            performer.set("identifier", identifier(ODS_SYSTEM, p.code()));
            performer.put("display", p.name() + ", " + p.town());
        }
        return r;
    }

    public ObjectNode serviceRequest(ServiceRequest o) {
        ObjectNode r = resource("ServiceRequest", o.id());
        r.put("status", o.status());
        r.put("intent", "order");
        String[] category = REQUEST_CATEGORIES.get(o.category());
        r.putArray("category").add(category == null ? text(o.category()) : coded(SNOMED, category[0], category[1], o.category()));
        r.put("priority", o.priority());
        r.set("code", text(o.test()));
        r.set("subject", patientRef(o.patientId()));
        r.put("authoredOn", instant(o.authoredOn()));
        r.set("requester", display(o.requester()));
        if (o.reason() != null) {
            r.putArray("reasonCode").add(text(o.reason()));
        }
        return r;
    }

    public ObjectNode detectedIssue(DetectedIssue d) {
        ObjectNode r = resource("DetectedIssue", d.id());
        if (d.reason() != null) {
            ObjectNode ext = r.putArray("extension").addObject();
            ext.put("url", EXT + "override-reason");
            ext.put("valueString", d.reason());
        }
        if (d.alertCode() != null) {
            r.putArray("identifier").add(identifier(EXT + "NamingSystem/cds-alert", d.alertCode()));
        }
        r.put("status", "final");
        String[] kind = ISSUE_CODES.get(d.kind());
        r.set("code", kind == null ? text(d.title()) : coded(kind[0], kind[1], kind[2], d.title()));
        String severity = d.severity() == null ? null : d.severity().toLowerCase(Locale.ROOT);
        if (List.of("high", "moderate", "low").contains(severity)) {
            r.put("severity", severity);
        }
        r.set("patient", patientRef(d.patientId()));
        r.put("identifiedDateTime", instant(d.identified()));
        r.set("author", display(d.author()));
        if (!d.implicated().isEmpty() || d.requestId() != null) {
            ArrayNode implicated = r.putArray("implicated");
            if (d.requestId() != null) {
                implicated.addObject().put("reference", "MedicationRequest/" + d.requestId());
            }
            d.implicated().forEach(i -> implicated.add(display(i)));
        }
        putIf(r, "detail", d.detail());
        ObjectNode mitigation = r.putArray("mitigation").addObject();
        mitigation.set("action", text(d.action()));
        mitigation.put("date", instant(d.identified()));
        mitigation.set("author", display(d.author()));
        return r;
    }

    /** The incoming medication list of a patient and the decisions taken on it, as one List resource. */
    public List<ObjectNode> reconciliationLists(Patient p) {
        List<IncomingMedication> items = record.incomingMedications(p.id());
        if (items.isEmpty()) {
            return List.of();
        }
        ObjectNode r = resource("List", "reconciliation-" + p.id());
        boolean done = items.stream().noneMatch(IncomingMedication::pending);
        ObjectNode reconciled = r.putArray("extension").addObject();
        reconciled.put("url", EXT + "reconciled");
        reconciled.put("valueBoolean", done);
        r.put("status", done ? "retired" : "current");
        r.put("mode", "working");
        r.put("title", "Medicines reconciliation");
        r.set("code", text("Discharge medication list"));
        r.set("subject", patientRef(p.id()));
        r.set("source", display(items.get(0).source()));
        ArrayNode entries = r.putArray("entry");
        for (IncomingMedication i : items) {
            ObjectNode e = entries.addObject();
            e.put("id", i.id());
            ArrayNode ext = e.putArray("extension");
            ObjectNode decision = ext.addObject();
            decision.put("url", EXT + "reconciliation-decision");
            ArrayNode parts = decision.putArray("extension");
            parts.addObject().put("url", "decision").put("valueCode", i.decision());
            if (i.decidedBy() != null) {
                parts.addObject().put("url", "by").put("valueString", i.decidedBy());
            }
            if (i.note() != null) {
                parts.addObject().put("url", "note").put("valueString", i.note());
            }
            if (i.change() != null) {
                e.set("flag", text(i.change()));
            }
            if (i.decidedAt() != null) {
                e.put("date", instant(i.decidedAt()));
            }
            e.set("item", display(i.medication() + " \u2014 " + i.dosage() + " \u2014 " + i.route()));
        }
        return List.of(r);
    }

    private ObjectNode identifier(String system, String value) {
        ObjectNode id = mapper.createObjectNode();
        id.put("system", system);
        id.put("value", value);
        return id;
    }

    /** A Reference by display only (a clinician, a source, a substance the samples keep as text). */
    private ObjectNode display(String text) {
        ObjectNode ref = mapper.createObjectNode();
        ref.put("display", text == null || text.isBlank() ? "unknown" : text);
        return ref;
    }

    private ObjectNode text(String text) {
        ObjectNode c = mapper.createObjectNode();
        c.put("text", text == null ? "" : text);
        return c;
    }

    private ObjectNode coded(String system, String code, String display, String text) {
        ObjectNode c = mapper.createObjectNode();
        ObjectNode coding = c.putArray("coding").addObject();
        coding.put("system", system);
        coding.put("code", code);
        coding.put("display", display);
        if (text != null) {
            c.put("text", text);
        }
        return c;
    }

    private ObjectNode route(String route) {
        String[] snomed = ROUTES.get(route.trim().toLowerCase(Locale.ROOT));
        return snomed == null ? text(route) : coded(SNOMED, snomed[0], snomed[1], route);
    }

    /** "500 mg" or "2 puffs" as a Quantity; null when the text does not start with a number. */
    private ObjectNode quantity(String text) {
        if (text == null) return null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(.*?)\\s*$").matcher(text);
        if (!m.matches()) return null;
        ObjectNode q = mapper.createObjectNode();
        q.put("value", new java.math.BigDecimal(m.group(1)));
        if (!m.group(2).isEmpty()) q.put("unit", m.group(2));
        return q;
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private ObjectNode resource(String type, String id) {
        ObjectNode r = mapper.createObjectNode();
        r.put("resourceType", type);
        r.put("id", id);
        return r;
    }

    private static void putIf(ObjectNode r, String field, Object value) {
        if (value != null) {
            r.put(field, value instanceof LocalDate d ? d.toString() : value.toString());
        }
    }

    public static String instant(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
