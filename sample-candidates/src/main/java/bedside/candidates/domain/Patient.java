package bedside.candidates.domain;

import java.time.LocalDate;

/** A registered patient. Address and phone may be null. */
public record Patient(
        String id,
        String nhsNumber,
        String givenName,
        String familyName,
        Sex sex,
        LocalDate birthDate,
        Address address,
        String phone) {

    public String fullName() {
        return givenName + " " + familyName;
    }

    /** "Okafor, Margaret". */
    public String sortName() {
        return familyName + ", " + givenName;
    }

    public Patient withContact(Address newAddress, String newPhone) {
        return new Patient(id, nhsNumber, givenName, familyName, sex, birthDate, newAddress, newPhone);
    }
}
