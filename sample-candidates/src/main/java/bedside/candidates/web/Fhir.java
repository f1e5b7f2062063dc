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
import java.util.Optional;

/**
 * A deliberately small FHIR-style JSON read API over the clinical record. Every resource that belongs to a
 * patient carries {@code {"reference":"Patient/…","identifier":"<NHS number>","display":"<name>"}}.
 */
public final class Fhir {
    public static final String NHS_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

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
            entries.addObject().set("resource", r);
        }
        return b;
    }

    public ObjectNode patientRef(String patientId) {
        Patient p = record.requirePatient(patientId);
        ObjectNode ref = mapper.createObjectNode();
        ref.put("reference", "Patient/" + p.id());
        ref.put("identifier", p.nhsNumber());
        ref.put("display", p.fullName());
        return ref;
    }

    public ObjectNode patient(Patient p) {
        ObjectNode r = resource("Patient", p.id());
        ArrayNode ids = r.putArray("identifier");
        ObjectNode id = ids.addObject();
        id.put("system", NHS_SYSTEM);
        id.put("value", p.nhsNumber());
        ObjectNode name = r.putArray("name").addObject();
        name.put("family", p.familyName());
        name.putArray("given").add(p.givenName());
        name.put("text", p.fullName());
        r.put("gender", p.sex().code());
        record.nominatedPharmacy(p.id()).ifPresent(ph -> {
            ObjectNode n = r.putObject("nominatedPharmacy");
            n.put("identifier", ph.code());
            n.put("display", ph.name() + ", " + ph.town());
        });
        r.put("birthDate", p.birthDate().toString());
        if (p.phone() != null) {
            ObjectNode t = r.putArray("telecom").addObject();
            t.put("system", "phone");
            t.put("value", p.phone());
        }
        if (p.address() != null) {
            ObjectNode a = r.putArray("address").addObject();
            if (p.address().line() != null) {
                a.putArray("line").add(p.address().line());
            }
            putIf(a, "city", p.address().city());
            putIf(a, "postalCode", p.address().postcode());
            a.put("text", p.address().text());
        }
        return r;
    }

    public ObjectNode allergy(Allergy a) {
        ObjectNode r = resource("AllergyIntolerance", a.id());
        r.set("patient", patientRef(a.patientId()));
        text(r, "code", a.substance());
        ObjectNode reaction = r.putArray("reaction").addObject();
        reaction.putArray("manifestation").addObject().put("text", a.reaction());
        reaction.put("severity", a.severity().code());
        if (a.comment() != null) {
            reaction.put("description", a.comment());
        }
        putIf(r, "onsetDateTime", a.onset());
        r.put("recordedDate", instant(a.recordedDate()));
        r.put("recorder", a.recorder());
        return r;
    }

    public ObjectNode condition(Condition c) {
        ObjectNode r = resource("Condition", c.id());
        r.set("subject", patientRef(c.patientId()));
        text(r, "code", c.description());
        text(r, "clinicalStatus", c.clinicalStatus());
        putIf(r, "onsetDateTime", c.onset());
        putIf(r, "note", c.comment());
        r.put("recordedDate", instant(c.recordedDate()));
        r.put("recorder", c.recorder());
        return r;
    }

    public ObjectNode medicationStatement(MedicationStatement m) {
        ObjectNode r = resource("MedicationStatement", m.id());
        r.set("subject", patientRef(m.patientId()));
        r.put("status", m.status());
        putIf(r, "statusReason", m.statusReason());
        text(r, "medication", m.medication());
        ObjectNode dosage = r.putArray("dosage").addObject();
        dosage.put("text", m.dosage() == null ? "" : m.dosage());
        if (m.route() != null) {
            dosage.putObject("route").put("text", m.route());
        }
        r.put("dateAsserted", instant(m.dateAsserted()));
        r.put("informationSource", m.recorder());
        putIf(r, "derivedFrom", m.source());
        return r;
    }

    public ObjectNode observation(LabResult o) {
        ObjectNode r = resource("Observation", o.id());
        r.put("status", "final");
        r.putArray("category").addObject().put("text", "laboratory");
        text(r, "code", o.test());
        r.set("subject", patientRef(o.patientId()));
        r.put("effectiveDateTime", instant(o.effective()));
        ObjectNode q = r.putObject("valueQuantity");
        try {
            q.put("value", new java.math.BigDecimal(o.value()));
        } catch (NumberFormatException e) {
            q.put("value", o.value());
        }
        q.put("unit", o.unit());
        r.putArray("referenceRange").addObject().put("text", o.referenceRange());
        ObjectNode interp = r.putArray("interpretation").addObject();
        interp.putArray("coding").addObject().put("code", o.interpretation());
        interp.put("text", o.interpretationText());
        r.put("acknowledged", o.acknowledged());
        putIf(r, "acknowledgedBy", o.acknowledgedBy());
        if (o.acknowledgedAt() != null) {
            r.put("acknowledgedDate", instant(o.acknowledgedAt()));
        }
        return r;
    }

    public ObjectNode medicationRequest(MedicationRequest m) {
        ObjectNode r = resource("MedicationRequest", m.id());
        r.put("status", m.status());
        r.put("intent", "order");
        r.set("subject", patientRef(m.patientId()));
        text(r, "medication", m.medication());
        ObjectNode d = r.putArray("dosageInstruction").addObject();
        d.put("text", m.directions());
        d.put("dose", m.dose());
        d.putObject("route").put("text", m.route());
        d.put("frequency", m.frequency());
        ObjectNode dispense = r.putObject("dispenseRequest");
        ObjectNode duration = dispense.putObject("expectedSupplyDuration");
        duration.put("value", m.durationDays());
        duration.put("unit", "days");
        if (m.pharmacyCode() != null) {
            Pharmacy p = Pharmacy.byCode(m.pharmacyCode()).orElseThrow();
            ObjectNode performer = dispense.putObject("performer");
            performer.put("identifier", p.code());
            performer.put("display", p.name() + ", " + p.town());
        }
        r.put("dispatchStatus", m.dispatch());
        if (m.sentAt() != null) {
            r.put("sentDate", instant(m.sentAt()));
        }
        r.put("authoredOn", instant(m.authoredOn()));
        r.put("requester", m.requester());
        ArrayNode issues = r.putArray("detectedIssue");
        m.detectedIssueIds().forEach(id -> issues.addObject().put("reference", "DetectedIssue/" + id));
        return r;
    }

    public ObjectNode serviceRequest(ServiceRequest o) {
        ObjectNode r = resource("ServiceRequest", o.id());
        r.put("status", o.status());
        r.put("intent", "order");
        r.putArray("category").addObject().put("text", o.category());
        text(r, "code", o.test());
        r.put("priority", o.priority());
        r.set("subject", patientRef(o.patientId()));
        if (o.reason() != null) {
            r.putArray("reasonCode").addObject().put("text", o.reason());
        }
        r.put("authoredOn", instant(o.authoredOn()));
        r.put("requester", o.requester());
        return r;
    }

    public ObjectNode detectedIssue(DetectedIssue d) {
        ObjectNode r = resource("DetectedIssue", d.id());
        r.put("status", "final");
        text(r, "category", d.kind());
        text(r, "code", d.title());
        r.put("severity", d.severity());
        r.set("patient", patientRef(d.patientId()));
        r.put("identifiedDateTime", instant(d.identified()));
        r.put("author", d.author());
        ArrayNode implicated = r.putArray("implicated");
        d.implicated().forEach(i -> implicated.addObject().put("display", i));
        r.put("detail", d.detail());
        ObjectNode mitigation = r.putArray("mitigation").addObject();
        mitigation.putObject("action").put("text", d.action());
        mitigation.put("date", instant(d.identified()));
        mitigation.put("author", d.author());
        putIf(r, "overrideReason", d.reason());
        if (d.requestId() != null) {
            r.putObject("request").put("reference", "MedicationRequest/" + d.requestId());
        }
        putIf(r, "alertCode", d.alertCode());
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
        r.put("status", done ? "retired" : "current");
        r.put("mode", "working");
        r.put("title", "Medicines reconciliation");
        text(r, "code", "Discharge medication list");
        r.set("subject", patientRef(p.id()));
        r.put("source", items.get(0).source());
        r.put("reconciled", done);
        ArrayNode entries = r.putArray("entry");
        for (IncomingMedication i : items) {
            ObjectNode e = entries.addObject();
            e.put("id", i.id());
            ObjectNode item = e.putObject("item");
            item.put("display", i.medication() + " \u2014 " + i.dosage() + " \u2014 " + i.route());
            item.put("medication", i.medication());
            item.put("dosage", i.dosage());
            e.put("change", i.change());
            putIf(e, "note", i.note());
            e.put("decision", i.decision());
            putIf(e, "decidedBy", i.decidedBy());
            if (i.decidedAt() != null) {
                e.put("date", instant(i.decidedAt()));
            }
        }
        return List.of(r);
    }

    private ObjectNode resource(String type, String id) {
        ObjectNode r = mapper.createObjectNode();
        r.put("resourceType", type);
        r.put("id", id);
        return r;
    }

    private static void text(ObjectNode r, String field, String text) {
        r.putObject(field).put("text", text);
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
